// --mapping <file> and --domain <from=to>: how a desired state from another tenant (or a template) is
// placed in this tenant, for `diff --baseline` and `plan`: the mapping saved from the console's
// Import (placeholders and names to this tenant's objects), and users read across sign-in domains.
// Both are read before the tenant is: a typo fails at once, in words.
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { applyMappingFile, MappingFileError } from '../../domain/plan/mapping-file';
import type { MappingRow, PlanChoices } from '../../domain/plan/types';
import { text, texts, type Values } from '../args';
import { CliError } from '../cli-error';
import { couldNotRead, keepSaid, parseUserJson, readUserText } from '../files';

export interface MappingOptions {
  /** The mapping file as given, its content and the sha256 of its text (what a plan records); null without --mapping. */
  mapping: { path: string; value: unknown; sha256: string } | null;
  domains: { from: string; to: string }[];
}

export function domainsOf(values: Values): MappingOptions['domains'] {
  return texts(values, 'domain').map((pair) => {
    const [from, to, ...rest] = pair.split('=');
    if (!from || !to || rest.length > 0) throw new CliError(`--domain ${pair}: write it as from=to, e.g. contoso.com=fabrikam.com.`);
    return { from, to };
  });
}

export async function readMappingOptions(values: Values, cwd: string): Promise<MappingOptions> {
  const domains = domainsOf(values);
  const path = text(values, 'mapping');
  if (!path) return { mapping: null, domains };
  const content = await readUserText(resolve(cwd, path), path, 'a mapping file (JSON)').catch(
    keepSaid(couldNotRead('the mapping file', path)),
  );
  return {
    mapping: { path, value: parseUserJson(content, path), sha256: createHash('sha256').update(content, 'utf8').digest('hex') },
    domains,
  };
}

/** The plan's choices with the mapping file's applied to its rows, and what it says of them. */
export function withMapping(
  mapping: NonNullable<MappingOptions['mapping']>,
  rows: readonly MappingRow[],
  tenantId: string,
  choices: PlanChoices,
): { choices: PlanChoices; notes: string[] } {
  try {
    const applied = applyMappingFile(mapping.value, rows, tenantId);
    return {
      choices: { ...choices, mapping: applied.mapping, domains: [...(choices.domains ?? []), ...applied.domains] },
      notes: applied.notes,
    };
  } catch (error) {
    if (error instanceof MappingFileError) throw new CliError(`${mapping.path}: ${error.message}`);
    throw error;
  }
}
