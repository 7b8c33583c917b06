// Agent identities and agent users named where a change is described: getByIds answers an agent
// identity as #microsoft.graph.agentIdentity (a kind of service principal) and an agent user as
// #microsoft.graph.agentUser (a kind of user).
import { describe, expect, it } from 'vitest';
import { agentsGraph as graph, HELPDESK_AGENT, MAIL_AGENT_USER } from './agents-directory.fixture';
import { resolveNames } from './names';
import { describeChanges } from '../domain/describe-changes';
import type { ConditionalAccessPolicy } from '../domain/types';

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
