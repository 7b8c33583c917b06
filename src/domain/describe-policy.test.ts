import { describe, expect, it } from 'vitest';
import type { ConditionalAccessPolicy } from './types';
import { describePolicy } from './describe-policy';

const session = (sessionControls: Record<string, unknown>) =>
  describePolicy({ displayName: 'CA020', state: 'enabled', sessionControls } as unknown as ConditionalAccessPolicy, undefined)
    .find((s) => s.title === 'Session')!
    .lines.map((l) => `${l.label}: ${l.text ?? l.values.map((v) => v.label).join(', ')}`);

describe('describePolicy: session controls', () => {
  it('says Conditional Access App Control in the admin center words, not Graph enum values', () => {
    const appControl = (cloudAppSecurityType: string | null) => session({ cloudAppSecurity: { isEnabled: true, cloudAppSecurityType } });
    expect(appControl('monitorOnly')).toEqual(['Conditional Access App Control: Monitor only']);
    expect(appControl('blockDownloads')).toEqual(['Conditional Access App Control: Block downloads']);
    expect(appControl('mcasConfigured')).toEqual(['Conditional Access App Control: Use custom policy…']);
    // A value Graph adds later is shown as it is rather than hidden.
    expect(appControl('unknownFutureValue')).toEqual(['Conditional Access App Control: unknownFutureValue']);
    expect(appControl(null)).toEqual(['Conditional Access App Control: On']);
    expect(session({ cloudAppSecurity: { isEnabled: false, cloudAppSecurityType: 'monitorOnly' } })).toEqual([
      'Session: No session controls',
    ]);
  });

  it('says continuous access evaluation’s modes in words, and isolates what the tenant wrote', () => {
    expect(session({ continuousAccessEvaluation: { mode: 'strictEnforcement' } })).toEqual([
      'Continuous access evaluation: Strict enforcement',
    ]);
    expect(session({ continuousAccessEvaluation: { mode: 'strictLocation' } })).toEqual([
      'Continuous access evaluation: Strictly enforce location policies',
    ]);
    expect(session({ globalSecureAccessFilteringProfile: { isEnabled: true, profileId: 'p\u202E1' } })).toEqual([
      'Global Secure Access security profile: p\\u202E1',
    ]);
  });
});

// Microsoft's template "Block high risk agent identities from accessing resources" as Graph serves it
// (src/emulator/seed/templates.ts: agentsBlocked('high')); src/domain may not import the emulator.
const highRiskAgentsBlocked = {
  displayName: 'Block high risk agent identities from accessing resources',
  state: 'enabled',
  conditions: {
    userRiskLevels: [],
    signInRiskLevels: [],
    clientAppTypes: ['all'],
    servicePrincipalRiskLevels: [],
    platforms: null,
    locations: null,
    signInRiskDetections: null,
    times: null,
    deviceStates: null,
    devices: null,
    users: { includeUsers: ['None'], excludeUsers: [], includeGroups: [], excludeGroups: [], includeRoles: [], excludeRoles: [] },
    applications: { includeApplications: ['All'], excludeApplications: [], includeUserActions: [], applicationFilter: null },
    clientApplications: {
      includeServicePrincipals: [],
      includeAgentIdServicePrincipals: ['All'],
      excludeServicePrincipals: [],
      excludeAgentIdServicePrincipals: [],
      servicePrincipalFilter: null,
      agentIdServicePrincipalFilter: null,
    },
    agentIdRiskLevels: 'high',
  },
  grantControls: {
    operator: 'OR',
    builtInControls: ['block'],
    customAuthenticationFactors: [],
    termsOfUse: [],
    authenticationStrength: null,
  },
  sessionControls: null,
} as unknown as ConditionalAccessPolicy;
const lines = (policy: ConditionalAccessPolicy, title: string) =>
  describePolicy(policy, undefined)
    .find((s) => s.title === title)!
    .lines.map((l) => `${l.label}: ${l.text ?? l.values.map((v) => v.label).join(', ')}`);
const withConditions = (conditions: Record<string, unknown>) =>
  ({
    displayName: 'Old',
    state: 'enabled',
    conditions: { users: { includeUsers: ['All'] }, applications: { includeApplications: ['All'] }, ...conditions },
  }) as unknown as ConditionalAccessPolicy;

