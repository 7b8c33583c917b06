// The console blocks a save exactly when Graph (the emulator) refuses the policy: a check of the
// console's own that Graph does not enforce is a warning, never a blocked save. Each case is one
// change to a policy the service accepts, sent to the emulator and run through the checks.
import { describe, expect, it } from 'vitest';
import { blocksSaving, checkPolicy } from '../../domain/policy-checks';
import { testEmulator } from '../../emulator/harness/test-emulator';

const GROUP = '8d9c5a1e-1111-4222-8333-444455556666';
const base = () => ({
  displayName: 'Agreement',
  state: 'enabledForReportingButNotEnforced',
  conditions: {
    applications: { includeApplications: ['All'] } as Record<string, unknown>,
    users: { includeUsers: ['All'], excludeGroups: [GROUP] } as Record<string, unknown>,
    clientAppTypes: ['all'] as unknown,
  } as Record<string, unknown>,
  grantControls: { operator: 'OR', builtInControls: ['mfa'] } as Record<string, unknown> | null,
  sessionControls: null as Record<string, unknown> | null,
});
type Policy = ReturnType<typeof base>;

const cases: { name: string; graph: 'accepts' | 'refuses'; change(p: Policy): void }[] = [
  // Accepted by Graph: at most a warning.
  {
    name: 'AllTrusted both included and excluded (a real policy Graph accepted)',
    graph: 'accepts',
    change: (p) => (p.conditions.locations = { includeLocations: ['AllTrusted'], excludeLocations: ['AllTrusted'] }),
  },
  {
    name: 'a group both included and excluded',
    graph: 'accepts',
    change: (p) => ((p.conditions.users as Record<string, unknown>).includeGroups = [GROUP]),
  },
  {
    name: 'block with another grant control',
    graph: 'accepts',
    change: (p) => (p.grantControls = { operator: 'OR', builtInControls: ['block', 'mfa'] }),
  },
  {
    name: 'a user given by name instead of id',
    graph: 'accepts',
    change: (p) => ((p.conditions.users as Record<string, unknown>).includeUsers = ['hugo@contoso.com']),
  },
  {
    name: 'a user listed twice',
    graph: 'accepts',
    change: (p) => ((p.conditions.users as Record<string, unknown>).includeUsers = ['All', 'All']),
  },
  {
    name: 'a sign-in frequency of 0 hours',
    graph: 'accepts',
    change: (p) => (p.sessionControls = { signInFrequency: { isEnabled: true, value: 0, type: 'hours', frequencyInterval: 'timeBased' } }),
  },
  { name: 'a property newer than the console', graph: 'accepts', change: (p) => (p.conditions.quantumRiskLevels = 'high') },
  {
    name: 'password change with MFA under AND, for user risk',
    graph: 'accepts',
    change: (p) => (
      (p.grantControls = { operator: 'AND', builtInControls: ['passwordChange', 'mfa'] }),
      (p.conditions.userRiskLevels = ['high'])
    ),
  },
  // Refused by Graph: blocked.
  { name: 'a state that does not exist', graph: 'refuses', change: (p) => ((p as Record<string, unknown>).state = 'on') },
  { name: 'a client app type that does not exist', graph: 'refuses', change: (p) => (p.conditions.clientAppTypes = ['legacy']) },
  {
    name: 'a grant control given as text, not a list',
    graph: 'refuses',
    change: (p) => (p.grantControls = { operator: 'OR', builtInControls: 'mfa' }),
  },
  {
    name: 'an operator that does not exist',
    graph: 'refuses',
    change: (p) => (p.grantControls = { operator: 'XOR', builtInControls: ['mfa'] }),
  },
  { name: 'an insider risk level that does not exist', graph: 'refuses', change: (p) => (p.conditions.insiderRiskLevels = 'minor,big') },
  {
    name: 'a persistent browser mode that does not exist',
    graph: 'refuses',
    change: (p) => (p.sessionControls = { persistentBrowser: { isEnabled: true, mode: 'sometimes' } }),
  },
  {
    name: 'a session control switched on with text',
    graph: 'refuses',
    change: (p) => (p.sessionControls = { signInFrequency: { isEnabled: 'yes', value: 1, type: 'hours', frequencyInterval: 'timeBased' } }),
  },
  {
    name: 'a device filter without its rule',
    graph: 'refuses',
    change: (p) => (p.conditions.devices = { deviceFilter: { mode: 'include' } }),
  },
  {
    name: 'a number among the included users',
    graph: 'refuses',
    change: (p) => ((p.conditions.users as Record<string, unknown>).includeUsers = ['All', 5]),
  },
  { name: 'no name', graph: 'refuses', change: (p) => ((p as Record<string, unknown>).displayName = '') },
  { name: 'a name of spaces only', graph: 'refuses', change: (p) => ((p as Record<string, unknown>).displayName = '   ') },
  {
    name: 'applications and user actions together (1012)',
    graph: 'refuses',
    change: (p) => ((p.conditions.applications as Record<string, unknown>).includeUserActions = ['urn:user:registersecurityinfo']),
  },
  { name: 'no target resource', graph: 'refuses', change: (p) => (p.conditions.applications = { includeApplications: [] }) },
  { name: 'nobody included', graph: 'refuses', change: (p) => (p.conditions.users = { includeUsers: [] }) },
  { name: 'neither grant nor session control', graph: 'refuses', change: (p) => (p.grantControls = null) },
  {
    name: 'password change without MFA (1032)',
    graph: 'refuses',
    change: (p) => ((p.grantControls = { operator: 'OR', builtInControls: ['passwordChange'] }), (p.conditions.userRiskLevels = ['high'])),
  },
  {
    name: 'password change without a user risk condition (1032)',
    graph: 'refuses',
    change: (p) => (p.grantControls = { operator: 'AND', builtInControls: ['passwordChange', 'mfa'] }),
  },
  {
    name: 'risk remediation without an authentication strength (1032)',
    graph: 'refuses',
    change: (p) => (
      (p.grantControls = { operator: 'AND', builtInControls: ['riskRemediation'] }),
      (p.conditions.userRiskLevels = ['high'])
    ),
  },
];

