// What if for the demo's agent user ("Helpdesk Agent", a user of type agentUser): the user's facts read
// through Graph say it is an agent user, so CA023 (all agent users) applies to it, and not to a person.
import { describe, expect, it } from 'vitest';
import { evaluatePolicies } from '../../domain/evaluation/evaluate-policies';
import { DEFAULT_CONDITIONS, scenarioFacts, type Scenario } from '../../domain/evaluation/scenario';
import { searchDirectory } from '../../graph/directory';
import { readSignInSubject } from '../../graph/what-if';
import { graphOverEmulator } from '../graph-over-emulator';

const CA023 = 'CA023: Block agent identities from all resources';

async function whatIf(term: string) {
  const { client } = graphOverEmulator();
  const [user] = await searchDirectory(client, 'users', term);
  const subject = await readSignInSubject(client, user!.id);
  const scenario: Scenario = {
    id: 's',
    name: 'On Exchange',
    identity: { kind: 'user', id: user!.id, name: user!.displayName },
    target: { kind: 'application', appId: '00000002-0000-0ff1-ce00-000000000000', name: 'Office 365 Exchange Online' },
    conditions: DEFAULT_CONDITIONS,
  };
  const policies = await client.list<{ displayName: string }>('/beta/identity/conditionalAccess/policies');
  const result = evaluatePolicies(policies, scenarioFacts(scenario, subject)).results.find((r) => r.displayName === CA023)!;
  return { subject, result };
}

describe('What if for an agent user', () => {
  it('reads the agent user as one, and a policy including all agent users applies to it', async () => {
    const { subject, result } = await whatIf('helpdesk');
    expect(result).toMatchObject({ result: 'applies' });
    expect(subject.agentUser).toBe(true);
  });

  it('reads a person as no agent user, so that policy does not apply to them (not "not known")', async () => {
    const { subject, result } = await whatIf('hugo');
    expect(result).toMatchObject({ result: 'notApplied', failedCondition: 'users' });
    expect(subject.agentUser).toBe(false);
  });
});
