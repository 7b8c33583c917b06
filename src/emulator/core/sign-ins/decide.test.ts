// The emulator's decider on hand-written cases: a block, MFA, report-only results, an exclusion
// through a nested group, a role held through a group, locations (IP ranges, countries, trusted,
// IPv6), platforms, device filters, guests by tenant, workload identities, authentication strengths,
// disabled and session-only policies.
import { describe, expect, it } from 'vitest';
import { microsoftApps } from '../../seed/apps';
import { buildPolicy, type PolicySpec } from '../../seed/builders';
import { contosoDirectory as d } from '../../seed/contoso';
import { tenantSeeds } from '../../seed';
import { roles } from '../../seed/role-templates';
import { builtInStrengths, toTenantState } from '../../seed/tenant-seed';
import { stableId } from '../ids';
import { completePolicy } from '../policy-shape';
import type { TenantState } from '../model';
import { decideSignIn } from './decide';
import type { SignInFacts } from './facts';
import { situationOf } from './situation';

const now = new Date('2026-11-20T10:00:00Z');
const EXO = microsoftApps.exchangeOnline.appId;
const hugo = d.user('Hugo Lefevre');
const grace = d.user('Grace Kim');
const corporateIp = '203.0.113.10';
const homeIp = '84.20.30.40';

function tenantWith(...specs: Partial<PolicySpec>[]): TenantState {
  const tenant = toTenantState(tenantSeeds(now)[0]!, now);
  tenant.policies = specs.map((spec, index) =>
    completePolicy(
      buildPolicy('test', { name: `P${index}`, state: 'enabled', createdDaysAgo: 1, users: { includeUsers: ['All'] }, ...spec }, now),
    ),
  );
  return tenant;
}

function decide(tenant: TenantState, facts: Partial<SignInFacts> = {}) {
  const { situation, proof } = situationOf(tenant, { userId: hugo, appId: EXO, ipAddress: homeIp, country: 'NL', ...facts });
  const decision = decideSignIn(tenant, situation, proof);
  return { ...decision, results: decision.policies.map((p) => p.result), failed: decision.policies.map((p) => p.failed) };
}

const mfa = { grant: { builtInControls: ['mfa'] } };
const block = { grant: { builtInControls: ['block'] } };
const pushed = { authenticationMethods: ['password', 'microsoftAuthenticatorPush'] };

describe('grant controls and the sign-in status', () => {
  it('blocks legacy clients with 53003 and leaves modern ones alone, naming the client condition', () => {
    const tenant = tenantWith({ ...block, conditions: { clientAppTypes: ['exchangeActiveSync', 'other'] } });
    const blocked = decide(tenant, { clientApp: 'other' });
    expect(blocked).toMatchObject({ results: ['failure'], conditionalAccessStatus: 'failure', errorCode: 53003 });
    const modern = decide(tenant, { clientApp: 'mobileAppsAndDesktopClients' });
    expect(modern).toMatchObject({ results: ['notApplied'], failed: ['clientType'], conditionalAccessStatus: 'notApplied', errorCode: 0 });
  });

  it('requires MFA: a password alone fails with 50074 (50076 without a prompt), a push succeeds', () => {
    const tenant = tenantWith(mfa);
    expect(decide(tenant)).toMatchObject({ results: ['failure'], errorCode: 50074, multiFactorRequired: true });
    expect(decide(tenant, { interactive: false })).toMatchObject({ results: ['failure'], errorCode: 50076 });
    expect(decide(tenant, pushed)).toMatchObject({ results: ['success'], conditionalAccessStatus: 'success', errorCode: 0 });
    expect(decide(tenant, { satisfiedControls: ['mfa'] }).results).toEqual(['success']);
  });

  it('reports what a report-only policy would have done without changing the outcome', () => {
    const tenant = tenantWith(
      { ...mfa, state: 'enabledForReportingButNotEnforced' },
      { ...block, state: 'enabledForReportingButNotEnforced', conditions: { clientAppTypes: ['other'] } },
      { grant: { builtInControls: ['compliantDevice'] }, state: 'enabledForReportingButNotEnforced' },
    );
    const signIn = decide(tenant, { device: { isCompliant: false } });
    expect(signIn.results).toEqual(['reportOnlyInterrupted', 'reportOnlyNotApplied', 'reportOnlyFailure']);
    expect(signIn).toMatchObject({ conditionalAccessStatus: 'notApplied', errorCode: 0 });
    expect(decide(tenant, { ...pushed, clientApp: 'other', device: { isCompliant: true } }).results).toEqual([
      'reportOnlySuccess',
      'reportOnlyFailure',
      'reportOnlySuccess',
    ]);
  });

  it('refuses a non-compliant device with 53000; OR lets a hybrid-joined one through', () => {
    const tenant = tenantWith({ grant: { builtInControls: ['compliantDevice', 'domainJoinedDevice'] } });
    expect(decide(tenant, { device: { isCompliant: false, trustType: 'AzureAD' } })).toMatchObject({
      results: ['failure'],
      errorCode: 53000,
    });
    expect(decide(tenant, { device: { isCompliant: false, trustType: 'ServerAD' } }).results).toEqual(['success']);
  });

  it('needs every control with AND', () => {
    const tenant = tenantWith({ grant: { operator: 'AND', builtInControls: ['mfa', 'compliantDevice'] } });
    expect(decide(tenant, { ...pushed, device: { isCompliant: false } }).results).toEqual(['failure']);
    expect(decide(tenant, { ...pushed, device: { isCompliant: true } }).results).toEqual(['success']);
  });

  it('meets an authentication strength only with one of its combinations', () => {
    const tenant = tenantWith({ grant: { builtInControls: [], authenticationStrength: { id: builtInStrengths.phishingResistant } } });
    expect(decide(tenant, pushed).results).toEqual(['failure']);
    expect(decide(tenant, { authenticationMethods: ['fido2'] }).results).toEqual(['success']);
  });

  it('lists a disabled policy as notEnabled, and counts a session-only policy as a success', () => {
    const tenant = tenantWith(
      { ...block, state: 'disabled' },
      { session: { signInFrequency: { isEnabled: true, type: 'hours', value: 4 } } },
    );
    expect(decide(tenant)).toMatchObject({ results: ['notEnabled', 'success'], conditionalAccessStatus: 'success', errorCode: 0 });
  });
});

