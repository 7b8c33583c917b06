// What a target tenant holds that may stand for the directory objects a backup (or an import) refers
// to, for the restore-or-copy mapping; and what the planner compares the imported objects with. All
// lookups for a set of references go out in one $batch (20 requests each, sent together):
// getByIds for the same ids (a restore into the same tenant), users by sign-in name or mail, groups,
// service principals and applications by name or appId, and the role templates (the same in every
// tenant). References from name-based imports (CIPP, Microsoft365DSC) carry a name where an id would
// be, and are looked up by that name only.
import type { ReferenceEntry, ReferenceKind } from '../domain/bundle/bundle';
import { directoryObjectKind } from './object-kind';
import type { NamedReference } from '../domain/import/import-set';
import { policyJson, type JsonObject } from '../domain/json';
import { isSpecialValue, SPECIAL_VALUES } from '../domain/references';
import { readForBackup } from './backup-reads';
import { listDeletedNamedLocations, listDeletedPolicies } from './deleted-items';
import { batchItemError, type BatchRequest, type GraphClient } from './client';
import { APP_ID_FILTER_LIMIT, chunk, GET_BY_IDS_LIMIT } from './names';
import { odataLiteral } from './odata-literal';
import { listPolicies } from './policies';

/** An object of the target that may stand for a reference, and what it was found by. */
export interface DirectoryMatch {
  /** What a policy in the target would hold: an object id, or for an application its appId, for a role its template id. */
  id: string;
  kind: ReferenceKind;
  displayName: string;
  userPrincipalName?: string | null;
  mail?: string | null;
  appId?: string | null;
  roleTemplateId?: string | null;
  by: 'id' | 'userPrincipalName' | 'mail' | 'displayName' | 'appId' | 'roleTemplateId';
}

type By = DirectoryMatch['by'];
/** When one object is found several ways, the strongest reason is kept. */
const RANK: Record<By, number> = { id: 0, userPrincipalName: 1, mail: 2, appId: 3, roleTemplateId: 4, displayName: 5 };

const SELECT: Record<'users' | 'groups' | 'servicePrincipals', string> = {
  users: 'id,displayName,userPrincipalName,mail',
  groups: 'id,displayName,mail',
  servicePrincipals: 'id,appId,displayName',
};

const text = (value: unknown) => (typeof value === 'string' ? value : null);
const same = (a: string | null | undefined, b: string | null | undefined) => !!a && !!b && a.toLowerCase() === b.toLowerCase();
const kindOf = (type: unknown): ReferenceKind => directoryObjectKind(type);

/** A real object id (a GUID), as opposed to a name or a blank a template left. */
const hasRealId = (ref: ReferenceEntry) => !isSpecialValue(ref.id);

type Collection = 'users' | 'groups' | 'servicePrincipals';
type Property = 'userPrincipalName' | 'mail' | 'displayName';

/** Values looked up by one property of one collection, 15 to a request (`in`), as few requests as that allows. */
class ValueLookups {
  private readonly values = new Map<string, Set<string>>();
  add(collection: Collection, property: Property, value: string) {
    const key = `${collection}|${property}`;
    const set = this.values.get(key) ?? new Set<string>();
    set.add(value);
    this.values.set(key, set);
  }
  requests(): BatchRequest[] {
    return [...this.values].flatMap(([key, values]) => {
      const [collection, property] = key.split('|') as [Collection, Property];
      return chunk([...values].sort(), APP_ID_FILTER_LIMIT).map((group, i) => ({
        id: `${collection}-${property}-${i}`,
        method: 'GET' as const,
        url: `/${collection}?$filter=${encodeURIComponent(`${property} in (${group.map(odataLiteral).join(',')})`)}&$select=${SELECT[collection]}`,
      }));
    });
  }
}

/** Sends requests in $batch (20 to a request, sent together) and reads every page of each answer. */
async function answer(client: GraphClient, requests: BatchRequest[]): Promise<Map<string, JsonObject[]>> {
  const answers = requests.length > 0 ? await client.batch('v1.0', requests) : new Map();
  const items = new Map<string, JsonObject[]>();
  await Promise.all(
    requests.map(async (request) => {
      const response = answers.get(request.id);
      if (!response || response.status >= 400) {
        throw response ? batchItemError(response, request) : new Error(`Graph did not answer ${request.method} ${request.url}.`);
      }
      const body = (response.body ?? {}) as { value?: JsonObject[]; '@odata.nextLink'?: string };
      const next = body['@odata.nextLink'];
      items.set(request.id, [...(body.value ?? []), ...(next ? await client.list<JsonObject>(next) : [])]);
    }),
  );
  return items;
}

function nameOf(ref: ReferenceEntry): string | null {
  const name = ref.displayName ?? (hasRealId(ref) ? null : ref.id);
  return name?.trim() ? name.trim() : null;
}

