// What a backup reads besides the policies, in one $batch (beta, so properties not yet in v1.0 are
// kept): the named locations, authentication strengths and contexts, terms of use, and every
// directory object the policies refer to, with what identifies it in another tenant (sign-in name,
// mail, appId, role template). A part that cannot be read fails the backup with its reason: a
// backup silently missing its named locations would restore policies that point at nothing.
import { directoryObjectKinds } from '../domain/directory-object-kinds';
import { directoryObjectKind } from './object-kind';
import { collectReferences } from '../domain/references';
import type { ReferenceEntry, ReferenceKind } from '../domain/bundle/bundle';
import { objectIn, type JsonObject } from '../domain/json';
import type { ConditionalAccessPolicy } from '../domain/types';
import { batchItemError, type BatchRequest, type GraphClient } from './client';
import { APP_ID_FILTER_LIMIT, chunk, GET_BY_IDS_LIMIT } from './names';

const SECTION_REQUESTS: BatchRequest[] = [
  { id: 'namedLocations', method: 'GET', url: '/identity/conditionalAccess/namedLocations' },
  { id: 'authenticationStrengths', method: 'GET', url: '/policies/authenticationStrengthPolicies' },
  { id: 'authenticationContexts', method: 'GET', url: '/identity/conditionalAccess/authenticationContextClassReferences' },
  { id: 'termsOfUse', method: 'GET', url: '/identityGovernance/termsOfUse/agreements?$select=id,displayName' },
];

export interface BackupReads {
  namedLocations: JsonObject[];
  /** Custom strengths only: the built-in ones are the same in every tenant. */
  authenticationStrengths: JsonObject[];
  authenticationContexts: JsonObject[];
  termsOfUse: JsonObject[];
  references: ReferenceEntry[];
}

const text = (value: unknown) => (typeof value === 'string' ? value : null);
const kindOf = (type: unknown): ReferenceKind => directoryObjectKind(type);

export async function readForBackup(client: GraphClient, policies: readonly ConditionalAccessPolicy[]): Promise<BackupReads> {
  const refs = collectReferences(policies);
  const usedAs = directoryObjectKinds(policies);
  const objectIds = [...refs.directoryObjects].sort();
  const appIds = [...refs.applications].sort();
  const requests: BatchRequest[] = [
    ...SECTION_REQUESTS,
    ...chunk(objectIds, GET_BY_IDS_LIMIT).map((ids, i) => ({
      id: `objects-${i}`,
      method: 'POST' as const,
      url: '/directoryObjects/getByIds',
      body: { ids, types: ['user', 'group', 'servicePrincipal'] },
    })),
    ...chunk(appIds, APP_ID_FILTER_LIMIT).map((group, i) => ({
      id: `apps-${i}`,
      method: 'GET' as const,
      url: `/servicePrincipals?$filter=appId in (${group.map((a) => `'${a}'`).join(',')})&$select=id,appId,displayName`,
    })),
    ...(refs.roles.size > 0 ? [{ id: 'roles', method: 'GET' as const, url: '/directoryRoleTemplates?$select=id,displayName' }] : []),
  ];
  const responses = await client.batch('beta', requests);
  const items = async (request: BatchRequest): Promise<JsonObject[]> => {
    const response = responses.get(request.id);
    if (!response || response.status >= 400) {
      throw response ? batchItemError(response, request) : new Error(`Graph did not answer ${request.url}.`);
    }
    const body = objectIn(response.body);
    const value = Array.isArray(body.value) ? (body.value as JsonObject[]) : [];
    const next = text(body['@odata.nextLink']);
    return next ? [...value, ...(await client.list<JsonObject>(next))] : value;
  };

  const [namedLocations = [], strengths = [], authenticationContexts = [], termsOfUse = []] = await Promise.all(
    SECTION_REQUESTS.map(items),
  );
  const references: ReferenceEntry[] = [];
  for (const request of requests.filter((r) => r.id.startsWith('objects-'))) {
    const found = await items(request);
    for (const object of found) {
      references.push({
        kind: kindOf(object['@odata.type']),
        id: String(object.id),
        displayName: text(object.displayName),
        userPrincipalName: text(object.userPrincipalName),
        mail: text(object.mail),
        appId: text(object.appId),
        exists: true,
      });
    }
    // getByIds leaves out what it cannot find: deleted since the policy named it. Its type went with
    // it, so the place the policies hold it in says what it was.
    const seen = new Set(found.map((o) => String(o.id).toLowerCase()));
    for (const id of (request.body as { ids: string[] }).ids) {
      if (!seen.has(id.toLowerCase()))
        references.push({ kind: usedAs.get(id.toLowerCase()) ?? 'user', id, displayName: null, exists: false });
    }
  }
  for (const request of requests.filter((r) => r.id.startsWith('apps-'))) {
    const found = await items(request);
    for (const app of found)
      references.push({
        kind: 'application',
        id: String(app.appId),
        displayName: text(app.displayName),
        appId: text(app.appId),
        exists: true,
      });
    const seen = new Set(found.map((a) => String(a.appId).toLowerCase()));
    for (const appId of appIds.filter((a) => request.url.includes(`'${a}'`) && !seen.has(a.toLowerCase()))) {
      references.push({ kind: 'application', id: appId, displayName: null, appId, exists: false });
    }
  }
  const roleRequest = requests.find((r) => r.id === 'roles');
  if (roleRequest) {
    const templates = new Map((await items(roleRequest)).map((t) => [String(t.id).toLowerCase(), t]));
    for (const id of [...refs.roles].sort()) {
      const template = templates.get(id.toLowerCase());
      references.push({ kind: 'role', id, displayName: text(template?.displayName), roleTemplateId: id, exists: !!template });
    }
  }
  return {
    namedLocations,
    authenticationStrengths: strengths.filter((s) => s.policyType === 'custom'),
    authenticationContexts,
    termsOfUse,
    references,
  };
}
