import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../json';
import { buildPlan } from '../plan/build-plan';
import { defaultChoices, type PlanTarget } from '../plan/types';
import { REPORT_ONLY } from '../types';
import { canOverride, evaluateGate, gateEvent, gateOpen, overrideEvent, unreadGateEvent } from './gate';
import { restoreRollouts } from './restore';
import { ringProblems, unsuitablePolicy } from './rings';
import { newRolloutPlan, readRolloutPlans, type RingGroup, type RolloutPlan } from './rollout-plan';
import {
  advanceStep,
  afterCopyDeleted,
  afterStep,
  copyRowKey,
  finishStep,
  UntestedControlsError,
  groupRowKey,
  rollbackStep,
  startStep,
  stepImport,
  type StepWrite,
} from './steps';
import { ringLines, timeline } from './timeline';

const TENANT = 'tenant-1';
const PILOT = '11111111-0000-4000-8000-000000000001';
const FINANCE = '11111111-0000-4000-8000-000000000002';
const BREAK_GLASS_GROUP = '11111111-0000-4000-8000-00000000000b';
const ADA = { id: 'aaaaaaaa-0000-4000-8000-000000000001', name: 'Ada' };
const BEN = { id: 'aaaaaaaa-0000-4000-8000-000000000002', name: 'Ben' };
const CHLOE = { id: 'aaaaaaaa-0000-4000-8000-000000000003', name: 'Chloe' };
const GLASS = { id: 'aaaaaaaa-0000-4000-8000-0000000000ff', name: 'Break Glass 01' };

const policy: JsonObject = {
  id: 'p1',
  displayName: 'CA006: Block outside allowed countries',
  state: 'enabled',
  createdDateTime: '2026-01-01T00:00:00Z',
  modifiedDateTime: '2026-11-01T00:00:00Z',
  conditions: {
    users: {
      includeUsers: ['All'],
      excludeUsers: [],
      includeGroups: [],
      excludeGroups: [BREAK_GLASS_GROUP],
      includeRoles: [],
      excludeRoles: [],
    },
    applications: { includeApplications: ['All'] },
    clientAppTypes: ['all'],
  },
  grantControls: { operator: 'OR', builtInControls: ['block'] },
  sessionControls: null,
};

const groups: RingGroup[] = [
  { id: PILOT, name: 'Pilot users', created: false },
  { id: FINANCE, name: 'Finance', created: false },
];
const NOW = new Date('2026-11-30T10:00:00Z');
const emergency = { users: [GLASS], groups: [{ id: BREAK_GLASS_GROUP, name: 'Emergency' }] };

const usersOf = (body: JsonObject) => (body.conditions as { users: Record<string, unknown> }).users;

function target(policies: JsonObject[]): PlanTarget {
  return {
    tenantId: TENANT,
    policies,
    namedLocations: [],
    authenticationStrengths: [],
    authenticationContexts: [],
    termsOfUse: [],
    directory: new Map([
      [PILOT, [{ id: PILOT, kind: 'group', displayName: 'Pilot users', by: 'id' }]],
      [FINANCE, [{ id: FINANCE, kind: 'group', displayName: 'Finance', by: 'id' }]],
      [BREAK_GLASS_GROUP, [{ id: BREAK_GLASS_GROUP, kind: 'group', displayName: 'Emergency', by: 'id' }]],
    ]),
  };
}

function planOf(write: StepWrite, policies: JsonObject[]) {
  return buildPlan(stepImport(write, TENANT), target(policies), { ...defaultChoices(), states: 'source' });
}

const started = (plan: RolloutPlan): RolloutPlan =>
  afterStep(
    { ...plan, frozen: { grantControls: policy.grantControls!, sessionControls: null } },
    { kind: 'start', ring: 'ring-1' },
    { copyId: 'copy1', groupIds: {} },
    NOW,
  );

