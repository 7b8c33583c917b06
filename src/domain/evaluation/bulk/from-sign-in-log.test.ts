import { describe, expect, it } from 'vitest';
import { evaluatePolicy } from '../evaluate-policy';
import { context, ids, policy } from '../test-fixtures';
import { fromSignInLog } from './from-sign-in-log';
import { clientAppTypeOf, platformOf, trustTypeOf } from './log-words';

const TENANT = ids.tenant;
const OUTLOOK = 'd3590ed6-52b3-4102-aeff-aad2292ab01c';

/** An entry as Graph beta returns it (resources/signin.md): Outlook (client) to Exchange (resource). */
const entry = {
  id: 'sign-in-1',
  createdDateTime: '2026-11-20T08:15:00Z',
  userId: ids.ada,
  userDisplayName: 'Ada Lindqvist',
  userPrincipalName: 'ada@contoso.com',
  userType: 'member',
  homeTenantId: TENANT,
  resourceTenantId: TENANT,
  crossTenantAccessType: 'none',
  appId: OUTLOOK,
  appDisplayName: 'Microsoft Office',
  resourceId: ids.exchange,
  resourceDisplayName: 'Office 365 Exchange Online',
  servicePrincipalId: '',
  ipAddress: '203.0.113.7',
  location: { city: 'Amsterdam', state: null, countryOrRegion: 'NL' },
  clientAppUsed: 'Mobile Apps and Desktop clients',
  deviceDetail: {
    deviceId: 'dev-1',
    displayName: 'CONTOSO-ADA',
    operatingSystem: 'Windows 10',
    isCompliant: true,
    isManaged: true,
    trustType: 'Hybrid Azure AD joined',
  },
  riskLevelDuringSignIn: 'none',
  authenticationProtocol: 'none',
  originalTransferMethod: 'none',
  authenticationRequirement: 'multiFactorAuthentication',
  signInEventTypes: ['interactiveUser'],
  agent: { agentType: 'notAgentic', agentSubjectType: 'notAgentic', agentSubjectParentId: null, parentAppId: null },
  appliedConditionalAccessPolicies: [
    { id: 'p1', result: 'success', enforcedGrantControls: ['RequireCompliantDevice', 'RequireDomainJoinedDevice'] },
    { id: 'p2', result: 'success', enforcedGrantControls: ['RequireApprovedApp'] },
  ],
};