describe('users', () => {
  it('excludes a user through a group nested two levels down, and only that user', () => {
    const outer = d.group('CA - Pilot users');
    const inner = d.group('Finance');
    const tenant = tenantWith({ ...block, users: { includeUsers: ['All'], excludeGroups: [outer] } });
    tenant.groupMembers = { ...tenant.groupMembers, [outer]: [inner], [inner]: [hugo] };
    expect(decide(tenant)).toMatchObject({ results: ['notApplied'], failed: ['users'] });
    expect(decide(tenant, { userId: grace }).results).toEqual(['failure']);
  });

  it('includes a role held through a role-assignable group', () => {
    const group = d.group('CA - Emergency access accounts');
    const tenant = tenantWith({ ...block, users: { includeRoles: [roles.securityAdministrator.id] } });
    tenant.roleMembers = { ...tenant.roleMembers, [roles.securityAdministrator.id]: [group] };
    tenant.groupMembers = { ...tenant.groupMembers, [group]: [grace] };
    expect(decide(tenant, { userId: grace }).results).toEqual(['failure']);
    expect(decide(tenant).results).toEqual(['notApplied']);
  });

  it('matches guests by kind and home tenant, and GuestsOrExternalUsers as a whole', () => {
    const fabrikam = stableId('tenant:fabrikam');
    const tenant = tenantWith(
      {
        ...block,
        users: {
          includeGuestsOrExternalUsers: {
            guestOrExternalUserTypes: 'b2bCollaborationGuest',
            externalTenants: {
              '@odata.type': '#microsoft.graph.conditionalAccessEnumeratedExternalTenants',
              membershipKind: 'enumerated',
              members: [fabrikam],
            },
          },
        },
      },
      { ...block, users: { includeUsers: ['All'], excludeUsers: ['GuestsOrExternalUsers'] } },
    );
    const sam = { userId: d.user('Sam Carter'), guestKind: 'b2bCollaborationGuest' as const };
    expect(decide(tenant, { ...sam, homeTenantId: fabrikam }).results).toEqual(['failure', 'notApplied']);
    expect(decide(tenant, { ...sam, homeTenantId: stableId('tenant:adatum') }).results).toEqual(['notApplied', 'notApplied']);
    expect(decide(tenant).results).toEqual(['notApplied', 'failure']);
  });
});