function signIn(user: { id: string }, at: string, results: Record<string, string>, errorCode = 0): JsonObject {
  return {
    userId: user.id,
    createdDateTime: at,
    status: { errorCode },
    appliedConditionalAccessPolicies: Object.entries(results).map(([id, result]) => ({ id, result })),
  };
}

describe('rings', () => {
  it('refuses an emergency account in the first ring, named or found among its members, and an emergency group', () => {
    const members = new Map([
      [PILOT, [ADA, GLASS]],
      [FINANCE, [BEN]],
    ]);
    const problems = ringProblems(policy, groups, emergency, members, [policy]);
    expect(problems.filter((p) => p.severity === 'blocker').map((p) => p.text)).toEqual([
      'Ring 1 (Pilot users) holds the emergency account Break Glass 01: the first ring must not.',
    ]);
    const asGroup = ringProblems(policy, [{ id: BREAK_GLASS_GROUP, name: 'Emergency', created: false }], emergency, new Map(), []);
    expect(asGroup.map((p) => p.text)).toContain(
      'Ring 1 (Emergency) is an emergency-access group: the first ring must not hold emergency accounts.',
    );
    // A later ring may hold one: the lock-out guard and the gate watch it there.
    const later = ringProblems(
      policy,
      [groups[1]!, groups[0]!],
      emergency,
      new Map([
        [FINANCE, [BEN]],
        [PILOT, [GLASS]],
      ]),
      [],
    );
    expect(later.filter((p) => p.severity === 'blocker')).toEqual([]);
  });

  it('says when a new group can be filled: the first ring’s once started, a later ring’s before it joins', () => {
    const created = [
      { id: null, name: 'Wave 1', created: true },
      { id: null, name: 'Wave 2', created: true },
    ];
    expect(ringProblems(policy, created, emergency, new Map(), []).flatMap((p) => (p.ring === undefined ? [] : [p.text]))).toEqual([
      'Ring 1 (Wave 1) is created empty by the start, and enforced from then: add its members in Microsoft Entra once it has started; its gate reads their sign-ins from then.',
      'Ring 2 (Wave 2) is created empty by the start: add its members in Microsoft Entra before it joins, or its gate has nobody to read.',
    ]);
  });

  it('blocks a plan with no ring, marked so a form that asks for one need not show it as an error', () => {
    const problems = ringProblems(policy, [], emergency, new Map(), []);
    expect(problems).toEqual([{ severity: 'blocker', text: 'Add at least one ring.', noRing: true }]);
  });

  it('says when the first ring’s members are unknown, a group is used twice, or the policy excludes a ring', () => {
    const problems = ringProblems(
      policy,
      [groups[0]!, groups[0]!, { id: BREAK_GLASS_GROUP, name: 'Emergency', created: false }],
      { users: [], groups: [] },
      new Map([[PILOT, null]]),
      [],
    ).map((p) => p.text);
    expect(problems).toContain('Ring 1 (Pilot users): its members could not be read, so it cannot be checked for emergency accounts.');
    expect(problems).toContain('Ring 2 (Pilot users) uses the same group as ring 1: a group belongs to one ring.');
    expect(problems).toContain('Ring 3 (Emergency): the policy excludes this group, so the ring would cover nobody.');
  });

  it('warns that an On policy stops enforcing outside the rings, and of a ring without members', () => {
    const texts = (subject: JsonObject, members: Map<string, { id: string; name: string }[]>) =>
      ringProblems(subject, groups, { users: [], groups: [] }, members, [])
        .filter((p) => p.severity === 'warning')
        .map((p) => p.text);
    const on = texts(
      policy,
      new Map([
        [PILOT, [ADA]],
        [FINANCE, []],
      ]),
    );
    expect(on).toContain(
      'The policy is On today. The start makes it report-only for everyone: until the finish, it is enforced only for the members ' +
        'of the rings reached, through the copy.',
    );
    expect(on).toContain('Ring 2 (Finance) has no members: the copy enforces nothing for it and its gate has no sign-ins to read.');
    expect(on.filter((t) => t.startsWith('Ring 1'))).toEqual([]);
    // Report-only today: nothing stops being enforced.
    expect(texts({ ...policy, state: 'enabledForReportingButNotEnforced' }, new Map([[PILOT, [ADA]]]))).not.toContainEqual(
      expect.stringMatching(/^The policy is On today/),
    );
  });

  it('refuses policies whose copy could not be read in rings', () => {
    expect(
      unsuitablePolicy({ ...policy, conditions: { applications: { includeUserActions: ['urn:user:registersecurityinfo'] } } }),
    ).toMatch(/user actions/);
    expect(unsuitablePolicy({ ...policy, displayName: 'X [rollout]' })).toMatch(/copy/);
    expect(unsuitablePolicy(policy)).toBeNull();
  });

  it('refuses a contingency policy, which is to stay off until an emergency, and says why', () => {
    const contingency = { ...policy, displayName: 'EM01 - ENABLE IN EMERGENCY: MFA Disruption [1/2] - All apps: Require compliant device' };
    expect(unsuitablePolicy(contingency)).toMatch(/^This is a contingency policy, kept off until an emergency: .*turn it on for everyone/);
    expect(ringProblems(contingency, groups, emergency, new Map(), [])).toContainEqual(
      expect.objectContaining({ severity: 'blocker', text: expect.stringMatching(/contingency policy/) }),
    );
  });
});

