// Conditional Access policies: list, get, create (201), update (204), delete (204, soft delete),
// and beta's deletedItems: list, get, restore (200) and purge (204) within the 30-day window.
import { audit } from '../audit-helpers';
import { emptyResponse, errors, GraphError, isObject, jsonResponse, readJson } from '../http';
import { newId } from '../ids';
import type { JsonObject, TenantState } from '../model';
import { applySelect, compileFilter, listBody, paginate, selector } from '../odata';
import { orderBy, skip } from '../odata-order';
import { checkClientAppTypes, checkReadOnly, normaliseClientAppTypes, validatePolicy } from '../policy-rules';
import { completePolicy, mergePatch, stripForWrite } from '../policy-shape';
import { contextUrl, GUID, scopes, type Route, type RouteInput } from '../route';
import { checkUnseenLocations, seenStrengthIds } from '../unseen-objects';
import { presentStrength } from './authentication-strengths';

export const POLICY_CAP = 195;
export const SOFT_DELETE_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A stored policy as Graph returns it: complete shape, authentication strength expanded inline. */
export function presentPolicy(tenant: TenantState, stored: JsonObject, input: RouteInput): JsonObject {
  const policy = completePolicy(stored);
  if (input.version === 'v1.0') delete policy.deletedDateTime;
  const grant = policy.grantControls;
  if (isObject(grant) && isObject(grant.authenticationStrength)) {
    const id = grant.authenticationStrength.id ?? null;
    const strength = tenant.authenticationStrengths.find((s) => s.id === id);
    grant[`authenticationStrength@odata.context`] =
      `https://graph.microsoft.com/${input.version}/$metadata#identity/conditionalAccess/policies('${String(policy.id)}')/grantControls/authenticationStrength/$entity`;
    grant.authenticationStrength = strength ? presentStrength(strength) : { id };
  }
  return policy;
}

/** The stored form keeps only the strength's id, as the service does. */
function storeForm(policy: JsonObject): JsonObject {
  const grant = policy.grantControls;
  if (isObject(grant) && isObject(grant.authenticationStrength)) {
    grant.authenticationStrength = { id: grant.authenticationStrength.id ?? null } as JsonObject;
  }
  return policy;
}

/** What a policy write is validated against: the strengths it may name, and no named location not seen yet. */
function validateWrite(policy: JsonObject, tenant: TenantState, now: Date): GraphError | null {
  return validatePolicy(policy, seenStrengthIds(tenant, now)) ?? checkUnseenLocations(policy, tenant, now);
}

function findPolicy(tenant: TenantState, id: string): JsonObject {
  const policy = tenant.policies.find((p) => p.id === id);
  if (!policy) throw errors.notFound('conditionalAccessPolicy', id);
  return policy;
}

/** Deleted items older than 30 days are gone for good. */
export function expireDeleted(items: JsonObject[], now: Date): JsonObject[] {
  return items.filter((item) => now.getTime() - Date.parse(String(item.deletedDateTime)) < SOFT_DELETE_DAYS * DAY_MS);
}

/** The body of a create or an update (`existing`: the policy it updates). */
async function writeBody(input: RouteInput, existing?: JsonObject): Promise<JsonObject> {
  const body = await readJson(input.request);
  if (!isObject(body)) throw errors.schema();
  const readOnly = checkReadOnly(body as JsonObject, existing?.templateId) ?? checkClientAppTypes(body as JsonObject);
  if (readOnly) throw readOnly;
  normaliseClientAppTypes(body as JsonObject);
  return stripForWrite(body as JsonObject);
}

function list(input: RouteInput, items: JsonObject[], entitySet: string): Response {
  const filter = compileFilter(input.url.searchParams.get('$filter'));
  const presented = items.map((p) => presentPolicy(input.tenant, p, input)).filter(filter);
  const ordered = orderBy(presented, input.url, ['displayName', 'createdDateTime', 'modifiedDateTime', 'deletedDateTime', 'state', 'id']);
  // $skip, then the pages of $top: each page's link keeps $skip, so its $skiptoken counts after it.
  const page = paginate(skip(ordered, input.url), input.url, null);
  page.items = page.items.map(selector(input.url.searchParams.get('$select')));
  const count = input.url.searchParams.get('$count') === 'true' ? presented.length : undefined;
  return jsonResponse(input.context, 200, listBody(contextUrl(input, entitySet), page, count));
}