describe('workload identities', () => {
  const policy = {
    ...block,
    users: { includeUsers: ['None'] },
    clientApplications: { includeServicePrincipals: ['ServicePrincipalsInMyTenant'], excludeServicePrincipals: [] },
    conditions: { locations: { includeLocations: ['All'], excludeLocations: ['AllTrusted'] } },
  };
  const workload = (name: string, ipAddress: string): Partial<SignInFacts> => ({
    userId: undefined,
    servicePrincipalId: d.servicePrincipal(name),
    appId: microsoftApps.microsoftGraph.appId,
    ipAddress,
  });

  it('blocks the tenant’s own service principals outside trusted locations, not managed identities or users', () => {
    const tenant = tenantWith(policy);
    expect(decide(tenant, workload('Contoso Payroll Sync', homeIp))).toMatchObject({ results: ['failure'], errorCode: 53003 });
    expect(decide(tenant, workload('Contoso Payroll Sync', corporateIp))).toMatchObject({ results: ['notApplied'], failed: ['location'] });
    expect(decide(tenant, workload('mi-backup-runner', homeIp))).toMatchObject({ results: ['notApplied'], failed: ['servicePrincipals'] });
    expect(decide(tenant)).toMatchObject({ results: ['notApplied'], failed: ['servicePrincipals'] });
  });

  it('leaves workload identities out of user policies', () => {
    expect(decide(tenantWith(block), workload('Contoso Payroll Sync', homeIp))).toMatchObject({
      results: ['notApplied'],
      failed: ['users'],
    });
  });
});

describe('agents (beta): agent users and agent identities', () => {
  const agentUser = d.user('Helpdesk Agent');
  const agentIdentity = d.agentIdentity('Contoso Helpdesk Agent');
  const asAgent: Partial<SignInFacts> = { userId: undefined, servicePrincipalId: agentIdentity, ipAddress: homeIp };
  const agentUsers = { ...block, users: { includeUsers: ['AllAgentIdUsers'] } };
  const agentIdentities = (exclude: string[]) => ({
    ...block,
    users: { includeUsers: ['None'] },
    clientApplications: { includeAgentIdServicePrincipals: ['All'], excludeAgentIdServicePrincipals: exclude },
  });

  it('applies AllAgentIdUsers to agent users and to no person', () => {
    const tenant = tenantWith(agentUsers);
    expect(decide(tenant, { userId: agentUser })).toMatchObject({ results: ['failure'], errorCode: 53003 });
    expect(decide(tenant)).toMatchObject({ results: ['notApplied'], failed: ['users'] });
  });

  it('applies the agent identity lists to agent identities, minus those excluded, and not to other service principals', () => {
    expect(decide(tenantWith(agentIdentities([])), asAgent)).toMatchObject({ results: ['failure'], errorCode: 53003 });
    expect(decide(tenantWith(agentIdentities([agentIdentity])), asAgent)).toMatchObject({
      results: ['notApplied'],
      failed: ['servicePrincipals'],
    });
    const payroll = { ...asAgent, servicePrincipalId: d.servicePrincipal('Contoso Payroll Sync') };
    expect(decide(tenantWith(agentIdentities([])), payroll)).toMatchObject({ results: ['notApplied'], failed: ['servicePrincipals'] });
    // ServicePrincipalsInMyTenant names the tenant's applications, not its agent identities.
    const ownApps = {
      ...block,
      users: { includeUsers: ['None'] },
      clientApplications: { includeServicePrincipals: ['ServicePrincipalsInMyTenant'] },
    };
    expect(decide(tenantWith(ownApps), asAgent)).toMatchObject({ results: ['notApplied'], failed: ['servicePrincipals'] });
  });

  it("meets an agent risk condition only for an agent (identity or user) whose risk is one of its levels, never a person's", () => {
    const risky = { ...agentIdentities([]), conditions: { agentIdRiskLevels: 'high' } };
    expect(decide(tenantWith(risky), { ...asAgent, agentIdRisk: 'high' })).toMatchObject({ results: ['failure'], errorCode: 53003 });
    expect(decide(tenantWith(risky), { ...asAgent, agentIdRisk: 'low' })).toMatchObject({
      results: ['notApplied'],
      failed: ['agentIdRisk'],
    });
    expect(decide(tenantWith(risky), asAgent)).toMatchObject({ results: ['notApplied'], failed: ['agentIdRisk'] });
    const riskyAgentUsers = { ...agentUsers, conditions: { agentIdRiskLevels: 'medium,high' } };
    expect(decide(tenantWith(riskyAgentUsers), { userId: agentUser, agentIdRisk: 'medium' })).toMatchObject({ results: ['failure'] });
    const everyone = { ...block, conditions: { agentIdRiskLevels: 'high' } };
    expect(decide(tenantWith(everyone), { agentIdRisk: 'high' })).toMatchObject({ results: ['notApplied'], failed: ['agentIdRisk'] });
  });

  it('covers an agent user through the users condition of a policy that also lists agent identities (as CA023 does)', () => {
    const both = { ...agentIdentities([agentIdentity]), users: { includeUsers: ['AllAgentIdUsers'] } };
    expect(decide(tenantWith(both), { userId: agentUser })).toMatchObject({ results: ['failure'] });
    expect(decide(tenantWith(both))).toMatchObject({ results: ['notApplied'], failed: ['servicePrincipals'] });
  });
});

