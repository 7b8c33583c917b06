// Agent identities and agent users named where a change is described: getByIds answers an agent
// identity as #microsoft.graph.agentIdentity (a kind of service principal) and an agent user as
// #microsoft.graph.agentUser (a kind of user).
import { describe, expect, it } from 'vitest';
import type { BatchRequest, BatchResponse, GraphClient } from './client';
import { resolveNames } from './names';
import { describeChanges } from '../domain/describe-changes';
import type { ConditionalAccessPolicy } from '../domain/types';

const HELPDESK_AGENT = '44444444-4444-4444-4444-444444444444';
const MAIL_AGENT_USER = '66666666-6666-6666-6666-666666666666';
const DIRECTORY = [
  { '@odata.type': '#microsoft.graph.agentIdentity', id: HELPDESK_AGENT, displayName: 'Helpdesk agent', appId: 'a1' },
  { '@odata.type': '#microsoft.graph.agentUser', id: MAIL_AGENT_USER, displayName: 'Mail agent user', userPrincipalName: 'mail@x' },
];

/** A Graph whose getByIds answers the objects asked for that it holds. */
const graph = {
  async batch(_version: string, requests: BatchRequest[]) {
    const answers = new Map<string, BatchResponse>();
    for (const request of requests) {
      const ids = (request.body as { ids: string[] }).ids;
      answers.set(request.id, { id: request.id, status: 200, headers: {}, body: { value: DIRECTORY.filter((o) => ids.includes(o.id)) } });
    }
    return answers;
  },
} as unknown as GraphClient;

describe('names of agents', () => {
  it('says the name of an agent identity and of an agent user added to a policy', async () => {
    const before = { id: 'p1', displayName: 'Agents', conditions: {} };
    const after = {
      ...before,
      conditions: {
        clientApplications: { excludeAgentIdServicePrincipals: [HELPDESK_AGENT] },
        agents: { excludeAgentUsers: [MAIL_AGENT_USER] },
      },
    };
    const names = await resolveNames(graph, [before, after] as ConditionalAccessPolicy[]);
    expect(describeChanges(before, after, names).map((c) => c.text)).toEqual([
      "Excluded agent identity 'Helpdesk agent' added",
      "Excluded agent user 'Mail agent user' added",
    ]);
  });
});
