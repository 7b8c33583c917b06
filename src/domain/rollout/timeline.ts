// The rollout's timeline in words: each ring with where it stands and the last gate read for it,
// and every step and decision in the order they happened.
import { ringLabel, type RolloutEvent, type RolloutPlan } from './rollout-plan';

export interface RingLine {
  key: string;
  label: string;
  /** "In the copy since …", "Waiting", "Rolled back, waiting", "Done: the policy covers it". */
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

export function ringLines(plan: RolloutPlan): RingLine[] {
  return plan.rings.map((ring) => {
    const about = plan.events.filter((e) => e.ring === ring.key);
    const rollbacks = about.filter((e) => e.kind === 'rolledBack').length;
    const gates = about.filter((e) => e.kind === 'gate');
    const state =
      plan.status === 'finishing' || plan.status === 'finished'
        ? 'Done: the policy covers it'
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
