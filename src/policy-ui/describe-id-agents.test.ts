// The hover card on an id in the editor, the policy's JSON and the diff says what the id is: an agent
// identity or an agent user by that name, not as the service principal or user Graph also makes it.
import { describe, expect, it } from 'vitest';
import { agentsGraph, HELPDESK_AGENT, MAIL_AGENT_USER } from '../graph/agents-directory.fixture';
import { resolveNames } from '../graph/names';
import type { ConditionalAccessPolicy } from '../domain/types';
import { hoverText } from '../shared/monaco/markdown';
import { describeIdIn } from './describe-id';

const policy = {
  id: 'p1',
  displayName: 'Agents',
  conditions: {
    clientApplications: { excludeAgentIdServicePrincipals: [HELPDESK_AGENT] },
    agents: { excludeAgentUsers: [MAIL_AGENT_USER] },
  },
} as unknown as ConditionalAccessPolicy;

describe('what an agent’s id is, on hover', () => {
  it('calls an agent identity an agent identity and an agent user an agent user', async () => {
    const names = await resolveNames(agentsGraph, [policy]);
    const hover = (id: string) => hoverText(describeIdIn(names, id)!);
    expect(hover(HELPDESK_AGENT)).toBe('**Helpdesk agent** (agent identity)  \na1');
    expect(hover(MAIL_AGENT_USER)).toBe('**Mail agent user** (agent user)  \nmail\\@x');
  });
});
