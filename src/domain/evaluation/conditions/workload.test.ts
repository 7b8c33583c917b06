// Agent identities in the workload identities condition: met by clientApplications' agent identity lists
// only (All or their ids, minus those excluded, and the agent identity filter), never by the service
// principal lists, which in turn never meet an agent identity; as the emulator (Graph's column) decides.
import { describe, expect, it } from 'vitest';
import { evaluatePolicy } from '../evaluate-policy';
import type { SignInFacts, WorkloadIdentity } from '../sign-in';
import { context, ids, policy } from '../test-fixtures';

const helpdeskAgent = '77777777-0000-0000-0000-000000000001';
const reportAgent = '77777777-0000-0000-0000-000000000002';
const agent = (id: string, more: Partial<WorkloadIdentity> = {}): WorkloadIdentity => ({
  kind: 'workloadIdentity',
  servicePrincipalId: id,
  displayName: id === helpdeskAgent ? 'Contoso Helpdesk Agent' : 'Report Agent',
  agentIdentity: true,
  ...more,
});
const payroll: WorkloadIdentity = {
  kind: 'workloadIdentity',
  servicePrincipalId: ids.payroll,
  servicePrincipalType: 'application',
  ownedByThisTenant: true,
  agentIdentity: false,
};
const signIn = (identity: WorkloadIdentity): SignInFacts => ({
  identity,
  target: { kind: 'application', appId: ids.sharePoint },
  ipAddress: '8.8.8.8',
  servicePrincipalRiskLevel: 'none',
});
const blockFor = (clientApplications: Record<string, unknown>, includeUsers = ['None']) =>
  policy({ users: { includeUsers }, clientApplications: clientApplications as never, grant: { builtInControls: ['block'] } });
const run = (clientApplications: Record<string, unknown>, identity: WorkloadIdentity) =>
  evaluatePolicy(blockFor(clientApplications), signIn(identity), context);

describe('agent identities (beta)', () => {
  it('includes an agent identity through All or its id, minus those excluded by id', () => {
    expect(run({ includeAgentIdServicePrincipals: ['All'] }, agent(reportAgent))).toMatchObject({
      result: 'applies',
      reason: expect.stringContaining('Report Agent is included as one of all agent identities') as string,
    });
    expect(run({ includeAgentIdServicePrincipals: [reportAgent.toUpperCase()] }, agent(reportAgent)).reason).toContain(
      'Report Agent is included by name',
    );
    expect(run({ includeAgentIdServicePrincipals: [helpdeskAgent] }, agent(reportAgent))).toMatchObject({
      result: 'notApplied',
      failedCondition: 'workloadIdentities',
      reason: 'Report Agent is not among the agent identities the policy includes.',
    });
    expect(
      run({ includeAgentIdServicePrincipals: ['All'], excludeAgentIdServicePrincipals: [helpdeskAgent] }, agent(helpdeskAgent)),
    ).toMatchObject({ result: 'notApplied', reason: 'Contoso Helpdesk Agent is excluded by name.' });
  });

  it('keeps the service principal lists and the agent identity lists apart', () => {
    // ServicePrincipalsInMyTenant names the tenant's applications, not its agents, even one the tenant owns.
    expect(
      run({ includeServicePrincipals: ['ServicePrincipalsInMyTenant'] }, agent(reportAgent, { ownedByThisTenant: true })),
    ).toMatchObject({
      result: 'notApplied',
      reason: 'Report Agent is an agent identity: the policy names service principals, not agent identities.',
    });
    expect(run({ includeAgentIdServicePrincipals: ['All'] }, payroll)).toMatchObject({
      result: 'notApplied',
      reason: 'Contoso Payroll Sync is no agent identity: the policy names agent identities only.',
    });
    const both = { includeServicePrincipals: [ids.payroll], includeAgentIdServicePrincipals: ['All'] };
    expect(run(both, payroll).result).toBe('applies');
    expect(run(both, agent(reportAgent)).result).toBe('applies');
  });

  it('asks whether the identity is an agent only of a policy that names agent identities', () => {
    const notSaid = { ...payroll, agentIdentity: undefined };
    expect(run({ includeServicePrincipals: ['ServicePrincipalsInMyTenant'] }, notSaid).result).toBe('applies');
    expect(run({ includeAgentIdServicePrincipals: ['All'] }, notSaid)).toMatchObject({
      result: 'indeterminate',
      missing: ['identity.agentIdentity'],
    });
    // Included whichever it is: the tenant's own application by ServicePrincipalsInMyTenant, an agent by All.
    expect(
      run({ includeServicePrincipals: ['ServicePrincipalsInMyTenant'], includeAgentIdServicePrincipals: ['All'] }, notSaid),
    ).toMatchObject({ result: 'applies', reason: expect.stringContaining('Whether or not') as string });
    // Met by one reading only: still a question.
    expect(
      run({ includeServicePrincipals: ['ServicePrincipalsInMyTenant'], includeAgentIdServicePrincipals: [helpdeskAgent] }, notSaid),
    ).toMatchObject({ result: 'indeterminate', missing: ['identity.agentIdentity'] });
    // Excluded by id whichever it is: no question left.
    expect(
      run(
        { includeAgentIdServicePrincipals: ['All'], excludeAgentIdServicePrincipals: [helpdeskAgent] },
        agent(helpdeskAgent, { agentIdentity: undefined }),
      ).result,
    ).toBe('notApplied');
  });

  it('reads the agent identity filter on custom security attributes', () => {
    const sensitive = 'CustomSecurityAttribute.Agents_Sensitivity -eq "confidential"';
    const allBut = { includeAgentIdServicePrincipals: ['All'], agentIdServicePrincipalFilter: { mode: 'exclude', rule: sensitive } };
    const tagged = (value: string) => agent(reportAgent, { customSecurityAttributes: { Agents_Sensitivity: value } });
    expect(run(allBut, tagged('confidential'))).toMatchObject({
      result: 'notApplied',
      reason: 'Report Agent is excluded by the agent identity filter.',
    });
    expect(run(allBut, tagged('public')).result).toBe('applies');
    expect(run(allBut, agent(reportAgent))).toMatchObject({ result: 'indeterminate', missing: ['identity.customSecurityAttributes'] });
    const only = { includeAgentIdServicePrincipals: [], agentIdServicePrincipalFilter: { mode: 'include', rule: sensitive } };
    expect(run(only, tagged('confidential')).result).toBe('applies');
    expect(run(only, tagged('public')).result).toBe('notApplied');
  });

  it('decides CA023 of the demo tenant as Graph does: all agent users and agent identities but the approved one', () => {
    const ca023 = blockFor({ includeAgentIdServicePrincipals: ['All'], excludeAgentIdServicePrincipals: [helpdeskAgent] }, [
      'AllAgentIdUsers',
    ]);
    expect(evaluatePolicy(ca023, signIn(agent(reportAgent)), context).result).toBe('applies');
    expect(evaluatePolicy(ca023, signIn(agent(helpdeskAgent)), context).result).toBe('notApplied');
    expect(evaluatePolicy(ca023, signIn(payroll), context).result).toBe('notApplied');
  });
});
