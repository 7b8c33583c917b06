// Read-mostly CA resources: authentication strengths (3 built-in + custom), authentication
// contexts (PATCH is an upsert), and Microsoft's policy templates.
import { emptyResponse, errors, isObject, jsonResponse, readJson } from '../http';
import type { JsonObject } from '../model';
import { applySelect, compileFilter, listBody, paginate } from '../odata';
import { contextUrl, GUID, scopes, SEGMENT, type Route, type RouteInput } from '../route';

function listOf(input: RouteInput, items: JsonObject[], entitySet: string): Response {
  const filter = compileFilter(input.url.searchParams.get('$filter'));
  const page = paginate(items.filter(filter), input.url, null);
  page.items = page.items.map((i) => applySelect(i, input.url.searchParams.get('$select')));
  return jsonResponse(input.context, 200, listBody(contextUrl(input, entitySet), page));
}

function oneOf(input: RouteInput, items: JsonObject[], what: string, entitySet: string): Response {
  const found = items.find((i) => i.id === input.params[0]);
  if (!found) throw errors.notFound(what, input.params[0]!);
  return jsonResponse(input.context, 200, { '@odata.context': contextUrl(input, `${entitySet}/$entity`), ...applySelect(found, input.url.searchParams.get('$select')) });
}

const strengthPaths = ['policies/authenticationStrengthPolicies', 'identity/conditionalAccess/authenticationStrength/policies'];

export const catalogRoutes: Route[] = [
  ...strengthPaths.flatMap((path, index): Route[] => [
    {
      method: 'GET',
      pattern: new RegExp(`^${path}$`),
      scopes: scopes.readPolicies,
      betaOnly: index === 1,
      throttle: 'none',
      handle: (input) => listOf(input, input.tenant.authenticationStrengths, path),
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${path}/${GUID}$`),
      scopes: scopes.readPolicies,
      betaOnly: index === 1,
      throttle: 'none',
      handle: (input) => oneOf(input, input.tenant.authenticationStrengths, 'authenticationStrengthPolicy', path),
    },
  ]),
  {
    method: 'GET',
    pattern: /^identity\/conditionalAccess\/authenticationContextClassReferences$/,
    scopes: scopes.readPolicies,
    throttle: 'none',
    handle: (input) => listOf(input, input.tenant.authenticationContexts, 'identity/conditionalAccess/authenticationContextClassReferences'),
  },
  {
    method: 'GET',
    pattern: new RegExp(`^identity/conditionalAccess/authenticationContextClassReferences/${SEGMENT}$`),
    scopes: scopes.readPolicies,
    throttle: 'none',
    handle: (input) => oneOf(input, input.tenant.authenticationContexts, 'authenticationContextClassReference', 'identity/conditionalAccess/authenticationContextClassReferences'),
  },
  {
    method: 'PATCH',
    pattern: new RegExp(`^identity/conditionalAccess/authenticationContextClassReferences/${SEGMENT}$`),
    scopes: scopes.writePolicies,
    throttle: 'none',
    async handle(input) {
      const id = input.params[0]!;
      if (!/^c([1-9]|[1-9]\d)$/.test(id)) throw errors.badRequest(`'${id}' is not a valid authentication context id (c1 to c99).`);
      const body = await readJson(input.request);
      if (!isObject(body)) throw errors.invalidJson();
      const contexts = input.tenant.authenticationContexts;
      const existing = contexts.find((c) => c.id === id);
      const next: JsonObject = { id, displayName: null, description: null, isAvailable: false, ...(existing ?? {}), ...(body as JsonObject) };
      next.id = id;
      if (existing) contexts[contexts.indexOf(existing)] = next;
      else contexts.push(next);
      return emptyResponse(input.context);
    },
  },
  {
    method: 'GET',
    pattern: /^identity\/conditionalAccess\/templates$/,
    scopes: scopes.readPolicies,
    throttle: 'none',
    handle: (input) => listOf(input, input.state.catalog.templates, 'identity/conditionalAccess/templates'),
  },
  {
    method: 'GET',
    pattern: new RegExp(`^identity/conditionalAccess/templates/${GUID}$`),
    scopes: scopes.readPolicies,
    throttle: 'none',
    handle: (input) => oneOf(input, input.state.catalog.templates, 'conditionalAccessTemplate', 'identity/conditionalAccess/templates'),
  },
];
