// A backup's table of the objects its policies name records agents as what they are: an agent identity
// (answered by getByIds as #microsoft.graph.agentIdentity) is a service principal, and one deleted since a
// policy named it is known by its place (the agent identity lists), so another tenant maps it as one.
import { describe, expect, it } from 'vitest';
import { agentsGraph as graph, HELPDESK_AGENT, MAIL_AGENT_USER } from './agents-directory.fixture';
import { readForBackup } from './backup-reads';
import type { ConditionalAccessPolicy } from '../domain/types';

const GONE_AGENT = '55555555-5555-5555-5555-555555555555';
const GONE_AGENT_USER = '77777777-7777-7777-7777-777777777777';

describe('a backup of policies that name agents', () => {
  it('records an agent identity as a service principal and an agent user as a user, present or deleted', async () => {
    const policy = {
      id: 'p1',
      displayName: 'Agents',
      conditions: {
        clientApplications: { excludeAgentIdServicePrincipals: [HELPDESK_AGENT, GONE_AGENT] },
        agents: { excludeAgentUsers: [MAIL_AGENT_USER, GONE_AGENT_USER] },
      },
    } as unknown as ConditionalAccessPolicy;
    const { references } = await readForBackup(graph, [policy]);
    const kinds = Object.fromEntries(references.map((r) => [r.id, `${r.kind}${r.exists ? '' : ' (deleted)'}`]));
    expect(kinds).toEqual({
      [HELPDESK_AGENT]: 'servicePrincipal',
      [GONE_AGENT]: 'servicePrincipal (deleted)',
      [MAIL_AGENT_USER]: 'user',
      [GONE_AGENT_USER]: 'user (deleted)',
    });
  });
});
