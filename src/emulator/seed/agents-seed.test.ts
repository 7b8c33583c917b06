// The demo tenant holds an agent identity (Graph beta), shaped as Graph's docs show it, that one seeded
// policy excludes, and that agent identity's agent user (a user of type agentUser), which the same policy's
// AllAgentIdUsers covers: the console's names, plans and words about agents are seen on the demo, not only in tests.
import { describe, expect, it } from 'vitest';
import { testEmulator } from '../harness/test-emulator';

const POLICY = 'CA023: Block agent identities from all resources';

describe('the demo seed’s agent identity', () => {
  it('is excluded by CA023 and answered as an agent identity by getByIds and among the service principals', async () => {
    const { call } = testEmulator();
    const policies = (await (await call('GET', '/beta/identity/conditionalAccess/policies')).json()) as {
      value: { displayName: string; conditions: { clientApplications: { excludeAgentIdServicePrincipals: string[] } } }[];
    };
    const [agentId] = policies.value.find((p) => p.displayName === POLICY)!.conditions.clientApplications.excludeAgentIdServicePrincipals;
    const byIds = (await (
      await call('POST', '/v1.0/directoryObjects/getByIds?$select=id,displayName', {
        body: { ids: [agentId], types: ['user', 'group', 'servicePrincipal'] },
      })
    ).json()) as { value: Record<string, unknown>[] };
    expect(byIds.value).toEqual([{ '@odata.type': '#microsoft.graph.agentIdentity', id: agentId, displayName: 'Contoso Helpdesk Agent' }]);
    const listed = (await (await call('GET', `/v1.0/servicePrincipals/${agentId!}`)).json()) as Record<string, unknown>;
    expect(listed).toMatchObject({
      '@odata.type': '#microsoft.graph.agentIdentity',
      displayName: 'Contoso Helpdesk Agent',
      servicePrincipalType: 'ServiceIdentity',
      accountEnabled: true,
    });
    expect(typeof listed.agentIdentityBlueprintId).toBe('string');
  });

  it('has the agent identity’s agent user, a user of type agentUser tied to it, which CA023 covers as one of all agent users', async () => {
    const { call } = testEmulator();
    const policies = (await (await call('GET', '/beta/identity/conditionalAccess/policies')).json()) as {
      value: { displayName: string; conditions: { users: { includeUsers: string[] } } }[];
    };
    expect(policies.value).toHaveLength(35);
    expect(policies.value.find((p) => p.displayName === POLICY)!.conditions.users.includeUsers).toEqual(['AllAgentIdUsers']);
    const users = (await (
      await call('GET', '/v1.0/users?$search="displayName:helpdesk"&$select=id,displayName,userPrincipalName,identityParentId', {
        headers: { ConsistencyLevel: 'eventual' },
      })
    ).json()) as { value: Record<string, unknown>[] };
    const agents = (await (await call('GET', '/beta/servicePrincipals/microsoft.graph.agentIdentity')).json()) as {
      value: { id: string }[];
    };
    expect(users.value).toEqual([
      {
        '@odata.type': '#microsoft.graph.agentUser',
        id: expect.any(String) as string,
        displayName: 'Helpdesk Agent',
        userPrincipalName: 'helpdesk.agent@contoso.example',
        identityParentId: agents.value[0]!.id,
      },
    ]);
  });
});
