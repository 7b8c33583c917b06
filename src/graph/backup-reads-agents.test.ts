// A backup's table of the objects its policies name records agents as what they are: an agent identity
// (answered by getByIds as #microsoft.graph.agentIdentity) is a service principal, and one deleted since a
// policy named it is known by its place (the agent identity lists), so another tenant maps it as one.
import { describe, expect, it } from 'vitest';
import type { BatchRequest, BatchResponse, GraphClient } from './client';
import { readForBackup } from './backup-reads';
import type { ConditionalAccessPolicy } from '../domain/types';

const HELPDESK_AGENT = '44444444-4444-4444-4444-444444444444';
const GONE_AGENT = '55555555-5555-5555-5555-555555555555';
const MAIL_AGENT_USER = '66666666-6666-6666-6666-666666666666';
const GONE_AGENT_USER = '77777777-7777-7777-7777-777777777777';
const DIRECTORY = [
  { '@odata.type': '#microsoft.graph.agentIdentity', id: HELPDESK_AGENT, displayName: 'Helpdesk agent', appId: 'a1' },
  { '@odata.type': '#microsoft.graph.agentUser', id: MAIL_AGENT_USER, displayName: 'Mail agent user', userPrincipalName: 'mail@x' },
];

/** A Graph whose getByIds answers the objects it holds, and whose other lists are empty. */
const graph = {
  async batch(_version: string, requests: BatchRequest[]) {
    const answers = new Map<string, BatchResponse>();
    for (const request of requests) {
      const ids = (request.body as { ids?: string[] } | undefined)?.ids;
      const value = ids ? DIRECTORY.filter((o) => ids.includes(o.id)) : [];
      answers.set(request.id, { id: request.id, status: 200, headers: {}, body: { value } });
    }
    return answers;
  },
} as unknown as GraphClient;

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
