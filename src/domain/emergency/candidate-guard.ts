// The lock-out guard's fallback while no emergency-access accounts are named: what the tenant's
// policies for all users mostly exclude (suggestCandidates) is likely its break-glass exclusion, so
// a draft that stops excluding one, or a policy for all users that does not exclude one, is worth a
// warning. Only a warning: a candidate is never taken for a named emergency account.
import { isJsonObject, stringsIn as list, type JsonObject } from '../json';
import { holdsId } from '../ids';
import { assessLockoutChange } from '../lockout';
import { suggestCandidates, type Candidate } from './fix';

export interface LeftCandidate extends Candidate {
  /** The policy as it was excluded it: the change stops excluding it (otherwise the policy simply does not). */
  stopped: boolean;
}

const excluded = (policy: JsonObject | null, candidate: Candidate) => {
  const users = isJsonObject(policy?.conditions) && isJsonObject(policy.conditions.users) ? policy.conditions.users : {};
  return holdsId(list(candidate.kind === 'user' ? users.excludeUsers : users.excludeGroups), candidate.id);
};

/**
 * The candidates `after` could lock out where `before` (the policy as the tenant holds it, null for a
 * new one) could not: judged as the guard judges a named account (on, targets it, blocks or demands a control).
 */
export function candidatesLeftOut(policies: readonly JsonObject[], before: JsonObject | null, after: JsonObject): LeftCandidate[] {
  return leftOut(suggestCandidates(policies), before, after);
}

/**
 * The policy as it would be once turned on. Off and report-only enforce nothing, yet the contingency
 * switch, a plan's apply or the portal can turn them on without this guard: they are judged as On.
 */
export const turnedOn = (policy: JsonObject): JsonObject => (policy.state === 'enabled' ? policy : { ...policy, state: 'enabled' });

/** The same on candidates found once for the tenant's list, so that an editor judges each draft without reading every policy again. */
export function leftOut(candidates: readonly Candidate[], before: JsonObject | null, after: JsonObject): LeftCandidate[] {
  return candidates
    .filter((candidate) => {
      const principal = [{ id: candidate.id, name: candidate.id }];
      const emergency = candidate.kind === 'user' ? { users: principal, groups: [] } : { users: [], groups: principal };
      return assessLockoutChange(before, after, null, emergency).added.length > 0;
    })
    .map((candidate) => ({ ...candidate, stopped: excluded(before, candidate) }));
}
