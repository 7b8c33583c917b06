// Resolves every id in a set of policies to a name in the fewest round trips: one $batch (or as
// few as needed, 20 requests each) holding getByIds in chunks of 1000 for users, groups and service
// principals, servicePrincipals by appId in chunks of 15, role templates, named locations,
// authentication contexts and terms of use. Special values are never looked up; ids that are not
// found come back as "deleted object".
import { batchItemError, type BatchRequest, type GraphClient } from './client';
import { collectReferences, nameKey, type NameDirectory, type References, type ResolvedName } from '../domain/references';
import type { ConditionalAccessPolicy } from '../domain/types';
import { agentKind, directoryObjectKind } from './object-kind';

export const chunk = <T>(items: T[], size: number): T[][] => {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
};

export const GET_BY_IDS_LIMIT = 1000;
/**
 * What a name needs of each object. Without $select, getByIds answers whole objects: a service
 * principal alone carries its roles, scopes and keys, and at the service's limit of policies the
 * answer grows past a megabyte that the browser reads and parses before any name shows.
 */
export const NAME_PROPERTIES = 'id,displayName,userPrincipalName,appId';
/** Graph caps the values of an `in` filter; 15 is the documented-safe number for directory objects. */
export const APP_ID_FILTER_LIMIT = 15;

/** The lookups needed for a set of references: pure, so tests and the benchmark can count them. */
export function planLookups(refs: References, { select = true } = {}): BatchRequest[] {
  const requests: BatchRequest[] = [];
  chunk([...refs.directoryObjects].sort(), GET_BY_IDS_LIMIT).forEach((group, i) =>
    requests.push({
      id: `objects-${i}`,
      method: 'POST',
      url: select ? `/directoryObjects/getByIds?$select=${NAME_PROPERTIES}` : '/directoryObjects/getByIds',
      body: { ids: group, types: ['user', 'group', 'servicePrincipal'] },
    }),
  );
  chunk([...refs.applications].sort(), APP_ID_FILTER_LIMIT).forEach((group, i) =>
    requests.push({
      id: `apps-${i}`,
      method: 'GET',
      url: `/servicePrincipals?$filter=appId in (${group.map((a) => `'${a}'`).join(',')})&$select=id,appId,displayName`,
    }),
  );
  if (refs.roles.size > 0) requests.push({ id: 'roles', method: 'GET', url: '/directoryRoleTemplates?$select=id,displayName' });
  if (refs.locations.size > 0) requests.push({ id: 'locations', method: 'GET', url: '/identity/conditionalAccess/namedLocations' });
  if (refs.authenticationContexts.size > 0)
    requests.push({ id: 'contexts', method: 'GET', url: '/identity/conditionalAccess/authenticationContextClassReferences' });
  if (refs.authenticationStrengths.size > 0)
    requests.push({ id: 'strengths', method: 'GET', url: '/policies/authenticationStrengthPolicies?$select=id,displayName' });
  if (refs.termsOfUse.size > 0)
    requests.push({ id: 'terms', method: 'GET', url: '/identityGovernance/termsOfUse/agreements?$select=id,displayName' });
  return requests;
}

/** Clients whose Graph answered 400 to getByIds with $select: their later lookups go without it. */
const refusesSelect = new WeakSet<GraphClient>();

interface Item {
  id: string;
  displayName?: string;
  '@odata.type'?: string;
  userPrincipalName?: string;
  appId?: string;
  ipRanges?: { cidrAddress: string }[];
  countriesAndRegions?: string[];
}

const lookupLabels: Record<string, string> = {
  objects: 'users, groups and service principals',
  apps: 'applications',
  roles: 'directory roles',
  locations: 'named locations',
  contexts: 'authentication contexts',
  terms: 'terms of use',
  strengths: 'authentication strengths',
};

/** What one $batch of lookups answered, before it is read against the references a screen needs. */
export interface LookupAnswer {
  names: Map<string, ResolvedName>;
  /** Each failed lookup with its family (objects, apps, locations…), so a later list can drop those it no longer needs. */
  failures: { family: string; failure: NameDirectory['failures'][number] }[];
  /** The tenant's named locations, when they were asked for and answered. */
  namedLocations?: object[];
  /** False when an application lookup failed (no "without a service principal" can be said then). */
  appsAnswered: boolean;
  /** Families whose lookup lists every object of its kind (not by id) and answered. */
  listed: Set<string>;
}

