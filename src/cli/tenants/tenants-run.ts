// One command over the tenants of a tenants file (--tenants): the file read (every problem named
// with its place), the shard of a CI matrix taken (--shard i/n), each tenant signed in with its own
// entry and its own Graph client (so its own Conditional Access pacer), a bounded number at a time
// (--concurrency). A tenant that fails is said with why, and the others go on; exit 2 when any
// failed, else 1 when any had a finding (drift, lint), else 0.
import { dirname, resolve } from 'node:path';
import { readTenantsFile, shardOf, type TenantEntry } from '../../domain/tenants/tenants-file';
import { GraphRequestError } from '../../graph/errors';
import { runTenants } from '../../operations/run-tenants';
import { text, wholeNumber, type OptionSpecs, type Values } from '../args';
import { CliError } from '../cli-error';
import { fileErrorWords } from '../file-errors';
import { couldNotRead, keepSaid, readUserText } from '../files';
import { EXIT } from '../commands/command';
import type { CliIo } from '../io';
import type { CommandName } from '../permissions';
import { connectTenant, type ConnectOptions, type TenantConnection } from '../tenant';
import { isolatedText } from '../../domain/isolate';

export const TENANTS_OPTIONS: OptionSpecs = {
  tenants: {
    type: 'string',
    value: '<file>',
    description: 'A tenants file (JSON: id, name, auth, emergency, baseline for each tenant): run over every tenant in it.',
  },
  shard: { type: 'string', value: '<i/n>', description: 'With --tenants: only the i-th of n shards (one CI matrix job each).' },
  concurrency: { type: 'string', value: '<n>', description: 'With --tenants: how many tenants at once (default 8).' },
};

export interface TenantsFile {
  path: string;
  /** Paths in the file (baselines, certificates, token files) are relative to its folder. */
  folder: string;
  tenants: TenantEntry[];
  /** Every tenant of the file, before the shard was taken. */
  total: number;
}

export async function loadTenants(values: Values, io: CliIo): Promise<TenantsFile> {
  const path = resolve(io.cwd, text(values, 'tenants')!);
  // As every file the user gives: UTF-16 from PowerShell 5.1 is read, a picture is named as one.
  const source = await readUserText(path, path, 'a tenants file (JSON)').catch(keepSaid(couldNotRead('the tenants file', path)));
  const read = readTenantsFile(source);
  if (!read.ok) throw new CliError(`${path}:\n${read.problems.map((p) => `  ${p.at}: ${p.message}`).join('\n')}`);
  // A run over no tenant would pass a pipeline having checked nothing.
  if (read.tenants.length === 0) throw new CliError(`${path} names no tenant: list each one in "tenants" (id, name, auth).`);
  const folder = dirname(path);
  const tenants = read.tenants.map((t) => withPaths(t, folder));
  const signedIn = new Map<string, TenantEntry>();
  for (const tenant of tenants) runOf.set(tenant, signedIn);
  const shard = text(values, 'shard');
  if (shard === undefined) return { path, folder, tenants, total: tenants.length };
  const match = /^(\d+)\/(\d+)$/.exec(shard);
  if (!match) throw new CliError(`--shard takes i/n, as 2/5 (the second of five shards); not '${shard}'.`);
  try {
    return { path, folder, tenants: shardOf(tenants, Number(match[1]), Number(match[2])), total: tenants.length };
  } catch (error) {
    throw new CliError(`--shard ${shard}: ${(error as Error).message}`);
  }
}

function withPaths(entry: TenantEntry, folder: string): TenantEntry {
  const at = (p: string) => resolve(folder, p);
  const auth =
    entry.auth.kind === 'certificate'
      ? { ...entry.auth, certificatePath: at(entry.auth.certificatePath) }
      : entry.auth.kind === 'federated' && entry.auth.tokenFile
        ? { ...entry.auth, tokenFile: at(entry.auth.tokenFile) }
        : entry.auth;
  return { ...entry, auth, ...(entry.baseline ? { baseline: at(entry.baseline) } : {}) };
}

/**
 * The directories this run has signed in to, by id, and the entry that did. The file cannot see that
 * an id and a domain name the same tenant; the token can. Two entries for one tenant would run at
 * once, halving its Conditional Access pace and racing each other's creates, so the second is refused.
 */
const runOf = new WeakMap<TenantEntry, Map<string, TenantEntry>>();

function claimTenant(entry: TenantEntry, tenantId: string) {
  const signedIn = runOf.get(entry);
  const first = signedIn?.get(tenantId.toLowerCase());
  if (first && first !== entry)
    throw new CliError(
      `${entry.id} signs in to tenant ${tenantId}, which the tenants file already lists as ${isolatedText(first.name)} (${first.id}): nothing was read for it. List each tenant once (by its id or by its domain, not both).`,
    );
  signedIn?.set(tenantId.toLowerCase(), entry);
}

export function concurrencyOf(values: Values): number {
  return wholeNumber(values, 'concurrency', 8, 1, 64);
}

