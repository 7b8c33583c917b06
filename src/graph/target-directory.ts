// What a target tenant holds that may stand for the directory objects a backup (or an import) refers
// to, for the restore-or-copy mapping; and what the planner compares the imported objects with. All
// lookups for a set of references go out in one $batch (20 requests each, sent together):
// getByIds for the same ids (a restore into the same tenant), users by sign-in name or mail, groups,
// service principals and applications by name or appId, and the role templates (the same in every
// tenant). References from name-based imports (CIPP, Microsoft365DSC) carry a name where an id would
// be, and are looked up by that name only.
import type { ReferenceEntry, ReferenceKind } from '../domain/bundle/bundle';
import type { NamedReference } from '../domain/import/import-set';
import { policyJson, type JsonObject } from '../domain/json';
import { isSpecialValue, SPECIAL_VALUES } from '../domain/references';
import { readForBackup } from './backup-reads';
import { batchItemError, type BatchRequest, type GraphClient } from './client';
import { APP_ID_FILTER_LIMIT, chunk, GET_BY_IDS_LIMIT } from './names';
import { filterEq, odataLiteral } from './odata-literal';
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
const kindOf = (type: unknown): ReferenceKind =>
  type === '#microsoft.graph.group' ? 'group' : type === '#microsoft.graph.servicePrincipal' ? 'servicePrincipal' : 'user';

/** A real object id (a GUID), as opposed to a name or a blank a template left. */
const hasRealId = (ref: ReferenceEntry) => !isSpecialValue(ref.id);

interface Lookups {
  requests: BatchRequest[];
  /** The request that answers a given query, so two references asking the same share one request. */
  idFor(url: string, make: () => BatchRequest): string;
}

function lookups(): Lookups {
  const requests: BatchRequest[] = [];
  const byUrl = new Map<string, string>();
  return {
    requests,
    idFor(url, make) {
      const known = byUrl.get(url);
      if (known) return known;
      const request = make();
      requests.push(request);
      byUrl.set(url, request.id);
      return request.id;
    },
  };
}

/** What each reference asks, by request id: the lookups are planned before any is sent. */
interface Asked {
  ref: ReferenceEntry;
  /** The requests for a user by sign-in name and by mail. */
  upnRequest?: string;
  mailRequest?: string;
  name?: { collection: 'users' | 'groups' | 'servicePrincipals'; request: string };
  appId?: string;
}

function nameOf(ref: ReferenceEntry): string | null {
  const name = ref.displayName ?? (hasRealId(ref) ? null : ref.id);
  return name?.trim() ? name.trim() : null;
}

/**
 * For each reference (by its `id`), the objects of the target that may stand for it: the same id
 * (by: 'id'), a user by sign-in name, else by mail, a group or a workload identity by exact name
 * (several = ambiguous, all returned), an application or service principal by appId, a role by its
 * template id. Blanks left by a template and special values (All, None…) are not looked up and are
 * left out of the map. A lookup Graph refuses (403, …) fails the whole call with its reason: a plan
 * made without it would propose creating what exists.
 */
