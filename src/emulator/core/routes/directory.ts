// Directory objects for name resolution and pickers: users (by id or sign-in name), groups, service
// principals and agent identities, listed with $filter and $search or read one by one, and
// directoryObjects/getByIds (at most 1000 ids). Membership, $search and the organization's own
// resources live in their own modules; directoryRoutes serves them all.
import { errors, isObject, jsonResponse, readJson } from '../http';
import { applySelect, compileFilter, listBody, paginate, selector } from '../odata';
import { contextUrl, GUID, scopes, type Route, type RouteInput } from '../route';
import { type Collection, objects, shaped, stored, typeOf } from './directory-objects';
import { memberOfRoutes, membersRoute } from './directory-membership';
import { searchFilter } from './directory-search';
import { organizationRoutes } from './organization';

/** A user's id, or a sign-in name (one starting with $ must be written users('$…'), which no caller here does). */
const USER_KEY = `(${GUID.slice(1, -1)}|[^/$][^/]*@[^/]+)`;

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
  ...organizationRoutes,
];
