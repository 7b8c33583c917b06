// Directory objects for name resolution and pickers: users, groups, service principals (by appId),
// directoryObjects/getByIds (at most 1000 ids), role templates, the organization, terms of use; and
// the groups and directory roles a user or group belongs to (memberOf, transitiveMemberOf).
import { errors, isObject, jsonResponse, readJson } from '../http';
import { stableId } from '../ids';
import type { TenantState } from '../model';
import { applySelect, compileFilter, listBody, paginate, selector } from '../odata';
import { contextUrl, GUID, scopes, type Route, type RouteInput } from '../route';

const types = {
  user: '#microsoft.graph.user',
  group: '#microsoft.graph.group',
  servicePrincipal: '#microsoft.graph.servicePrincipal',
} as const;

type Collection = 'users' | 'groups' | 'servicePrincipals';
/** A user's id, or a sign-in name (one starting with $ must be written users('$…'), which no caller here does). */
const USER_KEY = `(${GUID.slice(1, -1)}|[^/$][^/]*@[^/]+)`;
const typeOf: Record<Collection, string> = { users: types.user, groups: types.group, servicePrincipals: types.servicePrincipal };

/** Properties Graph answers null when they are not set (cloud objects, assigned groups); the seed leaves them out. */
const nulls: Record<Collection, Record<string, null>> = {
  users: { onPremisesSyncEnabled: null },
  groups: { membershipRule: null, onPremisesSyncEnabled: null, isAssignableToRole: null },
  servicePrincipals: {},
};

/** A collection's objects as stored (the seed's typed records, read here as plain JSON objects). */
const stored = (tenant: TenantState, collection: Collection) =>
  // An agent identity is a service principal of a derived type: Graph answers it among them, with its own @odata.type.
  (collection === 'servicePrincipals'
    ? [...tenant.servicePrincipals, ...(tenant.agentIdentities ?? [])]
    : tenant[collection]) as unknown as Record<string, unknown>[];

/** An object as Graph answers it: its type, and null for what is not set. */
const shaped = (collection: Collection, o: Record<string, unknown>) => ({ '@odata.type': typeOf[collection], ...nulls[collection], ...o });

function objects(tenant: TenantState, collection: Collection): Record<string, unknown>[] {
  return stored(tenant, collection).map((o) => shaped(collection, o));
}

/**
 * The tokens Graph's $search reads in a name or a search text: words split at spaces and symbols, where
 * the case turns from lower to upper, and between letters and digits; words joined only by symbols are
 * one token too ('hello.world': hello, world, helloworld). Lower case: tokens match whatever the case.
 */