/** Looks up the names of these references in one $batch (two if Graph refuses $select on getByIds). */
async function lookUp(client: GraphClient, refs: References, token?: Promise<string>, signal?: AbortSignal): Promise<LookupAnswer> {
  const requests = planLookups(refs, { select: !refusesSelect.has(client) });
  const names = new Map<string, ResolvedName>();
  const answer: LookupAnswer = { names, failures: [], appsAnswered: true, listed: new Set() };
  const add = (name: ResolvedName) => names.set(nameKey(name.kind, name.id), name);
  if (requests.length === 0) return answer;

  const responses = await client.batch('v1.0', requests, { ...(token && { token }), signal });
  // getByIds' page once said $select was not available for it: if Graph refuses it, the same ids
  // are asked again without it (one more round trip, that once: the client remembers).
  const refused = requests.filter((r) => r.url.includes('$select') && r.id.startsWith('objects-') && responses.get(r.id)?.status === 400);
  if (refused.length > 0) {
    refusesSelect.add(client);
    const whole = new Map(planLookups(refs, { select: false }).map((r) => [r.id, r]));
    const again = await client.batch(
      'v1.0',
      refused.map((r) => whole.get(r.id)!),
      { signal },
    );
    for (const [id, response] of again) responses.set(id, response);
  }
  for (const request of requests) {
    const response = responses.get(request.id);
    const family = request.id.replace(/-\d+$/, '');
    if (!response || response.status >= 400) {
      if (family === 'apps') answer.appsAnswered = false;
      if (response)
        answer.failures.push({ family, failure: { what: lookupLabels[family] ?? family, error: batchItemError(response, request) } });
      continue;
    }
    const body = response.body as { value: Item[]; '@odata.nextLink'?: string };
    const items = [...body.value, ...(body['@odata.nextLink'] ? await client.list<Item>(body['@odata.nextLink']) : [])];
    if (family !== 'objects' && family !== 'apps') answer.listed.add(family);
    switch (family) {
      case 'objects': {
        for (const item of items) {
          const agent = agentKind(item['@odata.type']);
          add({
            id: item.id,
            kind: directoryObjectKind(item['@odata.type']),
            displayName: item.displayName ?? item.id,
            detail: item.userPrincipalName ?? item.appId,
            ...(agent && { agent }),
          });
        }
        const requested = (request.body as { ids: string[] }).ids;
        const found = new Set(items.map((i) => i.id));
        // getByIds leaves out ids it cannot find: those objects were deleted.
        for (const id of requested) {
          if (found.has(id)) continue;
          for (const kind of ['user', 'group', 'servicePrincipal'] as const)
            add({ id, kind, displayName: 'Deleted object', missing: true });
        }
        break;
      }
      case 'apps':
        for (const item of items)
          if (item.appId) add({ id: item.appId, kind: 'application', displayName: item.displayName ?? item.appId, detail: item.appId });
        break;
      case 'roles':
        for (const item of items) add({ id: item.id, kind: 'role', displayName: item.displayName ?? item.id });
        break;
      case 'locations':
        answer.namedLocations = items;
        for (const item of items) {
          const detail = item.ipRanges ? item.ipRanges.map((r) => r.cidrAddress).join(', ') : item.countriesAndRegions?.join(', ');
          add({ id: item.id, kind: 'namedLocation', displayName: item.displayName ?? item.id, detail });
        }
        break;
      case 'contexts':
        for (const item of items) add({ id: item.id, kind: 'authenticationContext', displayName: item.displayName ?? item.id });
        break;
      case 'terms':
        for (const item of items) add({ id: item.id, kind: 'termsOfUse', displayName: item.displayName ?? item.id });
        break;
      case 'strengths':
        for (const item of items) add({ id: item.id, kind: 'authenticationStrength', displayName: item.displayName ?? item.id });
        break;
    }
  }
  return answer;
}

/** The families of lookups each kind of reference needs. */
const FAMILY: Record<keyof References, string> = {
  directoryObjects: 'objects',
  applications: 'apps',
  roles: 'roles',
  locations: 'locations',
  authenticationContexts: 'contexts',
  termsOfUse: 'terms',
  authenticationStrengths: 'strengths',
};

/**
 * What `current` needs that a lookup of `earlier` did not ask: directory objects and applications
 * are looked up by id; the other kinds are listed whole, so any earlier reference of a kind covers
 * every id of it.
 */
