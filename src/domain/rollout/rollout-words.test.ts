// What a rollout says of its rings once the policy is on (whether the policy itself covers them), and
// every tenant name in its words isolated: a right-to-left group name ("צוות 3") would otherwise take
// the ring's number and brackets into its run.
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../json';
import { ringProblems } from './rings';
import { newRolloutPlan, ringLabel, type RolloutPlan } from './rollout-plan';
import { afterCopyDeleted, afterStep, finishStep } from './steps';
import { ringLines, timeline } from './timeline';

const RTL = 'צוות 3 <i>pilot</i>';
const ISOLATED = `\u2068${RTL}\u2069`;
const NOW = new Date('2026-11-30T10:00:00Z');
const GRANT = { operator: 'OR', builtInControls: ['mfa'] };

const policyWith = (users: JsonObject): JsonObject => ({
  id: 'p1',
  displayName: 'Guests MFA',
  state: 'enabledForReportingButNotEnforced',
  conditions: { users, applications: { includeApplications: ['All'] } },
  grantControls: GRANT,
});
const guestsOnly = policyWith({
  includeUsers: [],
  includeGroups: [],
  includeGuestsOrExternalUsers: { guestOrExternalUserTypes: 'b2bCollaborationGuest' },
});
const financeOnly = policyWith({ includeUsers: [], includeGroups: ['G2'] });
const everyone = policyWith({ includeUsers: ['All'] });

const planned = newRolloutPlan(
  { id: 'p1', displayName: 'Guests MFA', state: 'disabled' },
  [
    { id: 'g1', name: 'CA - Service accounts', created: false },
    { id: 'g2', name: 'Finance', created: false },
  ],
  NOW,
);
const step = (plan: RolloutPlan, kind: 'start' | 'advance' | 'finish', ring: string | null) =>
  afterStep(plan, { kind, ring }, { copyId: 'c1', groupIds: {} }, NOW);
const running = step(step({ ...planned, frozen: { grantControls: GRANT, sessionControls: null } }, 'start', 'ring-1'), 'advance', 'ring-2');
const finishing = step(running, 'finish', null);

describe('a finished ring, by whether the policy covers it', () => {
  it('says the policy covers a ring only when it includes all users or the ring’s group', () => {
    expect(ringLines(finishing, everyone).map((l) => l.state)).toEqual(['Done: the policy covers it', 'Done: the policy covers it']);
    const partly = ringLines(finishing, financeOnly).map((l) => l.state);
    expect(partly[0]).toBe(
      'Done, but the policy does not include this group or all users: for members it leaves out, only the copy enforces it',
    );
    expect(partly[1]).toBe('Done: the policy covers it');
  });

  it('says, once the copy is deleted, that the members left out lost its enforcement; only “Done” when the policy is not read', () => {
    const finished = afterCopyDeleted(finishing, NOW);
    expect(ringLines(finished, guestsOnly)[0]!.state).toBe(
      'Done, but the policy does not include this group or all users: members it leaves out lost the copy’s enforcement when it was deleted',
    );
    expect(ringLines(finished)[0]!.state).toBe('Done');
  });

  it('says in the finish’s plan which rings the policy leaves to the copy', () => {
    expect(finishStep(running, guestsOnly).intro).toContain(
      'It does not include all users, nor Ring 1 (CA - Service accounts), Ring 2 (Finance): for the members it leaves out, only the copy enforces it, and deleting the copy stops that.',
    );
    expect(finishStep(running, everyone).intro).not.toContain('does not include all users');
  });
});

describe('tenant names in the rollout’s words', () => {
  const rtl = newRolloutPlan(
    { id: 'p1', displayName: 'מדיניות 2', state: 'disabled' },
    [
      { id: 'g1', name: RTL, created: false },
      { id: 'g2', name: 'Finance', created: false },
    ],
    NOW,
  );

  it('isolates a right-to-left group in ring labels, the rings, the timeline and what each step records', () => {
    expect(ringLabel(rtl, 'ring-1')).toBe(`Ring 1 (${ISOLATED})`);
    expect(ringLabel(rtl, 'ring-2')).toBe('Ring 2 (Finance)');
    const started = step(rtl, 'start', 'ring-1');
    expect(ringLines(started)[0]!.label).toBe(`Ring 1 (${ISOLATED})`);
    const [line] = timeline(started);
    expect(line).toMatchObject({
      ringLabel: `Ring 1 (${ISOLATED})`,
      text: `Started: the policy report-only, the copy enforced for Ring 1 (${ISOLATED}).`,
    });
    expect(timeline(afterCopyDeleted(step(started, 'finish', null), NOW))[0]!.text).toBe('“\u2068מדיניות 2 [rollout]\u2069” was deleted.');
  });

  it('isolates the group and account names in what planning warns of', () => {
    const texts = ringProblems(
      everyone,
      [{ id: 'g1', name: RTL, created: false }],
      { users: [{ id: 'u1', name: 'חשבון חירום' }], groups: [] },
      new Map([['g1', [{ id: 'u1', name: 'חשבון חירום' }]]]),
      [],
    ).map((p) => p.text);
    expect(texts).toContain(`Ring 1 (${ISOLATED}) holds the emergency account \u2068חשבון חירום\u2069: the first ring must not.`);
  });
});
