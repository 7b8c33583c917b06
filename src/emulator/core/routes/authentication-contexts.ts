// Authentication contexts (c1, c2…): list, get, create (201), update (PATCH is an upsert, 204) and
// delete (204) of a context no policy uses.
import { emptyResponse, errors, GraphError, isObject, jsonResponse, readJson } from '../http';
import type { JsonObject } from '../model';
import { compileFilter, listBody, paginate, selector } from '../odata';
import { contextUrl, scopes, SEGMENT, type Route, type RouteInput } from '../route';

const COLLECTION = 'identity/conditionalAccess/authenticationContextClassReferences';

/** The documentation names c1 to c25 on the resource page and c1 to c99 for What-If: the wider range is accepted. */
function checkId(id: unknown): string {
  if (typeof id !== 'string' || !/^c([1-9]|[1-9]\d)$/.test(id)) {
    throw errors.badRequest(`'${String(id)}' is not a valid authentication context id (c1 to c99).`);
  }
  return id;
}

async function body(input: RouteInput): Promise<JsonObject> {
  const parsed = await readJson(input.request);
  if (!isObject(parsed)) throw errors.invalidJson();
  return parsed as JsonObject;
}

function shaped(id: string, values: JsonObject): JsonObject {
  const { displayName = null, description = null, isAvailable = false } = values;
  return { id, displayName, description, isAvailable };
}

function find(input: RouteInput): JsonObject {
  const found = input.tenant.authenticationContexts.find((c) => c.id === input.params[0]);
  if (!found) throw errors.notFound('authenticationContextClassReference', input.params[0]!);
  return found;
}

export const authenticationContextRoutes: Route[] = [
  {
    method: 'GET',
    pattern: new RegExp(`^${COLLECTION}$`),
    scopes: scopes.readPolicies,
    throttle: 'none',
    handle(input) {
      const filter = compileFilter(input.url.searchParams.get('$filter'));
      const page = paginate(input.tenant.authenticationContexts.filter(filter), input.url, null);
      page.items = page.items.map(selector(input.url.searchParams.get('$select')));
      return jsonResponse(input.context, 200, listBody(contextUrl(input, COLLECTION), page));
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^${COLLECTION}/${SEGMENT}$`),
    scopes: scopes.readPolicies,
    throttle: 'none',
    handle: (input) => jsonResponse(input.context, 200, { '@odata.context': contextUrl(input, `${COLLECTION}/$entity`), ...find(input) }),
  },
  {
    method: 'POST',
    pattern: new RegExp(`^${COLLECTION}$`),
    scopes: scopes.writeContexts,
    throttle: 'none',
    async handle(input) {
      const values = await body(input);
      const id = checkId(values.id);
      // Creating an id that exists is refused; the documentation gives no error body, so this one is ours.
      if (input.tenant.authenticationContexts.some((c) => c.id === id)) {
        throw new GraphError(409, 'Conflict', `An authentication context with id '${id}' already exists. Update it with PATCH.`);
      }
      const created = shaped(id, values);
      input.tenant.authenticationContexts.push(created);
      return jsonResponse(input.context, 201, { '@odata.context': contextUrl(input, `${COLLECTION}/$entity`), ...created });
    },
  },
  {
    method: 'PATCH',
    pattern: new RegExp(`^${COLLECTION}/${SEGMENT}$`),
    scopes: scopes.writeContexts,
    throttle: 'none',
    async handle(input) {
      const id = checkId(input.params[0]);
      const values = await body(input);
      const contexts = input.tenant.authenticationContexts;
      const existing = contexts.find((c) => c.id === id);
      // The documented example repeats the id in the body; the one in the URL wins.
      const next = shaped(id, { ...(existing ?? {}), ...values });
      if (existing) contexts[contexts.indexOf(existing)] = next;
      else contexts.push(next);
      return emptyResponse(input.context);
    },
  },
  {
    method: 'DELETE',
    pattern: new RegExp(`^${COLLECTION}/${SEGMENT}$`),
    scopes: scopes.writeContexts,
    throttle: 'none',
    handle(input) {
      const existing = find(input);
      const usedBy = input.tenant.policies.find((p) => {
        const applications = isObject(p.conditions) ? p.conditions.applications : null;
        const ids = isObject(applications) ? applications.includeAuthenticationContextClassReferences : null;
        return Array.isArray(ids) && ids.includes(existing.id as string);
      });
      // Graph deletes only a context no policy uses; the error body is undocumented, so this one is ours.
      if (usedBy) {
        throw errors.badRequest(
          `The authentication context '${String(existing.id)}' is used by the policy '${String(usedBy.displayName)}' and cannot be deleted.`,
        );
      }
      input.tenant.authenticationContexts = input.tenant.authenticationContexts.filter((c) => c !== existing);
      return emptyResponse(input.context);
    },
  },
];