/** The sign-in name a reference is found by: its own, or for a name-based import the value itself when it is one. */
const upnOf = (ref: ReferenceEntry) => ref.userPrincipalName ?? (!hasRealId(ref) && ref.id.includes('@') ? ref.id : null);
const appIdOf = (ref: ReferenceEntry) => ref.appId ?? (ref.kind === 'application' && hasRealId(ref) ? ref.id : null);

/**
 * For each reference (by its `id`), the objects of the target that may stand for it: the same id
 * (by: 'id'), a user by sign-in name, else by mail, a group or a workload identity by exact name
 * (several = ambiguous, all returned), an application or service principal by appId, a role by its
 * template id. Two steps: the ids first (getByIds, 1000 to a request) with appIds and role
 * templates, then, only for what was not found by id, sign-in names, mails and names, 15 to a
 * request. A restore into the same tenant thus costs one round trip, and a copy of thousands of
 * references a few dozen requests rather than one each. Blanks left by a template and special values
 * (All, None…) are not looked up and are left out of the map. A lookup Graph refuses (403, …) fails
 * the whole call with its reason: a plan made without it would propose creating what exists.
 */
export async function findDirectoryMatches(client: GraphClient, refs: readonly ReferenceEntry[]): Promise<Map<string, DirectoryMatch[]>> {
  const asked = refs.filter((ref) => !(ref as NamedReference).placeholder && !(ref.id in SPECIAL_VALUES));
  const objectIds = new Set<string>();
  const appIds = new Set<string>();
  for (const ref of asked) {
    if ((ref.kind === 'user' || ref.kind === 'group' || ref.kind === 'servicePrincipal') && hasRealId(ref))
      objectIds.add(ref.id.toLowerCase());
    const appId = ref.kind === 'servicePrincipal' || ref.kind === 'application' ? appIdOf(ref) : null;
    if (appId) appIds.add(appId.toLowerCase());
  }
  const first: BatchRequest[] = [
    ...chunk([...objectIds].sort(), GET_BY_IDS_LIMIT).map((ids, i) => ({
      id: `objects-${i}`,
      method: 'POST' as const,
      url: '/directoryObjects/getByIds',
      body: { ids, types: ['user', 'group', 'servicePrincipal'] },
    })),
    ...chunk([...appIds].sort(), APP_ID_FILTER_LIMIT).map((group, i) => ({
      id: `apps-${i}`,
      method: 'GET' as const,
      url: `/servicePrincipals?$filter=${encodeURIComponent(`appId in (${group.map(odataLiteral).join(',')})`)}&$select=${SELECT.servicePrincipals}`,
    })),
    ...(asked.some((r) => r.kind === 'role')
      ? [{ id: 'roles', method: 'GET' as const, url: '/directoryRoleTemplates?$select=id,displayName' }]
      : []),
  ];
  const firstItems = await answer(client, first);
  const firstAnswered = (prefix: string) => first.filter((r) => r.id.startsWith(prefix)).flatMap((r) => firstItems.get(r.id) ?? []);
  const objects = firstAnswered('objects-');
  const servicePrincipals = firstAnswered('apps-');
  const templates = firstAnswered('roles');
  const foundIds = new Set(objects.map((o) => String(o.id).toLowerCase()));

  // Only what the ids did not find is looked up by what identifies it elsewhere.
  const second = new ValueLookups();
  for (const ref of asked) {
    if (hasRealId(ref) && foundIds.has(ref.id.toLowerCase())) continue;
    const name = nameOf(ref);
    if (ref.kind === 'user') {
      const upn = upnOf(ref);
      if (upn) second.add('users', 'userPrincipalName', upn);
      if (ref.mail) second.add('users', 'mail', ref.mail);
      if (!upn && !ref.mail && !hasRealId(ref) && name) second.add('users', 'displayName', name);
    } else if (ref.kind === 'group' && name) second.add('groups', 'displayName', name);
    else if ((ref.kind === 'servicePrincipal' || ref.kind === 'application') && !appIdOf(ref) && name)
      second.add('servicePrincipals', 'displayName', name);
  }
  const secondRequests = second.requests();
  const secondItems = await answer(client, secondRequests);
  const byProperty = (collection: Collection, property: Property) =>
    secondRequests.filter((r) => r.id.startsWith(`${collection}-${property}-`)).flatMap((r) => secondItems.get(r.id) ?? []);
  const withValue = (list: JsonObject[], property: Property, value: string | null) =>
    value ? list.filter((o) => same(text(o[property])?.trim(), value.trim())) : [];
  const usersByUpn = byProperty('users', 'userPrincipalName');
  const usersByMail = byProperty('users', 'mail');
  const usersByName = byProperty('users', 'displayName');
  const groupsByName = byProperty('groups', 'displayName');
  const spsByName = byProperty('servicePrincipals', 'displayName');

  const result = new Map<string, DirectoryMatch[]>();
  for (const ref of asked) {
    const found: DirectoryMatch[] = [];
    const add = (match: DirectoryMatch) => {
      const existing = found.findIndex((m) => same(m.id, match.id));
      if (existing < 0) found.push(match);
      else if (RANK[match.by] < RANK[found[existing]!.by]) found[existing] = match;
    };
    const fromObject = (object: JsonObject, by: By, kind: ReferenceKind = kindOf(object['@odata.type'])): DirectoryMatch => ({
      id: String(object.id),
      kind,
      displayName: text(object.displayName) ?? String(object.id),
      ...(kind === 'user' ? { userPrincipalName: text(object.userPrincipalName), mail: text(object.mail) } : {}),
      ...(kind === 'group' ? { mail: text(object.mail) } : {}),
      ...(kind === 'servicePrincipal' ? { appId: text(object.appId) } : {}),
      by,
    });
    const fromApp = (sp: JsonObject, by: By): DirectoryMatch =>
      ref.kind === 'application'
        ? { id: String(sp.appId), kind: 'application', displayName: text(sp.displayName) ?? String(sp.appId), appId: text(sp.appId), by }
        : fromObject(sp, by, 'servicePrincipal');
    const name = nameOf(ref);

    if (hasRealId(ref) && ref.kind !== 'application' && ref.kind !== 'role') {
      for (const object of objects) if (same(String(object.id), ref.id)) add(fromObject(object, 'id'));
    }
    if (ref.kind === 'user') {
      const byUpn = withValue(usersByUpn, 'userPrincipalName', upnOf(ref));
      for (const user of byUpn) add(fromObject(user, 'userPrincipalName', 'user'));
      // By mail only when the sign-in name found no one: a mail address may be another user's alias.
      if (byUpn.length === 0) for (const user of withValue(usersByMail, 'mail', ref.mail ?? null)) add(fromObject(user, 'mail', 'user'));
      if (!upnOf(ref) && !ref.mail && !hasRealId(ref))
        for (const user of withValue(usersByName, 'displayName', name)) add(fromObject(user, 'displayName', 'user'));
    }
    if (ref.kind === 'group')
      for (const group of withValue(groupsByName, 'displayName', name)) add(fromObject(group, 'displayName', 'group'));
    const appId = ref.kind === 'servicePrincipal' || ref.kind === 'application' ? appIdOf(ref) : null;
    if (appId) for (const sp of servicePrincipals) if (same(text(sp.appId), appId)) add(fromApp(sp, 'appId'));
    if ((ref.kind === 'servicePrincipal' || ref.kind === 'application') && !appId)
      for (const sp of withValue(spsByName, 'displayName', name)) add(fromApp(sp, 'displayName'));
    if (ref.kind === 'role') {
      for (const template of templates) {
        const id = String(template.id);
        const byId = hasRealId(ref) && same(id, ref.roleTemplateId ?? ref.id);
        if (!byId && !(!hasRealId(ref) && same(text(template.displayName)?.trim(), name))) continue;
        add({
          id,
          kind: 'role',
          displayName: text(template.displayName) ?? id,
          roleTemplateId: id,
          by: byId ? 'roleTemplateId' : 'displayName',
        });
      }
    }
    result.set(ref.id, found);
  }
  return result;
}