/** The tenant's progress and warnings on stderr, each line marked with its name. */
function tenantIo(io: CliIo, entry: TenantEntry, env: CliIo['env']): CliIo {
  return { ...io, env, err: (words) => io.err(words.replace(/^(?=.)/gm, () => `[${isolatedText(entry.name)}] `)) };
}

/**
 * Signs in to one tenant of the file with its own entry: the secret only from the environment
 * variable the entry names; --authority and --graph-url (or their environment variables) apply to
 * every tenant, "{tenant}" in them standing for the tenant's id.
 */
export async function connectEntry(
  command: CommandName,
  entry: TenantEntry,
  values: Values,
  io: CliIo,
  options: ConnectOptions = {},
): Promise<TenantConnection> {
  const { auth } = entry;
  // Only this entry's credential: no other tenant's variables are seen by its sign-in.
  const env: Record<string, string | undefined> = { ...io.env, AZURE_CLIENT_SECRET: undefined, AZURE_CLIENT_CERTIFICATE_PATH: undefined };
  if (auth.kind === 'secret') {
    const secret = io.env[auth.secretEnv];
    if (!secret) throw new CliError(`The environment variable ${auth.secretEnv}, which the tenants file names for its secret, is not set.`);
    env.AZURE_CLIENT_SECRET = secret;
  }
  const perTenant = (name: string) => {
    const value = text(values, name) ?? (name === 'authority' ? io.env.GATEHOUSE_AUTHORITY : io.env.GATEHOUSE_GRAPH_URL);
    return value?.replaceAll('{tenant}', entry.id);
  };
  const connection: Values = {
    tenant: entry.id,
    'client-id': auth.clientId,
    auth: auth.kind === 'deviceCode' ? 'device-code' : auth.kind,
    authority: perTenant('authority'),
    'graph-url': perTenant('graph-url'),
    ...(auth.kind === 'certificate' && { certificate: auth.certificatePath }),
    ...(auth.kind === 'federated' && auth.tokenFile && { 'federated-token-file': auth.tokenFile }),
    'service-connection-id': text(values, 'service-connection-id'),
  };
  const connected = await connectTenant(command, connection, tenantIo(io, entry, env), options);
  claimTenant(entry, connected.tenantId);
  return connected;
}

/** Why a tenant failed, in one scrubbed line. */
export function failureWords(error: unknown, io: CliIo): string {
  const words =
    error instanceof CliError
      ? error.message
      : error instanceof GraphRequestError
        ? `Microsoft Graph: ${error.details.method} ${error.details.path}: ${error.status === 0 ? 'no answer' : `${error.status} ${error.code}`}: ${error.serviceMessage}${error.details.requestId ? ` (request-id ${error.details.requestId})` : ''}`
        : (fileErrorWords(error, io.cwd) ?? (error instanceof Error ? `${error.name}: ${error.message}` : String(error)));
  return io.redactor.redact(words);
}

export interface TenantResult<T> {
  entry: TenantEntry;
  /** The tenant's result, or why it failed. */
  value?: T;
  error?: string;
  /** A finding in it (drift, failing lint): exit 1 when no tenant failed. */
  finding: boolean;
}

/**
 * Runs `task` for each tenant of the file (shard), printing one line per tenant as it finishes.
 * `task` returns its value and whether it holds a finding; a throw is the tenant's failure.
 */
export async function overTenants<T>(
  file: TenantsFile,
  values: Values,
  io: CliIo,
  task: (entry: TenantEntry) => Promise<{ value: T; finding: boolean; line: string }>,
): Promise<TenantResult<T>[]> {
  const shard = text(values, 'shard');
  io.err(
    `${file.tenants.length} tenant(s) of ${file.path}${shard ? ` (shard ${shard} of ${file.total})` : ''}, ${Math.min(concurrencyOf(values), file.tenants.length)} at a time.\n`,
  );
  const outcomes = await runTenants(file.tenants, (entry) => task(entry), {
    concurrency: concurrencyOf(values),
    onDone: (index, outcome, finished, total) => {
      const entry = file.tenants[index]!;
      const said = outcome.ok ? (outcome.value as { line: string }).line : `failed: ${failureWords(outcome.error, io)}`;
      io.err(`[${finished}/${total}] ${isolatedText(entry.name)} (${entry.id}): ${said} (${(outcome.ms / 1000).toFixed(1)} s)\n`);
    },
  });
  return outcomes.map((outcome, index) => {
    const entry = file.tenants[index]!;
    return outcome.ok
      ? { entry, value: outcome.value.value, finding: outcome.value.finding }
      : { entry, error: failureWords(outcome.error, io), finding: false };
  });
}

/** 2 when any tenant failed, else 1 when any had a finding, else 0. */
export function exitOf(results: readonly TenantResult<unknown>[]): number {
  if (results.some((r) => r.error !== undefined)) return EXIT.error;
  return results.some((r) => r.finding) ? EXIT.finding : EXIT.ok;
}
