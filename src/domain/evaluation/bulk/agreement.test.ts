import { describe, expect, it } from 'vitest';
import { context, ids, policy } from '../test-fixtures';
import { loggedOutcome, measureAgreement, trustOfDraft } from './agreement';
import type { DirectoryFacts } from './from-sign-in-log';
import { blockAbroad, blockLegacy, directory, entry, log } from './test-agreement-log';

describe('measureAgreement', () => {
  it('compares per policy and per condition, names the condition of each mismatch, and says it in a sentence', () => {
    const report = measureAgreement(log(), [blockAbroad, blockLegacy], { context, directory });
    const abroad = report.policies.find((p) => p.policyId === 'abroad')!;
    expect([abroad.compared, abroad.agreed]).toEqual([200, 196]);
    expect(abroad.sentence).toBe('agrees on 98.0 % of 200 sign-ins; the mismatches are in locations');
    const locations = abroad.conditions.find((c) => c.condition === 'locations')!;
    expect(locations.mismatched).toBe(4);
    expect(locations.samples.map((s) => [s.signInId, s.engine])).toEqual([
      ['s1', 'notApplied'],
      ['s2', 'applies'],
      ['s4', 'applies'],
      ['s6', 'applies'],
    ]);
    const legacy = report.policies.find((p) => p.policyId === 'legacy')!;
    expect(legacy.sentence).toBe('agrees on 100.0 % of 200 sign-ins');
    expect(report.agreement).toBeCloseTo(396 / 400);
    expect(report.trusted).toBe(true);
    expect(report.sentence).toBe(
      'Over 200 sign-ins and 2 policies, the engine agrees on 99.0 % of 400 decisions; the mismatches are in locations.',
    );
  });

  it('does not compare what cannot be compared, nor what the engine cannot decide, and says when the result is not to be trusted', () => {
    const entries = [
      ...log(),
      entry(900, 'BR', 'Browser', { abroad: 'unknownFutureValue', legacy: 'notEnabled' }),
      entry(901, 'BR', 'Browser', { abroad: 'failure', legacy: 'notApplied' }, 10), // before the policy changed
    ];
    const report = measureAgreement(entries, [blockAbroad, blockLegacy], { context, directory, threshold: 0.995 });
    const abroad = report.policies.find((p) => p.policyId === 'abroad')!;
    expect(abroad.notComparable).toBe(2);
    expect(report.trusted).toBe(false);
    expect(report.sentence).toMatch(/Below 99\.5 % or over too few sign-ins, a draft's result is not to be trusted\.$/);
    // Without the directory, groups are not known and the engine does not guess.
    const blind = measureAgreement(log(), [blockAbroad], { context });
    expect(blind.policies[0]!.undecided).toBe(100);
    expect(blind.policies[0]!.sentence).toMatch(/\(100 more the engine could not decide\)$/);
  });

  it('marks a policy whose sign-ins the engine mostly could not decide: its agreement judges too little, and a draft of it is not trusted', () => {
    // 140 of the 200 sign-ins are from abroad by a user whose groups were not read: the policy that excludes a group cannot decide them.
    const entries = log().map((e, i) => (i < 60 ? e : { ...e, userId: 'unread-user', location: { countryOrRegion: 'BR' } }));
    const partly: DirectoryFacts = { user: (id) => (id === ids.ada ? { groupIds: [], roleTemplateIds: [] } : undefined) };
    const report = measureAgreement(entries, [blockAbroad, blockLegacy], { context, directory: partly });
    const abroad = report.policies.find((p) => p.policyId === 'abroad')!;
    expect([abroad.compared, abroad.undecided]).toEqual([60, 140]);
    expect(abroad.tooFewDecided).toBe(true);
    expect(abroad.sentence).toMatch(/\(140 more the engine could not decide\): too few decided to judge$/);
    const legacy = report.policies.find((p) => p.policyId === 'legacy')!;
    expect(legacy.tooFewDecided).toBe(false);
    expect(report.tooFewDecided).toEqual([{ policyId: 'abroad', displayName: 'Block outside allowed countries' }]);
    expect(report.sentence).toContain(
      'For Block outside allowed countries, it could decide fewer than half of the sign-ins: too few to judge its answers for that policy.',
    );
    expect(report.trusted).toBe(true);
    expect(trustOfDraft(report, blockLegacy).trusted).toBe(true);
    const draft = trustOfDraft(report, blockAbroad);
    expect(draft.trusted).toBe(false);
    expect(draft.sentence).toContain('fewer than half of the sign-ins to Block outside allowed countries');
  });

  it('trusts a draft only where the engine agrees on the conditions it sets', () => {
    const report = measureAgreement(log(), [blockAbroad, blockLegacy], { context, directory, threshold: 0.985 });
    expect(report.trusted).toBe(true);
    expect(trustOfDraft(report, blockLegacy).trusted).toBe(true);
    const verdict = trustOfDraft(report, blockAbroad);
    expect(verdict.trusted).toBe(false);
    expect(verdict.sentence).toContain('98.0 % of sign-ins to policies that set locations');
  });

  it('says why a draft is not trusted: the one figure that made it so', () => {
    const low = measureAgreement(log(), [blockAbroad, blockLegacy], { context, directory, threshold: 0.995 });
    expect(trustOfDraft(low, blockLegacy).why).toEqual({ kind: 'lowAgreement', agreement: 0.99, threshold: 0.995, mostIn: 'locations' });
    const few = measureAgreement(log().slice(0, 10), [blockAbroad, blockLegacy], { context, directory });
    expect(trustOfDraft(few, blockLegacy).why).toEqual({ kind: 'tooFewCompared', compared: 20, minimum: 50 });
    const weak = measureAgreement(log(), [blockAbroad, blockLegacy], { context, directory, threshold: 0.985 });
    expect(trustOfDraft(weak, blockAbroad).why).toEqual({
      kind: 'weakConditions',
      threshold: 0.985,
      conditions: [{ condition: 'locations', agreement: 0.98 }],
    });
    expect(trustOfDraft(weak, blockLegacy).why).toBeUndefined();
  });

  it('isolates the names of policies in its sentences: a direction control in one cannot reorder the words around it', () => {
    const EVIL = 'Block \u202Eabroad';
    const SHOWN = 'Block \\u202Eabroad';
    const entries = log().map((e, i) => (i < 60 ? e : { ...e, userId: 'unread-user', location: { countryOrRegion: 'BR' } }));
    const partly: DirectoryFacts = { user: (id) => (id === ids.ada ? { groupIds: [], roleTemplateIds: [] } : undefined) };
    const evil = { ...blockAbroad, displayName: EVIL };
    const report = measureAgreement(entries, [evil, blockLegacy], { context, directory: partly });
    expect(report.sentence).toContain(`For ${SHOWN}, it could decide fewer than half`);
    const draft = trustOfDraft(report, evil);
    expect(draft.sentence).toContain(`fewer than half of the sign-ins to ${SHOWN}: too few`);
    expect(draft.why).toEqual({ kind: 'policyUndecided', displayName: EVIL, decidedShare: 0.3 });
  });

  it('names the condition the log calls unknownFutureValue when the policy sets only one such (a device filter)', () => {
    const filtered = {
      ...policy({
        name: 'Compliant only',
        users: { includeUsers: ['All'] },
        conditions: { devices: { deviceFilter: { mode: 'include', rule: 'device.isCompliant -eq True' } } },
        grant: { builtInControls: ['block'] },
      }),
      id: 'abroad',
    };
    // Unregistered devices: the engine says the filter does not match; the log says it applied for two.
    const entries = log().slice(0, 20);
    for (const [i, e] of entries.entries())
      e.appliedConditionalAccessPolicies[0] = {
        id: 'abroad',
        result: i < 2 ? 'failure' : 'notApplied',
        conditionsNotSatisfied: i < 2 ? 'none' : 'unknownFutureValue',
      };
    entries[3]!.deviceDetail = { deviceId: 'd1', operatingSystem: 'Windows 10', isCompliant: true, trustType: 'Azure AD joined' };
    const report = measureAgreement(entries, [filtered], { context, directory, minimumCompared: 1 });
    const devices = report.policies[0]!.conditions.find((c) => c.condition === 'devices')!;
    expect(devices.mismatched).toBe(3);
    expect(devices.samples.map((m) => [m.signInId, m.engine])).toEqual([
      ['s0', 'notApplied'],
      ['s1', 'notApplied'],
      ['s3', 'applies'],
    ]);
  });

  it('tallies agent risk as a condition of its own: a draft that sets it is not trusted where the engine agrees too little on it', () => {
    const riskyAgents = {
      ...policy({
        name: 'Risky agents',
        users: { includeUsers: ['All'] },
        conditions: { agentIdRiskLevels: 'high' },
        grant: { builtInControls: ['block'] },
      }),
      id: 'abroad',
    };
    // Ada is known to be no agent: the engine says the policy does not apply; the log says it applied 8 times.
    const people: DirectoryFacts = { user: () => ({ groupIds: [], roleTemplateIds: [], agentUser: false }) };
    const entries = log();
    for (const [i, e] of entries.entries())
      e.appliedConditionalAccessPolicies[0] = {
        id: 'abroad',
        result: i < 8 ? 'failure' : 'notApplied',
        conditionsNotSatisfied: i < 8 ? 'none' : 'unknownFutureValue',
      };
    const report = measureAgreement(entries, [riskyAgents, blockLegacy], { context, directory: people });
    const agentRisk = report.conditions.find((c) => c.condition === 'agentIdRisk')!;
    expect([agentRisk.compared, agentRisk.mismatched]).toEqual([200, 8]);
    expect(report.policies[0]!.sentence).toBe('agrees on 96.0 % of 200 sign-ins; the mismatches are in agent risk');
    expect(report.trusted).toBe(true);
    const trust = trustOfDraft(report, riskyAgents);
    expect(trust.trusted).toBe(false);
    expect(trust.sentence).toContain('96.0 % of sign-ins to policies that set agent risk');
  });

  it('reads the documented results', () => {
    expect(['success', 'failure', 'reportOnlySuccess', 'reportOnlyFailure', 'reportOnlyInterrupted'].map(loggedOutcome)).toEqual(
      Array(5).fill('applied'),
    );
    expect(['notApplied', 'reportOnlyNotApplied'].map(loggedOutcome)).toEqual(['notApplied', 'notApplied']);
    expect(['notEnabled', 'unknownFutureValue', 'unknown', undefined].map(loggedOutcome)).toEqual(Array(4).fill('notComparable'));
  });
});