export function referencesMissingFrom(current: References, earlier: References): References {
  const byId = (now: Set<string>, before: Set<string>) => new Set([...now].filter((id) => !before.has(id)));
  const listed = (now: Set<string>, before: Set<string>) => (before.size > 0 ? new Set<string>() : now);
  return {
    directoryObjects: byId(current.directoryObjects, earlier.directoryObjects),
    applications: byId(current.applications, earlier.applications),
    roles: listed(current.roles, earlier.roles),
    locations: listed(current.locations, earlier.locations),
    authenticationContexts: listed(current.authenticationContexts, earlier.authenticationContexts),
    termsOfUse: listed(current.termsOfUse, earlier.termsOfUse),
    authenticationStrengths: listed(current.authenticationStrengths, earlier.authenticationStrengths),
  };
}

const isEmpty = (refs: References) => Object.values(refs).every((set: Set<string>) => set.size === 0);

/** A lookup started before the policies it serves arrived: the references it asks for, and its answer. */
export interface EarlyLookup {
  refs: References;
  answer: Promise<LookupAnswer>;
}

/**
 * Starts looking up `refs` now (a returning visit's list refers to what the last one did): the
 * lookup runs while the list is on its way, and resolveNames takes what it answered. `signal`
 * stops it when the list will not come (cancelled, or failed).
 */
export function startLookup(client: GraphClient, refs: References, token?: Promise<string>, signal?: AbortSignal): EarlyLookup {
  const answer = lookUp(client, refs, token, signal);
  // Its failure is handled where it is read (the names are then looked up afresh).
  answer.catch(() => {});
  return { refs, answer };
}

/** The directory the policies' references read from an answer (or two, merged). */
function directoryOf(policies: readonly ConditionalAccessPolicy[], refs: References, answers: LookupAnswer[]): NameDirectory {
  const names = new Map<string, ResolvedName>();
  const add = (name: ResolvedName) => names.set(nameKey(name.kind, name.id), name);
  // Strengths come expanded inside the policies: no lookup needed.
  for (const policy of policies) {
    const strength = policy.grantControls?.authenticationStrength;
    if (strength?.id && strength.displayName) add({ id: strength.id, kind: 'authenticationStrength', displayName: strength.displayName });
  }
  for (const answer of answers) for (const [key, name] of answer.names) names.set(key, name);
  const needed = new Set((Object.keys(FAMILY) as (keyof References)[]).filter((kind) => refs[kind].size > 0).map((kind) => FAMILY[kind]));
  const failures = answers.flatMap((a) => a.failures.filter((f) => needed.has(f.family)).map((f) => f.failure));
  const listed = new Set(answers.flatMap((a) => [...a.listed]));
  // A listed kind that answered holds every object of it: an id it does not hold was deleted.
  if (listed.has('locations'))
    for (const id of refs.locations)
      if (!names.has(nameKey('namedLocation', id)))
        add({ id, kind: 'namedLocation', displayName: 'Deleted named location', missing: true });
  if (listed.has('strengths'))
    for (const id of refs.authenticationStrengths)
      if (!names.has(nameKey('authenticationStrength', id)))
        add({ id, kind: 'authenticationStrength', displayName: 'Deleted authentication strength', missing: true });
  const appsAnswered = answers.every((a) => a.appsAnswered);
  const namedLocations = answers.map((a) => a.namedLocations).find((l) => l !== undefined);
  const absentApps = [...refs.applications].filter((appId) => !names.has(nameKey('application', appId)));
  return {
    names,
    failures,
    ...(appsAnswered && refs.applications.size > 0 && { applicationsWithoutServicePrincipal: absentApps }),
    ...(refs.locations.size > 0 && namedLocations && { namedLocations }),
  };
}

/**
 * The names of everything these policies refer to, in one $batch. `prepared` saves work the caller
 * has already done or started: the references collected, a token on its way, a lookup started
 * before the policies arrived (only what it did not ask for is asked now; if it failed, everything is).
 */
export async function resolveNames(
  client: GraphClient,
  policies: readonly ConditionalAccessPolicy[],
  prepared: { refs?: References; token?: Promise<string>; early?: EarlyLookup } = {},
): Promise<NameDirectory> {
  const refs = prepared.refs ?? collectReferences(policies);
  const { early, token } = prepared;
  if (early) {
    // The same references (a first visit's lookup, started as the list arrived): nothing is missing.
    const missing = early.refs === refs ? null : referencesMissingFrom(refs, early.refs);
    const [earlier, rest] = await Promise.all([
      early.answer.catch(() => null),
      !missing || isEmpty(missing) ? null : lookUp(client, missing, token),
    ]);
    if (earlier) return directoryOf(policies, refs, rest ? [earlier, rest] : [earlier]);
  }
  return directoryOf(policies, refs, [await lookUp(client, refs, token)]);
}
