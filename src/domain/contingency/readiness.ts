// Whether a contingency plan would work today: its sequence complete, its policies idle in
// report-only, what they refer to still there, the emergency accounts excluded from those that
// block, and the policies to suspend still in the tenant. Said in words, worst first. While no emergency
// accounts are named, what most policies for all users exclude (the candidate guard) stands in for them.
import { leftOut, turnedOn } from '../emergency/candidate-guard';
import { suggestCandidates } from '../emergency/fix';
import { isJsonObject, type JsonObject } from '../json';
import { assessLockout, type EmergencyAccess, type LockoutRisk } from '../lockout';
import { withExclusions } from '../policy-body';
import { REPORT_ONLY } from '../types';
import { excludedIn, type ContingencyPlan } from './contingency-plan';

export interface ReadinessFinding {
  severity: 'blocker' | 'warning';
  text: string;
}

/** Whether the policy blocks access (its grant is Block). */
export const blocks = (policy: JsonObject | undefined) => {
  const grant = policy && isJsonObject(policy.grantControls) ? policy.grantControls : {};
  return Array.isArray(grant.builtInControls) && grant.builtInControls.includes('block');
};

/**
 * Whom of the emergency accounts of Settings this policy, switched on (with the exclusions given added first), could
 * lock out, as the switch's lock-out guard will judge it: a block, and as much a device, an MFA or any control they
 * may not meet.
 */
export function emergencyLockout(
  policy: JsonObject,
  emergency: EmergencyAccess,
  exclusions: { users: string[]; groups: string[] } = { users: [], groups: [] },
): LockoutRisk[] {
  return assessLockout(turnedOn(withExclusions(policy, exclusions)), null, emergency);
}

/** A switch of this plan that the console recorded: the policies it turned on, and when and by whom, in words. */
export interface RecordedSwitch {
  turnedOn: ReadonlySet<string>;
  whenAndWho: string;
}

export interface ReadinessOptions {
  /**
   * What each policy refers to that no longer exists, in words, by policy id (from domain/dependencies.ts and
   * the names already read).
   */
  gone?: ReadonlyMap<string, readonly string[]>;
  /** The plan's switch, when one was recorded: a policy it turned on is on for that reason, not by a guess. */
  switched?: RecordedSwitch;
  /** A policy's or account's name among the words: the console isolates it (bidi), so it cannot reorder them. */
  isolate?: (name: string) => string;
  /**
   * The name of a user or group the tenant's policies mostly exclude, when known; `lookingUp` while it is being
   * looked up (said as that state, never quoted as a name); otherwise its id is said.
   */
  nameOf?: (kind: 'user' | 'group', id: string) => string | { lookingUp: true } | undefined;
}

