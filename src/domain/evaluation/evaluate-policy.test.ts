import { describe, expect, it } from 'vitest';
import { evaluatePolicy } from './evaluate-policy';
import type { SignInFacts, WorkloadIdentity } from './sign-in';
import { adaToExchange, context, ids, policy } from './test-fixtures';

describe('policy state', () => {
  it('never applies a disabled policy: the service does not evaluate it', () => {
    expect(evaluatePolicy(policy({ state: 'disabled' }), adaToExchange, context)).toMatchObject({
      result: 'notApplied',
      failedCondition: 'state',
      reason: 'The policy is off: the service does not evaluate it.',
    });
  });

  it('evaluates a report-only policy and flags it', () => {
    expect(evaluatePolicy(policy({ state: 'enabledForReportingButNotEnforced' }), adaToExchange, context)).toMatchObject({
      result: 'applies',
      reportOnly: true,
    });
    expect(evaluatePolicy(policy({}), adaToExchange, context).reportOnly).toBe(false);
  });

  it('does not guess about a state it does not know', () => {
    expect(evaluatePolicy(policy({ state: 'unknownFutureValue' }), adaToExchange, context).result).toBe('indeterminate');
  });
});

describe('conditions this engine does not evaluate', () => {
  it('makes the result indeterminate, naming the key, when set', () => {
    const timed = policy({ conditions: { times: { included: ['weekend'] } } });
    expect(evaluatePolicy(timed, adaToExchange, context)).toMatchObject({
      result: 'indeterminate',
      failedCondition: 'otherConditions',
      missing: ['conditions.times'],
      reason: expect.stringContaining('conditions.times (known, not evaluated by this engine)'),
    });
    const newer = policy({ conditions: { quantumRiskLevels: ['high'] } });
    expect(evaluatePolicy(newer, adaToExchange, context).reason).toContain(
      'conditions.quantumRiskLevels (not a condition this engine knows)',
    );
  });

  it('ignores them when null, as Graph returns them', () => {
    const nulls = policy({ conditions: { times: null, deviceStates: null, signInRiskDetections: null, clients: null } });
    expect(evaluatePolicy(nulls, adaToExchange, context).result).toBe('applies');
  });

  it('still answers "not applied" when a condition it reads fails', () => {
    const timed = policy({ users: { includeUsers: ['None'] }, conditions: { times: { included: ['weekend'] } } });
    expect(evaluatePolicy(timed, adaToExchange, context).result).toBe('notApplied');
  });
});

describe('the first failing condition, and the trace', () => {
  it('names the first condition that fails, in order, and traces every condition', () => {
    const p = policy({ users: { includeUsers: ['None'] }, conditions: { platforms: { includePlatforms: ['iOS'] } } });
    const result = evaluatePolicy(p, adaToExchange, context);
    expect(result).toMatchObject({ result: 'notApplied', failedCondition: 'users' });
    expect(result.trace.map((t) => [t.condition, t.outcome.kind])).toEqual([
      ['users', 'noMatch'],
      ['applications', 'match'],
      ['platforms', 'noMatch'],
    ]);
    expect(evaluatePolicy(p, adaToExchange, context, { stopAtFirstFailure: true }).trace).toHaveLength(1);
  });

  it('gathers every missing input when nothing fails', () => {
    const p = policy({ conditions: { platforms: { includePlatforms: ['iOS'] }, signInRiskLevels: ['high'] } });
    expect(evaluatePolicy(p, { identity: adaToExchange.identity, target: adaToExchange.target }, context)).toMatchObject({
      result: 'indeterminate',
      failedCondition: 'platforms',
      missing: ['devicePlatform', 'signInRiskLevel'],
    });
  });

  it('is indeterminate when who signs in is not known', () => {
    expect(evaluatePolicy(policy({}), { target: adaToExchange.target }, context)).toMatchObject({
      result: 'indeterminate',
      missing: ['identity'],
    });
  });
});

describe('grant and session controls', () => {
  it('returns the grant and the enabled session controls of a policy that applies', () => {
    const p = policy({
      grant: {
        operator: 'AND',
        builtInControls: ['mfa', 'compliantDevice'],
        termsOfUse: ['tou-1'],
        authenticationStrength: { id: '00000000-0000-0000-0000-000000000004', displayName: 'Phishing-resistant MFA' },
      },
      session: {
        signInFrequency: { isEnabled: true, type: 'hours', value: 12, frequencyInterval: 'timeBased' },
        persistentBrowser: { isEnabled: false, mode: 'never' },
        applicationEnforcedRestrictions: null,
        disableResilienceDefaults: true,
        continuousAccessEvaluation: { mode: 'strictLocation' },
      },
    });
    const result = evaluatePolicy(p, adaToExchange, context);
    expect(result.grant).toEqual({
      operator: 'AND',
      block: false,
      builtInControls: ['mfa', 'compliantDevice'],
      authenticationStrength: { id: '00000000-0000-0000-0000-000000000004', displayName: 'Phishing-resistant MFA' },
      termsOfUse: ['tou-1'],
      customAuthenticationFactors: [],
    });
    expect(result.session?.map((s) => s.control)).toEqual(['signInFrequency', 'disableResilienceDefaults', 'continuousAccessEvaluation']);
  });

  it('gives no controls for a policy that does not apply', () => {
    const result = evaluatePolicy(policy({ users: { includeUsers: ['None'] } }), adaToExchange, context);
    expect(result.grant).toBeUndefined();
    expect(result.session).toBeUndefined();
  });
});

