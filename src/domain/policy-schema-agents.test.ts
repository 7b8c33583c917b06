// The editor's completion and hover words for agents: AllAgentIdUsers is the user accounts of agents
// (the admin center's "All agents acting as users"), not the agent identities of clientApplications.
import { describe, expect, it } from 'vitest';
import { conditionalAccessPolicySchema } from './policy-schema';

type Node = { properties?: Record<string, Node>; items?: Node; anyOf?: Node[]; const?: string; description?: string };
const at = (...path: string[]) => path.reduce<Node | undefined>((node, key) => node?.properties?.[key], conditionalAccessPolicySchema);
const special = (list: Node | undefined, value: string) => list?.items?.anyOf?.find((choice) => choice.const === value)?.description;

describe('agent words in the policy schema', () => {
  it('offers AllAgentIdUsers as all agent users, and All of the agent identity list as all agent identities', () => {
    expect(special(at('conditions', 'users', 'includeUsers'), 'AllAgentIdUsers')).toBe('All agent users: agents acting as users (beta)');
    expect(special(at('conditions', 'clientApplications', 'includeAgentIdServicePrincipals'), 'All')).toBe('All agent identities');
  });
});
