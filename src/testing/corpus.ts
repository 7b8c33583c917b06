// The real-world policy exports of ../shared/corpus (nobody here wrote them), for tests that read
// them. Absent outside CI's layout: tests skip then.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const corpusDir = fileURLToPath(new URL('../../../shared/corpus', import.meta.url));
export const corpusPresent = existsSync(corpusDir);

const jsonFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? jsonFiles(path) : name.endsWith('.json') ? [path] : [];
  });

/** Every JSON file of the corpus, or none when it is absent. */
export const corpusFiles = (): string[] => (corpusPresent ? jsonFiles(corpusDir) : []);

/** Files of the corpus that hold something other than policies (groups, named locations, tables). */
export const isNotPolicyFile = (file: string) => /\/(Groups|NamedLocations)\/|MigrationTable|namedLocations\.json/.test(file);
