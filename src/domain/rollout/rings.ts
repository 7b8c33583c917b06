// Whether a policy can be rolled out in these rings, and what to know first. The first ring must not
// hold an emergency account (the admin's list in Settings): a first ring is where a mistake is meant
// to show, and a break-glass account is the one that must never meet it. A policy the copy cannot
// mirror (user actions cannot be report-only; workload identities are not in user groups) is refused,
// and so is a contingency policy: it is meant to stay off until an emergency, and a finish turns it on.
import { isContingencyPolicy } from '../contingency/contingency-plan';
import { isolatedText } from '../isolate';
import { objectIn, stringsIn, type JsonObject } from '../json';
import type { EmergencyAccess, Principal } from '../lockout';
import { COPY_SUFFIX, type RingGroup } from './rollout-plan';

export interface RolloutProblem {
  severity: 'blocker' | 'warning';
  text: string;
  /** The ring it is about (its position from 0), when it is about one. */
  ring?: number;
  /** The blocker of a plan with no ring yet: a screen that says so in its own words need not show it as an error. */
  noRing?: true;
}

/** Whether the policy includes all users: else the copy may enforce it for ring members the policy itself does not cover. */
export const coversAllUsers = (policy: JsonObject): boolean =>
  stringsIn(objectIn(objectIn(policy.conditions).users).includeUsers).includes('All');

/**
 * Whether the policy itself covers a ring's members: it includes all users, or the ring’s group (by its id).
 * When it does not, the copy is what enforces it for them, and deleting the copy stops that.
 */
export const policyCoversRing = (policy: JsonObject, group: RingGroup): boolean =>
  coversAllUsers(policy) ||
  (!!group.id &&
    stringsIn(objectIn(objectIn(policy.conditions).users).includeGroups).some((id) => id.toLowerCase() === group.id!.toLowerCase()));

/** Why this policy cannot be rolled out in rings, or null when it can. */
export function unsuitablePolicy(policy: JsonObject): string | null {
  const conditions = objectIn(policy.conditions);
  const name = typeof policy.displayName === 'string' ? policy.displayName : '';
  if (name.endsWith(COPY_SUFFIX)) return 'This is a rollout’s copy: roll out the policy it copies instead.';
  if (isContingencyPolicy(policy))
    return (
      'This is a contingency policy, kept off until an emergency: a rollout would enforce it for its rings and its finish would turn ' +
      'it on for everyone. Switch it from Contingency when the emergency comes.'
    );
  if (stringsIn(objectIn(conditions.applications).includeUserActions).length > 0)
    return 'A policy for user actions cannot be report-only, so its rollout would have no report to read.';
  if (stringsIn(objectIn(conditions.clientApplications).includeServicePrincipals).length > 0)
    return 'A policy for workload identities applies to service principals, which are not in user groups: rings cannot hold them.';
  return null;
}

/**
 * Problems with the rings: every ring needs a group and a group belongs to one ring only; the first
 * refuses emergency accounts (named, in an emergency group, or found among its members); a ring the
 * policy excludes covers nobody. `members` holds each group's users by group id, when read.
 */
export function ringProblems(
  policy: JsonObject,
  groups: readonly RingGroup[],
  emergency: EmergencyAccess,
  members: ReadonlyMap<string, readonly Principal[] | null>,
  policies: readonly JsonObject[],
): RolloutProblem[] {
  const problems: RolloutProblem[] = [];
  const unsuitable = unsuitablePolicy(policy);
  if (unsuitable) problems.push({ severity: 'blocker', text: unsuitable });
  if (groups.length === 0) problems.push({ severity: 'blocker', text: 'Add at least one ring.', noRing: true });
  // The start puts the policy itself report-only: an On policy stops enforcing for everyone outside the
  // rings reached so far, and only the finish turns it back on for all.
  if (policy.state === 'enabled' && groups.length > 0)
    problems.push({
      severity: 'warning',
      text:
        'The policy is On today. The start makes it report-only for everyone: until the finish, it is enforced only for the members ' +
        'of the rings reached, through the copy.',
    });
  const users = objectIn(objectIn(policy.conditions).users);
  const excluded = new Set(stringsIn(users.excludeGroups).map((id) => id.toLowerCase()));
  const emergencyUsers = new Map([...emergency.users, ...(emergency.members ?? []).map((m) => m.user)].map((u) => [u.id.toLowerCase(), u]));
  const emergencyGroups = new Set(emergency.groups.map((g) => g.id.toLowerCase()));
  const seen = new Map<string, number>();
  groups.forEach((group, ring) => {
    const label = `Ring ${ring + 1} (${isolatedText(group.name)})`;
    if (!group.name.trim()) problems.push({ severity: 'blocker', text: `Ring ${ring + 1} has no group.`, ring });
    const key = (group.id ?? `new:${group.name.trim()}`).toLowerCase();
    const earlier = seen.get(key);
    if (earlier !== undefined)
      problems.push({
        severity: 'blocker',
        text: `${label} uses the same group as ring ${earlier + 1}: a group belongs to one ring.`,
        ring,
      });
    seen.set(key, ring);
    if (group.id && excluded.has(group.id.toLowerCase()))
      problems.push({ severity: 'blocker', text: `${label}: the policy excludes this group, so the ring would cover nobody.`, ring });
    const known = group.id ? members.get(group.id) : undefined;
    if (ring === 0) {
      if (group.id && emergencyGroups.has(group.id.toLowerCase()))
        problems.push({
          severity: 'blocker',
          text: `${label} is an emergency-access group: the first ring must not hold emergency accounts.`,
          ring,
        });
      const hits = (known ?? []).filter((u) => emergencyUsers.has(u.id.toLowerCase()));
      if (hits.length > 0)
        problems.push({
          severity: 'blocker',
          text: `${label} holds the emergency account${hits.length === 1 ? '' : 's'} ${hits.map((u) => isolatedText(u.name)).join(', ')}: the first ring must not.`,
          ring,
        });
      if (group.id && known === null)
        problems.push({
          severity: 'blocker',
          text: `${label}: its members could not be read, so it cannot be checked for emergency accounts.`,
          ring,
        });
    }
    if (known && known.length === 0 && !group.created)
      problems.push({
        severity: 'warning',
        text: `${label} has no members: the copy enforces nothing for it and its gate has no sign-ins to read.`,
        ring,
      });
    if (group.created)
      problems.push({
        severity: 'warning',
        text:
          ring === 0
            ? `${label} is created empty by the start, and enforced from then: add its members in Microsoft Entra once it has started; its gate reads their sign-ins from then.`
            : `${label} is created empty by the start: add its members in Microsoft Entra before it joins, or its gate has nobody to read.`,
        ring,
      });
  });
  if (!coversAllUsers(policy) && groups.length > 0)
    problems.push({
      severity: 'warning',
      text: 'The policy does not cover all users: the copy applies to every member of the rings, whether or not the policy covers them.',
    });
  const copyName = `${typeof policy.displayName === 'string' ? policy.displayName : ''}${COPY_SUFFIX}`;
  if (policies.some((p) => typeof p.displayName === 'string' && p.displayName.toLowerCase() === copyName.toLowerCase()))
    problems.push({
      severity: 'warning',
      text: `A policy named “${isolatedText(copyName)}” exists already: the rollout will take it as its copy and rewrite it.`,
    });
  return problems;
}
