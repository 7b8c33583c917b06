// The rollout's timeline in words: each ring with where it stands and the last gate read for it,
// and every step and decision in the order they happened.
import type { JsonObject } from '../json';
import { policyCoversRing } from './rings';
import { ringLabel, type RolloutEvent, type RolloutPlan, type RolloutRing } from './rollout-plan';

export interface RingLine {
  key: string;
  label: string;
  /** "In the copy", "Waiting", "Rolled back, waiting", "Done: the policy covers it" (or why it does not), "Cancelled…". */
  state: string;
  startedAt: string | null;
  /** The last gate read while this ring was the latest: its counts and decision. */
  lastGate: RolloutEvent | null;
  /** How many times it was rolled back. */
  rollbacks: number;
}

export interface TimelineLine extends RolloutEvent {
  ringLabel: string | null;
}

/**
 * Where a finished ring stands: the finish turned the policy on for its own users, which covers the ring only
 * when the policy includes all users or its group; else the copy is what enforces it for the members the
 * policy leaves out, until it is deleted. Without the policy (not read, or gone), only that it is done.
 */
function doneWords(plan: RolloutPlan, ring: RolloutRing, policy: JsonObject | null): string {
  if (!policy) return 'Done';
  if (policyCoversRing(policy, ring.group)) return 'Done: the policy covers it';
  return plan.status === 'finishing'
    ? 'Done, but the policy does not include this group or all users: for members it leaves out, only the copy enforces it'
    : 'Done, but the policy does not include this group or all users: members it leaves out lost the copy’s enforcement when it was deleted';
}

/** Each ring where it stands; `policy` is the policy as the tenant has it now (null when not read), for the words of a finished ring. */
export function ringLines(plan: RolloutPlan, policy: JsonObject | null = null): RingLine[] {
  return plan.rings.map((ring) => {
    const about = plan.events.filter((e) => e.ring === ring.key);
    const rollbacks = about.filter((e) => e.kind === 'rolledBack').length;
    const gates = about.filter((e) => e.kind === 'gate');
    const state =
      plan.status === 'finishing' || plan.status === 'finished'
        ? doneWords(plan, ring, policy)
        : plan.status === 'cancelled'
          ? ring.state === 'active'
            ? 'Cancelled: it was in the copy, which the cancel turned off'
            : 'Cancelled: not in the copy'
          : ring.state === 'active'
            ? 'In the copy'
            : rollbacks > 0
              ? 'Rolled back, waiting'
              : 'Waiting';
    return {
      key: ring.key,
      label: ringLabel(plan, ring.key),
      state,
      startedAt: ring.state === 'active' ? ring.startedAt : null,
      lastGate: gates.at(-1) ?? null,
      rollbacks,
    };
  });
}

/** Newest first, as a log is read. */
export function timeline(plan: RolloutPlan): TimelineLine[] {
  return [...plan.events]
    .map((event, order) => ({ event, order }))
    .sort((a, b) => (a.event.at === b.event.at ? b.order - a.order : a.event.at < b.event.at ? 1 : -1))
    .map(({ event }) => ({ ...event, ringLabel: event.ring ? ringLabel(plan, event.ring) : null }));
}
