// What If over the demo tenant for its agents: the agent user meets CA023 through AllAgentIdUsers, and the
// agent identity is accepted as a servicePrincipalSignIn (an agent identity is a service principal to Graph),
// left out of CA023 by its agent identity exclusion.
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
