// Where a policy holds references to other objects, and what each place means: the kind of object,
// whether it excludes (so dropping it widens the policy), and how to read and rewrite the values.
import { isJsonObject, type Json, type JsonObject } from '../json';
import { isSpecialValue } from '../references';
import type { AgentKind, MappingKind } from './types';

export interface ReferencePlace {
  path: readonly string[];
  kind: MappingKind;
  exclusion: boolean;
  /** In the admin center's words. */
  label: string;
  /** A single id in an object ({ id }), rather than a list of ids. */
  single?: boolean;
  /** The agent lists: what they name is an agent identity or an agent user, said so to the admin. */
  agent?: AgentKind;
}

export const REFERENCE_PLACES: readonly ReferencePlace[] = [
  { path: ['conditions', 'users', 'includeUsers'], kind: 'user', exclusion: false, label: 'included users' },
  { path: ['conditions', 'users', 'excludeUsers'], kind: 'user', exclusion: true, label: 'excluded users' },
  { path: ['conditions', 'users', 'includeGroups'], kind: 'group', exclusion: false, label: 'included groups' },
  { path: ['conditions', 'users', 'excludeGroups'], kind: 'group', exclusion: true, label: 'excluded groups' },
  { path: ['conditions', 'users', 'includeRoles'], kind: 'role', exclusion: false, label: 'included roles' },
  { path: ['conditions', 'users', 'excludeRoles'], kind: 'role', exclusion: true, label: 'excluded roles' },
  { path: ['conditions', 'applications', 'includeApplications'], kind: 'application', exclusion: false, label: 'included resources' },
  { path: ['conditions', 'applications', 'excludeApplications'], kind: 'application', exclusion: true, label: 'excluded resources' },
  {
    path: ['conditions', 'clientApplications', 'includeServicePrincipals'],
    kind: 'servicePrincipal',
    exclusion: false,
    label: 'included workload identities',
  },
  {
    path: ['conditions', 'clientApplications', 'excludeServicePrincipals'],
    kind: 'servicePrincipal',
    exclusion: true,
    label: 'excluded workload identities',
  },
  // Agent identities (Graph beta) are service principals and agent users are users: each tenant has
  // its own ids for them, so an import maps them as it maps workload identities and users.
  {
    path: ['conditions', 'clientApplications', 'includeAgentIdServicePrincipals'],
    kind: 'servicePrincipal',
    exclusion: false,
    label: 'included agent identities',
    agent: 'agentIdentity',
  },
  {
    path: ['conditions', 'clientApplications', 'excludeAgentIdServicePrincipals'],
    kind: 'servicePrincipal',
    exclusion: true,
    label: 'excluded agent identities',
    agent: 'agentIdentity',
  },
  {
    path: ['conditions', 'agents', 'includeAgentUsers'],
    kind: 'user',
    exclusion: false,
    label: 'included agent users',
    agent: 'agentUser',
  },
  { path: ['conditions', 'agents', 'excludeAgentUsers'], kind: 'user', exclusion: true, label: 'excluded agent users', agent: 'agentUser' },
  { path: ['conditions', 'locations', 'includeLocations'], kind: 'namedLocation', exclusion: false, label: 'included locations' },
  { path: ['conditions', 'locations', 'excludeLocations'], kind: 'namedLocation', exclusion: true, label: 'excluded locations' },
  {
    path: ['conditions', 'applications', 'includeAuthenticationContextClassReferences'],
    kind: 'authenticationContext',
    exclusion: false,
    label: 'authentication contexts',
  },
  // Dropping a control the admin must meet weakens the policy as surely as dropping an exclusion widens it.
  { path: ['grantControls', 'termsOfUse'], kind: 'termsOfUse', exclusion: true, label: 'terms of use' },
  {
    path: ['grantControls', 'authenticationStrength'],
    kind: 'authenticationStrength',
    exclusion: true,
    label: 'authentication strength',
    single: true,
  },
];

/** What the places holding a value say it is beyond its kind: an agent only when every one of them is an agent list. */
export function agentKindOf(places: readonly ReferencePlace[]): AgentKind | undefined {
  const agents = new Set(places.map((place) => place.agent));
  return agents.size === 1 ? [...agents][0] : undefined;
}

/** The places of these policies that hold this value as a reference of this kind (ids compared without case). */
export const placesOf = (policies: readonly JsonObject[], kind: MappingKind, value: string): ReferencePlace[] =>
  REFERENCE_PLACES.filter(
    (place) =>
      place.kind === kind && policies.some((policy) => valuesAt(policy, place, (v) => v.toLowerCase() === value.toLowerCase()).length > 0),
  );

/** The built-in authentication strengths: the same ids in every tenant. */
export const BUILT_IN_STRENGTHS = new Set([
  '00000000-0000-0000-0000-000000000002',
  '00000000-0000-0000-0000-000000000003',
  '00000000-0000-0000-0000-000000000004',
]);

const at = (policy: JsonObject, path: readonly string[]): Json | undefined =>
  path.reduce<Json | undefined>((node, key) => (isJsonObject(node) ? node[key] : undefined), policy);

/** The values at a place that refer to something (special values such as All are not references). */
export function valuesAt(policy: JsonObject, place: ReferencePlace, isReference: (value: string) => boolean): string[] {
  const node = at(policy, place.path);
  if (place.single) {
    const id = isJsonObject(node) ? node.id : undefined;
    return typeof id === 'string' && isReference(id) ? [id] : [];
  }
  return Array.isArray(node) ? node.filter((v): v is string => typeof v === 'string' && isReference(v)) : [];
}

/**
 * Whether a value in this kind of place refers to an object: an id (special values such as All
 * or Office365 aside), an authentication context's c1..c99, or a name or blank the import declared.
 */
export const referenceTest =
  (kind: MappingKind, declared: ReadonlySet<string>) =>
  (value: string): boolean =>
    declared.has(value) || (kind === 'authenticationContext' ? /^c\d{1,2}$/.test(value) : !isSpecialValue(value));

/**
 * The policy with every reference at every place replaced: a string is the new value, null drops
 * it. A dropped strength removes the strength; values not in the map stay.
 */
export function rewriteReferences(
  policy: JsonObject,
  replace: (place: ReferencePlace, value: string) => string | null | undefined,
): JsonObject {
  const copy = structuredClone(policy);
  for (const place of REFERENCE_PLACES) {
    const parent = at(copy, place.path.slice(0, -1));
    const key = place.path.at(-1)!;
    if (!isJsonObject(parent)) continue;
    const node = parent[key];
    if (place.single) {
      if (!isJsonObject(node) || typeof node.id !== 'string') continue;
      const next = replace(place, node.id);
      if (next === null) parent[key] = null;
      else if (next !== undefined) parent[key] = { id: next };
      continue;
    }
    if (!Array.isArray(node)) continue;
    parent[key] = node.flatMap((value): Json[] => {
      if (typeof value !== 'string') return [value];
      const next = replace(place, value);
      return next === null ? [] : [next === undefined ? value : next];
    });
  }
  return copy;
}