describe('the console’s checks and Graph', () => {
  const { call } = testEmulator();

  it('accept the unchanged policy', async () => {
    expect((await call('POST', '/beta/identity/conditionalAccess/policies', { body: base() })).status).toBe(201);
    expect(blocksSaving(checkPolicy(base()))).toBe(false);
  });

  for (const { name, graph, change } of cases) {
    it(`${graph === 'accepts' ? 'save' : 'block'} ${name}, as Graph ${graph === 'accepts' ? 'accepts' : 'refuses'} it`, async () => {
      const policy = base();
      change(policy);
      const status = (await call('POST', '/beta/identity/conditionalAccess/policies', { body: policy })).status;
      expect(status).toBe(graph === 'accepts' ? 201 : 400);
      const findings = checkPolicy(policy);
      expect(blocksSaving(findings), findings.map((f) => `${f.severity} ${f.message}`).join('\n')).toBe(graph === 'refuses');
    });
  }

  it('let a policy with AllTrusted both included and excluded be saved by an update too', async () => {
    const created = (await (await call('POST', '/beta/identity/conditionalAccess/policies', { body: base() })).json()) as { id: string };
    const change = { conditions: { locations: { includeLocations: ['AllTrusted'], excludeLocations: ['AllTrusted'] } } };
    expect((await call('PATCH', `/beta/identity/conditionalAccess/policies/${created.id}`, { body: change })).status).toBe(204);
    const saved = (await (await call('GET', `/beta/identity/conditionalAccess/policies/${created.id}`)).json()) as Record<string, unknown>;
    expect(blocksSaving(checkPolicy(saved))).toBe(false);
  });
});
