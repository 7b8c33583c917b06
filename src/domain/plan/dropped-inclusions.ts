// What leaving out an included reference does to a policy. It no longer covers what the reference
// stood for, and when nothing else is left of what it includes, Graph refuses the policy: the plan
// already blocks such a row (the service rules include-users-or-workload-identities and
// target-a-resource), but the admin should hear why where the choice is made, not only on the row.
import { isJsonObject, type Json, type JsonObject } from '../json';
import { REFERENCE_PLACES, type ReferencePlace } from './reference-places';

/** Whether the value at this place is left out by the mapping's choices. */
export type IsDropped = (place: ReferencePlace, value: string) => boolean;

/**
 * What becomes of one policy's list once the dropped values are gone: still something in it, the
 * last of that list (the policy still includes something else), nobody or nothing left that Graph
 * accepts, or no included location (a case the checks here cannot judge).
 */
export type Emptied = 'kept' | 'lastOfList' | 'includesNobody' | 'targetsNothing' | 'noLocation';

const WHO: readonly (readonly string[])[] = [
  ['conditions', 'users', 'includeUsers'],
  ['conditions', 'users', 'includeGroups'],
  ['conditions', 'users', 'includeRoles'],
  ['conditions', 'clientApplications', 'includeServicePrincipals'],
  ['conditions', 'clientApplications', 'includeAgentIdServicePrincipals'],
];
const WHAT: readonly (readonly string[])[] = [
  ['conditions', 'applications', 'includeApplications'],
  ['conditions', 'applications', 'includeUserActions'],
  ['conditions', 'applications', 'includeAuthenticationContextClassReferences'],
];

const at = (policy: JsonObject, path: readonly string[]): Json | undefined =>
  path.reduce<Json | undefined>((node, key) => (isJsonObject(node) ? node[key] : undefined), policy);
const samePath = (a: readonly string[], b: readonly string[]) => a.join('/') === b.join('/');

/** The values left at a path once the dropped ones are gone (special values such as All stay). */
function remaining(policy: JsonObject, path: readonly string[], isDropped: IsDropped): Json[] {
  const node = at(policy, path);
  if (!Array.isArray(node)) return [];
  const place = REFERENCE_PLACES.find((p) => !p.single && samePath(p.path, path));
  return place ? node.filter((value) => typeof value !== 'string' || !isDropped(place, value)) : node;
}

/** What leaving out the dropped values does to what this policy includes at this place. */
export function emptiedBy(policy: JsonObject, place: ReferencePlace, isDropped: IsDropped): Emptied {
  if (remaining(policy, place.path, isDropped).length > 0) return 'kept';
  const empty = (paths: readonly (readonly string[])[]) => paths.every((path) => remaining(policy, path, isDropped).length === 0);
  if (WHO.some((path) => samePath(path, place.path))) {
    const guests = at(policy, ['conditions', 'users', 'includeGuestsOrExternalUsers']);
    return empty(WHO) && !isJsonObject(guests) ? 'includesNobody' : 'lastOfList';
  }
  if (WHAT.some((path) => samePath(path, place.path))) return empty(WHAT) ? 'targetsNothing' : 'lastOfList';
  if (samePath(place.path, ['conditions', 'locations', 'includeLocations'])) return 'noLocation';
  return 'lastOfList';
}