/** What the planner compares an import with: the target's policies and the objects they use. */
export interface TargetForPlan {
  policies: JsonObject[];
  namedLocations: JsonObject[];
  /** Custom strengths only: the built-in ones are the same in every tenant. */
  authenticationStrengths: JsonObject[];
  authenticationContexts: JsonObject[];
  termsOfUse: JsonObject[];
  /** Deleted policies and named locations, so that one is restored rather than created twice; absent when Graph would not list them. */
  deletedPolicies?: JsonObject[];
  deletedNamedLocations?: JsonObject[];
}

/**
 * Reads the target just before planning: the policies (beta, every page), the deleted policies and
 * named locations, and one $batch with the named locations, custom strengths, contexts and terms of
 * use (the backup's own read, with no policies to follow). Sent together; a part Graph refuses fails it,
 * except the deleted items (beta and global cloud only): without them, the plan cannot offer a restore.
 */
export async function readTargetForPlan(client: GraphClient): Promise<TargetForPlan> {
  // Deleted items are read as plain JSON, or not at all when Graph will not list them.
  const orNone = (read: Promise<readonly object[]>) =>
    read.then(
      (items) => items.map((item) => ({ ...item }) as JsonObject),
      () => undefined,
    );
  const [policies, reads, deletedPolicies, deletedNamedLocations] = await Promise.all([
    listPolicies(client),
    readForBackup(client, []),
    orNone(listDeletedPolicies(client)),
    orNone(listDeletedNamedLocations(client)),
  ]);
  return {
    deletedPolicies,
    deletedNamedLocations,
    policies: policies.map(policyJson),
    namedLocations: reads.namedLocations,
    authenticationStrengths: reads.authenticationStrengths,
    authenticationContexts: reads.authenticationContexts,
    termsOfUse: reads.termsOfUse,
  };
}
