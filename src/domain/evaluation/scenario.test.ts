import { describe, expect, it } from 'vitest';
import type { Requirements } from './evaluate-policies';
import {
  DEFAULT_CONDITIONS,
  evaluateRequest,
  evaluateVersion,
  graphCanEvaluate,
  readScenarios,
  scenarioFacts,
  scenariosFile,
  withAgentUserMark,
  type Scenario,
} from './scenario';
import { outcomeChange, runSuite, suiteResultsSummary, suiteSummary, type SuiteRow } from './scenario-suite';

const scenario: Scenario = {
  id: 's1',
  name: 'Grace on Expenses',
  identity: { kind: 'user', id: 'u-grace', name: 'Grace Kim' },
  target: { kind: 'application', appId: 'app-expenses', name: 'Contoso Expenses' },
  conditions: { ...DEFAULT_CONDITIONS, ipAddress: ' 203.0.113.7 ', country: 'nl' },
  expected: 'controls',
};

describe('a what-if scenario', () => {
  it('is sent to Graph with every condition stated, the address and country only when known', () => {
    expect(evaluateRequest(scenario)).toEqual({
      signInIdentity: { '@odata.type': '#microsoft.graph.userSignIn', userId: 'u-grace' },
      signInContext: { '@odata.type': '#microsoft.graph.applicationContext', includeApplications: ['app-expenses'] },
      signInConditions: {
        devicePlatform: 'windows',
        clientAppType: 'browser',
        signInRiskLevel: 'none',
        userRiskLevel: 'none',
        servicePrincipalRiskLevel: 'none',
        insiderRiskLevel: 'none',
        deviceInfo: { isCompliant: false },
        authenticationFlow: { transferMethod: 'none' },
        ipAddress: '203.0.113.7',
        country: 'NL',
      },
      appliedPoliciesOnly: false,
    });
    const unknownPlace = evaluateRequest({ ...scenario, conditions: DEFAULT_CONDITIONS });
    expect(unknownPlace.signInConditions).not.toHaveProperty('ipAddress');
    expect(unknownPlace.signInConditions).not.toHaveProperty('country');
  });

  it('names Graph’s user actions, and says when Graph cannot evaluate one', () => {
    const register = { ...scenario, target: { kind: 'userAction', action: 'urn:user:registerdevice' } } as const;
    expect(evaluateRequest(register).signInContext).toEqual({
      '@odata.type': '#microsoft.graph.userActionContext',
      userAction: 'registerOrJoinDevices',
    });
    expect(graphCanEvaluate({ ...scenario, target: { kind: 'userAction', action: 'urn:user:accountrecovery' } })).toMatchObject({
      ok: false,
    });
  });

  it('gives the engine what is known and marks what was not read as unknown', () => {
    const facts = scenarioFacts(scenario, { groupIds: ['g1'], guest: null, applicationOwnerTenantId: 't-contoso' });
    expect(facts.identity).toMatchObject({ kind: 'user', groupIds: ['g1'], roleTemplateIds: 'unknown', guest: null });
    expect(facts.target).toMatchObject({ appId: 'app-expenses', ownerTenantId: 't-contoso' });
    expect(facts.device).toEqual({ registered: false });
    expect(facts).toMatchObject({ ipAddress: '203.0.113.7', country: 'NL' });
    const joined = scenarioFacts(
      { ...scenario, conditions: { ...DEFAULT_CONDITIONS, deviceTrustType: 'AzureAD', deviceCompliant: true } },
      {},
    );
    expect(joined.device).toEqual({ registered: true, isCompliant: true, trustType: 'AzureAD' });
    expect(joined).not.toHaveProperty('ipAddress');
  });

  it('says the user is an agent user, or not, as the directory read it, and leaves it unknown when not read', () => {
    expect(scenarioFacts(scenario, { agentUser: true }).identity).toMatchObject({ agentUser: true });
    expect(scenarioFacts(scenario, { agentUser: false }).identity).toMatchObject({ agentUser: false });
    expect(scenarioFacts(scenario, {}).identity).not.toHaveProperty('agentUser');
  });

  it('gives the engine an agent identity as one: marked when chosen among agent identities, as the directory says when read', () => {
    const agent: Scenario = { ...scenario, identity: { kind: 'servicePrincipal', id: 'agent-1', name: 'Helpdesk', agentIdentity: true } };
    expect(scenarioFacts(agent, {}).identity).toMatchObject({ kind: 'workloadIdentity', agentIdentity: true });
    expect(scenarioFacts(agent, { workload: { agentIdentity: false } }).identity).toMatchObject({ agentIdentity: false });
    // A read that does not say leaves the mark standing.
    expect(scenarioFacts(agent, { workload: { ownedByThisTenant: true, agentIdentity: undefined } }).identity).toMatchObject({
      ownedByThisTenant: true,
      agentIdentity: true,
    });
    const unmarked: Scenario = { ...scenario, identity: { kind: 'servicePrincipal', id: 'sp-1', name: 'Payroll' } };
    expect(scenarioFacts(unmarked, {}).identity).not.toHaveProperty('agentIdentity');
    expect(scenarioFacts(unmarked, { workload: { agentIdentity: true } }).identity).toMatchObject({ agentIdentity: true });
    // Read, and the answer names no type: Graph names only derived types (an agent identity), so it is a plain one.
    expect(scenarioFacts(unmarked, { workload: { ownedByThisTenant: true } }).identity).toMatchObject({ agentIdentity: false });
    expect(readScenarios(JSON.parse(scenariosFile([agent])), () => 'new').scenarios).toEqual([agent]);
  });

  it("sends an agent user to beta's evaluate as a user with its agent risk; the engine is given the risk and the mark", () => {
    const agentUser: Scenario = {
      ...scenario,
      identity: { kind: 'user', id: 'agent-user-1', name: 'Helpdesk Agent', agentUser: true },
      conditions: { ...scenario.conditions, agentIdRiskLevel: 'high' },
    };
    expect(evaluateVersion(agentUser)).toBe('beta');
    expect(evaluateRequest(agentUser)).toMatchObject({
      signInIdentity: { '@odata.type': '#microsoft.graph.userSignIn', userId: 'agent-user-1' },
      signInConditions: { agentIdRiskLevel: 'high', servicePrincipalRiskLevel: 'none' },
    });
    expect(scenarioFacts(agentUser, {})).toMatchObject({ agentIdRiskLevel: 'high', identity: { kind: 'user', agentUser: true } });
    // The directory, when read, has the last word on what the user is.
    expect(scenarioFacts(agentUser, { agentUser: false }).identity).toMatchObject({ agentUser: false });
    // Kept in a file, it reopens as the agent user it was.
    expect(readScenarios(JSON.parse(scenariosFile([agentUser])), () => 'new').scenarios).toEqual([agentUser]);
  });

  it("sends an agent identity to beta's evaluate as an agentSignIn with its risk, and anyone else to v1.0 without one", () => {
    const agent: Scenario = {
      ...scenario,
      identity: { kind: 'servicePrincipal', id: 'agent-1', name: 'Helpdesk', agentIdentity: true },
      conditions: { ...scenario.conditions, agentIdRiskLevel: 'medium' },
    };
    expect(evaluateVersion(agent)).toBe('beta');
    expect(evaluateRequest(agent)).toMatchObject({
      signInIdentity: { '@odata.type': '#microsoft.graph.agentSignIn', agentServicePrincipalId: 'agent-1' },
      signInConditions: { agentIdRiskLevel: 'medium' },
    });
    expect(scenarioFacts(agent, {}).agentIdRiskLevel).toBe('medium');
    const payroll: Scenario = { ...agent, identity: { kind: 'servicePrincipal', id: 'sp-1', name: 'Payroll' } };
    expect(evaluateVersion(payroll)).toBe('v1.0');
    expect(evaluateRequest(payroll).signInIdentity).toEqual({
      '@odata.type': '#microsoft.graph.servicePrincipalSignIn',
      servicePrincipalId: 'sp-1',
    });
    expect(evaluateRequest(payroll).signInConditions).not.toHaveProperty('agentIdRiskLevel');
    // A service principal's own risk is asked of a workload identity only: a value left from one is not sent for anyone else.
    const leftOver = { ...agent.conditions, servicePrincipalRiskLevel: 'high' as const };
    expect(evaluateRequest({ ...payroll, conditions: leftOver }).signInConditions).toMatchObject({ servicePrincipalRiskLevel: 'high' });
    expect(scenarioFacts({ ...payroll, conditions: leftOver }, {}).servicePrincipalRiskLevel).toBe('high');
    for (const other of [agent, { ...agent, identity: scenario.identity }]) {
      expect(evaluateRequest({ ...other, conditions: leftOver }).signInConditions).toMatchObject({ servicePrincipalRiskLevel: 'none' });
      expect(scenarioFacts({ ...other, conditions: leftOver }, {}).servicePrincipalRiskLevel).toBe('none');
    }
    // A user not marked as an agent user (kept or imported so) is given the scenario's agent risk once the directory
    // says it is one (a suite runs it so, as Open evaluates it); not read, or a person, none.
    expect(scenarioFacts({ ...agent, identity: scenario.identity }, { agentUser: true }).agentIdRiskLevel).toBe('medium');
    expect(scenarioFacts({ ...agent, identity: scenario.identity }, {})).not.toHaveProperty('agentIdRiskLevel');
    expect(scenarioFacts({ ...agent, identity: scenario.identity }, { agentUser: false })).not.toHaveProperty('agentIdRiskLevel');
    expect(evaluateVersion({ ...agent, identity: scenario.identity })).toBe('v1.0');
    expect(evaluateVersion(withAgentUserMark({ ...agent, identity: scenario.identity }, scenario.identity.id, true))).toBe('beta');
    // A file from before agent risk reads with none.
    const older = JSON.parse(scenariosFile([agent])) as { scenarios: { conditions: Record<string, unknown> }[] };
    delete older.scenarios[0]!.conditions.agentIdRiskLevel;
    expect(readScenarios(older, () => 'new').scenarios[0]!.conditions.agentIdRiskLevel).toBe('none');
  });

  it('goes to a file and back, and a file’s unusable scenarios are named', () => {
    const read = readScenarios(JSON.parse(scenariosFile([scenario])), () => 'new');
    expect(read).toEqual({ scenarios: [scenario], problems: [] });
    const odd = readScenarios(
      {
        format: 'gatehouse.what-if-scenarios',
        version: 1,
        scenarios: [
          { name: 'No one', target: {} },
          { ...scenario, id: undefined },
        ],
      },
      () => 'made',
    );
    expect(odd.problems).toEqual(['“No one” has no sign-in identity or target: left out.']);
    expect(odd.scenarios[0]!.id).toBe('made');
    expect(readScenarios([scenario], () => 'x').problems[0]).toMatch(/not a file of what-if scenarios/);
  });
});

