// The "Contoso" demo tenant: a realistic, messy production tenant. 35 policies covering every
// condition type and all three states, guests and external tenants, workload identities, an agent identity and its agent user,
// references to objects that no longer exist, soft-deleted policies and an audit trail.
import { stableId } from '../core/ids';
import type { JsonObject } from '../core/model';
import { microsoftApps } from './apps';
import { buildPolicy, daysAgo, ipRange, REPORT_ONLY, type PolicySpec } from './builders';
import { buildDirectory } from './directory';
import { privilegedRoleIds, roles } from './role-templates';
import { builtInStrengths, type TenantSeed } from './tenant-seed';

export const CONTOSO_TENANT_ID = stableId('tenant:contoso');
const key = 'contoso';

export const contosoDirectory = buildDirectory({
  key,
  domain: 'contoso.example',
  members: [
    'Ada Lindqvist',
    'Ben Okafor',
    'Break Glass 01',
    'Break Glass 02',
    'Chloe Martins',
    'Dev Patel',
    'Elif Yilmaz',
    'Farah Haddad',
    'Grace Kim',
    'Hugo Lefevre',
    'Ines Duarte',
    'Jonas Weber',
    'Kofi Mensah',
    'Lena Sorensen',
    'Mateo Alvarez',
    'Noor Rahman',
    'Oskar Nilsson',
    'Priya Raman',
    'Sync Service Account',
    'Scanner Mailbox',
  ],
  guests: [
    { name: 'Sam Carter', home: 'fabrikam.example' },
    { name: 'Yuki Tanaka', home: 'northwind.example' },
    { name: 'Marta Novak', home: 'adatum.example' },
  ],
  groups: [
    {
      name: 'CA - Emergency access accounts',
      description: 'Break-glass accounts excluded from every Conditional Access policy.',
      isAssignableToRole: true,
    },
    { name: 'CA - Service accounts', description: 'Non-interactive accounts excluded from MFA policies.' },
    { name: 'CA - Pilot users', description: 'Users who get new Conditional Access policies first.' },
    { name: 'Finance', description: 'Finance department.' },
    { name: 'Contractors', description: 'External contractors with member accounts.' },
    { name: 'HR', description: 'Human resources.' },
    { name: 'Mobile workers', description: 'Users with corporate phones.' },
    { name: 'Privileged access workstations', description: 'Users who must sign in from a PAW.' },
    // Staged rollout rings: people who sign in every day, so a ring's gate has sign-ins to judge.
    { name: 'Rollout ring 1 - IT pilot', description: 'First ring of a staged rollout: IT staff who report problems early.' },
    { name: 'Rollout ring 2 - Early adopters', description: 'Second ring of a staged rollout: volunteers from each department.' },
  ],
  apps: [
    { name: 'Contoso Expenses' },
    { name: 'Contoso HR Portal' },
    { name: 'Contoso Payroll Sync' },
    { name: 'Contoso Inventory Daemon' },
    { name: 'mi-backup-runner', type: 'ManagedIdentity' },
  ],
  agents: ['Contoso Helpdesk Agent'],
  // The helpdesk agent's own user account (a digital worker with a mailbox for tickets). Conditional Access
  // targets agent users only all at once today (AllAgentIdUsers, "All agents acting as users"): CA023 covers it.
  agentUsers: [{ name: 'Helpdesk Agent', agent: 'Contoso Helpdesk Agent' }],
});

const d = contosoDirectory;
const emergencyGroup = d.group('CA - Emergency access accounts');
const breakGlass = [d.user('Break Glass 01'), d.user('Break Glass 02')];
const allUsersExceptEmergency = { includeUsers: ['All'], excludeGroups: [emergencyGroup] };