describe('steps', () => {
  const plan = newRolloutPlan({ id: 'p1', displayName: String(policy.displayName), state: 'enabled' }, groups, NOW);

  it('starts with the policy report-only and a copy enforced for the first ring, exclusions kept', () => {
    const write = startStep(plan, policy);
    const built = planOf(write, [policy]);
    const original = built.rows.find((r) => r.key === 'policy:p1')!;
    expect(original.action).toBe('update');
    expect(original.body).toEqual({ state: REPORT_ONLY });
    const copy = built.rows.find((r) => r.key === copyRowKey(plan))!;
    expect(copy.action).toBe('create');
    expect(copy.body!.displayName).toBe('CA006: Block outside allowed countries [rollout]');
    expect(copy.body!.state).toBe('enabled');
    expect(usersOf(copy.body!)).toMatchObject({ includeUsers: [], includeGroups: [PILOT], excludeGroups: [BREAK_GLASS_GROUP] });
    expect(copy.body!.grantControls).toEqual(policy.grantControls);
    expect(built.blockers).toEqual([]);
  });

  it('isolates the policy’s and the copy’s names in what a step says it will do', () => {
    const evil = newRolloutPlan({ id: 'p1', displayName: 'CA\u202E06', state: 'enabled' }, groups, NOW);
    const intro = startStep(evil, { ...policy, displayName: 'CA\u202E06' }).intro;
    expect(intro).toContain('“CA\\u202E06” report-only for everyone');
    expect(intro).toContain(`“CA\\u202E06 [rollout]” enforced`);
  });

  it('advances cumulatively, rolls one ring back, and turns the copy off when its last ring leaves', () => {
    const running = started(plan);
    const copy = { ...startStep(plan, policy).policies[1]!, id: 'copy1' };
    const advance = advanceStep(running, policy);
    expect(advance.step).toEqual({ kind: 'advance', ring: 'ring-2' });
    expect(usersOf(advance.policies[1]!).includeGroups).toEqual([PILOT, FINANCE]);
    const built = planOf(advance, [{ ...policy, state: REPORT_ONLY }, copy]);
    expect(built.rows.find((r) => r.key === 'policy:p1')!.action).toBe('skip');
    expect(built.rows.find((r) => r.key === 'policy:copy1')!.body).toEqual({
      conditions: { users: { includeGroups: [PILOT, FINANCE] } },
    });

    const both = afterStep(running, advance.step, { copyId: null, groupIds: {} }, new Date('2026-11-30T12:00:00Z'));
    const back = rollbackStep(both, policy, 'ring-2');
    expect(usersOf(back.policies[0]!).includeGroups).toEqual([PILOT]);
    expect(back.policies[0]!.state).toBe('enabled');
    const afterBack = afterStep(both, back.step, { copyId: null, groupIds: {} }, new Date('2026-11-30T13:00:00Z'));
    expect(afterBack.rings.map((r) => r.state)).toEqual(['active', 'waiting']);
    const last = rollbackStep(afterBack, policy, 'ring-1');
    expect(last.policies[0]!.state).toBe('disabled');
    expect(usersOf(last.policies[0]!).includeGroups).toEqual([PILOT]);
    expect(() => rollbackStep(afterBack, policy, 'ring-2')).toThrow('not in the rollout');
  });

  it('finishes by turning the policy itself on with its own assignment', () => {
    const write = finishStep(started(plan), { ...policy, state: REPORT_ONLY });
    expect(write.policies).toHaveLength(1);
    expect(write.policies[0]!.id).toBe('p1');
    expect(write.policies[0]!.state).toBe('enabled');
    expect(usersOf(write.policies[0]!).includeUsers).toEqual(['All']);
    const finishing = afterStep(started(plan), write.step, { copyId: null, groupIds: {} }, NOW);
    expect(finishing.status).toBe('finishing');
    expect(afterCopyDeleted(finishing, NOW)).toMatchObject({ status: 'finished', copyId: null });
  });

  it('refuses to finish when the policy’s controls are no longer those the rings tested, naming what changed', () => {
    const running = { ...started(plan), frozen: { grantControls: { operator: 'OR', builtInControls: ['mfa'] }, sessionControls: null } };
    const changed = { ...policy, state: REPORT_ONLY, grantControls: { operator: 'OR', builtInControls: ['block'] } };
    expect(() => finishStep(running, changed)).toThrow(UntestedControlsError);
    expect(() => finishStep(running, changed)).toThrow('Grant: require MFA → block');
    // Acknowledged, the controls as they are now are turned on, and the step says they are untested.
    const error = (() => {
      try {
        finishStep(running, changed);
      } catch (e) {
        return e as UntestedControlsError;
      }
    })()!;
    expect(error.changes).toEqual(['Grant: require MFA → block']);
    const write = finishStep(running, changed, error.controls);
    expect(write.policies[0]!.state).toBe('enabled');
    expect(write.intro).toMatch(/not those the rings tested \(Grant: require MFA → block\)/);
    // An acknowledgement of other controls (changed again since) is refused again.
    expect(() =>
      finishStep(
        running,
        { ...changed, sessionControls: { signInFrequency: { isEnabled: true, value: 1, type: 'hours' } } },
        error.controls,
      ),
    ).toThrow(UntestedControlsError);
    // The same controls in another form (an empty list for none) are no change.
    expect(
      finishStep(running, { ...policy, grantControls: { operator: 'OR', builtInControls: ['mfa'], termsOfUse: [] } }).intro,
    ).not.toMatch(/not those the rings tested/);
  });

  it('creates a new ring group through the plan’s group creation and records its id', () => {
    const fresh = newRolloutPlan(
      { id: 'p1', displayName: String(policy.displayName), state: 'enabled' },
      [{ id: null, name: 'Rollout wave 1', created: true }],
      NOW,
    );
    const write = startStep(fresh, policy);
    const built = planOf(write, [policy]);
    const group = built.rows.find((r) => r.kind === 'group')!;
    expect(group.key).toBe(groupRowKey(fresh, fresh.rings[0]!));
    expect(group.action).toBe('create');
    expect(group.displayName).toBe('Rollout wave 1');
    const copy = built.rows.find((r) => r.key === copyRowKey(fresh))!;
    expect(usersOf(copy.body!).includeGroups).toEqual([`gatehouse:pending:${group.key}`]);
    const after = afterStep(fresh, write.step, { copyId: 'copy1', groupIds: { 'ring-1': 'new-group-id' } }, NOW);
    expect(after.rings[0]!.group).toEqual({ id: 'new-group-id', name: 'Rollout wave 1', created: true });
  });

  it('creates every ring’s new group at the start, so a later ring can be filled before it joins the copy', () => {
    const fresh = newRolloutPlan(
      { id: 'p1', displayName: String(policy.displayName), state: 'enabled' },
      [
        { id: null, name: 'Rollout wave 1', created: true },
        { id: null, name: 'Rollout wave 2', created: true },
      ],
      NOW,
    );
    const write = startStep(fresh, policy);
    expect(write.intro).toContain(
      'The later rings’ new group is created now, empty: add its members in Microsoft Entra before its ring joins.',
    );
    const built = planOf(write, [policy]);
    const groups = built.rows.filter((r) => r.kind === 'group');
    expect(groups.map((r) => [r.key, r.displayName, r.action])).toEqual([
      [groupRowKey(fresh, fresh.rings[0]!), 'Rollout wave 1', 'create'],
      [groupRowKey(fresh, fresh.rings[1]!), 'Rollout wave 2', 'create'],
    ]);
    expect(groups[1]!.why).toBe(
      `Created now for ring 2 (Rollout wave 2) of the rollout of “${String(policy.displayName)}”, to be filled before it joins.`,
    );
    // A right-to-left group name is isolated in the words shown, and kept raw in the description written to the tenant.
    const hebrew = newRolloutPlan(
      { id: 'p1', displayName: String(policy.displayName), state: 'enabled' },
      [{ id: null, name: 'צוות 3', created: true }],
      NOW,
    );
    const hebrewGroup = planOf(startStep(hebrew, policy), [policy]).rows.find((r) => r.kind === 'group')!;
    expect(hebrewGroup.why).toBe(`Created now for ring 1 (\u2068צוות 3\u2069) of the rollout of “${String(policy.displayName)}”.`);
    expect(hebrewGroup.body!.description).toBe(
      `Created by Gatehouse for ring 1 (צוות 3) of the rollout of “${String(policy.displayName)}”`,
    );
    expect(built.blockers).toEqual([]);
    // The copy enforces for the first ring alone.
    const copy = built.rows.find((r) => r.key === copyRowKey(fresh))!;
    expect(usersOf(copy.body!).includeGroups).toEqual([`gatehouse:pending:${groups[0]!.key}`]);

    // Both ids are kept; the advance then names the second group by its id and creates nothing.
    const running = afterStep(fresh, write.step, { copyId: 'copy1', groupIds: { 'ring-1': 'g1', 'ring-2': 'g2' } }, NOW);
    expect(running.rings.map((r) => [r.group.id, r.state])).toEqual([
      ['g1', 'active'],
      ['g2', 'waiting'],
    ]);
    const advance = advanceStep(running, policy);
    expect(advance.groupsAhead).toEqual([]);
    expect(usersOf(advance.policies[1]!).includeGroups).toEqual(['g1', 'g2']);
    const next = planOf(advance, [policy, { ...startStep(running, policy).policies[1]!, id: 'copy1' }]);
    expect(next.rows.filter((r) => r.kind === 'group')).toEqual([]);
    expect(next.rows.find((r) => r.key === 'policy:copy1')!.action).toBe('update');
    expect(next.blockers).toEqual([]);
  });
});

