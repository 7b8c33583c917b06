// Resolves every id in a set of policies to a name in the fewest round trips: one $batch (or as
// few as needed, 20 requests each) holding getByIds in chunks of 1000 for users, groups and service
// principals, servicePrincipals by appId in chunks of 15, role templates, named locations,
// authentication contexts and terms of use. Special values are never looked up; ids that are not
// found come back as "deleted object".
import { batchItemError, type BatchRequest, type GraphClient } from './client';
import { collectReferences, nameKey, type NameDirectory, type NameKind, type References, type ResolvedName } from '../domain/references';
import type { ConditionalAccessPolicy } from '../domain/types';

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

const objectKind = (type: string | undefined): NameKind =>
  type === '#microsoft.graph.group' ? 'group' : type === '#microsoft.graph.servicePrincipal' ? 'servicePrincipal' : 'user';

const lookupLabels: Record<string, string> = {
  objects: 'users, groups and service principals',
  apps: 'applications',
  roles: 'directory roles',
  locations: 'named locations',
  contexts: 'authentication contexts',
  terms: 'terms of use',
  strengths: 'authentication strengths',
};

/**
 * The names of everything these policies refer to, in one $batch. `prepared` saves work the caller
 * has already done or started: the references collected, a token on its way.
 */
export async function resolveNames(
  client: GraphClient,
  policies: readonly ConditionalAccessPolicy[],
  prepared: { refs?: References; token?: Promise<string> } = {},
): Promise<NameDirectory> {
  const refs = prepared.refs ?? collectReferences(policies);
  const requests = planLookups(refs, { select: !refusesSelect.has(client) });
  const names = new Map<string, ResolvedName>();
  const failures: NameDirectory['failures'] = [];
  const add = (name: ResolvedName) => names.set(nameKey(name.kind, name.id), name);

  // Strengths come expanded inside the policies: no lookup needed.
  for (const policy of policies) {
    const strength = policy.grantControls?.authenticationStrength;
    if (strength?.id && strength.displayName) add({ id: strength.id, kind: 'authenticationStrength', displayName: strength.displayName });
  }
  if (requests.length === 0) return { names, failures };

  const responses = await client.batch('v1.0', requests, prepared.token ? { token: prepared.token } : {});
  // getByIds' page once said $select was not available for it: if Graph refuses it, the same ids
  // are asked again without it (one more round trip, that once: the client remembers).
  const refused = requests.filter((r) => r.url.includes('$select') && r.id.startsWith('objects-') && responses.get(r.id)?.status === 400);
  if (refused.length > 0) {
    refusesSelect.add(client);
    const whole = new Map(planLookups(refs, { select: false }).map((r) => [r.id, r]));
    const again = await client.batch(
      'v1.0',
      refused.map((r) => whole.get(r.id)!),
    );
    for (const [id, response] of again) responses.set(id, response);
  }
  let appsAnswered = true;
  const namedLocations: object[] = [];
  for (const request of requests) {
    const response = responses.get(request.id);
    const family = request.id.replace(/-\d+$/, '');
    if (!response || response.status >= 400) {
      if (family === 'apps') appsAnswered = false;
      if (response) failures.push({ what: lookupLabels[family] ?? family, error: batchItemError(response, request) });
      continue;
    }
    const body = response.body as { value: Item[]; '@odata.nextLink'?: string };
    const items = [...body.value, ...(body['@odata.nextLink'] ? await client.list<Item>(body['@odata.nextLink']) : [])];
    switch (family) {
      case 'objects': {
        for (const item of items)
          add({
            id: item.id,
            kind: objectKind(item['@odata.type']),
            displayName: item.displayName ?? item.id,
            detail: item.userPrincipalName ?? item.appId,
          });
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
        namedLocations.push(...items);
        for (const item of items) {
          const detail = item.ipRanges ? item.ipRanges.map((r) => r.cidrAddress).join(', ') : item.countriesAndRegions?.join(', ');
          add({ id: item.id, kind: 'namedLocation', displayName: item.displayName ?? item.id, detail });
        }
        for (const id of refs.locations)
          if (!names.has(nameKey('namedLocation', id)))
            add({ id, kind: 'namedLocation', displayName: 'Deleted named location', missing: true });
        break;
      case 'contexts':
        for (const item of items) add({ id: item.id, kind: 'authenticationContext', displayName: item.displayName ?? item.id });
        break;
      case 'terms':
        for (const item of items) add({ id: item.id, kind: 'termsOfUse', displayName: item.displayName ?? item.id });
        break;
      case 'strengths':
        for (const item of items) add({ id: item.id, kind: 'authenticationStrength', displayName: item.displayName ?? item.id });
        for (const id of refs.authenticationStrengths)
          if (!names.has(nameKey('authenticationStrength', id)))
            add({ id, kind: 'authenticationStrength', displayName: 'Deleted authentication strength', missing: true });
        break;
    }
  }
  const absentApps = [...refs.applications].filter((appId) => !names.has(nameKey('application', appId)));
  return {
    names,
    failures,
    ...(appsAnswered && refs.applications.size > 0 && { applicationsWithoutServicePrincipal: absentApps }),
    ...(refs.locations.size > 0 && !failures.some((f) => f.what === lookupLabels.locations) && { namedLocations }),
  };
}
