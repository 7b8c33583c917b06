// What If over the demo tenant for its agents: the agent user meets CA023 through AllAgentIdUsers, and the
// agent identity is accepted as a servicePrincipalSignIn (an agent identity is a service principal to Graph),
// left out of CA023 by its agent identity exclusion. beta also takes an agent identity as agentSignIn, with
// its risk (signInConditions.agentIdRiskLevel); v1.0 knows neither.
import { describe, expect, it } from 'vitest';
import { testEmulator } from '../../harness/test-emulator';
import { microsoftApps } from '../../seed/apps';
import { contosoDirectory as d } from '../../seed/contoso';

type Result = { displayName: string; policyApplies: boolean; analysisReasons: string };

async function whatIf(signInIdentity: object) {
  const { call } = testEmulator();
  const response = await call('POST', '/beta/identity/conditionalAccess/evaluate', {
    body: {
      signInIdentity,
      signInContext: { '@odata.type': '#microsoft.graph.applicationContext', includeApplications: [microsoftApps.sharePointOnline.appId] },
      signInConditions: { devicePlatform: 'windows', clientAppType: 'browser' },
      appliedPoliciesOnly: false,
    },
  });
  const body = (await response.json()) as { value: Result[] };
  return { status: response.status, ca023: body.value.find((r) => r.displayName.startsWith('CA023')) };
}

describe('What If for agents', () => {
  it('applies CA023 to the Helpdesk Agent user', async () => {
    const { status, ca023 } = await whatIf({ '@odata.type': '#microsoft.graph.userSignIn', userId: d.user('Helpdesk Agent') });
    expect(status).toBe(200);
    expect(ca023).toMatchObject({ policyApplies: true });
  });

  it('evaluates the Contoso Helpdesk Agent identity, which CA023 excludes', async () => {
    const { status, ca023 } = await whatIf({
      '@odata.type': '#microsoft.graph.servicePrincipalSignIn',
      servicePrincipalId: d.agentIdentity('Contoso Helpdesk Agent'),
    });
    expect(status).toBe(200);
    expect(ca023).toMatchObject({ policyApplies: false });
  });
});

describe('What If with beta agentSignIn and agent risk', () => {
  const agent = d.agentIdentity('Contoso Helpdesk Agent');
  const app = { '@odata.type': '#microsoft.graph.applicationContext', includeApplications: [microsoftApps.sharePointOnline.appId] };

  async function withRiskPolicy() {
    const emulator = testEmulator();
    const created = await emulator.call('POST', '/beta/identity/conditionalAccess/policies', {
      body: {
        displayName: 'Block risky agents',
        state: 'enabled',
        conditions: {
          users: { includeUsers: ['None'] },
          applications: { includeApplications: ['All'] },
          clientApplications: { includeAgentIdServicePrincipals: ['All'] },
          agentIdRiskLevels: 'high',
        },
        grantControls: { operator: 'OR', builtInControls: ['block'] },
      },
    });
    expect(created.status).toBe(201);
    const evaluate = async (version: 'v1.0' | 'beta', signInIdentity: object, signInConditions: object = {}) => {
      const response = await emulator.call('POST', `/${version}/identity/conditionalAccess/evaluate`, {
        body: { signInIdentity, signInContext: app, signInConditions, appliedPoliciesOnly: false },
      });
      const body = (await response.json()) as { value?: Result[]; error?: { message: string } };
      return { status: response.status, risky: body.value?.find((r) => r.displayName === 'Block risky agents'), error: body.error };
    };
    return evaluate;
  }
  const asAgent = { '@odata.type': '#microsoft.graph.agentSignIn', agentServicePrincipalId: agent };

  it('applies an agent risk policy to an agent identity at its level, and not below it or with no risk given', async () => {
    const evaluate = await withRiskPolicy();
    expect(await evaluate('beta', asAgent, { agentIdRiskLevel: 'high' })).toMatchObject({ status: 200, risky: { policyApplies: true } });
    expect(await evaluate('beta', asAgent, { agentIdRiskLevel: 'low' })).toMatchObject({ status: 200, risky: { policyApplies: false } });
    expect(await evaluate('beta', asAgent)).toMatchObject({ status: 200, risky: { policyApplies: false } });
  });

  it('takes several agent risk levels (a flags enum): the policy applies when one of them is its own', async () => {
    const evaluate = await withRiskPolicy();
    expect(await evaluate('beta', asAgent, { agentIdRiskLevel: 'low,high' })).toMatchObject({
      status: 200,
      risky: { policyApplies: true },
    });
    expect(await evaluate('beta', asAgent, { agentIdRiskLevel: 'low,medium' })).toMatchObject({
      status: 200,
      risky: { policyApplies: false },
    });
    expect(await evaluate('beta', asAgent, { agentIdRiskLevel: 'severe' })).toMatchObject({ status: 400 });
  });

  it('refuses agentSignIn and agentIdRiskLevel on v1.0, which declares neither, as OData refuses what its model lacks', async () => {
    const evaluate = await withRiskPolicy();
    const identity = await evaluate('v1.0', asAgent);
    expect(identity.status).toBe(400);
    expect(identity.error?.message).toBe("A type named 'microsoft.graph.agentSignIn' could not be resolved by the model.");
    const risk = await evaluate(
      'v1.0',
      { '@odata.type': '#microsoft.graph.userSignIn', userId: d.user('Helpdesk Agent') },
      { agentIdRiskLevel: 'high' },
    );
    expect(risk.status).toBe(400);
    expect(risk.error?.message).toBe("Could not find a property named 'agentIdRiskLevel' on type 'microsoft.graph.signInConditions'.");
    const person = { '@odata.type': '#microsoft.graph.userSignIn', userId: d.user('Helpdesk Agent') };
    expect(await evaluate('v1.0', person, { agentIdRiskLevel: null })).toMatchObject({ status: 400 });
  });

  it('refuses an agentSignIn naming a service principal that is no agent identity, or nothing in the tenant', async () => {
    const evaluate = await withRiskPolicy();
    const payroll = await evaluate('beta', { ...asAgent, agentServicePrincipalId: d.servicePrincipal('Contoso Payroll Sync') });
    expect(payroll.status).toBe(400);
    expect(payroll.error?.message).toMatch(/the service principal '.+' is not an agent identity\.$/);
    const nobody = await evaluate('beta', { ...asAgent, agentServicePrincipalId: '00000000-0000-0000-0000-000000000001' });
    expect(nobody.error?.message).toMatch(/the agent identity '.+' does not exist in your tenant\.$/);
  });
});
