// What may be written back to Graph, and how much of it: service-owned fields and OData
// annotations stripped, PATCH bodies that carry only what changed but always whole collections
// (Graph replaces arrays; a partial array would drop the rest), and exclusions merged, never replaced.
import { quiet, type CompareOptions } from './comparable-form';
import { READ_ONLY_PROPERTIES } from './policy-schema';

export type { CompareOptions } from './comparable-form';

import { isJsonObject as isObject, type Json, type JsonObject } from './json';
import { holdsId } from './ids';

export type { Json, JsonObject } from './json';

/** Polymorphic types whose @odata.type the service needs on write (e.g. external tenants). */
const KEEP_TYPE_UNDER = new Set(['externalTenants']);

/** Removes OData annotations (and action links) at every depth, except the type of polymorphic values. */
export function stripAnnotations(value: Json, parentKey = ''): Json {
  if (Array.isArray(value)) return value.map((item) => stripAnnotations(item, parentKey));
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    // "#microsoft.graph.restore" and the like are OData action annotations.
    if (key.startsWith('#')) continue;
    if (key.includes('@odata.') && !(key === '@odata.type' && KEEP_TYPE_UNDER.has(parentKey))) continue;
    out[key] = stripAnnotations(child, key);
  }
  return out;
}

/** A policy body the service accepts on create: no service-owned fields, no annotations. */
export function toWritableBody(policy: JsonObject): JsonObject {
  const body = stripAnnotations(policy) as JsonObject;
  for (const key of READ_ONLY_PROPERTIES) delete body[key];
  // An expanded authentication strength is written back by its id only.
  const grant = body.grantControls;
  if (isObject(grant) && isObject(grant.authenticationStrength))
    grant.authenticationStrength = { id: grant.authenticationStrength.id ?? null };
  // No client apps named means any (Microsoft's own samples write []), but Graph refuses [] (1064) and
  // shows "any" as ['all']: written so, a file or draft without them is saved as it is read back.
  const conditions = body.conditions;
  if (
    isObject(conditions) &&
    (conditions.clientAppTypes === undefined || (Array.isArray(conditions.clientAppTypes) && conditions.clientAppTypes.length === 0))
  )
    conditions.clientAppTypes = ['all'];
  return body;
}

export function deepEqual(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => deepEqual(a[key], b[key]));
  }
  return false;
}

/** Nothing set: null, an empty list or text, or an object of such. */
const isUnset = (value: Json | undefined): boolean =>
  value === undefined ||
  value === null ||
  value === '' ||
  (Array.isArray(value) && value.length === 0) ||
  (isObject(value) && Object.values(value).every(isUnset));

/**
 * The PATCH body that turns `live` into `draft`: nested objects carry only their changed members
 * (Graph merges them), arrays and values are sent whole. A member the draft leaves out is not set:
 * already so when the tenant's is empty (a sparse file and the tenant's full form agree), otherwise
 * cleared, a collection to [] (Graph refuses null in one, 1007) and the rest to null.
 */
export function buildPatch(live: JsonObject, draft: JsonObject): JsonObject {
  const before = toWritableBody(live);
  const after = toWritableBody(draft);
  const diff = (from: JsonObject, to: JsonObject): JsonObject => {
    const out: JsonObject = {};
    for (const key of new Set([...Object.keys(from), ...Object.keys(to)])) {
      const a = from[key];
      const b = to[key];
      if (deepEqual(a, b)) continue;
      if (b === undefined) {
        if (!isUnset(a)) out[key] = Array.isArray(a) ? [] : null;
        continue;
      }
      if (isObject(a) && isObject(b)) {
        const nested = diff(a, b);
        if (Object.keys(nested).length > 0) out[key] = nested;
      } else {
        out[key] = b;
      }
    }
    return out;
  };
  return diff(before, after);
}

/** Adds the emergency-access accounts and groups to a policy's exclusions, keeping every existing one. */
export function withExclusions(policy: JsonObject, add: { users?: string[]; groups?: string[] }): JsonObject {
  const copy = structuredClone(policy);
  const conditions = isObject(copy.conditions) ? copy.conditions : (copy.conditions = {});
  const users = isObject(conditions.users) ? conditions.users : (conditions.users = {});
  const merge = (key: 'excludeUsers' | 'excludeGroups', ids: string[] = []) => {
    const current = Array.isArray(users[key]) ? (users[key] as Json[]).filter((v): v is string => typeof v === 'string') : [];
    users[key] = [...current, ...ids.filter((id) => !holdsId(current, id))];
  };
  merge('excludeUsers', add.users);
  merge('excludeGroups', add.groups);
  return copy;
}

/** Applies a PATCH body as Graph does: objects merge, arrays and values replace, null clears. */
export function applyPatch(target: JsonObject, patch: JsonObject): JsonObject {
  const out: JsonObject = structuredClone(target);
  for (const [key, value] of Object.entries(patch)) {
    const current = out[key];
    out[key] = isObject(value) && isObject(current) ? applyPatch(current, value) : structuredClone(value);
  }
  return out;
}

/** Stable key order at every depth, so two versions diff line by line. */
export function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys(value[key]!)]),
  );
}

/** A policy's writable properties in their comparable form (see comparable-form.ts). */
export const comparableForm = (policy: JsonObject, options: CompareOptions = {}): JsonObject =>
  (quiet(toWritableBody(policy), options) as JsonObject | undefined) ?? {};

/** The text two versions of a policy are compared by: writable properties only, keys sorted. */
export const comparableText = (policy: JsonObject, options: CompareOptions = {}) =>
  JSON.stringify(sortKeys(comparableForm(policy, options)), null, 2);
