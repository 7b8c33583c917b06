// The gate before the next ring, read from the sign-in log (beta signIn, with report-only results
// named): since the last ring started, what the enforced copy did to the rings' users (blocked, or
// interrupted for a control), and what the policy, report-only for everyone, says it would do to the
// next ring's users. Above a threshold the rollout pauses (the admin may override, in the timeline);
// any hit on an emergency account blocks advancing outright. Read from what the service recorded,
// not from a simulation: the gate is about what happened.
import { isJsonObject, objectIn, type JsonObject } from '../json';
import type { Principal } from '../lockout';
import { activeRings, latestRing, nextRing, ringLabel, type RolloutPlan } from './rollout-plan';

export interface GateCounts {
  /**
   * Every sign-in of these users since the ring started, whether the policy applied or not: a share of
   * those applied to would read 100 % for any block policy, which blocks whatever it applies to.
   */
  signIns: number;
  /** Those the policy (the copy, or the report-only policy) applied to. */
  applied: number;
  blocked: number;
  interrupted: number;
  /** Distinct users among them. */
  users: number;
}

export interface EmergencyHit {
  user: Principal;
  at: string;
  /** "blocked by the copy", "would be interrupted by the policy". */
  what: string;
}

export type GateDecision = 'advance' | 'pause' | 'blocked' | 'wait';

export interface GateResult {
  decision: GateDecision;
  since: string;
  /** The copy, for the users of the rings in it. */
  copy: GateCounts;
  /** The policy's report-only results for the next ring's users; null when no ring is left. */
  next: GateCounts | null;
  emergencyHits: EmergencyHit[];
  /** Why it pauses, waits or blocks, in words; empty when it may advance. */
  reasons: string[];
}

export interface GateInput {
  plan: RolloutPlan;
  /** Sign-ins as the log gives them (any window: those before the ring started are ignored). */
  signIns: readonly JsonObject[];
  /** The users of each ring, by ring key, as read from its group. */
  members: ReadonlyMap<string, readonly Principal[]>;
  /** Emergency accounts (named, and the members of emergency groups). */
  emergency: readonly Principal[];
  /** The policy as it is now, to see whether its controls moved since the rollout began. */
  original?: JsonObject;
}

/** Codes of a sign-in stopped for a control the user may still satisfy (MFA): an interruption, not a block. */
const INTERRUPT_CODES = new Set([50074, 50076, 50079]);

const emptyCounts = (): GateCounts => ({ signIns: 0, applied: 0, blocked: 0, interrupted: 0, users: 0 });
export const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);

function resultFor(signIn: JsonObject, policyId: string | null): string | null {
  if (!policyId) return null;
  const applied = Array.isArray(signIn.appliedConditionalAccessPolicies) ? signIn.appliedConditionalAccessPolicies : [];
  const entry = applied.filter(isJsonObject).find((p) => typeof p.id === 'string' && p.id.toLowerCase() === policyId.toLowerCase());
  return entry && typeof entry.result === 'string' ? entry.result : null;
}

const errorCode = (signIn: JsonObject) => {
  const code = objectIn(signIn.status).errorCode;
  return typeof code === 'number' ? code : 0;
};

type Outcome = 'notApplied' | 'passed' | 'blocked' | 'interrupted';

