// Named locations (ip and country). Writes must carry @odata.type, as Graph requires; deletes go to
// beta's deletedItems/namedLocations for 30 days and can be restored from there.
import { audit } from '../audit-helpers';
import type { GraphError } from '../http';
import { emptyResponse, errors, isObject, jsonResponse, readJson } from '../http';
import { newId } from '../ids';
import type { JsonObject } from '../model';
import { compileFilter, listBody, paginate, selector } from '../odata';
import { orderBy, skip } from '../odata-order';
import { mergePatch } from '../policy-shape';
import { contextUrl, GUID, scopes, type Route, type RouteInput } from '../route';
import { expireDeleted } from './policies';

const IP = '#microsoft.graph.ipNamedLocation';
const COUNTRY = '#microsoft.graph.countryNamedLocation';
const LOCATION_CAP = 195;

function validate(location: JsonObject): GraphError | null {
  const type = location['@odata.type'];
  if (type !== IP && type !== COUNTRY) {
    return errors.badRequest(
      "A named location must be written with '@odata.type' set to '#microsoft.graph.ipNamedLocation' or '#microsoft.graph.countryNamedLocation'.",
    );
  }
  if (typeof location.displayName !== 'string' || !location.displayName.trim()) return errors.badRequest('displayName is required.');
  if (type === IP) {
    const ranges = location.ipRanges;
    if (!Array.isArray(ranges) || ranges.length === 0) return errors.badRequest('ipRanges must contain at least one range.');
    if (ranges.length > 2000) return errors.badRequest('A named location can hold at most 2000 IP ranges.');
    for (const range of ranges) {
      if (!isObject(range) || typeof range.cidrAddress !== 'string') return errors.badRequest('Each IP range needs a cidrAddress.');
      const rangeType = range['@odata.type'];
      if (rangeType !== '#microsoft.graph.iPv4CidrRange' && rangeType !== '#microsoft.graph.iPv6CidrRange') {
        return errors.badRequest("Each IP range needs '@odata.type' '#microsoft.graph.iPv4CidrRange' or '#microsoft.graph.iPv6CidrRange'.");
      }
      const mask = Number(range.cidrAddress.split('/')[1]);
      if (!Number.isInteger(mask) || mask <= 8)
        return errors.badRequest(`The range '${range.cidrAddress}' is invalid: CIDR masks must be greater than /8.`);
    }
  } else {
    const countries = location.countriesAndRegions;
    if (!Array.isArray(countries) || !countries.every((c) => typeof c === 'string' && /^[A-Z]{2}$/.test(c))) {
      return errors.badRequest('countriesAndRegions must be a list of two-letter ISO 3166 codes.');
    }
  }
  return null;
}

function present(location: JsonObject, input: RouteInput): JsonObject {
  const copy = structuredClone(location);
  if (input.version === 'v1.0') delete copy.deletedDateTime;
  return copy;
}

function find(items: JsonObject[], id: string): JsonObject {
  const found = items.find((l) => l.id === id);
  if (!found) throw errors.notFound('namedLocation', id);
  return found;
}

function list(input: RouteInput, items: JsonObject[], entitySet: string): Response {
  const filter = compileFilter(input.url.searchParams.get('$filter'));
  const presented = items.map((l) => present(l, input)).filter(filter);
  const ordered = orderBy(presented, input.url, ['displayName', 'createdDateTime', 'modifiedDateTime', 'deletedDateTime', 'id']);
  // $skip, then the pages of $top: each page's link keeps $skip, so its $skiptoken counts after it.
  const page = paginate(skip(ordered, input.url), input.url, null);
  page.items = page.items.map(selector(input.url.searchParams.get('$select')));
  const count = input.url.searchParams.get('$count') === 'true' ? presented.length : undefined;
  return jsonResponse(input.context, 200, listBody(contextUrl(input, entitySet), page, count));
}

async function body(input: RouteInput): Promise<JsonObject> {
  const parsed = await readJson(input.request);
  if (!isObject(parsed)) throw errors.invalidJson();
  const copy = { ...(parsed as JsonObject) };
  for (const key of ['id', 'createdDateTime', 'modifiedDateTime', 'deletedDateTime', '@odata.context']) delete copy[key];
  return copy;
}

