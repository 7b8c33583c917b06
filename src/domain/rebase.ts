// "Put my changes on top of theirs": the admin's edits since the version a draft began from, laid on a
// colleague's newer version. Values and nested members the admin changed take the admin's value; a list
// of ids both changed is merged item by item (theirs, less what the admin removed, plus what the admin
// added), so an exclusion the colleague added is not dropped because the admin edited the same list.
// Other lists (client apps, platforms, risk levels, controls) are choices made whole: the admin's stands.
import { buildPatch, toWritableBody } from './policy-body';
import { isJsonObject as isObject, type Json, type JsonObject } from './json';

const isIdList = (value: Json | undefined): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

/** The lists of directory and tenant objects, merged item by item. */
const ID_LISTS = new Set([
  'conditions.users.includeUsers',
  'conditions.users.excludeUsers',
  'conditions.users.includeGroups',
  'conditions.users.excludeGroups',
  'conditions.users.includeRoles',
  'conditions.users.excludeRoles',
  'conditions.applications.includeApplications',
  'conditions.applications.excludeApplications',
  'conditions.applications.includeAuthenticationContextClassReferences',
  'conditions.clientApplications.includeServicePrincipals',
  'conditions.clientApplications.excludeServicePrincipals',
  'conditions.locations.includeLocations',
  'conditions.locations.excludeLocations',
]);

// These stand alone in a list (Graph refuses "All" beside ids): a merge that would mix them takes the admin's list.
const ALONE = new Set(['all', 'none']);

function mergeList(before: readonly string[], mine: readonly string[], theirs: readonly string[]): string[] {
  const removed = new Set(before.filter((id) => !mine.includes(id)));
  const added = mine.filter((id) => !before.includes(id));
  const merged = [...theirs.filter((id) => !removed.has(id)), ...added.filter((id) => !theirs.includes(id))];
  return merged.length > 1 && merged.some((id) => ALONE.has(id.toLowerCase())) ? [...mine] : merged;
}

function layMine(theirs: JsonObject, patch: JsonObject, base: JsonObject | undefined, at = ''): JsonObject {
  const out = structuredClone(theirs);
  for (const [key, mine] of Object.entries(patch)) {
    const now = out[key];
    const before = base?.[key];
    const path = at ? `${at}.${key}` : key;
    if (isObject(mine) && isObject(now)) out[key] = layMine(now, mine, isObject(before) ? before : undefined, path);
    else if (ID_LISTS.has(path) && isIdList(mine) && isIdList(now) && (before === undefined || before === null || isIdList(before)))
      out[key] = mergeList(before ?? [], mine, now);
    else out[key] = structuredClone(mine);
  }
  return out;
}

/** The draft's edits since `base`, laid on `current` (see above). */
export function rebaseDraft(base: JsonObject, draft: JsonObject, current: JsonObject): JsonObject {
  return layMine(current, buildPatch(base, draft), toWritableBody(base));
}
