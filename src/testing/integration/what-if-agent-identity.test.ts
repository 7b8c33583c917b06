// What if for the demo's agent identity ("Contoso Helpdesk Agent") and agent user ("Helpdesk Agent"), read
// through Graph as the page reads them: Graph's beta evaluate (the emulator), sent the agent's risk (the
// identity as an agentSignIn, the user as a userSignIn), and Gatehouse's engine agree on every saved policy,
// among them one that names all agent identities and one on agent risk.
import { describe, expect, it } from 'vitest';
import { evaluatePolicies } from '../../domain/evaluation/evaluate-policies';
import type { PolicyEvaluation } from '../../domain/evaluation/evaluate-policy';
import { DEFAULT_CONDITIONS, evaluateRequest, evaluateVersion, scenarioFacts, type Scenario } from '../../domain/evaluation/scenario';
import { verdictOf } from '../../features/what-if/graph-agreement';
import { searchDirectory } from '../../graph/directory';
import { evaluateWhatIf, listNamedLocations, readSignInSubject, readWorkload, type GraphWhatIfResult } from '../../graph/what-if';
import { CONTOSO_TENANT_ID } from '../../emulator/seed';
import { microsoftApps } from '../../emulator/seed/apps';
import { graphOverEmulator } from '../graph-over-emulator';

const ALL_AGENTS = 'Report-only: block all agent identities from SharePoint';
const RISKY_AGENTS = 'Block agents at high risk';

type Client = ReturnType<typeof graphOverEmulator>['client'];

/** A blocking policy made through Graph, as an admin would save it. */
function createBlockPolicy(client: Client, displayName: string, state: string, conditions: object) {
  return client.request('/beta/identity/conditionalAccess/policies', {
    method: 'POST',
    body: { displayName, state, conditions, grantControls: { operator: 'OR', builtInControls: ['block'] } },
  });
}

/** The policies on which Graph's answer and the engine's do not agree, with how. */
function disagreements(graph: GraphWhatIfResult[], engine: PolicyEvaluation[]) {
  return engine
    .map((result) => ({
      name: result.displayName,
      verdict: verdictOf(
        graph.find((r) => r.id === result.policyId),
        result,
      ),
    }))
    .filter((p) => p.verdict !== 'agree');
}

describe('What if for an agent identity', () => {
  it('reads it as an agent identity, and Graph and the engine agree on every policy', async () => {
    const { client } = graphOverEmulator();
    await createBlockPolicy(client, ALL_AGENTS, 'enabledForReportingButNotEnforced', {
      users: { includeUsers: ['None'] },
      clientApplications: { includeAgentIdServicePrincipals: ['All'] },
      applications: { includeApplications: [microsoftApps.sharePointOnline.appId] },
    });
    await createBlockPolicy(client, RISKY_AGENTS, 'enabled', {
      users: { includeUsers: ['None'] },
      clientApplications: { includeAgentIdServicePrincipals: ['All'] },
      applications: { includeApplications: ['All'] },
      agentIdRiskLevels: 'high',
    });
    const [agent] = await searchDirectory(client, 'agentIdentities', 'helpdesk');
    const scenario: Scenario = {
      id: 's',
      name: 'Helpdesk agent on SharePoint',
      identity: { kind: 'servicePrincipal', id: agent!.id, name: agent!.displayName, agentIdentity: true },
      target: { kind: 'application', appId: microsoftApps.sharePointOnline.appId, name: 'SharePoint Online' },
      conditions: { ...DEFAULT_CONDITIONS, ipAddress: '203.0.113.7', country: 'NL' },
    };
    const workload = await readWorkload(client, agent!.id, CONTOSO_TENANT_ID);
    expect(workload.agentIdentity).toBe(true);
    const policies = await client.list<{ id: string; displayName: string }>('/beta/identity/conditionalAccess/policies');
    expect(evaluateVersion(scenario)).toBe('beta');

    for (const [risk, applies] of [
      ['high', true],
      ['low', false],
    ] as const) {
      const atRisk: Scenario = { ...scenario, conditions: { ...scenario.conditions, agentIdRiskLevel: risk } };
      const graph = await evaluateWhatIf(client, evaluateRequest(atRisk), evaluateVersion(atRisk));
      const engine = evaluatePolicies(policies, scenarioFacts(atRisk, { workload }), {}).results;
      const applied = (name: string) => [
        graph.find((r) => r.displayName === name)?.policyApplies,
        engine.find((r) => r.displayName === name)?.result,
      ];
      expect(applied(ALL_AGENTS)).toEqual([true, 'applies']);
      expect(applied(RISKY_AGENTS)).toEqual(applies ? [true, 'applies'] : [false, 'notApplied']);
      // CA023 leaves this agent out by its id.
      expect(applied('CA023: Block agent identities from all resources')).toEqual([false, 'notApplied']);
      expect(disagreements(graph, engine)).toEqual([]);
    }
  });

  it('reads a workload identity that is no agent as such', async () => {
    const { client } = graphOverEmulator();
    const [payroll] = await searchDirectory(client, 'workloadIdentities', 'payroll');
    expect((await readWorkload(client, payroll!.id, CONTOSO_TENANT_ID)).agentIdentity).toBe(false);
  });

  it('sends an agent user to beta with its agent risk, and Graph and the engine agree on every policy', async () => {
    const { client } = graphOverEmulator();
    const RISKY_AGENT_USERS = 'Block agent users at high risk';
    await createBlockPolicy(client, RISKY_AGENT_USERS, 'enabled', {
      users: { includeUsers: ['AllAgentIdUsers'] },
      applications: { includeApplications: ['All'] },
      agentIdRiskLevels: 'high',
    });
    const found = await searchDirectory(client, 'users', 'helpdesk');
    const agentUser = found.find((entry) => entry.agent === 'agentUser')!;
    const scenario: Scenario = {
      id: 's',
      name: 'Helpdesk agent user on Exchange',
      identity: { kind: 'user', id: agentUser.id, name: agentUser.displayName, agentUser: true },
      target: { kind: 'application', appId: microsoftApps.exchangeOnline.appId, name: 'Exchange Online' },
      conditions: { ...DEFAULT_CONDITIONS, ipAddress: '203.0.113.7', country: 'NL' },
    };
    const subject = await readSignInSubject(client, agentUser.id);
    const namedLocations = await listNamedLocations(client);
    expect(subject.agentUser).toBe(true);
    const policies = await client.list<{ id: string; displayName: string }>('/beta/identity/conditionalAccess/policies');
    expect(evaluateVersion(scenario)).toBe('beta');
    for (const [risk, applies] of [
      ['high', true],
      ['low', false],
    ] as const) {
      const atRisk: Scenario = { ...scenario, conditions: { ...scenario.conditions, agentIdRiskLevel: risk } };
      const graph = await evaluateWhatIf(client, evaluateRequest(atRisk), evaluateVersion(atRisk));
      // A user's policies name countries and networks: the engine reads the tenant's named locations, as the page does.
      const engine = evaluatePolicies(policies, scenarioFacts(atRisk, subject), { namedLocations }).results;
      expect([
        graph.find((r) => r.displayName === RISKY_AGENT_USERS)?.policyApplies,
        engine.find((r) => r.displayName === RISKY_AGENT_USERS)?.result,
      ]).toEqual(applies ? [true, 'applies'] : [false, 'notApplied']);
      expect(disagreements(graph, engine)).toEqual([]);
    }
  });
});
