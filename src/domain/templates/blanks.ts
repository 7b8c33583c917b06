// The blanks of a template: values in its reference places that stand for an object of the tenant
// it will be written to (`<GROUP>`, `<CURRENT ADMINISTRATOR>`, `{{BreakGlass}}`…), found where
// they stand, and filled with the objects the admin picks. A blank in a users place may be filled
// with groups (they go to the groups place beside it), so "exclude the emergency accounts" works
// whether Settings names accounts or a group.
import { isPlaceholder, placeholderName } from '../import/placeholders';
import { isJsonObject, type Json, type JsonObject } from '../json';
import { REFERENCE_PLACES, valuesAt, type ReferencePlace } from '../plan/reference-places';
import type { MappingKind } from '../plan/types';

export interface TemplateBlank {
  /** The value as it stands in the policy. */
  value: string;
  /** Its words: `<BREAK GLASS>` → `BREAK GLASS`. */
  name: string;
  kind: MappingKind;
  /** Where it stands, in the admin center's words. */
  places: string[];
  /** It narrows who the policy covers: leaving it empty widens the policy. */
  exclusion: boolean;
}

export interface FilledObject {
  kind: 'user' | 'group' | 'role' | 'application' | 'servicePrincipal' | 'namedLocation';
  id: string;
  displayName: string;
}

/** Every blank of these policies, once, with the places it stands in. */
export function findBlanks(policies: readonly JsonObject[]): TemplateBlank[] {
  const found = new Map<string, TemplateBlank>();
  for (const policy of policies) {
    for (const place of REFERENCE_PLACES) {
      for (const value of valuesAt(policy, place, isPlaceholder)) {
        const blank = found.get(value) ?? { value, name: placeholderName(value), kind: place.kind, places: [], exclusion: false };
        if (!blank.places.includes(place.label)) blank.places.push(place.label);
        blank.exclusion ||= place.exclusion;
        found.set(value, blank);
      }
    }
  }
  return [...found.values()];
}

const PLACE_FOR: Partial<Record<string, Partial<Record<FilledObject['kind'], readonly string[]>>>> = {
  'conditions.users.includeUsers': { group: ['conditions', 'users', 'includeGroups'], role: ['conditions', 'users', 'includeRoles'] },
  'conditions.users.excludeUsers': { group: ['conditions', 'users', 'excludeGroups'], role: ['conditions', 'users', 'excludeRoles'] },
  'conditions.users.includeGroups': { user: ['conditions', 'users', 'includeUsers'] },
  'conditions.users.excludeGroups': { user: ['conditions', 'users', 'excludeUsers'] },
};

/** The list an object filling a blank at this place goes to: the place itself, or the users/groups/roles list beside it. */
function targetPath(place: ReferencePlace, object: FilledObject): readonly string[] | null {
  if (object.kind === place.kind) return place.path;
  return PLACE_FOR[place.path.join('.')]?.[object.kind] ?? null;
}

function listAt(policy: JsonObject, path: readonly string[]): Json[] {
  let node: JsonObject = policy;
  for (const key of path.slice(0, -1)) {
    if (!isJsonObject(node[key])) node[key] = {};
    node = node[key] as JsonObject;
  }
  const last = path.at(-1)!;
  if (!Array.isArray(node[last])) node[last] = [];
  return node[last] as Json[];
}

/**
 * The policy with each filled blank replaced by the objects chosen for it. Blanks not in `fills`, or
 * with nothing chosen (a choice emptied in the form), stay, for the plan's mapping to ask about:
 * an empty choice never silently drops the blank (an exclusion gone would widen the policy).
 */
export function fillBlanks(policy: JsonObject, fills: ReadonlyMap<string, readonly FilledObject[]>): JsonObject {
  const copy = structuredClone(policy);
  const filled = (value: string) => (fills.get(value)?.length ?? 0) > 0;
  for (const place of REFERENCE_PLACES) {
    const values = valuesAt(copy, place, filled);
    if (values.length === 0) continue;
    if (place.single) {
      const chosen = fills.get(values[0]!)?.find((o) => o.kind === place.kind);
      const parent = listParent(copy, place.path);
      if (parent) parent[place.path.at(-1)!] = chosen ? { id: chosen.id } : null;
      continue;
    }
    const list = listAt(copy, place.path);
    const kept = list.filter((v) => !(typeof v === 'string' && filled(v)));
    list.splice(0, list.length, ...kept);
    for (const value of values) {
      for (const object of fills.get(value) ?? []) {
        const path = targetPath(place, object);
        if (!path) continue;
        const target = listAt(copy, path);
        if (!target.some((v) => typeof v === 'string' && v.toLowerCase() === object.id.toLowerCase())) target.push(object.id);
      }
    }
  }
  return copy;
}

function listParent(policy: JsonObject, path: readonly string[]): JsonObject | null {
  let node: Json | undefined = policy;
  for (const key of path.slice(0, -1)) node = isJsonObject(node) ? node[key] : undefined;
  return isJsonObject(node) ? node : null;
}

/** What kinds of object may fill a blank of this kind. */
export const FILL_KINDS: Record<MappingKind, readonly FilledObject['kind'][]> = {
  user: ['user', 'group'],
  group: ['group', 'user'],
  role: ['role'],
  application: ['application'],
  servicePrincipal: ['servicePrincipal'],
  namedLocation: ['namedLocation'],
  authenticationStrength: [],
  authenticationContext: [],
  termsOfUse: [],
};
