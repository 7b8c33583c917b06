// For the rollout feature's tests: the plans a view is drawn with.
import type { EmergencyAccess } from '../../domain/lockout';
import { newRolloutPlan, type RolloutPlan } from '../../domain/rollout/rollout-plan';
import type { ConditionalAccessPolicy } from '../../domain/types';

/** When the plans were made, and the views' clock. */
export const at = new Date('2026-01-05T10:00:00Z');

/** "Require MFA" planned in two rings, Pilot then Finance, none started. */
export const planned = newRolloutPlan(
  { id: 'p1', displayName: 'Require MFA', state: 'enabled' },
  [
    { id: 'g1', name: 'Pilot', created: false },
    { id: 'g2', name: 'Finance', created: false },
  ],
  at,
);

/** The same plan running: Ring 1 (Pilot) joined at `at`, Ring 2 (Finance) waiting; `extra` replaces what it names. */
export const runningPlan = (extra: Partial<RolloutPlan> = {}): RolloutPlan => ({
  ...planned,
  status: 'running',
  rings: planned.rings.map((ring, i) => (i === 0 ? { ...ring, state: 'active', startedAt: at.toISOString() } : ring)),
  ...extra,
});

/** The policy the plan rolls out, report-only while it does. */
export const original = { id: 'p1', displayName: 'Require MFA', state: 'enabledForReportingButNotEnforced' } as ConditionalAccessPolicy;

/** No emergency access accounts. */
export const noEmergency: EmergencyAccess = { users: [], groups: [], members: [] };