function countsOf(outcomes: { userId: string; outcome: Outcome }[]): GateCounts {
  const counts = emptyCounts();
  const users = new Set<string>();
  for (const { userId, outcome } of outcomes) {
    counts.signIns++;
    users.add(userId);
    if (outcome !== 'notApplied') counts.applied++;
    if (outcome === 'blocked') counts.blocked++;
    if (outcome === 'interrupted') counts.interrupted++;
  }
  return { ...counts, users: users.size };
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function evaluateGate({ plan, signIns, members, emergency, original }: GateInput): GateResult {
  const since = latestRing(plan)?.startedAt ?? plan.createdAt;
  const inRings = new Set(activeRings(plan).flatMap((ring) => (members.get(ring.key) ?? []).map((u) => u.id.toLowerCase())));
  const upcoming = nextRing(plan);
  const inNext = upcoming ? new Set((members.get(upcoming.key) ?? []).map((u) => u.id.toLowerCase())) : null;
  const emergencyById = new Map(emergency.map((u) => [u.id.toLowerCase(), u]));

  const copy: { userId: string; outcome: Outcome }[] = [];
  const next: typeof copy = [];
  const hits: EmergencyHit[] = [];
  for (const signIn of signIns) {
    const at = typeof signIn.createdDateTime === 'string' ? signIn.createdDateTime : '';
    if (at < since) continue;
    const userId = typeof signIn.userId === 'string' ? signIn.userId.toLowerCase() : '';
    if (!userId) continue;
    const byCopy = resultFor(signIn, plan.copyId);
    const byPolicy = resultFor(signIn, plan.policyId);
    const copyOutcome =
      byCopy === 'success' ? 'passed' : byCopy === 'failure' ? (INTERRUPT_CODES.has(errorCode(signIn)) ? 'interrupted' : 'blocked') : null;
    const policyOutcome =
      byPolicy === 'reportOnlySuccess'
        ? 'passed'
        : byPolicy === 'reportOnlyFailure'
          ? 'blocked'
          : byPolicy === 'reportOnlyInterrupted'
            ? 'interrupted'
            : null;
    if (inRings.has(userId)) copy.push({ userId, outcome: copyOutcome ?? 'notApplied' });
    if (inNext?.has(userId)) next.push({ userId, outcome: policyOutcome ?? 'notApplied' });
    const person = emergencyById.get(userId);
    if (person && (copyOutcome === 'blocked' || copyOutcome === 'interrupted'))
      hits.push({ user: person, at, what: `${copyOutcome} by the copy` });
    else if (person && (policyOutcome === 'blocked' || policyOutcome === 'interrupted'))
      hits.push({ user: person, at, what: `would be ${policyOutcome} by the policy` });
  }

  const copyCounts = countsOf(copy);
  const nextCounts = inNext ? countsOf(next) : null;
  const { maxBlockedPercent, maxInterruptedPercent, minSignIns } = plan.thresholds;
  const reasons: string[] = [];
  let decision: GateDecision = 'advance';
  const raise = (to: GateDecision) => {
    const order: GateDecision[] = ['advance', 'wait', 'pause', 'blocked'];
    if (order.indexOf(to) > order.indexOf(decision)) decision = to;
  };

  for (const hit of hits) {
    raise('blocked');
    reasons.push(`An emergency account was hit: ${hit.user.name}, ${hit.what}.`);
  }
  const judge = (counts: GateCounts, whose: string, verb: string) => {
    const blocked = percent(counts.blocked, counts.signIns);
    if (counts.signIns > 0 && blocked > maxBlockedPercent) {
      raise('pause');
      reasons.push(
        `${blocked} % of ${whose} sign-ins ${verb} blocked (${counts.blocked} of ${counts.signIns}), above the ${maxBlockedPercent} % allowed.`,
      );
    }
    const interrupted = percent(counts.interrupted, counts.signIns);
    if (maxInterruptedPercent !== null && counts.signIns > 0 && interrupted > maxInterruptedPercent) {
      raise('pause');
      reasons.push(
        `${interrupted} % of ${whose} sign-ins ${verb} interrupted for a control (${counts.interrupted} of ${counts.signIns}), above the ${maxInterruptedPercent} % allowed.`,
      );
    }
  };
  judge(copyCounts, 'the rings’', 'were');
  if (nextCounts && upcoming) judge(nextCounts, `${ringLabel(plan, upcoming.key)}’s`, 'would be');
  if (copyCounts.signIns < minSignIns) {
    raise('wait');
    reasons.push(
      `${copyCounts.signIns === 0 ? 'No' : `Only ${copyCounts.signIns}`} sign-in${copyCounts.signIns === 1 ? '' : 's'} of the rings’ users since the last ring started (at least ${minSignIns} wanted): nothing to judge yet.`,
    );
  }
  if (original && plan.frozen && !sameJson(original.grantControls, plan.frozen.grantControls)) {
    raise('pause');
    reasons.push('The policy’s grant controls were changed after the rollout began: the rings so far tested other controls.');
  } else if (original && plan.frozen && !sameJson(original.sessionControls, plan.frozen.sessionControls)) {
    raise('pause');
    reasons.push('The policy’s session controls were changed after the rollout began: the rings so far tested other controls.');
  }
  return { decision, since, copy: copyCounts, next: nextCounts, emergencyHits: hits, reasons };
}

/** The decision in a few words, for the timeline and the page. */
export const DECISION_WORDS: Record<GateDecision, string> = {
  advance: 'May advance',
  wait: 'Waiting for sign-ins',
  pause: 'Paused',
  blocked: 'Blocked: an emergency account was hit',
};

/** The gate as one line of the timeline. */
export function gateEvent(plan: RolloutPlan, gate: GateResult, now: Date): RolloutPlan {
  // A reading of another ring set (read before a step that has since been taken, or is being taken) says nothing of this one.
  if (plan.pending || gate.since !== (latestRing(plan)?.startedAt ?? plan.createdAt)) return plan;
  const { signIns, blocked, interrupted } = gate.copy;
  return {
    ...plan,
    events: [
      ...plan.events,
      {
        at: now.toISOString(),
        kind: 'gate',
        ring: latestRing(plan)?.key ?? null,
        text: `${DECISION_WORDS[gate.decision]}.${gate.reasons.length > 0 ? ` ${gate.reasons.join(' ')}` : ''}`,
        counts: { signIns, blocked, interrupted },
        decision: gate.decision,
      },
    ],
  };
}

/** A gate that could not be read (no sign-in logs): it waits, and only the admin's override moves on. */
export function unreadGateEvent(plan: RolloutPlan, reason: string, now: Date): RolloutPlan {
  return {
    ...plan,
    events: [
      ...plan.events,
      { at: now.toISOString(), kind: 'gate', ring: latestRing(plan)?.key ?? null, text: `Not read. ${reason}`, decision: 'wait' },
    ],
  };
}

/** The gate's standing since the last step: the last reading (or the admin's override), or null when none was read since. */
function lastWord(plan: RolloutPlan) {
  for (let i = plan.events.length - 1; i >= 0; i--) {
    const event = plan.events[i]!;
    if (event.kind === 'gate' || event.kind === 'overridden') return event;
    if (event.kind !== 'planned') return null;
  }
  return null;
}

/** Whether the next step may be taken: the last gate read since the last step said so, or the admin overrode a pause. */
export const gateOpen = (plan: RolloutPlan): boolean => {
  const word = lastWord(plan);
  return !!word && (word.kind === 'overridden' || word.decision === 'advance');
};

/** Whether the admin may override: a pause or a wait, never a hit on an emergency account. */
export const canOverride = (plan: RolloutPlan): boolean => {
  const word = lastWord(plan);
  return !!word && word.kind === 'gate' && (word.decision === 'pause' || word.decision === 'wait');
};

/** What an override goes past, in the timeline's words: a pause is not a wait for sign-ins, nor a gate not read. */
function overriddenWords(plan: RolloutPlan): string {
  const word = lastWord(plan);
  if (word?.decision === 'pause') return 'The pause was overridden';
  if (word?.decision === 'wait')
    return word.text.startsWith('Not read.') ? 'The gate not read was overridden' : 'The wait for sign-ins was overridden';
  return 'The gate was overridden';
}

/** An admin's decision to advance past a paused or waiting gate, with the reason given (the console asks for one). */
export function overrideEvent(plan: RolloutPlan, reason: string, now: Date): RolloutPlan {
  return {
    ...plan,
    events: [
      ...plan.events,
      {
        at: now.toISOString(),
        kind: 'overridden',
        ring: latestRing(plan)?.key ?? null,
        text: `${overriddenWords(plan)}${reason.trim() ? `: ${reason.trim()}` : ' (no reason given)'}.`,
      },
    ],
  };
}
