// What the evaluation commands share: the tenant's policies and named locations as the engine reads
// them, the output formats, and writing the result to stdout or a file.
import { resolve } from 'node:path';
import { parseCidr } from '../../domain/evaluation/ip-address';
import type { NamedLocationData } from '../../domain/evaluation/sign-in';
import { policyJson, type JsonObject } from '../../domain/json';
import type { GraphClient } from '../../graph/client';
import { listPolicies } from '../../graph/policies';
import { listNamedLocations } from '../../graph/what-if';
import { text, type OptionSpecs, type Values } from '../args';
import { CliError } from '../cli-error';
import { checkOut, couldNotRead, keepSaid, parseUserJson, readUserText, writeOutputFile } from '../files';
import type { CliIo } from '../io';

export const FORMATS = ['text', 'markdown', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export const OUTPUT_OPTIONS: OptionSpecs = {
  format: { type: 'string', value: '<text|markdown|json>', description: 'Output format (default text).' },
  out: { type: 'string', value: '<file>', description: 'Write the output to this file instead of stdout.' },
};

/** The legacy MFA trusted IPs, which Graph does not serve: said on the command line, as the console's Settings says them. */
export const MFA_TRUSTED_IPS_OPTION: OptionSpecs = {
  'mfa-trusted-ips': {
    type: 'string',
    value: '<ranges|none>',
    description:
      'The legacy MFA trusted IPs (per-user MFA service settings), comma-separated CIDR ranges, or none: they count as trusted locations (AllTrusted), and Graph does not serve them. Not given: policies on trusted locations may not be evaluated.',
  },
};

/** The MFA trusted IPs said (an empty list: none), or undefined when not said; a range that is not one is an error, before signing in. */
export function mfaTrustedIpsOf(values: Values): string[] | undefined {
  const said = text(values, 'mfa-trusted-ips');
  if (said === undefined) return undefined;
  const ranges = said
    .split(/[\s,;]+/)
    .map((r) => r.trim())
    .filter(Boolean);
  if (ranges.length === 1 && ranges[0]!.toLowerCase() === 'none') return [];
  if (ranges.length === 0) throw new CliError('--mfa-trusted-ips: give the ranges (such as 203.0.113.0/24), or none.');
  const problems = ranges.flatMap((r) => {
    const parsed = parseCidr(r);
    return 'error' in parsed ? [parsed.error] : [];
  });
  if (problems.length > 0) throw new CliError(`--mfa-trusted-ips: ${problems.join('; ')}.`);
  return ranges;
}

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