describe('gate', () => {
  // These judge a handful of sign-ins: the gate is told to judge from one (a new plan waits for 20).
  const planned = started(newRolloutPlan({ id: 'p1', displayName: 'CA006', state: 'enabled' }, groups, NOW));
  const plan = { ...planned, thresholds: { ...planned.thresholds, minSignIns: 1 } };
  const members = new Map([
    ['ring-1', [ADA, BEN]],
    ['ring-2', [CHLOE]],
  ]);
  const after = '2026-11-30T11:00:00Z';

  it('pauses above 10 % blocked on the copy, counting only sign-ins since the ring started', () => {
    const gate = evaluateGate({
      plan,
      members,
      emergency: [],
      signIns: [
        signIn(ADA, after, { copy1: 'success', p1: 'reportOnlySuccess' }),
        signIn(BEN, after, { copy1: 'failure', p1: 'reportOnlyFailure' }, 53003),
        signIn(BEN, '2026-11-30T09:00:00Z', { copy1: 'failure' }, 53003),
      ],
    });
    expect(gate.decision).toBe('pause');
    expect(gate.copy).toEqual({ signIns: 2, applied: 2, blocked: 1, interrupted: 0, users: 2 });
    expect(gate.reasons).toEqual(['50 % of the rings’ sign-ins were blocked (1 of 2), above the 10 % allowed.']);
  });

  it('takes the share of all the rings’ sign-ins, not only of those a block policy applied to', () => {
    const gate = evaluateGate({
      plan,
      members,
      emergency: [],
      signIns: [
        ...Array.from({ length: 19 }, () => signIn(ADA, after, { copy1: 'notApplied', p1: 'reportOnlyNotApplied' })),
        signIn(BEN, after, { copy1: 'failure' }, 53003),
      ],
    });
    expect(gate.copy).toEqual({ signIns: 20, applied: 1, blocked: 1, interrupted: 0, users: 2 });
    expect(gate.decision).toBe('advance');
  });

  it('may advance when the copy blocks nobody, and counts MFA interruptions apart', () => {
    const gate = evaluateGate({
      plan,
      members,
      emergency: [],
      signIns: [
        signIn(ADA, after, { copy1: 'success' }),
        signIn(BEN, after, { copy1: 'failure' }, 50074),
        signIn(CHLOE, after, { p1: 'reportOnlyInterrupted' }),
      ],
    });
    expect(gate.decision).toBe('advance');
    expect(gate.copy).toMatchObject({ blocked: 0, interrupted: 1 });
    expect(gate.next).toEqual({ signIns: 1, applied: 1, blocked: 0, interrupted: 1, users: 1 });
    const strict = evaluateGate({
      plan: { ...plan, thresholds: { ...plan.thresholds, maxInterruptedPercent: 25 } },
      members,
      emergency: [],
      signIns: [signIn(ADA, after, { copy1: 'success' }), signIn(BEN, after, { copy1: 'failure' }, 50074)],
    });
    expect(strict.decision).toBe('pause');
  });

  it('pauses on what the report-only policy says of the next ring', () => {
    const gate = evaluateGate({
      plan,
      members,
      emergency: [],
      signIns: [signIn(ADA, after, { copy1: 'success' }), signIn(CHLOE, after, { p1: 'reportOnlyFailure' })],
    });
    expect(gate.decision).toBe('pause');
    expect(gate.reasons).toEqual(['100 % of Ring 2 (Finance)’s sign-ins would be blocked (1 of 1), above the 10 % allowed.']);
  });

  it('blocks advancing on any hit on an emergency account, whatever the share', () => {
    const gate = evaluateGate({
      plan,
      members,
      emergency: [GLASS],
      signIns: [
        ...Array.from({ length: 50 }, () => signIn(ADA, after, { copy1: 'success' })),
        signIn(GLASS, after, { copy1: 'notApplied', p1: 'reportOnlyFailure' }),
      ],
    });
    expect(gate.decision).toBe('blocked');
    expect(gate.emergencyHits).toEqual([{ user: GLASS, at: after, what: 'would be blocked by the policy' }]);
  });

  it('waits for 20 sign-ins by default before it judges: one or two would let a ring pass on luck', () => {
    expect(planned.thresholds.minSignIns).toBe(20);
    const gateOver = (n: number) =>
      evaluateGate({
        plan: planned,
        members,
        emergency: [],
        signIns: Array.from({ length: n }, () => signIn(ADA, after, { copy1: 'success' })),
      });
    const few = gateOver(1);
    expect(few.decision).toBe('wait');
    expect(few.reasons).toEqual([
      'Only 1 sign-in of the rings’ users since the last ring started (at least 20 wanted): nothing to judge yet.',
    ]);
    expect(gateOver(20).decision).toBe('advance');
  });

  it('waits while the rings have too few sign-ins, and pauses when the frozen controls moved', () => {
    const waiting = evaluateGate({
      plan: { ...plan, thresholds: { ...plan.thresholds, minSignIns: 5 } },
      members,
      emergency: [],
      signIns: [],
    });
    expect(waiting.decision).toBe('wait');
    expect(waiting.reasons[0]).toMatch(/^No sign-ins of the rings’ users/);
    const moved = evaluateGate({
      plan,
      members,
      emergency: [],
      signIns: [signIn(ADA, after, { copy1: 'success' })],
      original: { ...policy, grantControls: { operator: 'OR', builtInControls: ['mfa'] } },
    });
    expect(moved.decision).toBe('pause');
    expect(moved.reasons[0]).toMatch(/grant controls were changed/);
  });

  it('goes into the timeline with its counts, and an override with its reason', () => {
    const gate = evaluateGate({ plan, members, emergency: [], signIns: [signIn(BEN, after, { copy1: 'failure' }, 53003)] });
    const noted = overrideEvent(gate && gateEvent(plan, gate, new Date(after)), 'known travellers', new Date('2026-11-30T11:05:00Z'));
    const lines = timeline(noted);
    expect(lines[0]).toMatchObject({
      kind: 'overridden',
      text: 'The pause was overridden: known travellers.',
      ringLabel: 'Ring 1 (Pilot users)',
    });
    expect(lines[1]).toMatchObject({ kind: 'gate', counts: { signIns: 1, blocked: 1, interrupted: 0 } });
    expect(lines[1]!.text).toMatch(/^Paused\. 100 % /);
    expect(ringLines(noted)[0]).toMatchObject({ state: 'In the copy', lastGate: { kind: 'gate' } });
    expect(ringLines(noted)[1]).toMatchObject({ state: 'Waiting', lastGate: null });
  });

  it('words an override by what it went past: a wait for sign-ins or a gate not read is not a pause', () => {
    const at = new Date(after);
    const waiting = evaluateGate({ plan, members, emergency: [], signIns: [] });
    expect(waiting.decision).toBe('wait');
    expect(timeline(overrideEvent(gateEvent(plan, waiting, at), 'a quiet week', at))[0]!.text).toBe(
      'The wait for sign-ins was overridden: a quiet week.',
    );
    expect(timeline(overrideEvent(unreadGateEvent(plan, 'No licence.', at), 'read in the admin center', at))[0]!.text).toBe(
      'The gate not read was overridden: read in the admin center.',
    );
  });

  it('opens the way to the next step only after a gate that allows it or an override of a pause, never after a step', () => {
    const at = new Date(after);
    const read = (signIns: JsonObject[]) => gateEvent(plan, evaluateGate({ plan, members, emergency: [GLASS], signIns }), at);
    expect(gateOpen(plan)).toBe(false);
    const passed = read([signIn(ADA, after, { copy1: 'success' })]);
    expect(gateOpen(passed)).toBe(true);
    expect(gateOpen(afterStep(passed, { kind: 'advance', ring: 'ring-2' }, { copyId: null, groupIds: {} }, at))).toBe(false);
    const paused = read([signIn(BEN, after, { copy1: 'failure' }, 53003)]);
    expect([gateOpen(paused), canOverride(paused)]).toEqual([false, true]);
    expect(gateOpen(overrideEvent(paused, '', at))).toBe(true);
    const hit = read([signIn(GLASS, after, { copy1: 'failure' }, 53003)]);
    expect([gateOpen(hit), canOverride(hit)]).toEqual([false, false]);
    const unread = unreadGateEvent(plan, 'No licence.', at);
    expect([gateOpen(unread), canOverride(unread)]).toEqual([false, true]);
    expect(readRolloutPlans(JSON.parse(JSON.stringify([paused])))[0]!.events.at(-1)!.decision).toBe('pause');
  });

  it('drops a reading of the ring set before a step: it never opens the gate for the next ring', () => {
    const at = new Date(after);
    const early = evaluateGate({ plan, members, emergency: [], signIns: [signIn(ADA, after, { copy1: 'success' })] });
    expect(early.decision).toBe('advance');
    // The step is under way, then done (Ring 2 joined later): the early reading lands after either.
    const pending = { ...plan, pending: { kind: 'advance' as const, ring: 'ring-2' } };
    expect(gateEvent(pending, early, at)).toBe(pending);
    const advanced = afterStep(plan, { kind: 'advance', ring: 'ring-2' }, { copyId: null, groupIds: {} }, new Date('2026-11-30T12:00:00Z'));
    const landed = gateEvent(advanced, early, new Date('2026-11-30T12:00:01Z'));
    expect(landed.events.at(-1)!.kind).toBe('advanced');
    expect(gateOpen(landed)).toBe(false);
  });
});

