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

/** What a place names, in the admin's words; users and groups are the ones Microsoft Entra keeps restorable for 30 days. */
type DirectoryNoun = 'user' | 'group' | 'workload identity' | 'agent identity' | 'agent user';

const PLACES: {
  path: (p: ConditionalAccessPolicy) => unknown;
  where: string;
  noun: DirectoryNoun;
  kinds: NameKind[];
  exclusion: boolean;
}[] = [
  { path: (p) => p.conditions?.users?.includeUsers, where: 'Included user', noun: 'user', kinds: ['user'], exclusion: false },
  { path: (p) => p.conditions?.users?.excludeUsers, where: 'Excluded user', noun: 'user', kinds: ['user'], exclusion: true },
  { path: (p) => p.conditions?.users?.includeGroups, where: 'Included group', noun: 'group', kinds: ['group'], exclusion: false },
  { path: (p) => p.conditions?.users?.excludeGroups, where: 'Excluded group', noun: 'group', kinds: ['group'], exclusion: true },
  {
    path: (p) => p.conditions?.clientApplications?.includeServicePrincipals,
    where: 'Included workload identity',
    noun: 'workload identity',
    kinds: ['servicePrincipal'],
    exclusion: false,
  },
  {
    path: (p) => p.conditions?.clientApplications?.excludeServicePrincipals,
    where: 'Excluded workload identity',
    noun: 'workload identity',
    kinds: ['servicePrincipal'],
    exclusion: true,
  },
  // Graph beta's agent places, newer than the generated types: agent identities are service principals, agent users are users.
  {
    path: (p) => agentPlace(p, 'clientApplications', 'includeAgentIdServicePrincipals'),
    where: 'Included agent identity',
    noun: 'agent identity',
    kinds: ['servicePrincipal'],
    exclusion: false,
  },
  {
    path: (p) => agentPlace(p, 'clientApplications', 'excludeAgentIdServicePrincipals'),
    where: 'Excluded agent identity',
    noun: 'agent identity',
    kinds: ['servicePrincipal'],
    exclusion: true,
  },
  {
    path: (p) => agentPlace(p, 'agents', 'includeAgentUsers'),
    where: 'Included agent user',
    noun: 'agent user',
    kinds: ['user'],
    exclusion: false,
  },
  {
    path: (p) => agentPlace(p, 'agents', 'excludeAgentUsers'),
    where: 'Excluded agent user',
    noun: 'agent user',
    kinds: ['user'],
    exclusion: true,
  },
];

/** How the policy comes back: restored from deleted items as it was, or re-created from a version through the editor. */
export type DependencyUse = 'restore' | 'recreate';

/**
 * A gone user, group or identity in three plain parts: what it means now, what Graph does with the id on
 * restore (keeps it: a policy may hold ids of deleted objects, and the restore answers the policy as it
 * was deleted), and what the admin can do about it.
 */
function goneObjectWords(noun: DirectoryNoun, exclusion: boolean, use: DependencyUse): string {
  const now = exclusion
    ? `This exclusion no longer excludes anybody${noun === 'group' ? ': whoever was in the group is in the policy’s scope again' : ''}.`
    : `The policy no longer applies to ${noun === 'user' ? 'this user' : noun === 'group' ? 'the group’s former members' : 'it'}.`;
  // Re-created, it goes through the editor's review, where the id can be removed before anything is written.
  const graph =
    use === 'restore' ? ' Restoring keeps the id in the policy: Microsoft Entra neither removes it nor refuses the restore.' : '';
  const instead = `${exclusion ? `exclude another ${noun}` : 'remove the id in the editor'} ${use === 'restore' ? 'after restoring' : 'before creating'} the policy`;
  const then =
    noun === 'user' || noun === 'group'
      ? ` What you can do: restore the ${noun} in Microsoft Entra (Deleted ${noun}s, within 30 days of its deletion: it keeps its id, so the policy counts it again), or ${instead}.`
      : ` What you can do: ${instead}.`;
  const emergency =
    exclusion && use === 'restore'
      ? ' If it kept emergency-access accounts out, restore the policy in report-only until they are excluded again.'
      : '';
  return `${now}${graph}${then}${emergency}`;
}

export function findMissingDependencies(
  policy: ConditionalAccessPolicy,
  names: NameDirectory | undefined,
  deletedLocations: readonly DeletedNamedLocation[] = [],
  use: DependencyUse = 'restore',
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
        explanation: goneObjectWords(place.noun, place.exclusion, use),
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
