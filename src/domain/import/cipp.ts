// CIPP's Conditional Access templates: a policy as Graph returns it, except that users, groups and
// named locations are written by display name, and the named locations themselves ride along in
// `LocationInfo` (without their ids or dates). The locations become objects of the import, named by
// the same value the policy uses, so the plan ties them together.
import { isJsonObject, type JsonObject } from '../json';

export const isCippTemplate = (policy: JsonObject): boolean => 'LocationInfo' in policy;

/** The policy without its LocationInfo, and the named locations it carried. */
export function takeLocationInfo(policy: JsonObject): { policy: JsonObject; locations: JsonObject[] } {
  const { LocationInfo: info, ...rest } = policy;
  const flat = (value: unknown): JsonObject[] => (Array.isArray(value) ? value.flatMap(flat) : isJsonObject(value) ? [value] : []);
  const locations = flat(info).map((location) =>
    typeof location.id === 'string' || typeof location.displayName !== 'string' ? location : { ...location, id: location.displayName },
  );
  return { policy: rest, locations };
}