export function searchTokens(text: string): string[] {
  const tokens = new Set<string>();
  for (const chunk of text.split(/\s+/).filter(Boolean)) {
    const words = chunk.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    for (const word of words)
      for (const part of word.split(/(?<=\p{Ll})(?=\p{Lu})|(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u)) tokens.add(part.toLowerCase());
    if (words.length > 1) tokens.add(words.join('').toLowerCase());
  }
  return [...tokens];
}

/** Properties Graph tokenizes for $search; any other property matches as $filter's startswith does. */
const TOKENIZED = new Set(['displayName', 'description']);

/**
 * $search as Graph documents it for directory objects: quoted "property:value" clauses joined by OR
 * or AND (AND binds first), e.g. "displayName:hugo" OR "mail:hugo". It needs ConsistencyLevel:
 * eventual. On displayName and description a clause matches when each of its tokens starts a token
 * of the value, in any order ('displayName:Team' finds 'myContosoTeam'); there is no "contains".
 */
function searchFilter(input: RouteInput): (item: Record<string, unknown>) => boolean {
  const search = input.url.searchParams.get('$search');
  if (!search) return () => true;
  if (input.request.headers.get('consistencylevel')?.toLowerCase() !== 'eventual') {
    throw errors.badRequest(
      "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
    );
  }
  const syntaxError = () => errors.badRequest(`Syntax error in $search: '${search}'.`);
  // Quoted clauses and the operators between them; a value may itself hold "AND" or spaces.
  const tokens = [...search.matchAll(/\s*("[^"]*"|AND\b|OR\b|\S+)/g)].map((m) => m[1]!);
  const clause = (token: string | undefined) => {
    const match = /^"(\w+):([^"]*)"$/.exec(token ?? '');
    if (!match) throw syntaxError();
    const [property, value] = [match[1]!, match[2]!.trim()];
    return { property, value: value.toLowerCase(), tokens: TOKENIZED.has(property) ? searchTokens(value) : null };
  };
  // OR of AND-groups: "a" AND "b" OR "c" is (a and b) or c.
  const groups = [[clause(tokens[0])]];
  for (let index = 1; index < tokens.length; index += 2) {
    const operator = tokens[index];
    if (operator !== 'AND' && operator !== 'OR') throw syntaxError();
    if (operator === 'AND') groups.at(-1)!.push(clause(tokens[index + 1]));
    else groups.push([clause(tokens[index + 1])]);
  }
  const matches = (item: Record<string, unknown>, { property, value, tokens }: ReturnType<typeof clause>) => {
    const text = String(item[property] ?? '');
    if (!tokens) return text.toLowerCase().startsWith(value);
    const words = searchTokens(text);
    return tokens.length > 0 && tokens.every((token) => words.some((word) => word.startsWith(token)));
  };
  return (item) => groups.some((group) => group.every((term) => matches(item, term)));
}

/** A collection's objects that $filter and $search keep, a page of them; `cast` keeps one derived type (an OData cast). */
function listCollection(input: RouteInput, collection: Collection, cast?: string) {
  const filter = compileFilter(input.url.searchParams.get('$filter'));
  const search = searchFilter(input);
  const matched = objects(input.tenant, collection).filter((o) => (!cast || o['@odata.type'] === cast) && filter(o) && search(o));
  const page = paginate(matched, input.url, 100);
  page.items = page.items.map(selector(input.url.searchParams.get('$select')));
  const count = input.url.searchParams.get('$count') === 'true' ? matched.length : undefined;
  return jsonResponse(input.context, 200, listBody(contextUrl(input, cast ? `${collection}/${cast.slice(1)}` : collection), page, count));
}

/** GET /servicePrincipals/microsoft.graph.agentIdentity (beta): the agent identities alone, as Graph's beta docs list them. */
const agentIdentitiesRoute: Route = {
  method: 'GET',
  pattern: /^servicePrincipals\/microsoft\.graph\.agentIdentity$/,
  betaOnly: true,
  scopes: scopes.readApplications,
  throttle: 'none',
  handle: (input) => listCollection(input, 'servicePrincipals', '#microsoft.graph.agentIdentity'),
};

function collectionRoutes(collection: Collection, scopeSet: readonly string[]): Route[] {
  return [
    {
      method: 'GET',
      pattern: new RegExp(`^${collection}$`),
      scopes: scopeSet,
      throttle: 'none',
      handle: (input) => listCollection(input, collection),
    },
    {
      method: 'GET',
      // A user is read by id or by sign-in name (GET /users/{id | userPrincipalName}, as Graph documents it).
      pattern: new RegExp(`^${collection}/${collection === 'users' ? USER_KEY : GUID}$`),
      scopes: scopeSet,
      throttle: 'none',
      handle(input) {
        const id = input.params[0]!;
        const byName = id.includes('@') ? id.toLowerCase() : null;
        const found = objects(input.tenant, collection).find((o) =>
          byName ? String(o.userPrincipalName ?? '').toLowerCase() === byName : o.id === id,
        );
        if (!found) throw errors.directoryNotFound(id);
        return jsonResponse(input.context, 200, {
          '@odata.context': contextUrl(input, `${collection}/$entity`),
          ...applySelect(found, input.url.searchParams.get('$select')),
        });
      },
    },
  ];
}

/** The groups and activated directory roles an object is a direct member of, or, transitively, through groups. */
function memberOf(input: RouteInput, id: string, transitive: boolean): Record<string, unknown>[] {
  const groupMembers = input.tenant.groupMembers ?? {};
  const roleMembers = input.tenant.roleMembers ?? {};
  const groupIds: string[] = [];
  const queue = [id];
  while (queue.length > 0) {
    const member = queue.shift()!;
    for (const [groupId, members] of Object.entries(groupMembers)) {
      if (!members.includes(member) || groupIds.includes(groupId)) continue;
      groupIds.push(groupId);
      if (transitive) queue.push(groupId);
    }
  }
  const holders = new Set(transitive ? [id, ...groupIds] : [id]);
  const roles = Object.entries(roleMembers)
    .filter(([, members]) => members.some((m) => holders.has(m)))
    .map(([templateId]) => input.state.catalog.roleTemplates.find((r) => r.id === templateId))
    .filter((r) => !!r)
    .map((r) => ({
      '@odata.type': '#microsoft.graph.directoryRole',
      id: stableId(`${input.tenant.id}:directoryRole:${r.id}`),
      deletedDateTime: null,
      description: r.description,
      displayName: r.displayName,
      roleTemplateId: r.id,
    }));
  const groups = objects(input.tenant, 'groups').filter((g) => groupIds.includes(String(g.id)));
  // Units hold their members directly (no nesting), so they are the same either way.
  const units = (input.tenant.administrativeUnits ?? [])
    .filter((unit) => unit.members.includes(id))
    .map(({ members: _members, ...unit }) => ({
      '@odata.type': '#microsoft.graph.administrativeUnit',
      description: null,
      visibility: null,
      ...unit,
    }));
  return [...groups, ...roles, ...units];
}

const CASTS: Record<string, string> = {
  group: '#microsoft.graph.group',
  directoryRole: '#microsoft.graph.directoryRole',
  administrativeUnit: '#microsoft.graph.administrativeUnit',
};

function memberOfRoutes(collection: 'users' | 'groups', scopeSet: readonly string[]): Route {
  return {
    method: 'GET',
    pattern: new RegExp(
      `^${collection}/${GUID}/(memberOf|transitiveMemberOf)(?:/microsoft\\.graph\\.(group|directoryRole|administrativeUnit))?$`,
    ),
    scopes: scopeSet,
    throttle: 'none',
    handle(input) {
      const [id, relation, cast] = input.params as [string, string, string | undefined];
      if (!objects(input.tenant, collection).some((o) => o.id === id)) throw errors.directoryNotFound(id);
      // An OData cast keeps one type: memberOf/microsoft.graph.administrativeUnit.
      const all = memberOf(input, id, relation === 'transitiveMemberOf');
      const page = paginate(cast ? all.filter((o) => o['@odata.type'] === CASTS[cast]) : all, input.url, 100);
      page.items = page.items.map(selector(input.url.searchParams.get('$select')));
      return jsonResponse(input.context, 200, listBody(contextUrl(input, 'directoryObjects'), page));
    },
  };
}

/** A group's members, or (transitively) the members of its nested groups too; a cast keeps one type. */
const membersRoute: Route = {
  method: 'GET',
  pattern: new RegExp(`^groups/${GUID}/(members|transitiveMembers)(?:/microsoft\\.graph\\.(user|group))?$`),
  scopes: scopes.readGroups,
  throttle: 'none',
  handle(input) {
    const [id, relation, cast] = input.params as [string, string, string | undefined];
    if (!input.tenant.groups.some((g) => g.id === id)) throw errors.directoryNotFound(id);
    const groupMembers = input.tenant.groupMembers ?? {};
    const found: string[] = [];
    const queue = [id];
    while (queue.length > 0) {
      for (const member of groupMembers[queue.shift()!] ?? []) {
        if (found.includes(member)) continue;
        found.push(member);
        if (relation === 'transitiveMembers') queue.push(member);
      }
    }
    const everyone = [...objects(input.tenant, 'users'), ...objects(input.tenant, 'groups'), ...objects(input.tenant, 'servicePrincipals')];
    const matched = everyone.filter((o) => found.includes(String(o.id)) && (!cast || o['@odata.type'] === `#microsoft.graph.${cast}`));
    const page = paginate(matched, input.url, 100);
    page.items = page.items.map(selector(input.url.searchParams.get('$select')));
    return jsonResponse(input.context, 200, listBody(contextUrl(input, cast ? `${cast}s` : 'directoryObjects'), page));
  },
};

export const directoryRoutes: Route[] = [
  membersRoute,
  ...collectionRoutes('users', scopes.readUsers),
  ...collectionRoutes('groups', scopes.readGroups),
  memberOfRoutes('users', scopes.readUsers),
  memberOfRoutes('groups', scopes.readGroups),
  ...collectionRoutes('servicePrincipals', scopes.readApplications),
  agentIdentitiesRoute,
  {
    method: 'POST',
    pattern: /^directoryObjects\/getByIds$/,
    readOnly: true,
    scopes: scopes.readDirectory,
    throttle: 'none',
    async handle(input) {
      const body = await readJson(input.request);
      if (!isObject(body) || !Array.isArray(body.ids) || !body.ids.every((id) => typeof id === 'string')) {
        throw errors.badRequest("The request body must contain 'ids', a list of object ids.");
      }
      if (body.ids.length > 1000) throw errors.badRequest('Too many ids: getByIds accepts at most 1000 ids per request.');
      const wanted = Array.isArray(body.types) ? body.types.map((t) => String(t).toLowerCase()) : null;
      // Indexed by id first, shaped only when found: the demo runs this on the page's main thread,
      // with thousands of objects at the service's limit of policies.
      const byId = new Map<string, [Collection, Record<string, unknown>]>();
      for (const collection of ['users', 'groups', 'servicePrincipals'] as const)
        for (const o of stored(input.tenant, collection)) byId.set(String(o.id), [collection, o]);
      // $select as on any directoryObject collection: each object keeps its @odata.type.
      const select = selector(input.url.searchParams.get('$select'));
      // types names collections: an object of a derived type (an agent identity is a service
      // principal, an agent user a user) answers for its base type, keeping its own @odata.type.
      const typeName = (type: string) => type.replace('#microsoft.graph.', '').toLowerCase();
      const value = (body.ids as string[])
        .map((id) => byId.get(id))
        .filter((found) => !!found)
        .map(([collection, o]) => [collection, shaped(collection, o)] as const)
        .filter(([collection, o]) => !wanted || [typeOf[collection], String(o['@odata.type'])].some((t) => wanted.includes(typeName(t))))
        .map(([, o]) => select(o));
      return jsonResponse(input.context, 200, { '@odata.context': contextUrl(input, 'directoryObjects'), value });
    },
  },
  {
    method: 'GET',
    pattern: /^directoryRoleTemplates$/,
    scopes: scopes.readRoles,
    throttle: 'none',
    handle: (input) =>
      jsonResponse(input.context, 200, {
        '@odata.context': contextUrl(input, 'directoryRoleTemplates'),
        value: input.state.catalog.roleTemplates.map((r) => ({
          '@odata.type': '#microsoft.graph.directoryRoleTemplate',
          deletedDateTime: null,
          ...r,
        })),
      }),
  },
  {
    method: 'GET',
    pattern: /^roleManagement\/directory\/roleDefinitions$/,
    scopes: scopes.readRoles,
    throttle: 'none',
    handle(input) {
      const filter = compileFilter(input.url.searchParams.get('$filter'));
      const value = input.state.catalog.roleTemplates
        .map((r) => ({
          id: r.id,
          templateId: r.id,
          displayName: r.displayName,
          description: r.description,
          isBuiltIn: true,
          isEnabled: true,
        }))
        .filter(filter)
        .map(selector(input.url.searchParams.get('$select')));
      return jsonResponse(input.context, 200, { '@odata.context': contextUrl(input, 'roleManagement/directory/roleDefinitions'), value });
    },
  },
  {
    method: 'GET',
    pattern: /^organization$/,
    scopes: scopes.readOrganization,
    throttle: 'none',
    handle: (input) =>
      jsonResponse(input.context, 200, {
        '@odata.context': contextUrl(input, 'organization'),
        value: [
          {
            id: input.tenant.id,
            displayName: input.tenant.displayName,
            verifiedDomains: [
              {
                name: input.tenant.defaultDomain,
                isDefault: true,
                isInitial: true,
                type: 'Managed',
                capabilities: 'Email, OfficeCommunicationsOnline',
              },
            ],
          },
        ],
      }),
  },
  {
    method: 'GET',
    pattern: /^identityGovernance\/termsOfUse\/agreements$/,
    scopes: scopes.readAgreements,
    throttle: 'none',
    handle: (input) =>
      jsonResponse(input.context, 200, {
        '@odata.context': contextUrl(input, 'identityGovernance/termsOfUse/agreements'),
        value: input.tenant.agreements.map((a) => applySelect({ ...a }, input.url.searchParams.get('$select'))),
      }),
  },
];
