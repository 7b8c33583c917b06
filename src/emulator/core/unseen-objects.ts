// Eventual consistency, as a fault setting (FaultConfig.newObjectsUnseenForMs): Graph may refuse a
// policy write that names an authentication strength or a named location created a moment before,
// as if it did not exist, and accept the same write some seconds later (no delay is documented).
// While the setting holds, an object created less than that long ago (on the emulator's clock) is
// not seen by policy validation: the write is refused as one naming an unknown object is.
import { errors, isObject, type GraphError } from './http';
import type { Json, JsonObject, TenantState } from './model';

const createdWithin = (item: JsonObject, now: Date, ms: number) => {
  const created = typeof item.createdDateTime === 'string' ? Date.parse(item.createdDateTime) : NaN;
  return Number.isFinite(created) && now.getTime() - created < ms;
};

/** The ids of the tenant's objects of one kind that policy validation does not see yet. */
function unseen(tenant: TenantState, items: JsonObject[], now: Date): Set<string> {
  const ms = tenant.faults.newObjectsUnseenForMs ?? 0;
  if (ms <= 0) return new Set();
  return new Set(items.filter((item) => createdWithin(item, now, ms)).map((item) => String(item.id)));
}

/** The authentication strengths a policy write may name now: those created too recently are left out. */
export function seenStrengthIds(tenant: TenantState, now: Date): Set<string> {
  const hidden = unseen(tenant, tenant.authenticationStrengths, now);
  return new Set(tenant.authenticationStrengths.map((s) => String(s.id)).filter((id) => !hidden.has(id)));
}

const ids = (value: Json | undefined): string[] => (Array.isArray(value) ? value.map(String) : []);

/**
 * A policy naming a named location created too recently: refused with the number and words reported
 * from Graph for a location it did not see ("1040: NamedLocation with id … does not exist in the directory").
 */
export function checkUnseenLocations(policy: JsonObject, tenant: TenantState, now: Date): GraphError | null {
  const hidden = unseen(tenant, tenant.namedLocations, now);
  if (hidden.size === 0) return null;
  const conditions = isObject(policy.conditions) ? policy.conditions : {};
  const locations = isObject(conditions.locations) ? conditions.locations : {};
  const named = [...ids(locations.includeLocations), ...ids(locations.excludeLocations)].find((id) => hidden.has(id));
  return named ? errors.invalidPolicy(`1040: NamedLocation with id ${named} does not exist in the directory.`) : null;
}
