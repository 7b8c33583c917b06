// A journal kept in a file, for runs that must survive the process: an apply that stops (a refusal,
// a cancelled job) is resumed by the next apply of the same plan, which skips what was done and
// looks before re-sending a create whose answer never came (operations/apply-plan.ts). It is written
// beside itself and renamed over, so a cut write (a killed job, a full disk) leaves the journal as it was.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { JournalStore } from '../operations/ports';
import { CliError } from './cli-error';

function writeWhole(path: string, value: unknown): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, `${JSON.stringify(value, null, 2)}\n`);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

export function fileJournal(path: string): JournalStore & { exists(): boolean } {
  const read = (): Record<string, unknown> => {
    if (!existsSync(path)) return {};
    try {
      const value = JSON.parse(readFileSync(path, 'utf8')) as unknown;
      return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
    } catch {
      throw new CliError(`The run journal ${path} is not valid JSON; remove it only if you know what the last run wrote.`);
    }
  };
  return {
    exists: () => existsSync(path),
    load: (key) => read()[key] ?? null,
    save: (key, entry) => writeWhole(path, { ...read(), [key]: entry }),
    clear: (key) => {
      const { [key]: _gone, ...rest } = read();
      if (Object.keys(rest).length === 0) rmSync(path, { force: true });
      else writeWhole(path, rest);
    },
  };
}