export const policyRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^identity\/conditionalAccess\/policies$/,
    scopes: scopes.readPolicies,
    throttle: 'ca',
    handle: (input) => list(input, input.tenant.policies, 'identity/conditionalAccess/policies'),
  },
  {
    method: 'GET',
    pattern: new RegExp(`^identity/conditionalAccess/policies/${GUID}$`),
    scopes: scopes.readPolicies,
    throttle: 'ca',
    handle(input) {
      const policy = presentPolicy(input.tenant, findPolicy(input.tenant, input.params[0]!), input);
      return jsonResponse(input.context, 200, {
        '@odata.context': contextUrl(input, 'identity/conditionalAccess/policies/$entity'),
        ...applySelect(policy, input.url.searchParams.get('$select')),
      });
    },
  },
  {
    method: 'POST',
    pattern: /^identity\/conditionalAccess\/policies$/,
    scopes: scopes.writePolicies,
    throttle: 'ca',
    async handle(input) {
      const { tenant, context } = input;
      const body = await writeBody(input);
      if (tenant.policies.length >= POLICY_CAP) {
        // The cap is documented; the exact error body is not, so this message is ours.
        throw errors.badRequest(
          `This tenant has reached the limit of ${POLICY_CAP} Conditional Access policies. Delete a policy before creating another.`,
        );
      }
      // A create without clientAppTypes: what Graph does is not documented (the property is Required
      // in conditionalaccessconditionset.md). It is accepted, as before, and stored as ['all'], the
      // value Graph's 1064 message says targets every client app, never as the [] Graph refuses.
      if (isObject(body.conditions) && body.conditions.clientAppTypes === undefined) body.conditions.clientAppTypes = ['all'];
      const policy = completePolicy({
        ...body,
        id: newId(),
        templateId: null,
        createdDateTime: context.now.toISOString(),
        modifiedDateTime: null,
      });
      const invalid = validateWrite(policy, tenant, context.now);
      if (invalid) throw invalid;
      tenant.policies.push(storeForm(policy));
      audit(input, 'Add', 'Policy', null, policy);
      return jsonResponse(context, 201, {
        '@odata.context': contextUrl(input, 'identity/conditionalAccess/policies/$entity'),
        ...presentPolicy(tenant, policy, input),
      });
    },
  },
  {
    method: 'PATCH',
    pattern: new RegExp(`^identity/conditionalAccess/policies/${GUID}$`),
    scopes: scopes.writePolicies,
    throttle: 'ca',
    async handle(input) {
      const { tenant, context } = input;
      const existing = findPolicy(tenant, input.params[0]!);
      const body = await writeBody(input, existing);
      const merged = completePolicy(mergePatch(existing, body) as JsonObject);
      merged.id = existing.id ?? null;
      merged.createdDateTime = existing.createdDateTime ?? null;
      merged.templateId = existing.templateId ?? null;
      merged.modifiedDateTime = context.now.toISOString();
      const invalid = validateWrite(merged, tenant, context.now);
      if (invalid) throw invalid;
      const index = tenant.policies.indexOf(existing);
      tenant.policies[index] = storeForm(merged);
      audit(input, 'Update', 'Policy', existing, merged);
      return emptyResponse(context);
    },
  },
  {
    method: 'DELETE',
    pattern: new RegExp(`^identity/conditionalAccess/policies/${GUID}$`),
    scopes: scopes.writePolicies,
    throttle: 'ca',
    handle(input) {
      const { tenant, context } = input;
      const existing = findPolicy(tenant, input.params[0]!);
      tenant.policies = tenant.policies.filter((p) => p !== existing);
      tenant.deletedPolicies.push({ ...existing, deletedDateTime: context.now.toISOString() });
      audit(input, 'Delete', 'Policy', existing, null);
      return emptyResponse(context);
    },
  },
  {
    method: 'GET',
    pattern: /^identity\/conditionalAccess\/deletedItems\/policies$/,
    scopes: scopes.readPolicies,
    betaOnly: true,
    throttle: 'ca',
    handle(input) {
      input.tenant.deletedPolicies = expireDeleted(input.tenant.deletedPolicies, input.context.now);
      return list(input, input.tenant.deletedPolicies, 'identity/conditionalAccess/deletedItems/policies');
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^identity/conditionalAccess/deletedItems/policies/${GUID}$`),
    scopes: scopes.readPolicies,
    betaOnly: true,
    throttle: 'ca',
    handle(input) {
      const policy = findDeleted(input);
      return jsonResponse(input.context, 200, {
        '@odata.context': contextUrl(input, 'identity/conditionalAccess/deletedItems/policies/$entity'),
        ...presentPolicy(input.tenant, policy, input),
      });
    },
  },
  {
    method: 'POST',
    pattern: new RegExp(`^identity/conditionalAccess/deletedItems/policies/${GUID}/restore$`),
    scopes: scopes.writePolicies,
    betaOnly: true,
    throttle: 'ca',
    handle(input) {
      const { tenant, context } = input;
      const deleted = findDeleted(input);
      if (tenant.policies.length >= POLICY_CAP) {
        throw errors.badRequest(
          `This tenant has reached the limit of ${POLICY_CAP} Conditional Access policies. Delete a policy before restoring another.`,
        );
      }
      const restored: JsonObject = { ...deleted, deletedDateTime: null };
      tenant.deletedPolicies = tenant.deletedPolicies.filter((p) => p !== deleted);
      tenant.policies.push(restored);
      audit(input, 'Restore', 'Policy', null, restored);
      // beta/api/conditionalaccesspolicy-restore.md answers the restored policy wrapped in "value".
      return jsonResponse(context, 200, { value: presentPolicy(tenant, restored, input) });
    },
  },
  {
    method: 'DELETE',
    pattern: new RegExp(`^identity/conditionalAccess/deletedItems/policies/${GUID}$`),
    scopes: scopes.writePolicies,
    betaOnly: true,
    throttle: 'ca',
    handle(input) {
      const deleted = findDeleted(input);
      input.tenant.deletedPolicies = input.tenant.deletedPolicies.filter((p) => p !== deleted);
      audit(input, 'Hard delete', 'Policy', deleted, null);
      return emptyResponse(input.context);
    },
  },
];

function findDeleted(input: RouteInput): JsonObject {
  input.tenant.deletedPolicies = expireDeleted(input.tenant.deletedPolicies, input.context.now);
  const id = input.params[0]!;
  const policy = input.tenant.deletedPolicies.find((p) => p.id === id);
  if (!policy)
    throw new GraphError(
      404,
      'ResourceNotFound',
      `No deleted conditionalAccessPolicy with id '${id}' was found. Deleted policies are kept for ${SOFT_DELETE_DAYS} days.`,
    );
  return policy;
}
