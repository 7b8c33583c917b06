// Which kind of directory object each id in a set of policies is used as, read from the place that
// holds it: users, groups, or workload identities (service principals). Graph says what an object is
// only while it exists; for one deleted since a policy named it, the place is all that is left.
import { objectIn } from './json';
import { isSpecialValue } from './references';
import type { ConditionalAccessPolicy } from './types';

export type DirectoryObjectKind = 'user' | 'group' | 'servicePrincipal';

// The order of precedence when an id sits in places of different kinds (Entra ids are unique across
// object types, so one of those places is wrong): users, then groups, then workload identities,
// whatever the order of the policies, so the same tenant always gets the same answer.
// Agent users are users and agent identities service principals (Graph beta; not in the generated types yet).
const agents = (p: ConditionalAccessPolicy) => objectIn(objectIn(p.conditions).agents);
const clientApps = (p: ConditionalAccessPolicy) => objectIn(objectIn(p.conditions).clientApplications);
const PLACES: readonly [DirectoryObjectKind, (policy: ConditionalAccessPolicy) => unknown[]][] = [
  [
    'user',
    (p) => [p.conditions?.users?.includeUsers, p.conditions?.users?.excludeUsers, agents(p).includeAgentUsers, agents(p).excludeAgentUsers],
  ],
  ['group', (p) => [p.conditions?.users?.includeGroups, p.conditions?.users?.excludeGroups]],
  [
    'servicePrincipal',
    (p) => [
      p.conditions?.clientApplications?.includeServicePrincipals,
      p.conditions?.clientApplications?.excludeServicePrincipals,
      clientApps(p).includeAgentIdServicePrincipals,
      clientApps(p).excludeAgentIdServicePrincipals,
    ],
  ],
];

/** Each directory object id the policies name (lower-case: Entra compares ids without case) with the kind its place says it is. */
export function directoryObjectKinds(policies: readonly ConditionalAccessPolicy[]): Map<string, DirectoryObjectKind> {
  const kinds = new Map<string, DirectoryObjectKind>();
  for (const [kind, listsOf] of PLACES)
    for (const policy of policies)
      for (const values of listsOf(policy)) {
        if (!Array.isArray(values)) continue;
        for (const value of values) {
          if (typeof value !== 'string' || isSpecialValue(value)) continue;
          const key = value.toLowerCase();
          if (!kinds.has(key)) kinds.set(key, kind);
        }
      }
  return kinds;
}
