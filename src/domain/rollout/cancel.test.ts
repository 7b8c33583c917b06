// Cancelling a running rollout: the policy goes back to its state before the rollout (its assignment as
// it is now), the copy is turned off with the rings it holds, both through the shared plan flow; the
// rollout is then cancelled, recorded in the timeline, kept as such on the device, and never advanced.
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../json';
import { buildPlan } from '../plan/build-plan';
import { defaultChoices, type PlanTarget, type TargetCandidate } from '../plan/types';
import { REPORT_ONLY } from '../types';
import { activeRings, newRolloutPlan, readRolloutPlans, type RolloutPlan } from './rollout-plan';
import {
  advanceStep,
  afterCopyDeleted,
  afterStep,
  cancelStep,
  copyBody,
  finishStep,
  rollbackStep,
  stepImport,
  type StepWrite,
} from './steps';
import { ringLines, timeline } from './timeline';

const TENANT = 'tenant-1';
const PILOT = '11111111-0000-4000-8000-000000000001';
const FINANCE = '11111111-0000-4000-8000-000000000002';
const SALES = '11111111-0000-4000-8000-000000000003';
const NOW = new Date('2026-11-30T10:00:00Z');
const LATER = new Date('2026-11-30T12:00:00Z');

const policy: JsonObject = {
  id: 'p1',
  displayName: 'Require MFA',
  state: 'enabled',
  conditions: {
    users: { includeUsers: ['All'], excludeUsers: [], includeGroups: [], excludeGroups: [], includeRoles: [], excludeRoles: [] },
    applications: { includeApplications: ['All'] },
    clientAppTypes: ['all'],
  },
  grantControls: { operator: 'OR', builtInControls: ['mfa'] },
  sessionControls: null,
};

const usersOf = (body: JsonObject) => (body.conditions as { users: Record<string, unknown> }).users;

function target(policies: JsonObject[]): PlanTarget {
  const group = (id: string, displayName: string): [string, TargetCandidate[]] => [id, [{ id, kind: 'group', displayName, by: 'id' }]];
  return {
    tenantId: TENANT,
    policies,
    namedLocations: [],
    authenticationStrengths: [],
    authenticationContexts: [],
    termsOfUse: [],
    directory: new Map([group(PILOT, 'Pilot'), group(FINANCE, 'Finance'), group(SALES, 'Sales')]),
  };
}

const planOf = (write: StepWrite, policies: JsonObject[]) =>
  buildPlan(stepImport(write, TENANT), target(policies), { ...defaultChoices(), states: 'source' });

/** "Require MFA", on before the rollout, in three rings: rings 1 and 2 in the copy "copy1", ring 3 waiting. */
function running(stateBefore = 'enabled'): RolloutPlan {
  const planned = newRolloutPlan(
    { id: 'p1', displayName: 'Require MFA', state: stateBefore },
    [
      { id: PILOT, name: 'Pilot', created: false },
      { id: FINANCE, name: 'Finance', created: false },
      { id: SALES, name: 'Sales', created: false },
    ],
    NOW,
  );
  const frozen = { ...planned, frozen: { grantControls: policy.grantControls!, sessionControls: null } };
  const started = afterStep(frozen, { kind: 'start', ring: 'ring-1' }, { copyId: 'copy1', groupIds: {} }, NOW);
  return afterStep(started, advanceStep(started, policy).step, { copyId: null, groupIds: {} }, NOW);
}

/** The tenant as the rollout left it: the policy report-only (an exclusion added meanwhile), the copy enforcing rings 1 and 2. */
const reportOnly: JsonObject = {
  ...policy,
  state: REPORT_ONLY,
  conditions: { ...(policy.conditions as JsonObject), users: { ...usersOf(policy), excludeUsers: ['u-contractor'] } },
};
const copyNow = (plan: RolloutPlan): JsonObject => copyBody(plan, policy, activeRings(plan));