describe('workload identities', () => {
  const payroll: WorkloadIdentity = {
    kind: 'workloadIdentity',
    servicePrincipalId: ids.payroll,
    servicePrincipalType: 'application',
    ownedByThisTenant: true,
  };
  const signIn = (identity: WorkloadIdentity): SignInFacts => ({
    identity,
    target: { kind: 'application', appId: ids.graph },
    ipAddress: '8.8.8.8',
    servicePrincipalRiskLevel: 'high',
  });
  const workloadPolicy = (clientApplications: Record<string, unknown>, conditions: Record<string, unknown> = {}) =>
    policy({
      users: { includeUsers: ['None'] },
      clientApplications: clientApplications as never,
      conditions: conditions as never,
      grant: { builtInControls: ['block'] },
    });

  it('includes service principals by id or as the tenant’s own, and excludes by id', () => {
    expect(evaluatePolicy(workloadPolicy({ includeServicePrincipals: [ids.payroll] }), signIn(payroll), context).reason).toContain(
      'Contoso Payroll Sync is included by name',
    );
    expect(
      evaluatePolicy(workloadPolicy({ includeServicePrincipals: ['ServicePrincipalsInMyTenant'] }), signIn(payroll), context).result,
    ).toBe('applies');
    expect(
      evaluatePolicy(
        workloadPolicy({ includeServicePrincipals: ['ServicePrincipalsInMyTenant'], excludeServicePrincipals: [ids.payroll] }),
        signIn(payroll),
        context,
      ),
    ).toMatchObject({ result: 'notApplied', reason: 'Contoso Payroll Sync is excluded by name.' });
    expect(
      evaluatePolicy(
        workloadPolicy({ includeServicePrincipals: ['ServicePrincipalsInMyTenant'] }),
        signIn({ ...payroll, ownedByThisTenant: undefined }),
        context,
      ),
    ).toMatchObject({ result: 'indeterminate', missing: ['identity.ownedByThisTenant'] });
  });

  it('leaves managed identities out, as documented', () => {
    const runner: WorkloadIdentity = {
      kind: 'workloadIdentity',
      servicePrincipalId: ids.backupRunner,
      servicePrincipalType: 'managedIdentity',
    };
    expect(
      evaluatePolicy(workloadPolicy({ includeServicePrincipals: ['ServicePrincipalsInMyTenant'] }), signIn(runner), context).reason,
    ).toContain('managed identity');
  });

  it('keeps user policies and workload policies apart', () => {
    expect(evaluatePolicy(policy({}), signIn(payroll), context)).toMatchObject({
      result: 'notApplied',
      failedCondition: 'workloadIdentities',
      reason: 'The policy targets users, not workload identities.',
    });
    expect(evaluatePolicy(workloadPolicy({ includeServicePrincipals: [ids.payroll] }), adaToExchange, context)).toMatchObject({
      result: 'notApplied',
      reason: 'The policy targets workload identities, not users.',
    });
  });

  it('evaluates agent risk for an agent identity, never meets it for a service principal that is no agent, and says what it needs', () => {
    const agent: WorkloadIdentity = { ...payroll, servicePrincipalId: 'agent-1', agentIdentity: true };
    const risky = workloadPolicy({ includeAgentIdServicePrincipals: ['All'] }, { agentIdRiskLevels: 'medium,high' });
    expect(evaluatePolicy(risky, { ...signIn(agent), agentIdRiskLevel: 'high' }, context)).toMatchObject({ result: 'applies' });
    expect(evaluatePolicy(risky, { ...signIn(agent), agentIdRiskLevel: 'low' }, context)).toMatchObject({
      result: 'notApplied',
      failedCondition: 'agentIdRisk',
      reason: 'The agent risk is low; the policy targets medium, high.',
    });
    expect(evaluatePolicy(risky, signIn(agent), context)).toMatchObject({ result: 'indeterminate', missing: ['agentIdRiskLevel'] });
    const everyone = workloadPolicy({ includeServicePrincipals: ['ServicePrincipalsInMyTenant'] }, { agentIdRiskLevels: 'high' });
    expect(evaluatePolicy(everyone, { ...signIn({ ...payroll, agentIdentity: false }), agentIdRiskLevel: 'high' }, context)).toMatchObject({
      result: 'notApplied',
      failedCondition: 'agentIdRisk',
    });
    expect(evaluatePolicy(everyone, signIn(payroll), context)).toMatchObject({
      result: 'indeterminate',
      missing: ['identity.agentIdentity'],
    });
  });

  it('evaluates service principal risk and the service principal filter', () => {
    const risky = workloadPolicy({ includeServicePrincipals: ['ServicePrincipalsInMyTenant'] }, { servicePrincipalRiskLevels: ['high'] });
    expect(evaluatePolicy(risky, signIn(payroll), context).result).toBe('applies');
    expect(evaluatePolicy(risky, { ...signIn(payroll), servicePrincipalRiskLevel: 'low' }, context).failedCondition).toBe(
      'servicePrincipalRisk',
    );
    const filtered = workloadPolicy({
      includeServicePrincipals: [],
      servicePrincipalFilter: { mode: 'include', rule: 'CustomSecurityAttribute.Workloads_Tier -eq "payroll"' },
    });
    expect(evaluatePolicy(filtered, signIn(payroll), context)).toMatchObject({
      result: 'indeterminate',
      missing: ['identity.customSecurityAttributes'],
    });
    expect(evaluatePolicy(filtered, signIn({ ...payroll, customSecurityAttributes: { Workloads_Tier: 'payroll' } }), context).result).toBe(
      'applies',
    );
    expect(evaluatePolicy(filtered, signIn({ ...payroll, customSecurityAttributes: {} }), context).result).toBe('notApplied');
  });
});