export const namedLocationRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^identity\/conditionalAccess\/namedLocations$/,
    scopes: scopes.readPolicies,
    throttle: 'ca',
    handle: (input) => list(input, input.tenant.namedLocations, 'identity/conditionalAccess/namedLocations'),
  },
  {
    method: 'GET',
    pattern: new RegExp(`^identity/conditionalAccess/namedLocations/${GUID}$`),
    scopes: scopes.readPolicies,
    throttle: 'ca',
    handle: (input) =>
      jsonResponse(input.context, 200, {
        '@odata.context': contextUrl(input, 'identity/conditionalAccess/namedLocations/$entity'),
        ...present(find(input.tenant.namedLocations, input.params[0]!), input),
      }),
  },
  {
    method: 'POST',
    pattern: /^identity\/conditionalAccess\/namedLocations$/,
    scopes: scopes.writePolicies,
    throttle: 'ca',
    async handle(input) {
      const { tenant, context } = input;
      const location: JsonObject = {
        ...(await body(input)),
        id: newId(),
        createdDateTime: context.now.toISOString(),
        modifiedDateTime: context.now.toISOString(),
      };
      if (location['@odata.type'] === IP) location.isTrusted ??= false;
      if (location['@odata.type'] === COUNTRY) {
        location.includeUnknownCountriesAndRegions ??= false;
        location.countryLookupMethod ??= 'clientIpAddress';
      }
      const invalid = validate(location);
      if (invalid) throw invalid;
      if (tenant.namedLocations.length >= LOCATION_CAP)
        throw errors.badRequest(`This tenant has reached the limit of ${LOCATION_CAP} named locations.`);
      tenant.namedLocations.push(location);
      audit(input, 'Add', 'NamedLocation', null, location);
      return jsonResponse(context, 201, {
        '@odata.context': contextUrl(input, 'identity/conditionalAccess/namedLocations/$entity'),
        ...present(location, input),
      });
    },
  },
  {
    method: 'PATCH',
    pattern: new RegExp(`^identity/conditionalAccess/namedLocations/${GUID}$`),
    scopes: scopes.writePolicies,
    throttle: 'ca',
    async handle(input) {
      const { tenant, context } = input;
      const existing = find(tenant.namedLocations, input.params[0]!);
      const patch = await body(input);
      if (patch['@odata.type'] !== existing['@odata.type']) {
        throw errors.badRequest(
          `The request must carry '@odata.type' '${String(existing['@odata.type'])}' of the named location being updated.`,
        );
      }
      const merged = { ...(mergePatch(existing, patch) as JsonObject), modifiedDateTime: context.now.toISOString() };
      const invalid = validate(merged);
      if (invalid) throw invalid;
      tenant.namedLocations[tenant.namedLocations.indexOf(existing)] = merged;
      audit(input, 'Update', 'NamedLocation', existing, merged);
      return emptyResponse(context);
    },
  },
  {
    method: 'DELETE',
    pattern: new RegExp(`^identity/conditionalAccess/namedLocations/${GUID}$`),
    scopes: scopes.writePolicies,
    throttle: 'ca',
    handle(input) {
      const { tenant, context } = input;
      const existing = find(tenant.namedLocations, input.params[0]!);
      // entra-docs concept-assignment-network.md: "Locations marked as trusted can't be deleted without
      // first removing the trusted designation." Graph's exact error body for this is unconfirmed: the
      // code and words here are ours.
      if (existing.isTrusted === true) {
        throw errors.badRequest(
          `The named location '${String(existing.displayName)}' is marked as trusted and can't be deleted. Remove the trusted designation (isTrusted: false) first.`,
        );
      }
      tenant.namedLocations = tenant.namedLocations.filter((l) => l !== existing);
      tenant.deletedNamedLocations.push({ ...existing, deletedDateTime: context.now.toISOString() });
      audit(input, 'Delete', 'NamedLocation', existing, null);
      return emptyResponse(context);
    },
  },
  {
    method: 'GET',
    pattern: /^identity\/conditionalAccess\/deletedItems\/namedLocations$/,
    scopes: scopes.readPolicies,
    betaOnly: true,
    throttle: 'ca',
    handle(input) {
      input.tenant.deletedNamedLocations = expireDeleted(input.tenant.deletedNamedLocations, input.context.now);
      return list(input, input.tenant.deletedNamedLocations, 'identity/conditionalAccess/deletedItems/namedLocations');
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^identity/conditionalAccess/deletedItems/namedLocations/${GUID}$`),
    scopes: scopes.readPolicies,
    betaOnly: true,
    throttle: 'ca',
    handle(input) {
      input.tenant.deletedNamedLocations = expireDeleted(input.tenant.deletedNamedLocations, input.context.now);
      return jsonResponse(input.context, 200, present(find(input.tenant.deletedNamedLocations, input.params[0]!), input));
    },
  },
  {
    method: 'POST',
    pattern: new RegExp(`^identity/conditionalAccess/deletedItems/namedLocations/${GUID}/restore$`),
    scopes: scopes.writePolicies,
    betaOnly: true,
    throttle: 'ca',
    handle(input) {
      const { tenant, context } = input;
      tenant.deletedNamedLocations = expireDeleted(tenant.deletedNamedLocations, context.now);
      const deleted = find(tenant.deletedNamedLocations, input.params[0]!);
      const restored = { ...deleted, deletedDateTime: null };
      tenant.deletedNamedLocations = tenant.deletedNamedLocations.filter((l) => l !== deleted);
      tenant.namedLocations.push(restored);
      audit(input, 'Restore', 'NamedLocation', null, restored);
      // beta/api/ipnamedlocation-restore.md answers the location itself, with this context.
      return jsonResponse(context, 200, {
        '@odata.context': `https://graph.microsoft.com/${input.version}/$metadata#microsoft.graph.namedLocation`,
        ...present(restored, input),
      });
    },
  },
  {
    method: 'DELETE',
    pattern: new RegExp(`^identity/conditionalAccess/deletedItems/namedLocations/${GUID}$`),
    scopes: scopes.writePolicies,
    betaOnly: true,
    throttle: 'ca',
    handle(input) {
      const { tenant } = input;
      tenant.deletedNamedLocations = expireDeleted(tenant.deletedNamedLocations, input.context.now);
      const deleted = find(tenant.deletedNamedLocations, input.params[0]!);
      tenant.deletedNamedLocations = tenant.deletedNamedLocations.filter((l) => l !== deleted);
      audit(input, 'Hard delete', 'NamedLocation', deleted, null);
      return emptyResponse(input.context);
    },
  },
];