describe('fromSignInLog', () => {
  it('reads a hidden sign-in risk as not known: a policy on high sign-in risk cannot be evaluated for it', () => {
    const hidden = fromSignInLog({ ...entry, riskLevelDuringSignIn: 'hidden' });
    expect(hidden.facts.signInRiskLevel).toBeUndefined();
    expect(hidden.notKnown).toContain('signInRiskLevel (riskLevelDuringSignIn is hidden: the sign-in is not covered by ID Protection)');
    const risky = policy({
      name: 'Block high sign-in risk',
      conditions: { signInRiskLevels: ['high'] },
      grant: { builtInControls: ['block'] },
    });
    expect(
      evaluatePolicy(risky, { ...hidden.facts, identity: { kind: 'user', userId: ids.ada, groupIds: [], roleTemplateIds: [] } }, context),
    ).toMatchObject({
      result: 'indeterminate',
      missing: ['signInRiskLevel'],
    });
  });

  it('reads who, the resource (not the client), network, client, device, risk and flow, and says what it could not know', () => {
    const read = fromSignInLog(entry);
    expect(read.facts).toEqual({
      identity: { kind: 'user', userId: ids.ada, displayName: 'Ada Lindqvist', guest: null, agentUser: false },
      target: { kind: 'application', appId: ids.exchange, displayName: 'Office 365 Exchange Online' },
      ipAddress: '203.0.113.7',
      country: 'NL',
      clientAppType: 'mobileAppsAndDesktopClients',
      devicePlatform: 'windows',
      device: { registered: true, deviceId: 'dev-1', displayName: 'CONTOSO-ADA', isCompliant: true, trustType: 'ServerAD' },
      signInRiskLevel: 'none',
      authenticationFlow: 'none',
    });
    expect(read.identityId).toBe(ids.ada);
    expect(read.resourceId).toBe(ids.exchange);
    expect(read.notKnown.map((n) => n.split(' ')[0])).toEqual([
      'identity.groupIds',
      'identity.roleTemplateIds',
      'userRiskLevel',
      'insiderRiskLevel',
      'gpsCountry',
      'device',
    ]);
    expect(read.satisfied).toEqual([
      'approvedApplication',
      'compliantDevice',
      'domainJoinedDevice',
      'grant:compliantDevice+domainJoinedDevice',
      'mfa',
    ]);
  });

  it('takes the directory facts the log does not carry from the lookups given', () => {
    const read = fromSignInLog(entry, {
      user: (id) =>
        id === ids.ada ? { groupIds: [ids.mobile], roleTemplateIds: [], userRiskLevel: 'high', insiderRiskLevel: 'none' } : undefined,
      device: () => ({ model: 'Surface', extensionAttributes: { 1: 'kiosk' } }),
    });
    expect(read.facts.identity).toMatchObject({ groupIds: [ids.mobile], roleTemplateIds: [] });
    expect(read.facts.userRiskLevel).toBe('high');
    expect(read.facts.device).toMatchObject({ model: 'Surface', trustType: 'ServerAD' });
    expect(read.notKnown.map((n) => n.split(' ')[0])).toEqual(['gpsCountry']);
    // The facts are enough to decide a policy on groups and user risk.
    const risky = policy({ users: { includeGroups: [ids.mobile] }, conditions: { userRiskLevels: ['high'] } });
    expect(evaluatePolicy(risky, read.facts, context).result).toBe('applies');
  });

  it('reads guests by userType and cross-tenant access, unregistered devices as such, the device code flow, and workload identities', () => {
    const guest = fromSignInLog({
      ...entry,
      userType: 'guest',
      homeTenantId: ids.fabrikam,
      crossTenantAccessType: 'b2bCollaboration',
      deviceDetail: { deviceId: '', operatingSystem: 'Ios', isCompliant: false, trustType: '' },
      authenticationProtocol: 'deviceCode',
      originalTransferMethod: undefined,
      location: { countryOrRegion: '' },
    });
    expect(guest.facts.identity).toMatchObject({ guest: { kinds: ['b2bCollaborationGuest'], homeTenantId: ids.fabrikam } });
    expect(guest.facts.device).toEqual({ registered: false });
    expect(guest.facts.devicePlatform).toBe('iOS');
    expect(guest.facts.authenticationFlow).toBe('deviceCodeFlow');
    expect(guest.facts.country).toBeNull();
    const local = fromSignInLog({ ...entry, userType: 'guest', crossTenantAccessType: 'none' });
    expect(local.facts.identity).toMatchObject({ guest: { kinds: ['internalGuest'] } });

    const workload = fromSignInLog(
      {
        id: 'w',
        servicePrincipalId: ids.payroll,
        servicePrincipalName: 'Payroll',
        userId: '',
        appId: 'x',
        resourceId: ids.graph,
        signInEventTypes: ['servicePrincipal'],
        ipAddress: '192.0.2.70',
        location: { countryOrRegion: 'NL' },
      },
      { servicePrincipal: () => ({ ownedByThisTenant: true, servicePrincipalType: 'application' }) },
    );
    expect(workload.facts.identity).toEqual({
      kind: 'workloadIdentity',
      servicePrincipalId: ids.payroll,
      displayName: 'Payroll',
      servicePrincipalType: 'application',
      ownedByThisTenant: true,
    });
    expect(workload.facts.clientAppType).toBeUndefined();
    expect(workload.notKnown).toContain('servicePrincipalRiskLevel (not in the log)');
  });

  it('reads who is an agent from beta’s agent, and says an agent’s risk is not in the log', () => {
    const agentic = (type: string, extra: object = {}) => ({ agentType: type, agentSubjectType: type, ...extra });
    const workloadEntry = {
      id: 'w',
      servicePrincipalId: 'agent-1',
      servicePrincipalName: 'Helpdesk Agent',
      userId: '',
      resourceId: ids.graph,
      signInEventTypes: ['servicePrincipal'],
      ipAddress: '192.0.2.70',
      location: { countryOrRegion: 'NL' },
    };
    const risky = policy({
      users: { includeUsers: ['None'] },
      clientApplications: { includeAgentIdServicePrincipals: ['All'] } as never,
      conditions: { agentIdRiskLevels: 'high' } as never,
      grant: { builtInControls: ['block'] },
    });
    const agent = fromSignInLog({ ...workloadEntry, agent: agentic('agenticAppInstance', { parentAppId: 'blueprint-app' }) });
    expect(agent.facts.identity).toMatchObject({ kind: 'workloadIdentity', agentIdentity: true });
    expect(agent.notKnown).toContain('agentIdRiskLevel (an agent’s risk is not in the log)');
    expect(evaluatePolicy(risky, agent.facts, context)).toMatchObject({ result: 'indeterminate', missing: ['agentIdRiskLevel'] });
    // A service principal that is no agent (nor a blueprint's principal) never meets a policy on agent risk.
    for (const type of ['notAgentic', 'agentIdentityBlueprintPrincipal']) {
      const plain = fromSignInLog({ ...workloadEntry, agent: agentic(type) });
      expect(plain.facts.identity).toMatchObject({ agentIdentity: false });
      expect(evaluatePolicy(risky, plain.facts, context).result).toBe('notApplied');
    }
    // No agent (v1.0, an older entry) or a type that does not answer: not known, and said.
    for (const agentField of [{}, { agent: null }, { agent: agentic('unknownFutureValue') }, { agent: agentic('agenticApp') }]) {
      const unsaid = fromSignInLog({ ...workloadEntry, ...agentField });
      expect(unsaid.facts.identity).not.toHaveProperty('agentIdentity');
      expect(unsaid.notKnown).toContain(
        'identity.agentIdentity (the entry does not say whether the service principal is an agent identity)',
      );
      expect(evaluatePolicy(risky, unsaid.facts, context)).toMatchObject({ result: 'indeterminate', missing: ['identity.agentIdentity'] });
    }

    const agentUsers = policy({ users: { includeUsers: ['AllAgentIdUsers'] }, grant: { builtInControls: ['block'] } });
    const known = { user: () => ({ groupIds: [], roleTemplateIds: [] }) };
    const agentUser = fromSignInLog({ ...entry, agent: agentic('agentIDuser', { agentSubjectParentId: 'agent-1' }) }, known);
    expect(agentUser.facts.identity).toMatchObject({ agentUser: true });
    expect(agentUser.notKnown).toContain('agentIdRiskLevel (an agent’s risk is not in the log)');
    expect(evaluatePolicy(agentUsers, agentUser.facts, context).result).toBe('applies');
    // A person an agent acts for (on behalf of): the agent is the client, the subject no agent.
    const onBehalf = fromSignInLog({ ...entry, agent: { agentType: 'agenticAppInstance', agentSubjectType: 'notAgentic' } }, known);
    expect(evaluatePolicy(agentUsers, onBehalf.facts, context).result).toBe('notApplied');
    // agentIDuser read without the Prefer header comes as unknownFutureValue: not known.
    const hidden = fromSignInLog({ ...entry, agent: agentic('unknownFutureValue') }, known);
    expect(hidden.notKnown).toContain('identity.agentUser (the entry does not say whether the user is an agent user)');
    expect(evaluatePolicy(agentUsers, hidden.facts, context)).toMatchObject({ result: 'indeterminate', missing: ['identity.agentUser'] });
    // The directory's answer (the user's own type) comes first.
    const told = fromSignInLog({ ...entry, agent: agentic('unknownFutureValue') }, { user: () => ({ agentUser: true }) });
    expect(told.facts.identity).toMatchObject({ agentUser: true });
  });

  it('maps the log words to the engine words', () => {
    expect(
      ['Browser', 'Exchange ActiveSync', 'IMAP4', 'Authenticated SMTP', 'Other clients', 'Something new', ''].map(clientAppTypeOf),
    ).toEqual(['browser', 'exchangeActiveSync', 'other', 'other', 'other', undefined, undefined]);
    expect(['Windows 10', 'MacOs', 'Ios', 'Android', 'Linux', 'Windows Phone', '', 'ChromeOS', undefined].map(platformOf)).toEqual([
      'windows',
      'macOS',
      'iOS',
      'android',
      'linux',
      'windowsPhone',
      'unsupported',
      'unsupported',
      undefined,
    ]);
    expect(
      ['Azure AD joined', 'Azure AD registered', 'Hybrid Azure AD joined', 'AzureAD', 'Workplace', '', undefined].map(trustTypeOf),
    ).toEqual(['AzureAD', 'Workplace', 'ServerAD', 'AzureAD', 'Workplace', null, undefined]);
  });
});
