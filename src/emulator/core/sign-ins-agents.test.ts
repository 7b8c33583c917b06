// The sign-in log tells agents apart as Graph's beta signIn does (resources/signin.md `agent`,
// agentic-agentsignin.md): an agent identity signs in as an agentic app instance of its blueprint, an
// agent user as agentIDuser (an evolvable member: unknownFutureValue unless the caller opts in), anyone
// else as notAgentic. v1.0's signIn has no `agent`.
import { describe, expect, it } from 'vitest';
import { testEmulator } from '../harness/test-emulator';
import { CONTOSO_TENANT_ID } from '../seed';
import { contosoDirectory as d } from '../seed/contoso';
import { microsoftApps } from '../seed/apps';

const PREFER = { prefer: 'include-unknown-enum-members' };

async function logged(version: 'beta' | 'v1.0', headers: Record<string, string> = {}) {
  const { call, emulator } = testEmulator();
  const made = emulator.recordSignIns(CONTOSO_TENANT_ID, [
    { servicePrincipalId: d.agentIdentity('Contoso Helpdesk Agent'), appId: microsoftApps.microsoftGraph.appId, ipAddress: '20.40.1.1' },
    { userId: d.user('Helpdesk Agent'), appId: microsoftApps.exchangeOnline.appId, ipAddress: '20.40.1.2' },
    { userId: d.user('Ada Lindqvist'), appId: microsoftApps.exchangeOnline.appId, ipAddress: '20.40.1.3' },
  ]);
  const read = async (id: unknown) => {
    const response = await call('GET', `/${version}/auditLogs/signIns/${String(id)}`, { headers });
    expect(response.status).toBe(200);
    return (await response.json()) as Record<string, unknown>;
  };
  const [agentIdentity, agentUser, person] = await Promise.all(made.map((signIn) => read(signIn.id)));
  return { agentIdentity: agentIdentity!, agentUser: agentUser!, person: person!, call };
}

describe('agents in the sign-in log', () => {
  it('says which sign-ins are agents’, and of which kind, on beta', async () => {
    const { agentIdentity, agentUser, person, call } = await logged('beta', PREFER);
    expect(agentIdentity.agent).toEqual({
      agentType: 'agenticAppInstance',
      agentSubjectType: 'agenticAppInstance',
      agentSubjectParentId: null,
      parentAppId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    // An agent identity is a service principal to the log: named, and a servicePrincipal sign-in.
    expect(agentIdentity).toMatchObject({ servicePrincipalName: 'Contoso Helpdesk Agent', signInEventTypes: ['servicePrincipal'] });
    expect(agentUser.agent).toEqual({
      agentType: 'agentIDuser',
      agentSubjectType: 'agentIDuser',
      agentSubjectParentId: d.agentIdentity('Contoso Helpdesk Agent'),
      parentAppId: (agentIdentity.agent as { parentAppId: string }).parentAppId,
    });
    expect(person.agent).toEqual({
      agentType: 'notAgentic',
      agentSubjectType: 'notAgentic',
      agentSubjectParentId: null,
      parentAppId: null,
    });
    // The list sends the same as the entry.
    const listed = (await (await call('GET', `/beta/auditLogs/signIns?$top=1000`, { headers: PREFER })).json()) as {
      value: Record<string, unknown>[];
    };
    expect(listed.value.find((s) => s.id === agentUser.id)?.agent).toEqual(agentUser.agent);
  });

  it('sends agentIDuser as unknownFutureValue to a caller that did not opt in to evolvable members', async () => {
    const { agentIdentity, agentUser } = await logged('beta');
    expect(agentUser.agent).toMatchObject({ agentType: 'unknownFutureValue', agentSubjectType: 'unknownFutureValue' });
    expect(agentIdentity.agent).toMatchObject({ agentType: 'agenticAppInstance' });
  });

  it('has no agent on v1.0, and refuses a $select of it there as a property the type lacks', async () => {
    const { agentIdentity, agentUser, call } = await logged('v1.0', PREFER);
    expect('agent' in agentIdentity || 'agent' in agentUser).toBe(false);
    expect(agentIdentity.servicePrincipalId).toBe(d.agentIdentity('Contoso Helpdesk Agent'));
    for (const path of [`/v1.0/auditLogs/signIns?$select=id,agent`, `/v1.0/auditLogs/signIns/${String(agentUser.id)}?$select=agent`]) {
      const refused = await call('GET', path);
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { error: { code: string; message: string } }).error).toMatchObject({
        code: 'BadRequest',
        message: "Could not find a property named 'agent' on type 'microsoft.graph.signIn'.",
      });
    }
    const selected = (await (await call('GET', `/beta/auditLogs/signIns?$select=id,agent`)).json()) as { value: Record<string, unknown>[] };
    expect(selected.value.find((s) => s.id === agentUser.id)?.agent).toMatchObject({ agentType: 'unknownFutureValue' });
  });
});
