// What the evaluation commands share: the tenant's policies and named locations as the engine reads
// them, the output formats, and writing the result to stdout or a file.
import { resolve } from 'node:path';
import type { NamedLocationData } from '../../domain/evaluation/sign-in';
import { policyJson, type JsonObject } from '../../domain/json';
import type { GraphClient } from '../../graph/client';
import { listPolicies } from '../../graph/policies';
import { listNamedLocations } from '../../graph/what-if';
import { text, type OptionSpecs, type Values } from '../args';
import { checkOut, couldNotRead, keepSaid, parseUserJson, readUserText, writeOutputFile } from '../files';
import type { CliIo } from '../io';

export const FORMATS = ['text', 'markdown', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export const OUTPUT_OPTIONS: OptionSpecs = {
  format: { type: 'string', value: '<text|markdown|json>', description: 'Output format (default text).' },
  out: { type: 'string', value: '<file>', description: 'Write the output to this file instead of stdout.' },
};

export async function readTenantPolicies(client: GraphClient): Promise<{ policies: JsonObject[]; namedLocations: NamedLocationData[] }> {
  const [policies, namedLocations] = await Promise.all([listPolicies(client), listNamedLocations(client)]);
  return { policies: policies.map(policyJson), namedLocations };
}

/** --out checked before signing in: a folder where the output file goes is refused before the tenant's reads, not after. */
export async function checkOutput(values: Values, io: CliIo): Promise<void> {
  const out = text(values, 'out');
  if (out) await checkOut(io.cwd, out, 'a file');
}

export async function writeOutput(values: Values, io: CliIo, output: string): Promise<void> {
  const out = text(values, 'out');
  if (!out) return io.out(output);
  await writeOutputFile(io.cwd, out, output);
  io.err(`Written to ${out}.\n`);
}

/** A JSON file (from `cwd` when given: a command's working folder), or an error naming it as given. */
export async function readJsonFile(path: string, what: string, cwd?: string): Promise<unknown> {
  const at = cwd === undefined ? path : resolve(cwd, path);
  const content = await readUserText(at, path).catch(keepSaid(couldNotRead(what, path)));
  return parseUserJson(content, path);
}
