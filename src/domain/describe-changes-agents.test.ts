// Agent identities, agent users and sign-in frequency's authentication type in the words of a change:
// what the editor's review, a plan and the change history say when an admin edits them.
import { describe, expect, it } from 'vitest';
import type { NameDirectory } from './references';
import type { Json, JsonObject } from './policy-body';
import { describeChanges } from './describe-changes';

const HELPDESK_AGENT = '44444444-4444-4444-4444-444444444444';
const SPOOFED_AGENT = '55555555-5555-5555-5555-555555555555';
const AGENT_USER = '66666666-6666-6666-6666-666666666666';
const names: NameDirectory = {
  names: new Map([
    [`servicePrincipal:${HELPDESK_AGENT}`, { id: HELPDESK_AGENT, kind: 'servicePrincipal', displayName: 'Helpdesk agent' }],
    // A name with a right-to-left override: said isolated, so it cannot turn the sentence around.
    [`servicePrincipal:${SPOOFED_AGENT}`, { id: SPOOFED_AGENT, kind: 'servicePrincipal', displayName: 'Agent \u202Edetteled' }],
    [`user:${AGENT_USER}`, { id: AGENT_USER, kind: 'user', displayName: 'Mail agent user' }],
  ]),
  failures: [],
};
const texts = (before: JsonObject, after: JsonObject) => describeChanges(before, after, names).map((c) => c.text);
const clients = (value: JsonObject): JsonObject => ({ conditions: { clientApplications: value } });

describe('describeChanges: agent identities', () => {
  it('names an agent identity excluded or included, not the property path', () => {
    expect(
      texts(
        clients({ includeAgentIdServicePrincipals: ['All'] }),
        clients({ includeAgentIdServicePrincipals: ['All'], excludeAgentIdServicePrincipals: [HELPDESK_AGENT] }),
      ),
    ).toEqual(["Excluded agent identity 'Helpdesk agent' added"]);
    expect(
      texts(clients({ includeAgentIdServicePrincipals: [HELPDESK_AGENT] }), clients({ includeAgentIdServicePrincipals: ['All'] })),
    ).toEqual(["Included agent identity 'All agent identities' added; 'Helpdesk agent' removed"]);
  });

  it('isolates an agent identity name as it isolates every other name', () => {
    const [said] = texts(clients({}), clients({ excludeAgentIdServicePrincipals: [SPOOFED_AGENT] }));
    expect(said).toBe("Excluded agent identity 'Agent \\u202Edetteled' added");
  });

  it('says the agent identity filter as a filter', () => {
    const filter = (rule: string, mode = 'exclude') => clients({ agentIdServicePrincipalFilter: { mode, rule } });
    expect(texts(clients({}), filter('CustomSecurityAttribute.Agents_Tier -eq "test"'))).toEqual([
      'Agent identity filter: not set → exclude CustomSecurityAttribute.Agents_Tier -eq "test"',
    ]);
    expect(texts(filter('r', 'exclude'), filter('r', 'include'))).toEqual(['Agent identity filter: exclude r → include r']);
  });

  it('says agent users, their filter and agent contexts in words', () => {
    const agents = (value: JsonObject): JsonObject => ({ conditions: { agents: value } });
    expect(texts(agents({ includeAgentUsers: ['All'] }), agents({ includeAgentUsers: ['All'], excludeAgentUsers: [AGENT_USER] }))).toEqual([
      "Excluded agent user 'Mail agent user' added",
    ]);
    expect(texts(agents({}), agents({ agentFilter: { mode: 'include', rule: 'r' } }))).toEqual(['Agent user filter: not set → include r']);
    const contexts = { conditions: { agentContext: { includeAgentContexts: ['agentUserSessionsInitiatedFromEndpoints'] } } };
    expect(texts({}, contexts)).toEqual(["Included agent context 'agentUserSessionsInitiatedFromEndpoints' added"]);
  });

  it("says all agent users, in users' includeUsers, as agent users, not as the agent identities of workload identities", () => {
    const users = (includeUsers: string[]) => ({ conditions: { users: { includeUsers } } });
    expect(texts(users(['None']), users(['AllAgentIdUsers']))).toEqual(["Included user 'All agent users' added; 'No users' removed"]);
  });
});

describe('describeChanges: sign-in frequency authentication type', () => {
  const frequency = (extra: Record<string, Json>) => ({
    sessionControls: { signInFrequency: { isEnabled: true, value: 4, type: 'hours', frequencyInterval: 'timeBased', ...extra } },
  });

  it('says when only the second factor is asked again', () => {
    expect(
      texts(
        frequency({ authenticationType: 'primaryAndSecondaryAuthentication' }),
        frequency({ authenticationType: 'secondaryAuthentication' }),
      ),
    ).toEqual(['Sign-in frequency: every 4 hours → every 4 hours, second factor only (secondary authentication)']);
    expect(texts(frequency({ authenticationType: 'secondaryAuthentication' }), frequency({}))).toEqual([
      'Sign-in frequency: every 4 hours, second factor only (secondary authentication) → every 4 hours',
    ]);
  });

  it('says the authentication type in words even where the frequency reads the same (Graph default written out, or frequency off)', () => {
    expect(texts(frequency({}), frequency({ authenticationType: 'primaryAndSecondaryAuthentication' }))).toEqual([
      'Sign-in frequency asks again for: not set → primary and secondary authentication',
    ]);
    const off = (authenticationType: string) => ({ sessionControls: { signInFrequency: { isEnabled: false, authenticationType } } });
    expect(texts(off('primaryAndSecondaryAuthentication'), off('secondaryAuthentication'))).toEqual([
      'Sign-in frequency asks again for: primary and secondary authentication → secondary authentication',
    ]);
  });
});
