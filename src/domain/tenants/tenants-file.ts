// The tenants file of the command line: which tenants one run covers, how it signs in to each, who
// their emergency accounts are and which baseline each is held to. A secret is never written here:
// the file names the environment variable that holds it, so the file can live in a repository.
import { isJsonObject, type Json, type JsonObject } from '../json';
import { parseJson } from '../policy-file';

export type TenantAuth =
  /** Workload identity federation: the pipeline's OIDC token (GitHub Actions, Azure DevOps) as the client assertion. */
  | { kind: 'federated'; clientId: string; tokenFile?: string }
  | { kind: 'certificate'; clientId: string; certificatePath: string; thumbprint?: string }
  /** The last resort: a client secret, read from the named environment variable. */
  | { kind: 'secret'; clientId: string; secretEnv: string }
  /** A person at a terminal. */
  | { kind: 'deviceCode'; clientId: string };

export interface TenantEntry {
  /** The directory (tenant) id, or its initial domain. */
  id: string;
  name: string;
  auth: TenantAuth;
  emergency: { users: string[]; groups: string[] };
  /** A backup folder or bundle the tenant is held to (diff against it). */
  baseline?: string;
}

export interface TenantsFileProblem {
  /** Where, as "tenants[3].auth.clientId". */
  at: string;
  message: string;
}

export type TenantsFileResult = { ok: true; tenants: TenantEntry[] } | { ok: false; problems: TenantsFileProblem[] };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i;
const AUTH_KINDS = ['federated', 'certificate', 'secret', 'deviceCode'] as const;
const SECRET_FIELDS = ['clientSecret', 'secret', 'password', 'privateKey'];

const text = (value: Json | undefined) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
const strings = (value: Json | undefined): string[] | null =>
  value === undefined ? [] : Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : null;

/** Reads a tenants file (JSON). Every problem is reported with its place, not only the first. */
export function readTenantsFile(source: string): TenantsFileResult {
  let parsed: Json;
  try {
    parsed = parseJson(source.replace(/^\uFEFF/, ''), 'The tenants file') as Json;
  } catch (error) {
    // Where it breaks, by line and column, not the parser's offset.
    return { ok: false, problems: [{ at: '(file)', message: (error as Error).message }] };
  }
  const list = Array.isArray(parsed) ? parsed : isJsonObject(parsed) && Array.isArray(parsed.tenants) ? parsed.tenants : null;
  if (!list) return { ok: false, problems: [{ at: '(file)', message: 'Expected { "tenants": [ … ] } or a list of tenants.' }] };
  const problems: TenantsFileProblem[] = [];
  const tenants: TenantEntry[] = [];
  const seen = new Map<string, number>();
  list.forEach((item, index) => {
    const at = `tenants[${index}]`;
    if (!isJsonObject(item)) {
      problems.push({ at, message: 'A tenant is an object with id, name and auth.' });
      return;
    }
    const id = text(item.id);
    if (!id || !(GUID.test(id) || DOMAIN.test(id)))
      problems.push({ at: `${at}.id`, message: 'The tenant id is a directory id (a GUID) or the tenant’s domain.' });
    else if (seen.has(id.toLowerCase()))
      problems.push({ at: `${at}.id`, message: `The same tenant as tenants[${seen.get(id.toLowerCase())}]: each tenant once.` });
    else seen.set(id.toLowerCase(), index);
    const name = text(item.name) ?? id ?? `tenant ${index + 1}`;
    const auth = readAuth(item.auth, `${at}.auth`, problems);
    const emergency = isJsonObject(item.emergency) ? item.emergency : {};
    const users = strings(emergency.users);
    const groups = strings(emergency.groups);
    if (users === null) problems.push({ at: `${at}.emergency.users`, message: 'A list of user ids or sign-in names.' });
    if (groups === null) problems.push({ at: `${at}.emergency.groups`, message: 'A list of group ids.' });
    if (item.baseline !== undefined && !text(item.baseline))
      problems.push({ at: `${at}.baseline`, message: 'The path of a backup folder or bundle.' });
    if (id && auth && users && groups)
      tenants.push({
        id,
        name,
        auth,
        emergency: { users, groups },
        ...(text(item.baseline) ? { baseline: text(item.baseline)! } : {}),
      });
  });
  return problems.length ? { ok: false, problems } : { ok: true, tenants };
}

function readAuth(value: Json | undefined, at: string, problems: TenantsFileProblem[]): TenantAuth | null {
  if (!isJsonObject(value)) {
    problems.push({ at, message: `How to sign in: { "kind": one of ${AUTH_KINDS.join(', ')}, "clientId": … }.` });
    return null;
  }
  const leaked = SECRET_FIELDS.filter((field) => value[field] !== undefined);
  if (leaked.length)
    problems.push({
      at: `${at}.${leaked[0]}`,
      message: 'A secret does not belong in the tenants file: put it in an environment variable and name that with "secretEnv".',
    });
  const clientId = text(value.clientId);
  if (!clientId || !GUID.test(clientId))
    problems.push({ at: `${at}.clientId`, message: 'The application (client) id of the app registration, a GUID.' });
  const kind = value.kind;
  if (typeof kind !== 'string' || !(AUTH_KINDS as readonly string[]).includes(kind)) {
    problems.push({ at: `${at}.kind`, message: `One of ${AUTH_KINDS.join(', ')}.` });
    return null;
  }
  if (!clientId || leaked.length) return null;
  return authOf(kind as TenantAuth['kind'], clientId, value, at, problems);
}

function authOf(
  kind: TenantAuth['kind'],
  clientId: string,
  value: JsonObject,
  at: string,
  problems: TenantsFileProblem[],
): TenantAuth | null {
  switch (kind) {
    case 'federated':
      return { kind, clientId, ...(text(value.tokenFile) ? { tokenFile: text(value.tokenFile)! } : {}) };
    case 'deviceCode':
      return { kind, clientId };
    case 'certificate': {
      const certificatePath = text(value.certificatePath);
      if (!certificatePath) {
        problems.push({ at: `${at}.certificatePath`, message: 'The path of the PEM file holding the certificate and its private key.' });
        return null;
      }
      return { kind, clientId, certificatePath, ...(text(value.thumbprint) ? { thumbprint: text(value.thumbprint)! } : {}) };
    }
    case 'secret': {
      const secretEnv = text(value.secretEnv);
      if (!secretEnv || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(secretEnv)) {
        problems.push({ at: `${at}.secretEnv`, message: 'The name of the environment variable that holds the client secret.' });
        return null;
      }
      return { kind, clientId, secretEnv };
    }
  }
}

/**
 * The tenants of one shard (1-based `index` of `count`), for a CI matrix with one job per shard:
 * by the order of the file, every count-th tenant, so each tenant is in exactly one shard.
 */
export function shardOf<T>(tenants: readonly T[], index: number, count: number): T[] {
  if (!Number.isInteger(count) || count < 1) throw new Error(`The number of shards must be a whole number of at least 1, not ${count}.`);
  if (!Number.isInteger(index) || index < 1 || index > count) throw new Error(`The shard is between 1 and ${count}, not ${index}.`);
  return tenants.filter((_, i) => i % count === index - 1);
}