describe('locations, platforms and devices', () => {
  const allowed = stableId('contoso:location:Allowed countries');
  const corporate = stableId('contoso:location:Corporate network');

  it('applies outside trusted locations only, over IPv4 and IPv6 ranges', () => {
    const tenant = tenantWith({ ...block, conditions: { locations: { includeLocations: ['All'], excludeLocations: ['AllTrusted'] } } });
    expect(decide(tenant, { ipAddress: corporateIp }).failed).toEqual(['location']);
    expect(decide(tenant, { ipAddress: '2001:db8:1200:5::20' }).failed).toEqual(['location']);
    expect(decide(tenant, { ipAddress: '2001:db8:1300::1' }).results).toEqual(['failure']);
    expect(decide(tenant, { ipAddress: homeIp }).results).toEqual(['failure']);
  });

  it('reads countries from the IP address, and unknown countries only where the location includes them', () => {
    const tenant = tenantWith({
      ...block,
      conditions: { locations: { includeLocations: ['All'], excludeLocations: [allowed, corporate] } },
    });
    expect(decide(tenant, { country: 'SE' }).results).toEqual(['notApplied']);
    expect(decide(tenant, { country: 'BR' }).results).toEqual(['failure']);
    expect(decide(tenant, { country: null }).results).toEqual(['failure']);
    expect(decide(tenant, { country: 'BR', ipAddress: '198.51.100.20' }).results).toEqual(['notApplied']);
  });

  it('catches unknown platforms with all-but-the-known, and names the platform condition otherwise', () => {
    const tenant = tenantWith({
      ...block,
      conditions: { platforms: { includePlatforms: ['all'], excludePlatforms: ['android', 'iOS', 'windows', 'macOS', 'linux'] } },
    });
    expect(decide(tenant, { platform: null }).results).toEqual(['failure']);
    expect(decide(tenant, { platform: 'windows' })).toMatchObject({ results: ['notApplied'], failed: ['devicePlatform'] });
    expect(decide(tenant, { platform: 'windowsPhone' }).results).toEqual(['failure']);
  });

  it('applies a device filter in include and exclude mode', () => {
    const rule = 'device.isCompliant -ne True -and device.trustType -ne "ServerAD"';
    const include = tenantWith({ ...block, conditions: { devices: { deviceFilter: { mode: 'include', rule } } } });
    expect(decide(include, { device: { isCompliant: false, trustType: 'AzureAD' } }).results).toEqual(['failure']);
    expect(decide(include, { device: { isCompliant: true, trustType: 'AzureAD' } }).failed).toEqual(['devices']);
    expect(decide(include).results).toEqual(['failure']);
    const exclude = tenantWith({
      ...block,
      conditions: { devices: { deviceFilter: { mode: 'exclude', rule: 'device.trustType -eq "ServerAD"' } } },
    });
    expect(decide(exclude, { device: { trustType: 'ServerAD' } }).failed).toEqual(['devices']);
    expect(decide(exclude, { device: { trustType: 'AzureAD' } }).results).toEqual(['failure']);
  });

  it('matches risk levels, insider risk and device code flow only when they are listed', () => {
    const tenant = tenantWith(
      { ...mfa, conditions: { signInRiskLevels: ['high', 'medium'] } },
      { ...block, conditions: { insiderRiskLevels: 'elevated' } },
      { ...block, conditions: { authenticationFlows: { transferMethods: 'deviceCodeFlow,authenticationTransfer' } } },
    );
    expect(decide(tenant, { ...pushed }).failed).toEqual(['signInRisk', 'insiderRisk', 'authenticationFlow']);
    expect(
      decide(tenant, { ...pushed, signInRisk: 'medium', insiderRisk: 'elevated', authenticationFlow: 'deviceCodeFlow' }).results,
    ).toEqual(['success', 'failure', 'failure']);
  });

  it('targets user actions and authentication contexts apart from applications', () => {
    const tenant = tenantWith(
      { ...mfa, applications: { includeUserActions: ['urn:user:registersecurityinfo'] } },
      { ...mfa, applications: { includeAuthenticationContextClassReferences: ['c1'] } },
      { ...mfa, applications: { includeApplications: ['Office365'] } },
    );
    expect(decide(tenant, { appId: undefined, userAction: 'urn:user:registersecurityinfo' }).results).toEqual([
      'failure',
      'notApplied',
      'notApplied',
    ]);
    expect(decide(tenant, { appId: microsoftApps.sharePointOnline.appId, authenticationContext: 'c1' }).results).toEqual([
      'notApplied',
      'failure',
      'failure',
    ]);
    expect(decide(tenant, { appId: microsoftApps.azureManagement.appId }).failed).toEqual(['application', 'application', 'application']);
  });
});