const outcome = (decision: Requirements['decision'], grants: string[][] = [], blockedBy: string[] = []): Requirements => ({
  decision,
  certain: true,
  summary: '',
  blockedBy: blockedBy.map((name) => ({ policyId: name, displayName: name })),
  grants: grants.map((controls, i) => ({
    policyId: `p${i}`,
    displayName: `P${i}`,
    grant: { operator: 'OR', block: false, builtInControls: controls, termsOfUse: [], customAuthenticationFactors: [] },
  })),
  session: [],
  indeterminate: [],
});

describe('a suite of scenarios', () => {
  it('says how each outcome moves: newly blocked, loses a control, gains one, unchanged', () => {
    expect(outcomeChange(outcome('controls', [['mfa']]), outcome('block', [], ['CA099'])).words).toBe('Newly blocked (CA099)');
    expect(outcomeChange(outcome('controls', [['mfa']]), outcome('allow')).kind).toBe('losesControls');
    expect(outcomeChange(outcome('allow'), outcome('controls', [['compliantDevice']])).words).toBe(
      'Newly requires device to be marked as compliant',
    );
    expect(outcomeChange(outcome('block', [], ['A']), outcome('block', [], ['B'])).kind).toBe('unchanged');
  });

  it('sums the suite up in one sentence a reviewer can act on', () => {
    const row = (kind: SuiteRow['change'], meets: boolean | null): SuiteRow => ({
      scenarioId: 'x',
      change: kind,
      actual: 'allow',
      meetsExpectation: meets,
    });
    const loses = outcomeChange(outcome('controls', [['mfa']]), outcome('allow'));
    const blocked = outcomeChange(outcome('allow'), outcome('block', [], ['X']));
    const same = outcomeChange(outcome('allow'), outcome('allow'));
    expect(suiteSummary([row(loses, false), row(loses, null), row(blocked, null), row(same, true)])).toBe(
      '3 scenarios change: 1 newly blocked, 2 lose multifactor authentication. 1 scenario no longer gets what is expected.',
    );
    expect(suiteSummary([row(same, true)])).toBe('No scenario changes (1 scenario run).');
  });

  it('does not run a scenario whose address is not one, and names it after the rest of the summary', () => {
    const blockAll = {
      id: 'p1',
      displayName: 'Block everyone',
      state: 'enabled',
      conditions: { users: { includeUsers: ['All'] }, applications: { includeApplications: ['All'] }, clientAppTypes: ['all'] },
      grantControls: { operator: 'OR', builtInControls: ['block'] },
    };
    const typo = { ...scenario, id: 's2', name: 'Grace mistyped', conditions: { ...scenario.conditions, ipAddress: '10.0.0.999' } };
    const results = runSuite([scenario, typo], [blockAll], null, new Map(), {});
    expect(results[1]).toEqual({
      scenario: typo,
      notRun: "'10.0.0.999' is not an IPv4 or IPv6 address (such as 203.0.113.7 or 2001:db8::7).",
    });
    expect('row' in results[0]! && results[0].row.actual).toBe('block');
    expect(suiteResultsSummary(results)).toBe(
      'No scenario changes (1 scenario run). 1 scenario no longer gets what is expected. 1 scenario not run (“Grace mistyped”): its IP address is not one.',
    );
    expect(suiteResultsSummary([results[1]!])).toBe('1 scenario not run (“Grace mistyped”): its IP address is not one.');
  });

  it('does not count an uncertain answer as meeting what is expected: it cannot be told, and the summary says so', () => {
    const blockOutsideTrusted = {
      id: 'p1',
      displayName: 'Block outside trusted places',
      state: 'enabled',
      conditions: {
        users: { includeUsers: ['All'] },
        applications: { includeApplications: ['All'] },
        clientAppTypes: ['all'],
        locations: { includeLocations: ['All'], excludeLocations: ['AllTrusted'] },
      },
      grantControls: { operator: 'OR', builtInControls: ['block'] },
    };
    const nowhere = { ...scenario, expected: 'allow' as const, conditions: { ...DEFAULT_CONDITIONS } };
    const [result] = runSuite([nowhere], [blockOutsideTrusted], null, new Map(), { namedLocations: [] });
    expect(result && 'row' in result && result.row).toMatchObject({ actual: 'allow', meetsExpectation: null, expectation: 'cannotTell' });
    expect(suiteResultsSummary([result!])).toBe(
      'No scenario changes (1 scenario run). For 1 scenario it cannot be told whether it gets what is expected: its outcome is not certain.',
    );
    // Expected blocked: the policy that may apply would block, so that cannot be told either; expected asked for a control can.
    const [block] = runSuite([{ ...nowhere, expected: 'block' }], [blockOutsideTrusted], null, new Map(), { namedLocations: [] });
    expect(block && 'row' in block && block.row.expectation).toBe('cannotTell');
    const [controls] = runSuite([{ ...nowhere, expected: 'controls' }], [blockOutsideTrusted], null, new Map(), { namedLocations: [] });
    expect(controls && 'row' in controls && controls.row).toMatchObject({ meetsExpectation: false, expectation: 'notMet' });
  });

  it('tells a workload identity scenario on the tenant’s own service principals from its workload facts', () => {
    const workloads = {
      id: 'p-wl',
      displayName: 'Block our workloads outside',
      state: 'enabled',
      conditions: {
        users: { includeUsers: ['None'] },
        clientApplications: { includeServicePrincipals: ['ServicePrincipalsInMyTenant'] },
        applications: { includeApplications: ['All'] },
        clientAppTypes: ['all'],
      },
      grantControls: { operator: 'OR', builtInControls: ['block'] },
    };
    const app = { ...scenario, identity: { kind: 'servicePrincipal', id: 'sp-payroll', name: 'Payroll sync' }, expected: 'block' } as const;
    const [unread] = runSuite([app], [workloads], null, new Map(), {});
    expect(unread && 'row' in unread && unread.row.expectation).toBe('cannotTell');
    const owned = new Map([['sp-payroll', { workload: { servicePrincipalType: 'application' as const, ownedByThisTenant: true } }]]);
    const [told] = runSuite([app], [workloads], null, owned, {});
    expect(told && 'row' in told && told.row).toMatchObject({ actual: 'block', expectation: 'met', meetsExpectation: true });
  });

  it('keeps an imported scenario whose address is not one, and says it will not run until corrected', () => {
    const read = readScenarios(
      JSON.parse(scenariosFile([{ ...scenario, conditions: { ...scenario.conditions, ipAddress: 'ten.0.0.1' } }])),
      () => 'new',
    );
    expect(read.scenarios).toHaveLength(1);
    expect(read.problems).toEqual([
      "“Grace on Expenses”: 'ten.0.0.1' is not an IPv4 or IPv6 address (such as 203.0.113.7 or 2001:db8::7); kept, but not run until its address is corrected.",
    ]);
  });
});