describe('cancelling a rollout', () => {
  it('writes the policy back to its state before, its assignment as it is now, then turns the copy off with its rings', () => {
    const plan = running();
    const write = cancelStep(plan, reportOnly);
    expect(write.step).toEqual({ kind: 'cancel', ring: null });
    // The policy first: should the copy's write fail, the rings are enforced twice for a while, never not at all.
    expect(write.policies.map((p) => [p.id, p.state])).toEqual([
      ['p1', 'enabled'],
      ['copy1', 'disabled'],
    ]);
    expect(usersOf(write.policies[0]!).excludeUsers).toEqual(['u-contractor']);
    expect(usersOf(write.policies[1]!).includeGroups).toEqual([PILOT, FINANCE]);
    expect(write.groupsAhead).toEqual([]);
    expect(write.intro).toBe(
      'Cancelling the rollout: “Require MFA” goes back to on, as it was before the rollout, with its users as they are now; ' +
        '“Require MFA [rollout]” is turned off, its ring groups kept. Deleting it is offered afterwards. ',
    );

    // Through the plan flow, only the states change: nothing else of either policy is written.
    const built = planOf(write, [reportOnly, copyNow(plan)]);
    expect(built.rows.find((r) => r.key === 'policy:p1')).toMatchObject({ action: 'update', body: { state: 'enabled' } });
    expect(built.rows.find((r) => r.key === 'policy:copy1')).toMatchObject({ action: 'update', body: { state: 'disabled' } });
    expect(built.rows.filter((r) => r.kind === 'group')).toEqual([]);
    expect(built.blockers).toEqual([]);
  });

  it('puts back a policy that was off or report-only before, and says so in words', () => {
    const off = cancelStep(running('disabled'), reportOnly);
    expect(off.policies[0]!.state).toBe('disabled');
    expect(off.intro).toContain('goes back to off');
    const wasReportOnly = cancelStep(running(REPORT_ONLY), reportOnly);
    expect(wasReportOnly.policies[0]!.state).toBe(REPORT_ONLY);
    expect(wasReportOnly.intro).toContain('goes back to report-only');
  });

  it('keeps the ring last rolled back in a copy all of whose rings left (a policy must include someone)', () => {
    const plan = running();
    const one = afterStep(plan, rollbackStep(plan, policy, 'ring-2').step, { copyId: null, groupIds: {} }, NOW);
    const none = afterStep(one, rollbackStep(one, policy, 'ring-1').step, { copyId: null, groupIds: {} }, NOW);
    const copy = cancelStep(none, reportOnly).policies[1]!;
    expect(copy.state).toBe('disabled');
    expect(usersOf(copy).includeGroups).toEqual([PILOT]);
  });

  it('writes no copy when none was made (or a restored backup lost it): writing one would create it', () => {
    const write = cancelStep({ ...running(), copyId: null }, reportOnly);
    expect(write.policies.map((p) => p.id)).toEqual(['p1']);
    expect(write.intro).not.toContain('turned off');
  });

  it('leaves the rollout cancelled, recorded in the timeline, the rings where they were; deleting the copy keeps it cancelled', () => {
    const plan = running();
    const cancelled = afterStep(
      { ...plan, pending: { kind: 'cancel', ring: null } },
      cancelStep(plan, reportOnly).step,
      {
        copyId: 'copy1',
        groupIds: {},
      },
      LATER,
    );
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.pending).toBeNull();
    expect(cancelled.rings).toEqual(plan.rings);
    expect(cancelled.events.at(-1)).toEqual({
      at: LATER.toISOString(),
      kind: 'cancelled',
      ring: null,
      text: 'Cancelled: the policy was put back to on, as before the rollout, and the copy turned off.',
    });
    expect(timeline(cancelled)[0]!.text).toMatch(/^Cancelled: /);
    expect(ringLines(cancelled).map((line) => line.state)).toEqual([
      'Cancelled: it was in the copy, which the cancel turned off',
      'Cancelled: it was in the copy, which the cancel turned off',
      'Cancelled: not in the copy',
    ]);

    const deleted = afterCopyDeleted(cancelled, LATER);
    expect(deleted).toMatchObject({ status: 'cancelled', copyId: null });
    expect(deleted.events.at(-1)).toMatchObject({ kind: 'copyDeleted', text: '“Require MFA [rollout]” was deleted.' });
  });

  it('is kept cancelled on the device and in backups, a cancel left unfinished too', () => {
    const plan = running();
    const cancelled = afterStep(plan, cancelStep(plan, reportOnly).step, { copyId: 'copy1', groupIds: {} }, LATER);
    const [read] = readRolloutPlans(JSON.parse(JSON.stringify([cancelled])));
    expect(read).toEqual(cancelled);
    const [pending] = readRolloutPlans(JSON.parse(JSON.stringify([{ ...plan, pending: { kind: 'cancel', ring: null } }])));
    expect(pending!.pending).toEqual({ kind: 'cancel', ring: null });
  });

  it('is never advanced, rolled back, finished or cancelled again once cancelled', () => {
    const plan = running();
    const cancelled = afterStep(plan, cancelStep(plan, reportOnly).step, { copyId: 'copy1', groupIds: {} }, LATER);
    expect(() => advanceStep(cancelled, reportOnly)).toThrow('The rollout was cancelled: it cannot be advanced.');
    expect(() => rollbackStep(cancelled, reportOnly, 'ring-1')).toThrow('The rollout was cancelled');
    expect(() => finishStep(cancelled, reportOnly)).toThrow('The rollout was cancelled');
    expect(() => cancelStep(cancelled, reportOnly)).toThrow('Only a rollout under way can be cancelled.');
    expect(() => cancelStep({ ...plan, status: 'planned' }, reportOnly)).toThrow('Only a rollout under way can be cancelled.');
  });
});