export async function findDirectoryMatches(client: GraphClient, refs: readonly ReferenceEntry[]): Promise<Map<string, DirectoryMatch[]>> {
  const plan = lookups();
  const asked: Asked[] = [];
  const objectIds = new Set<string>();
  const appIds = new Set<string>();
  let roles = false;

  for (const ref of refs) {
    if ((ref as NamedReference).placeholder || ref.id in SPECIAL_VALUES) continue;
    const entry: Asked = { ref };
    asked.push(entry);
    const name = nameOf(ref);
    const byName = (collection: 'users' | 'groups' | 'servicePrincipals') => {
      if (!name) return;
      const url = `/${collection}?${filterEq('displayName', name)}&$select=${SELECT[collection]}`;
      entry.name = {
        collection,
        request: plan.idFor(url, () => ({ id: `${collection}-name-${plan.requests.length}`, method: 'GET', url })),
      };
    };
    if ((ref.kind === 'user' || ref.kind === 'group' || ref.kind === 'servicePrincipal') && hasRealId(ref))
      objectIds.add(ref.id.toLowerCase());
    switch (ref.kind) {
      case 'user': {
        // A name-based import names a user by its sign-in name.
        const upn = ref.userPrincipalName ?? (!hasRealId(ref) && ref.id.includes('@') ? ref.id : null);
        const byProperty = (property: 'userPrincipalName' | 'mail', value: string) => {
          const url = `/users?${filterEq(property, value)}&$select=${SELECT.users}`;
          return plan.idFor(url, () => ({ id: `users-${property}-${plan.requests.length}`, method: 'GET', url }));
        };
        if (upn) entry.upnRequest = byProperty('userPrincipalName', upn);
        if (ref.mail) entry.mailRequest = byProperty('mail', ref.mail);
        if (!upn && !ref.mail && !hasRealId(ref)) byName('users');
        break;
      }
      case 'group':
        byName('groups');
        break;
      case 'servicePrincipal':
      case 'application': {
        // An application's id in a policy is its appId.
        const appId = ref.appId ?? (ref.kind === 'application' && hasRealId(ref) ? ref.id : null);
        if (appId) {
          entry.appId = appId;
          appIds.add(appId.toLowerCase());
        } else byName('servicePrincipals');
        break;
      }
      case 'role':
        roles = true;
        break;
    }
  }

  chunk([...objectIds].sort(), GET_BY_IDS_LIMIT).forEach((ids, i) =>
    plan.requests.push({
      id: `objects-${i}`,
      method: 'POST',
      url: '/directoryObjects/getByIds',
      body: { ids, types: ['user', 'group', 'servicePrincipal'] },
    }),
  );
  chunk([...appIds].sort(), APP_ID_FILTER_LIMIT).forEach((group, i) =>
    plan.requests.push({
      id: `apps-${i}`,
      method: 'GET',
      url: `/servicePrincipals?$filter=${encodeURIComponent(`appId in (${group.map(odataLiteral).join(',')})`)}&$select=${SELECT.servicePrincipals}`,
    }),
  );
  if (roles) plan.requests.push({ id: 'roles', method: 'GET', url: '/directoryRoleTemplates?$select=id,displayName' });

  const answers = plan.requests.length > 0 ? await client.batch('v1.0', plan.requests) : new Map();
  const items = new Map<string, JsonObject[]>();
  await Promise.all(
    plan.requests.map(async (request) => {
      const response = answers.get(request.id);
      if (!response || response.status >= 400) {
        throw response ? batchItemError(response, request) : new Error(`Graph did not answer ${request.method} ${request.url}.`);
      }
      const body = (response.body ?? {}) as { value?: JsonObject[]; '@odata.nextLink'?: string };
      const next = body['@odata.nextLink'];
      items.set(request.id, [...(body.value ?? []), ...(next ? await client.list<JsonObject>(next) : [])]);
    }),
  );
  const answered = (prefix: string) => plan.requests.filter((r) => r.id.startsWith(prefix)).flatMap((r) => items.get(r.id) ?? []);

  const objects = answered('objects-');
  const servicePrincipals = answered('apps-');
  const templates = answered('roles');
  const result = new Map<string, DirectoryMatch[]>();
  for (const { ref, upnRequest, mailRequest, name, appId } of asked) {
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

    if (hasRealId(ref) && ref.kind !== 'application' && ref.kind !== 'role') {
      for (const object of objects) if (same(String(object.id), ref.id)) add(fromObject(object, 'id'));
    }
    if (ref.kind === 'user') {
      const byUpn = upnRequest ? (items.get(upnRequest) ?? []) : [];
      for (const user of byUpn) add(fromObject(user, 'userPrincipalName', 'user'));
      // By mail only when the sign-in name found no one: a mail address may be another user's alias.
      if (byUpn.length === 0 && mailRequest) for (const user of items.get(mailRequest) ?? []) add(fromObject(user, 'mail', 'user'));
    }
    if (appId) for (const sp of servicePrincipals) if (same(text(sp.appId), appId)) add(fromApp(sp, 'appId'));
    if (name) {
      const kind: ReferenceKind = name.collection === 'users' ? 'user' : name.collection === 'groups' ? 'group' : 'servicePrincipal';
      for (const object of items.get(name.request) ?? [])
        add(ref.kind === 'application' ? fromApp(object, 'displayName') : fromObject(object, 'displayName', kind));
    }
    if (ref.kind === 'role') {
      const roleName = nameOf(ref);
      for (const template of templates) {
        const id = String(template.id);
        const byId = hasRealId(ref) && same(id, ref.roleTemplateId ?? ref.id);
        if (!byId && !(!hasRealId(ref) && same(text(template.displayName)?.trim(), roleName))) continue;
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
}

/**
 * Reads the target just before planning: the policies (beta, every page) and, at the same time, one
 * $batch with the named locations, custom strengths, contexts and terms of use (the backup's own
 * read, with no policies to follow). Two round trips, sent together; a part Graph refuses fails it.
 */
export async function readTargetForPlan(client: GraphClient): Promise<TargetForPlan> {
  const [policies, reads] = await Promise.all([listPolicies(client), readForBackup(client, [])]);
  return {
    policies: policies.map(policyJson),
    namedLocations: reads.namedLocations,
    authenticationStrengths: reads.authenticationStrengths,
    authenticationContexts: reads.authenticationContexts,
    termsOfUse: reads.termsOfUse,
  };
}
