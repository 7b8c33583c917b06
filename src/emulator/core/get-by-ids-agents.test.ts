// getByIds and agents (Graph beta): an agent identity is a service principal, an agent user a user.
// Asked for service principals and users, getByIds answers them with their own type, so the console
// can name the agents a policy includes or excludes.
import { describe, expect, it } from 'vitest';
import { testEmulator } from '../harness/test-emulator';
import type { DirectoryUser, ServicePrincipal } from './model';

const HELPDESK_AGENT = '44444444-4444-4444-4444-444444444444';
const MAIL_AGENT_USER = '66666666-6666-6666-6666-666666666666';

describe('getByIds of agents', () => {
  it('answers an agent identity and an agent user for the types the console asks, each with its own type', async () => {
    const { call, emulator } = testEmulator();
    const tenant = emulator.state.tenants[0]!;
    tenant.servicePrincipals.push({
      '@odata.type': '#microsoft.graph.agentIdentity',
      id: HELPDESK_AGENT,
      appId: '44444444-0000-0000-0000-000000000001',
      displayName: 'Helpdesk agent',
      servicePrincipalType: 'Application',
      appOwnerOrganizationId: null,
    } as ServicePrincipal);
    const user = tenant.users[0]!;
    tenant.users.push({
      ...user,
      '@odata.type': '#microsoft.graph.agentUser',
      id: MAIL_AGENT_USER,
      displayName: 'Mail agent user',
      userPrincipalName: 'mail-agent@contoso.example',
    } as DirectoryUser);
    const response = await call('POST', '/v1.0/directoryObjects/getByIds?$select=id,displayName,userPrincipalName,appId', {
      body: { ids: [HELPDESK_AGENT, MAIL_AGENT_USER], types: ['user', 'group', 'servicePrincipal'] },
    });
    const body = (await response.json()) as { value: { id: string; '@odata.type': string; displayName: string }[] };
    expect(body.value.map((o) => [o['@odata.type'], o.displayName])).toEqual([
      ['#microsoft.graph.agentIdentity', 'Helpdesk agent'],
      ['#microsoft.graph.agentUser', 'Mail agent user'],
    ]);
  });
});