/** The rollout rings' members: staff whose sign-ins fill the demo's log (sign-ins.ts), none an emergency account. */
const rolloutRingMembers: Record<string, string[]> = {
  [d.group('Rollout ring 1 - IT pilot')]: ['Dev Patel', 'Elif Yilmaz', 'Kofi Mensah'].map(d.user),
  [d.group('Rollout ring 2 - Early adopters')]: ['Farah Haddad', 'Jonas Weber', 'Lena Sorensen', 'Noor Rahman', 'Priya Raman'].map(d.user),
};

const locationIds = {
  corporate: stableId(`${key}:location:Corporate network`),
  branches: stableId(`${key}:location:Branch offices`),
  allowedCountries: stableId(`${key}:location:Allowed countries`),
  blockedCountries: stableId(`${key}:location:Blocked countries`),
  vpn: stableId(`${key}:location:Azure VPN egress`),
  oldVpn: stableId(`${key}:location:Old VPN egress`),
};
const contractorStrength = stableId(`${key}:strength:Contractor MFA (FIDO2 or Authenticator)`);
const termsOfUse = stableId(`${key}:agreement:Partner terms of use`);
const partnerTenants = [stableId('tenant:fabrikam'), stableId('tenant:northwind')];
const allGuestTypes = 'internalGuest,b2bCollaborationGuest,b2bCollaborationMember,b2bDirectConnectUser,otherExternalUser,serviceProvider';
const everyTime = {
  isEnabled: true,
  type: null,
  value: null,
  authenticationType: 'primaryAndSecondaryAuthentication',
  frequencyInterval: 'everyTime',
};