describe('kept', () => {
  it('reads a plan back from JSON as it was written, and leaves out what is not a plan', () => {
    const plan = started(newRolloutPlan({ id: 'p1', displayName: 'CA006', state: 'enabled' }, groups, NOW));
    const [read] = readRolloutPlans(JSON.parse(JSON.stringify([plan, { nothing: true }])));
    expect(read).toEqual(plan);
    expect(readRolloutPlans({})).toEqual([]);
  });

  it('reads a gate that would wait for no sign-in (a backup edited by hand) as waiting for one', () => {
    const plan = newRolloutPlan({ id: 'p1', displayName: 'CA006', state: 'enabled' }, groups, NOW);
    const [read] = readRolloutPlans(JSON.parse(JSON.stringify([{ ...plan, thresholds: { ...plan.thresholds, minSignIns: 0 } }])));
    expect(read!.thresholds.minSignIns).toBe(1);
  });
});

describe('restored from a backup', () => {
  const plan = {
    ...started(newRolloutPlan({ id: 'p1', displayName: 'CA006: Block', state: 'enabled' }, groups, NOW)),
    pending: { kind: 'advance' as const, ring: 'ring-2' },
  };

  it('finds the policy and its copy by id, else by name, and says what it could not place', () => {
    const same = restoreRollouts(
      [plan],
      [
        { id: 'p1', displayName: 'CA006: Block' },
        { id: 'copy1', displayName: 'other name' },
      ],
    );
    expect(same.plans[0]).toMatchObject({ policyId: 'p1', copyId: 'copy1', pending: null });
    expect(same.notes).toEqual([]);

    const anew = restoreRollouts(
      [plan],
      [
        { id: 'n1', displayName: 'ca006: block ' },
        { id: 'n2', displayName: 'CA006: Block [rollout]' },
      ],
    );
    expect(anew.plans[0]).toMatchObject({ policyId: 'n1', copyId: 'n2' });

    const noCopy = restoreRollouts([plan], [{ id: 'p1', displayName: 'CA006: Block' }]);
    expect(noCopy.plans[0]!.copyId).toBeNull();
    expect(noCopy.notes).toEqual(['The copy “CA006: Block [rollout]” is not in this tenant: the rollout’s next step creates it again.']);

    expect(restoreRollouts([plan], [{ id: 'x', displayName: 'Other' }])).toEqual({
      plans: [],
      notes: ['“CA006: Block” is not in this tenant: its rollout was not restored.'],
    });
  });
});