export function readiness(
  plan: ContingencyPlan,
  policies: readonly JsonObject[],
  emergency: EmergencyAccess,
  { gone = new Map(), switched, isolate = (name) => name, nameOf = () => undefined }: ReadinessOptions = {},
): ReadinessFinding[] {
  const findings: ReadinessFinding[] = [];
  const unnamed = emergency.users.length + emergency.groups.length === 0;
  // Found once for the plan: likely the break-glass exclusion, a guess, so only ever a warning.
  const candidates = unnamed ? suggestCandidates(policies) : [];
  const byId = new Map(policies.map((p) => [String(p.id), p]));
  const expected = Math.max(0, ...plan.enable.map((s) => s.of));
  const positions = new Set(plan.enable.map((s) => s.position));
  const missing = Array.from({ length: expected }, (_, i) => i + 1).filter((n) => !positions.has(n));
  if (plan.enable.length === 0) findings.push({ severity: 'blocker', text: 'The plan turns on no contingency policy.' });
  // Graph turns on what is there: during an outage the admin can switch with a step missing, told which.
  if (missing.length > 0)
    findings.push({
      severity: 'warning',
      text: `The sequence lacks ${missing.map((n) => `[${n}/${expected}]`).join(', ')}: no policy is named for ${missing.length === 1 ? 'that step' : 'those steps'}, so the switch turns on only the others, in their order.`,
    });
  if (new Set(plan.enable.map((s) => s.of)).size > 1)
    findings.push({ severity: 'warning', text: 'Its policies disagree on how many steps there are ([i/n] with different n).' });

  for (const step of plan.enable) {
    const policy = byId.get(step.policyId);
    if (!policy) {
      findings.push({ severity: 'blocker', text: `'${isolate(step.name)}' is not in the tenant.` });
      continue;
    }
    if (policy.state === 'enabled')
      findings.push({
        severity: 'warning',
        text: switched?.turnedOn.has(step.policyId)
          ? `'${isolate(step.name)}' is on: the plan was switched on ${switched.whenAndWho}.`
          : `'${isolate(step.name)}' is already on: the plan is active, or it was left on.`,
      });
    else if (policy.state !== REPORT_ONLY)
      findings.push({
        severity: 'warning',
        text: `'${isolate(step.name)}' is off: kept in report-only, its effect shows in the sign-in logs before it is needed.`,
      });
    // The switch turns it on without the editor's lock-out guard: judged as it will be then.
    const planned = plan.exclusions.filter((e) => e.policyId === step.policyId);
    for (const c of leftOut(candidates, null, turnedOn(policy))) {
      if (planned.some((e) => (c.kind === 'user' ? e.users : e.groups).includes(c.id))) continue;
      const known = nameOf(c.kind, c.id);
      const what = c.kind === 'group' ? 'group' : 'account';
      const who =
        typeof known === 'object' ? `the ${what} (name being looked up)` : `the ${what} '${known === undefined ? c.id : isolate(known)}'`;
      const holds = c.kind === 'group' ? 'it holds your emergency accounts' : 'it is an emergency account';
      findings.push({
        severity: 'warning',
        text: `'${isolate(step.name)}' does not exclude ${who}, which ${c.excludedFrom} of ${c.of} policies for all users exclude: if ${holds}, switching the plan on locks ${c.kind === 'group' ? 'them' : 'it'} out.`,
      });
    }
    for (const what of gone.get(step.policyId) ?? [])
      findings.push({ severity: 'blocker', text: `'${isolate(step.name)}' refers to ${what}, which no longer exists.` });
    const usersOut = emergency.users.filter((u) => !excludedIn(policy, 'excludeUsers').includes(u.id));
    const groupsOut = emergency.groups.filter((g) => !excludedIn(policy, 'excludeGroups').includes(g.id));
    const stillOut = [
      ...usersOut.filter((u) => !planned.some((e) => e.users.includes(u.id))),
      ...groupsOut.filter((g) => !planned.some((e) => e.groups.includes(g.id))),
    ];
    const named = emergency.users.length + emergency.groups.length;
    if (blocks(policy) && named > 0 && stillOut.length === named)
      findings.push({
        severity: 'blocker',
        text: `'${isolate(step.name)}' blocks and excludes none of the emergency accounts (${stillOut.map((p) => isolate(p.name)).join(', ')}).`,
      });
    else if (stillOut.length > 0 && emergencyLockout(policy, emergency).length > 0) {
      // Any other way it could lock them out (a compliant device, MFA they cannot do, a block some are not excluded
      // from): the switch's lock-out guard will ask about it; said here first, while the plan can still exclude them.
      // The guard takes a named account to be in an excluded emergency group; the ids are compared too, so an account
      // named in Settings after the plan's exclusions were chosen is not left out unsaid.
      const risks = emergencyLockout(policy, emergency, {
        users: planned.flatMap((e) => e.users),
        groups: planned.flatMap((e) => e.groups),
      });
      const out = stillOut.map((p) => `'${isolate(p.name)}'`).join(', ');
      findings.push({
        severity: 'warning',
        text:
          risks.length > 0
            ? `'${isolate(step.name)}', switched on, could lock out ${risks.map((r) => `${r.who}: ${r.why.replace(/\.$/, '')}`).join('; ')}. Tick 'First, exclude the emergency accounts' to exclude them first.`
            : `'${isolate(step.name)}' does not exclude ${out}, named in Settings as emergency access: switched on, it could lock ${stillOut.length === 1 ? 'it' : 'them'} out. Tick 'First, exclude the emergency accounts' to exclude ${stillOut.length === 1 ? 'it' : 'them'} first.`,
      });
    }
  }
  // Microsoft's plans turn the normal policies the disruption stops off while theirs are on: a plan
  // that turns none off leaves them applying (still asking for the device or the MFA that fails).
  if (plan.suspend.length === 0)
    findings.push({
      severity: 'warning',
      text: "It turns off no normal policy: those the disruption stops keep applying while it is on. Choose them under 'Turned off while it is on'.",
    });
  for (const step of [...plan.suspend, ...plan.exclusions]) {
    if (!byId.has(step.policyId)) findings.push({ severity: 'blocker', text: `'${isolate(step.name)}' is not in the tenant.` });
  }
  if (unnamed)
    findings.push({
      severity: 'warning',
      text: 'No emergency accounts are named in Settings: whether the plan locks them out cannot be checked.',
    });
  return findings.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'blocker' ? -1 : 1));
}