const specs: PolicySpec[] = [
  {
    name: 'CA001: Require MFA for all users',
    state: 'enabled',
    createdDaysAgo: 410,
    modifiedDaysAgo: 6,
    users: {
      ...allUsersExceptEmergency,
      excludeUsers: [d.user('Sync Service Account')],
      excludeRoles: [roles.directorySynchronizationAccounts.id],
    },
    grant: { builtInControls: ['mfa'] },
  },
  {
    name: 'CA002: Block legacy authentication',
    state: 'enabled',
    createdDaysAgo: 405,
    users: allUsersExceptEmergency,
    conditions: { clientAppTypes: ['exchangeActiveSync', 'other'] },
    grant: { builtInControls: ['block'] },
  },
  {
    name: 'CA003: Require phishing-resistant MFA for admins',
    state: 'enabled',
    createdDaysAgo: 300,
    modifiedDaysAgo: 20,
    users: { includeRoles: privilegedRoleIds, excludeGroups: [emergencyGroup] },
    grant: { builtInControls: [], authenticationStrength: { id: builtInStrengths.phishingResistant } },
  },
  {
    name: 'CA004: Secure security info registration',
    state: 'enabled',
    createdDaysAgo: 280,
    users: { includeUsers: ['All'], excludeUsers: ['GuestsOrExternalUsers'], excludeGroups: [emergencyGroup] },
    applications: { includeUserActions: ['urn:user:registersecurityinfo'] },
    conditions: { locations: { includeLocations: ['All'], excludeLocations: ['AllTrusted'] } },
    grant: { builtInControls: ['mfa'] },
  },
  {
    name: 'CA005: Require MFA for Azure management',
    state: 'enabled',
    createdDaysAgo: 270,
    // Created from Microsoft's template (Graph keeps its id), then widened to the Azure CLI and PowerShell.
    templateId: 'd8c51a9a-e6b1-454d-86af-554e7872e2c1',
    users: allUsersExceptEmergency,
    applications: {
      includeApplications: [microsoftApps.azureManagement.appId, microsoftApps.azureCli.appId, microsoftApps.azurePowerShell.appId],
    },
    grant: { builtInControls: ['mfa'] },
  },
  {
    name: 'CA006: Block access from outside allowed countries',
    state: 'enabled',
    createdDaysAgo: 260,
    modifiedDaysAgo: 2,
    users: { ...allUsersExceptEmergency, excludeUsers: ['GuestsOrExternalUsers'] },
    conditions: { locations: { includeLocations: ['All'], excludeLocations: [locationIds.allowedCountries, locationIds.corporate] } },
    grant: { builtInControls: ['block'] },
  },
  {
    name: 'CA007: Require compliant or hybrid joined device on desktops',
    state: REPORT_ONLY,
    createdDaysAgo: 60,
    modifiedDaysAgo: 3,
    users: { includeUsers: ['All'], excludeGroups: [emergencyGroup, d.group('Contractors')], excludeUsers: ['GuestsOrExternalUsers'] },
    conditions: { platforms: { includePlatforms: ['windows', 'macOS'], excludePlatforms: [] } },
    grant: { builtInControls: ['compliantDevice', 'domainJoinedDevice'] },
  },
  {
    name: 'CA008: Block unknown or unsupported device platforms',
    state: REPORT_ONLY,
    createdDaysAgo: 58,
    users: allUsersExceptEmergency,
    conditions: { platforms: { includePlatforms: ['all'], excludePlatforms: ['android', 'iOS', 'windows', 'macOS', 'linux'] } },
    grant: { builtInControls: ['block'] },
  },
  {
    name: 'CA009: Require app protection on phones for Office 365',
    state: 'enabled',
    createdDaysAgo: 200,
    users: { includeGroups: [d.group('Mobile workers')], excludeGroups: [emergencyGroup] },
    applications: { includeApplications: ['Office365'] },
    conditions: {
      platforms: { includePlatforms: ['android', 'iOS'], excludePlatforms: [] },
      clientAppTypes: ['mobileAppsAndDesktopClients', 'browser'],
    },
    grant: { builtInControls: ['approvedApplication', 'compliantApplication'] },
  },
  {
    name: 'CA010: Sign-in every 12 hours on unmanaged devices',
    state: 'enabled',
    createdDaysAgo: 150,
    users: allUsersExceptEmergency,
    conditions: {
      devices: { deviceFilter: { mode: 'include', rule: 'device.isCompliant -ne True -and device.trustType -ne "ServerAD"' } },
    },
    session: {
      signInFrequency: {
        isEnabled: true,
        type: 'hours',
        value: 12,
        authenticationType: 'primaryAndSecondaryAuthentication',
        frequencyInterval: 'timeBased',
      },
      persistentBrowser: { isEnabled: true, mode: 'never' },
    },
  },
  {
    name: 'CA011: Require MFA for medium and high sign-in risk',
    state: 'enabled',
    createdDaysAgo: 190,
    users: allUsersExceptEmergency,
    conditions: { signInRiskLevels: ['high', 'medium'] },
    grant: { builtInControls: ['mfa'] },
    session: { signInFrequency: everyTime },
  },
  {
    name: 'CA012: Require password change for high user risk',
    state: 'enabled',
    createdDaysAgo: 190,
    users: allUsersExceptEmergency,
    conditions: { userRiskLevels: ['high'] },
    grant: { operator: 'AND', builtInControls: ['mfa', 'passwordChange'] },
    session: { signInFrequency: everyTime },
  },
  {
    name: 'CA013: Block users with elevated insider risk',
    state: REPORT_ONLY,
    createdDaysAgo: 25,
    users: allUsersExceptEmergency,
    conditions: { insiderRiskLevels: 'elevated' },
    grant: { builtInControls: ['block'] },
  },
  {
    name: 'CA014: Require MFA for all guests',
    state: 'enabled',
    createdDaysAgo: 240,
    users: {
      includeGuestsOrExternalUsers: {
        guestOrExternalUserTypes: allGuestTypes,
        externalTenants: { '@odata.type': '#microsoft.graph.conditionalAccessAllExternalTenants', membershipKind: 'all' },
      },
    },
    grant: { builtInControls: ['mfa'] },
  },
  {
    name: 'CA015: Partners accept terms of use',
    state: 'enabled',
    createdDaysAgo: 120,
    users: {
      includeGuestsOrExternalUsers: {
        guestOrExternalUserTypes: 'b2bCollaborationGuest,b2bCollaborationMember',
        externalTenants: {
          '@odata.type': '#microsoft.graph.conditionalAccessEnumeratedExternalTenants',
          membershipKind: 'enumerated',
          members: partnerTenants,
        },
      },
      excludeUsers: [d.user('Marta Novak')],
    },
    applications: { includeApplications: ['Office365'] },
    grant: { builtInControls: [], termsOfUse: [termsOfUse] },
  },
  {
    name: 'CA016: Block workload identities outside trusted locations',
    state: 'enabled',
    createdDaysAgo: 90,
    clientApplications: {
      includeServicePrincipals: [d.servicePrincipal('Contoso Payroll Sync'), d.servicePrincipal('Contoso Inventory Daemon')],
      excludeServicePrincipals: [],
    },
    users: { includeUsers: ['None'] },
    conditions: { locations: { includeLocations: ['All'], excludeLocations: ['AllTrusted'] } },
    grant: { builtInControls: ['block'] },
  },
  {
    name: 'CA017: Block high-risk service principals',
    state: REPORT_ONLY,
    createdDaysAgo: 40,
    clientApplications: {
      includeServicePrincipals: ['ServicePrincipalsInMyTenant'],
      excludeServicePrincipals: [d.servicePrincipal('mi-backup-runner')],
    },
    users: { includeUsers: ['None'] },
    conditions: { servicePrincipalRiskLevels: ['high'] },
    grant: { builtInControls: ['block'] },
  },
  {
    name: 'CA018: Block device code flow',
    state: 'enabled',
    createdDaysAgo: 80,
    users: { ...allUsersExceptEmergency, excludeGroups: [emergencyGroup, d.group('CA - Service accounts')] },
    conditions: { authenticationFlows: { transferMethods: 'deviceCodeFlow,authenticationTransfer' } },
    grant: { builtInControls: ['block'] },
  },
  {
    name: 'CA019: Require MFA for sensitive data (auth context)',
    state: 'enabled',
    createdDaysAgo: 70,
    users: allUsersExceptEmergency,
    applications: { includeAuthenticationContextClassReferences: ['c1'] },
    grant: { builtInControls: ['mfa'] },
  },
  {
    name: 'CA020: Monitor browser sessions in Defender for Cloud Apps',
    state: 'enabled',
    createdDaysAgo: 100,
    users: { includeGroups: [d.group('Contractors')] },
    applications: { includeApplications: ['Office365'] },
    conditions: { clientAppTypes: ['browser'] },
    session: { cloudAppSecurity: { isEnabled: true, cloudAppSecurityType: 'monitorOnly' } },
  },
  {
    name: 'CA021: App-enforced restrictions for unmanaged browsers',
    state: 'enabled',
    createdDaysAgo: 100,
    // An emergency-access gap (session only): the emergency group was left out.
    users: { includeUsers: ['All'], excludeUsers: ['GuestsOrExternalUsers'] },
    applications: { includeApplications: [microsoftApps.exchangeOnline.appId, microsoftApps.sharePointOnline.appId] },
    conditions: { clientAppTypes: ['browser'] },
    session: { applicationEnforcedRestrictions: { isEnabled: true } },
  },
  {
    name: 'CA022: Require MFA for admin portals',
    state: 'enabled',
    createdDaysAgo: 220,
    users: allUsersExceptEmergency,
    applications: { includeApplications: ['MicrosoftAdminPortals'] },
    grant: { builtInControls: ['mfa'] },
  },
  {
    name: 'CA023: Block agent identities from all resources',
    state: REPORT_ONLY,
    createdDaysAgo: 12,
    users: { includeUsers: ['AllAgentIdUsers'] },
    // Every agent identity but the one the service desk approved (beta: the agent identity lists).
    clientApplications: {
      includeAgentIdServicePrincipals: ['All'],
      excludeAgentIdServicePrincipals: [d.agentIdentity('Contoso Helpdesk Agent')],
    },
    grant: { builtInControls: ['block'] },
  },
  {
    name: 'CA024: Token protection for Exchange and SharePoint on Windows',
    state: REPORT_ONLY,
    createdDaysAgo: 18,
    users: { includeGroups: [d.group('CA - Pilot users')] },
    applications: { includeApplications: [microsoftApps.exchangeOnline.appId, microsoftApps.sharePointOnline.appId] },
    conditions: { platforms: { includePlatforms: ['windows'], excludePlatforms: [] }, clientAppTypes: ['mobileAppsAndDesktopClients'] },
    session: { secureSignInSession: { isEnabled: true } },
  },
  // A contingency plan after Microsoft's resilience guidance: two policies waiting in report-only,
  // named so the Contingency page recognises them, to be turned on in order when Intune compliance
  // cannot be evaluated.
  {
    name: 'EM01 - ENABLE IN EMERGENCY: Compliance service disruption [1/2] - Contoso Expenses: Require MFA instead of a compliant device',
    state: REPORT_ONLY,
    createdDaysAgo: 140,
    users: { includeGroups: [d.group('Finance')], excludeGroups: [emergencyGroup] },
    applications: { includeApplications: [d.app('Contoso Expenses')] },
    grant: { builtInControls: ['mfa'] },
  },
  {
    name: 'EM02 - ENABLE IN EMERGENCY: Compliance service disruption [2/2] - Privileged access workstations: Strict location enforcement with CAE',
    state: REPORT_ONLY,
    createdDaysAgo: 45,
    users: { includeGroups: [d.group('Privileged access workstations')], excludeGroups: [emergencyGroup] },
    session: { continuousAccessEvaluation: { mode: 'strictLocation' } },
    conditions: { locations: { includeLocations: [locationIds.corporate, locationIds.vpn], excludeLocations: [] } },
  },
  {
    name: 'CA027: Legacy - require MFA for Sales',
    state: 'disabled',
    createdDaysAgo: 700,
    users: { includeGroups: [d.gone('Sales')], excludeUsers: [d.gone('Former Sales Manager')] },
    grant: { builtInControls: ['mfa'] },
  },
  {
    name: 'CA028: Contractors use a strong MFA method',
    state: 'enabled',
    createdDaysAgo: 35,
    modifiedDaysAgo: 1,
    users: { includeGroups: [d.group('Contractors')], excludeGroups: [emergencyGroup] },
    grant: { builtInControls: [], authenticationStrength: { id: contractorStrength } },
  },
  {
    name: 'CA029: MFA for the HR portal without resilience defaults',
    state: REPORT_ONLY,
    createdDaysAgo: 28,
    users: { includeGroups: [d.group('HR')] },
    applications: { includeApplications: [d.app('Contoso HR Portal')] },
    grant: { builtInControls: ['mfa'] },
    session: { disableResilienceDefaults: true },
  },
  {
    name: 'CA030: Require MFA off the corporate network for Teams and Exchange',
    state: 'enabled',
    createdDaysAgo: 330,
    users: allUsersExceptEmergency,
    applications: { includeApplications: [microsoftApps.teams.appId, microsoftApps.exchangeOnline.appId], excludeApplications: [] },
    conditions: { locations: { includeLocations: ['All'], excludeLocations: [locationIds.corporate, locationIds.branches] } },
    grant: { builtInControls: ['mfa'] },
  },
  {
    name: 'CA031: Block Linux for Global Administrators',
    state: 'disabled',
    createdDaysAgo: 160,
    users: { includeRoles: [roles.globalAdministrator.id], excludeUsers: breakGlass },
    conditions: { platforms: { includePlatforms: ['linux'], excludePlatforms: [] } },
    grant: { builtInControls: ['block'] },
  },
  {
    name: 'CA032: MFA every time for Intune enrollment',
    state: 'enabled',
    createdDaysAgo: 175,
    // An emergency-access gap: the service accounts are excluded, the emergency group is not.
    users: { includeUsers: ['All'], excludeGroups: [d.group('CA - Service accounts')] },
    applications: { includeApplications: [microsoftApps.intuneEnrollment.appId] },
    grant: { builtInControls: ['mfa'] },
    session: { signInFrequency: everyTime },
  },
  {
    name: 'CA033: Remediate high user risk with passwordless sign-in',
    state: REPORT_ONLY,
    createdDaysAgo: 9,
    users: allUsersExceptEmergency,
    conditions: { userRiskLevels: ['high'] },
    grant: { operator: 'AND', builtInControls: ['riskRemediation'], authenticationStrength: { id: builtInStrengths.mfa } },
  },
  {
    name: 'CA034: Pilot - require MFA for pilot users on personal devices',
    state: 'disabled',
    createdDaysAgo: 14,
    users: { includeUsers: [d.user('Grace Kim'), d.user('Hugo Lefevre'), d.gone('Temp Pilot User')], excludeUsers: breakGlass },
    conditions: {
      devices: { deviceFilter: { mode: 'exclude', rule: 'device.trustType -eq "AzureAD" -or device.trustType -eq "ServerAD"' } },
      signInRiskLevels: ['low'],
    },
    grant: { builtInControls: ['mfa'] },
  },
  {
    name: 'CA035: Require MFA to register or join devices',
    state: 'enabled',
    createdDaysAgo: 230,
    users: { includeUsers: ['All'], excludeGroups: [emergencyGroup] },
    applications: { includeUserActions: ['urn:user:registerdevice'] },
    grant: { builtInControls: ['mfa'] },
  },
];

