// What a policy refers to that no longer exists: named locations, authentication strengths, users,
// groups, workload identities and agents. Found from the names already resolved (a lookup that cannot find
// an id marks it missing), so checking costs no extra request. A deleted named location that is
// still in deleted items can be restored first.
import { isSpecialValue, lookupName, type NameDirectory, type NameKind } from './references';
import type { ConditionalAccessPolicy, DeletedNamedLocation } from './types';

export interface MissingDependency {
  id: string;
  /** Where the policy refers to it, e.g. "Excluded group". */
  where: string;
  kind: 'namedLocation' | 'authenticationStrength' | 'directoryObject';
  /** An exclusion that no longer excludes anybody: the riskier case. */
  exclusion: boolean;
  /** The deleted named location, when it can still be restored. */
  restorable?: DeletedNamedLocation;
  explanation: string;
}

const list = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && !isSpecialValue(v)) : [];

type Loose = Record<string, Record<string, unknown> | null | undefined> | null | undefined;
const agentPlace = (policy: ConditionalAccessPolicy, condition: 'clientApplications' | 'agents', key: string): unknown =>
  (policy.conditions as Loose)?.[condition]?.[key];

const PLACES: { path: (p: ConditionalAccessPolicy) => unknown; where: string; kinds: NameKind[]; exclusion: boolean }[] = [
  { path: (p) => p.conditions?.users?.includeUsers, where: 'Included user', kinds: ['user'], exclusion: false },
  { path: (p) => p.conditions?.users?.excludeUsers, where: 'Excluded user', kinds: ['user'], exclusion: true },
  { path: (p) => p.conditions?.users?.includeGroups, where: 'Included group', kinds: ['group'], exclusion: false },
  { path: (p) => p.conditions?.users?.excludeGroups, where: 'Excluded group', kinds: ['group'], exclusion: true },
  {
    path: (p) => p.conditions?.clientApplications?.includeServicePrincipals,
    where: 'Included workload identity',
    kinds: ['servicePrincipal'],
    exclusion: false,
  },
  {
    path: (p) => p.conditions?.clientApplications?.excludeServicePrincipals,
    where: 'Excluded workload identity',
    kinds: ['servicePrincipal'],
    exclusion: true,
  },
  // Graph beta's agent places, newer than the generated types: agent identities are service principals, agent users are users.
  {
    path: (p) => agentPlace(p, 'clientApplications', 'includeAgentIdServicePrincipals'),
    where: 'Included agent identity',
    kinds: ['servicePrincipal'],
    exclusion: false,
  },
  {
    path: (p) => agentPlace(p, 'clientApplications', 'excludeAgentIdServicePrincipals'),
    where: 'Excluded agent identity',
    kinds: ['servicePrincipal'],
    exclusion: true,
  },
  { path: (p) => agentPlace(p, 'agents', 'includeAgentUsers'), where: 'Included agent user', kinds: ['user'], exclusion: false },
  { path: (p) => agentPlace(p, 'agents', 'excludeAgentUsers'), where: 'Excluded agent user', kinds: ['user'], exclusion: true },
];

export function findMissingDependencies(
  policy: ConditionalAccessPolicy,
  names: NameDirectory | undefined,
  deletedLocations: readonly DeletedNamedLocation[] = [],
): MissingDependency[] {
  if (!names) return [];
  const missing: MissingDependency[] = [];
  for (const place of PLACES) {
    for (const id of list(place.path(policy))) {
      if (!lookupName(names, place.kinds, id)?.missing) continue;
      missing.push({
        id,
        where: place.where,
        kind: 'directoryObject',
        exclusion: place.exclusion,
        explanation: place.exclusion
          ? 'This exclusion no longer excludes anybody. If it held emergency-access accounts, restore it first (Microsoft Entra keeps deleted users and groups for 30 days) or exclude another after restoring.'
          : 'The policy no longer applies to whoever it targeted through it.',
      });
    }
  }
  const locations = policy.conditions?.locations;
  for (const [ids, where, exclusion] of [
    [locations?.includeLocations, 'Included location', false],
    [locations?.excludeLocations, 'Excluded location', true],
  ] as const) {
    for (const id of list(ids)) {
      if (!lookupName(names, ['namedLocation'], id)?.missing) continue;
      const restorable = deletedLocations.find((l) => l.id === id);
      missing.push({
        id,
        where,
        kind: 'namedLocation',
        exclusion,
        restorable,
        explanation: restorable
          ? 'It was deleted too: without it, this condition refers to nothing. It can be restored first.'
          : 'This named location no longer exists, so the condition refers to nothing.',
      });
    }
  }
  const strength = policy.grantControls?.authenticationStrength?.id;
  if (strength && lookupName(names, ['authenticationStrength'], strength)?.missing) {
    missing.push({
      id: strength,
      where: 'Required authentication strength',
      kind: 'authenticationStrength',
      exclusion: false,
      explanation:
        'This authentication strength no longer exists: Microsoft Entra refuses to save a policy that requires it. Choose another strength after restoring.',
    });
  }
  return missing;
}