describe('describePolicy: agents and conditions every section reads', () => {
  it("says whom Microsoft's high risk agent template targets (agent identities) and the agent risk it needs", () => {
    const agents = highRiskAgentsBlocked;
    expect(lines(agents, 'Users')[0]).toBe('Include: No users');
    expect(lines(agents, 'Users')).toContain('Agent identities: All agent identities');
    expect(lines(agents, 'Conditions')).toEqual(['Agent risk: High']);
  });

  it('names the agent identities excluded, an agent filter and the agent users included', () => {
    const policy = {
      displayName: 'Agents',
      conditions: {
        users: { includeUsers: ['AllAgentIdUsers'] },
        clientApplications: {
          includeAgentIdServicePrincipals: ['All'],
          excludeAgentIdServicePrincipals: ['11111111-1111-1111-1111-111111111111'],
          agentIdServicePrincipalFilter: { mode: 'exclude', rule: 'CustomSecurityAttribute.Agents_approved -eq "yes"' },
        },
        agentIdRiskLevels: 'medium,high',
      },
    } as unknown as ConditionalAccessPolicy;
    expect(lines(policy, 'Users')).toEqual([
      'Include: All agent users',
      'Agent identities: All agent identities',
      'Excluded agent identities: 11111111-1111-1111-1111-111111111111',
      'Agent identity filter (exclude): CustomSecurityAttribute.Agents_approved -eq "yes"',
    ]);
    expect(lines(policy, 'Conditions')).toEqual(['Agent risk: Medium, High']);
  });

  it('says the deprecated device and device state conditions instead of "applies to any device"', () => {
    expect(
      lines(withConditions({ deviceStates: { includeStates: ['All'], excludeStates: ['Compliant', 'DomainJoined'] } }), 'Conditions'),
    ).toEqual(['Device state (deprecated): Any device, except Device marked as compliant, Microsoft Entra hybrid joined device']);
    expect(lines(withConditions({ devices: { includeDevices: ['All'], excludeDevices: ['Compliant'] } }), 'Conditions')).toEqual([
      'Devices (deprecated): Any device, except Device marked as compliant',
    ]);
  });

  it('shows a condition it has no words for under Other settings, and does not say the policy applies to any sign-in', () => {
    const policy = withConditions({ times: { included: ['weekdays'] }, users: { includeUsers: ['All'], includeAgentUsersSoon: ['x'] } });
    expect(lines(policy, 'Conditions')).toEqual(['Conditions: Set, in settings this console does not describe: see Other settings']);
    expect(lines(policy, 'Other settings')).toEqual([
      'conditions.users.includeAgentUsersSoon: ["x"]',
      'conditions.times: {"included":["weekdays"]}',
    ]);
    // Nulls and empty lists say nothing.
    expect(lines(withConditions({ times: null, deviceStates: { includeStates: [] } }), 'Conditions')).toEqual([
      'Conditions: None: applies to any sign-in risk, platform, client app and device',
    ]);
  });
});

describe('describePolicy: guests and external users', () => {
  const guests = (includeGuestsOrExternalUsers: Record<string, unknown>) =>
    lines(
      { displayName: 'Guests', conditions: { users: { includeGuestsOrExternalUsers } } } as unknown as ConditionalAccessPolicy,
      'Users',
    );

  it('never says local guests come from an external tenant', () => {
    expect(guests({ guestOrExternalUserTypes: 'internalGuest', externalTenants: null })).toEqual(['Include: Local guest users']);
    expect(guests({ guestOrExternalUserTypes: 'internalGuest', externalTenants: { membershipKind: 'all' } })).toEqual([
      'Include: Local guest users',
    ]);
    expect(guests({ guestOrExternalUserTypes: 'internalGuest,b2bCollaborationGuest', externalTenants: { membershipKind: 'all' } })).toEqual(
      ['Include: B2B collaboration guests from any external tenant and Local guest users'],
    );
  });

  it('says where external users come from only when the policy names external tenants', () => {
    expect(guests({ guestOrExternalUserTypes: 'b2bDirectConnectUser', externalTenants: null })).toEqual([
      'Include: B2B direct connect users',
    ]);
    expect(
      guests({ guestOrExternalUserTypes: 'b2bDirectConnectUser', externalTenants: { membershipKind: 'enumerated', members: ['t1'] } }),
    ).toEqual(['Include: B2B direct connect users from 1 external tenant']);
  });
});

describe('describePolicy: sign-in frequency', () => {
  it('says when only the second factor is asked for again', () => {
    const frequency = (authenticationType: string) =>
      session({ signInFrequency: { isEnabled: true, value: 4, type: 'hours', authenticationType, frequencyInterval: 'timeBased' } });
    expect(frequency('secondaryAuthentication')).toEqual([
      'Sign-in frequency: Every 4 hours, second factor only (secondary authentication)',
    ]);
    expect(frequency('primaryAndSecondaryAuthentication')).toEqual(['Sign-in frequency: Every 4 hours']);
  });
});

describe('describePolicy: names inside the console words', () => {
  it('isolates the name of a terms of use and of an authentication strength after their label', () => {
    const grant = lines(
      {
        displayName: 'Grant',
        grantControls: {
          operator: 'AND',
          builtInControls: [],
          termsOfUse: ['tou'],
          authenticationStrength: { id: 's', displayName: '\u202Es' },
        },
      } as unknown as ConditionalAccessPolicy,
      'Grant',
    );
    expect(grant).toEqual(['Grant access, requiring all of: Authentication strength: \\u202Es, Terms of use: tou']);
  });
});