const deletedSpecs: (PolicySpec & { deletedDaysAgo: number })[] = [
  {
    name: 'CA090: Block sign-ins from the old VPN',
    state: 'enabled',
    createdDaysAgo: 500,
    deletedDaysAgo: 5,
    users: allUsersExceptEmergency,
    conditions: { locations: { includeLocations: [locationIds.oldVpn], excludeLocations: [] } },
    grant: { builtInControls: ['block'] },
  },
  {
    name: 'CA091: Test - block everything for pilot',
    state: 'disabled',
    createdDaysAgo: 30,
    deletedDaysAgo: 12,
    users: { includeGroups: [d.group('CA - Pilot users')], excludeGroups: [d.gone('Pilot break glass')] },
    grant: { builtInControls: ['block'] },
  },
  {
    name: 'CA092: Require MFA for HR',
    state: REPORT_ONLY,
    createdDaysAgo: 200,
    deletedDaysAgo: 27,
    users: { includeGroups: [d.group('HR')] },
    grant: { builtInControls: ['mfa'] },
  },
];

export function contosoSeed(now: Date): TenantSeed {
  const policies = specs.map((spec) => buildPolicy(key, spec, now));
  const deletedPolicies = deletedSpecs.map((spec) => ({
    ...buildPolicy(key, spec, now),
    deletedDateTime: daysAgo(now, spec.deletedDaysAgo),
  }));
  const location = (name: string, created: number, body: JsonObject): JsonObject => ({
    id: stableId(`${key}:location:${name}`),
    displayName: name,
    createdDateTime: daysAgo(now, created),
    modifiedDateTime: daysAgo(now, created),
    ...body,
  });
  return {
    key,
    id: CONTOSO_TENANT_ID,
    displayName: 'Contoso',
    defaultDomain: 'contoso.example',
    directory: contosoDirectory,
    admin: d.user('Ada Lindqvist'),
    reader: d.user('Ben Okafor'),
    // The break-glass accounts: in the emergency group and, as usual, Global Administrators.
    groupMembers: {
      [emergencyGroup]: breakGlass,
      [d.group('CA - Service accounts')]: [d.user('Sync Service Account'), d.user('Scanner Mailbox')],
      ...rolloutRingMembers,
    },
    roleMembers: { [roles.globalAdministrator.id]: breakGlass },
    policies,
    deletedPolicies,
    namedLocations: [
      location('Corporate network', 400, {
        '@odata.type': '#microsoft.graph.ipNamedLocation',
        isTrusted: true,
        ipRanges: [ipRange('203.0.113.0/24'), ipRange('198.51.100.16/28'), ipRange('2001:db8:1200::/48')],
      }),
      location('Branch offices', 380, {
        '@odata.type': '#microsoft.graph.ipNamedLocation',
        isTrusted: true,
        ipRanges: [ipRange('192.0.2.64/26')],
      }),
      location('Azure VPN egress', 120, {
        '@odata.type': '#microsoft.graph.ipNamedLocation',
        isTrusted: false,
        ipRanges: [ipRange('198.51.100.200/29')],
      }),
      location('Allowed countries', 260, {
        '@odata.type': '#microsoft.graph.countryNamedLocation',
        countriesAndRegions: ['NL', 'BE', 'DE', 'GB', 'US', 'SE'],
        includeUnknownCountriesAndRegions: false,
        countryLookupMethod: 'clientIpAddress',
      }),
      location('Blocked countries', 250, {
        '@odata.type': '#microsoft.graph.countryNamedLocation',
        countriesAndRegions: ['KP', 'IR'],
        includeUnknownCountriesAndRegions: true,
        countryLookupMethod: 'authenticatorAppGps',
      }),
    ],
    deletedNamedLocations: [
      {
        ...location('Old VPN egress', 600, {
          '@odata.type': '#microsoft.graph.ipNamedLocation',
          isTrusted: true,
          ipRanges: [ipRange('192.0.2.8/29')],
        }),
        deletedDateTime: daysAgo(now, 6),
      },
    ],
    customStrengths: [
      {
        id: contractorStrength,
        displayName: 'Contractor MFA (FIDO2 or Authenticator)',
        description: 'Phishing-resistant keys or Authenticator push for contractors.',
        allowedCombinations: ['fido2', 'microsoftAuthenticatorPush,federatedSingleFactor', 'password,microsoftAuthenticatorPush'],
      },
    ],
    authenticationContexts: [
      { id: 'c1', displayName: 'Sensitive data', description: 'SharePoint sites labelled Highly Confidential.', isAvailable: true },
      { id: 'c2', displayName: 'Privileged operations', description: 'PIM role activation.', isAvailable: false },
    ],
    agreements: [{ id: termsOfUse, displayName: 'Partner terms of use' }],
    history: [
      {
        policy: 'CA001: Require MFA for all users',
        daysAgo: 6,
        by: 'Chloe Martins',
        change: (p) => ({
          ...p,
          conditions: {
            ...(p.conditions as JsonObject),
            users: { ...((p.conditions as JsonObject).users as JsonObject), excludeUsers: [] },
          },
        }),
      },
      {
        policy: 'CA006: Block access from outside allowed countries',
        daysAgo: 2,
        by: 'Ada Lindqvist',
        change: (p) => ({
          ...p,
          conditions: {
            ...(p.conditions as JsonObject),
            locations: { includeLocations: ['All'], excludeLocations: [locationIds.allowedCountries] },
          },
        }),
      },
      {
        policy: 'CA007: Require compliant or hybrid joined device on desktops',
        daysAgo: 3,
        by: 'Dev Patel',
        change: (p) => ({ ...p, state: 'enabled' }),
      },
      {
        policy: 'CA028: Contractors use a strong MFA method',
        daysAgo: 1,
        by: 'app:Contoso Automation',
        change: (p) => ({
          ...p,
          grantControls: {
            operator: 'OR',
            builtInControls: ['mfa'],
            customAuthenticationFactors: [],
            termsOfUse: [],
            authenticationStrength: null,
          },
        }),
      },
      {
        policy: 'CA003: Require phishing-resistant MFA for admins',
        daysAgo: 20,
        by: 'Ada Lindqvist',
        change: (p) => ({ ...p, state: REPORT_ONLY }),
      },
    ],
  };
}
