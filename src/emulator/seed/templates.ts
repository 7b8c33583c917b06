// Microsoft's 21 policy templates in the shape of /identity/conditionalAccess/templates: their ids
// (the same in every tenant, and what a policy created from one carries as templateId), names,
// scenarios and settings as Graph returns them; the descriptions are written for this project.
// Values outside Graph's documented enums are kept as the service sends them: the scenario
// aiAgents, the grant control verifiedID, the user action urn:user:accountrecovery.
import type { JsonObject } from '../core/model';
import { microsoftApps } from './apps';
import { roles } from './role-templates';

const noGuests = { includeGuestsOrExternalUsers: null, excludeGuestsOrExternalUsers: null };
const users = (over: JsonObject): JsonObject => ({
  includeUsers: [],
  excludeUsers: ['Current administrator will be excluded'],
  includeGroups: [],
  excludeGroups: [],
  includeRoles: [],
  excludeRoles: [],
  ...noGuests,
  ...over,
});
const apps = (include: string[], over: JsonObject = {}): JsonObject => ({
  includeApplications: include,
  excludeApplications: [],
  includeUserActions: [],
  includeAuthenticationContextClassReferences: [],
  applicationFilter: null,
  networkAccess: null,
  ...over,
});
// Every condition key Graph's template pages show, unset ones as [] or null.
const conditions = (over: JsonObject): JsonObject => ({
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
  clientApplications: null,
  ...over,
});
const grant = (controls: string[], operator = 'OR'): JsonObject => ({
  operator,
  builtInControls: controls,
  customAuthenticationFactors: [],
  termsOfUse: [],
  authenticationStrength: null,
});

function template(id: string, name: string, description: string, scenarios: string, details: JsonObject): JsonObject {
  return { id, name, description, scenarios, details };
}

const ALL_GUEST_TYPES = 'internalGuest,b2bCollaborationGuest,b2bCollaborationMember,b2bDirectConnectUser,otherExternalUser,serviceProvider';
const everyTime: JsonObject = {
  signInFrequency: {
    isEnabled: true,
    type: null,
    value: null,
    authenticationType: 'primaryAndSecondaryAuthentication',
    frequencyInterval: 'everyTime',
  },
};
// Graph expands a template's authentication strength; a policy made from it is written with the id.
const strength = (id: string, displayName: string): JsonObject => ({
  id,
  displayName,
  policyType: 'builtIn',
  requirementsSatisfied: 'mfa',
  combinationConfigurations: [],
});
// The 14 roles the admin templates target (security defaults' roles), in Graph's order.
const adminRoleIds = [
  roles.globalAdministrator.id,
  roles.securityAdministrator.id,
  roles.sharePointAdministrator.id,
  roles.exchangeAdministrator.id,
  roles.conditionalAccessAdministrator.id,
  roles.helpdeskAdministrator.id,
  roles.billingAdministrator.id,
  roles.userAdministrator.id,
  roles.authenticationAdministrator.id,
  roles.applicationAdministrator.id,
  roles.cloudApplicationAdministrator.id,
  roles.passwordAdministrator.id,
  roles.privilegedAuthenticationAdministrator.id,
  roles.privilegedRoleAdministrator.id,
];
// The phishing-resistant template reaches five more (compliance, Intune and three others by template id).
const widerAdminRoleIds = [
  ...adminRoleIds,
  roles.complianceAdministrator.id,
  'e6d1a23a-da11-4be4-9570-befc86d067a7',
  roles.intuneAdministrator.id,
  '44367163-eba1-44c3-98af-f5787879f96a',
  '11648597-926c-4cf3-9c36-bcebb0ba8dcc',
];
const dirSync = roles.directorySynchronizationAccounts.id;
const agentsBlocked = (risk: string | null): JsonObject => ({
  conditions: conditions({
    users: users({ includeUsers: ['None'], excludeUsers: [] }),
    applications: apps(['All']),
    clientApplications: {
      includeServicePrincipals: [],
      includeAgentIdServicePrincipals: ['All'],
      excludeServicePrincipals: [],
      excludeAgentIdServicePrincipals: [],
      servicePrincipalFilter: null,
      agentIdServicePrincipalFilter: null,
    },
    ...(risk ? { agentIdRiskLevels: risk } : {}),
  }),
  grantControls: grant(['block']),
  sessionControls: null,
});

export const policyTemplates: JsonObject[] = [
  template(
    'c7503427-338e-4c5e-902d-abe252abfb43',
    'Require multifactor authentication for admins',
    'Administrators in the roles security defaults protect must use multifactor authentication.',
    'secureFoundation,zeroTrust,protectAdmins',
    {
      conditions: conditions({ users: users({ includeRoles: adminRoleIds }), applications: apps(['All']) }),
      grantControls: grant(['mfa']),
      sessionControls: null,
    },
  ),
  template(
    'b8bda7f8-6584-4446-bce9-d871480e53fa',
    'Securing security info registration',
    'Registering for multifactor authentication and password reset needs MFA outside trusted locations.',
    'secureFoundation,zeroTrust,remoteWork',
    {
      conditions: conditions({
        users: users({
          includeUsers: ['All'],
          excludeUsers: ['GuestsOrExternalUsers', 'Current administrator will be excluded'],
          excludeRoles: [roles.globalAdministrator.id],
        }),
        applications: apps([], { includeUserActions: ['urn:user:registersecurityinfo'] }),
        locations: { includeLocations: ['All'], excludeLocations: ['AllTrusted'] },
      }),
      grantControls: grant(['mfa']),
      sessionControls: null,
    },
  ),
  template(
    '0b2282f9-2862-4178-88b5-d79340b36cb8',
    'Block legacy authentication',
    'Blocks Exchange ActiveSync and other legacy clients, which cannot do multifactor authentication.',
    'secureFoundation,zeroTrust,remoteWork,protectAdmins',
    {
      conditions: conditions({
        users: users({ includeUsers: ['All'] }),
        applications: apps(['All']),
        clientAppTypes: ['exchangeActiveSync', 'other'],
      }),
      grantControls: grant(['block']),
      sessionControls: null,
    },
  ),
  template(
    'a3d0a415-b068-4326-9251-f9cdf9feeb64',
    'Require multifactor authentication for all users',
    'Every user must use multifactor authentication; directory synchronization accounts are left out.',
    'secureFoundation,zeroTrust,remoteWork',
    {
      conditions: conditions({ users: users({ includeUsers: ['All'], excludeRoles: [dirSync] }), applications: apps(['All']) }),
      grantControls: grant(['mfa']),
      sessionControls: null,
    },
  ),
  template(
    'a4072ac0-722b-4991-981b-7f9755daef14',
    'Require multifactor authentication for guest access',
    'Guests and external users must use multifactor authentication.',
    'zeroTrust,remoteWork',
    {
      conditions: conditions({ users: users({ includeUsers: ['GuestsOrExternalUsers'] }), applications: apps(['All']) }),
      grantControls: grant(['mfa']),
      sessionControls: null,
    },
  ),
  template(
    'd8c51a9a-e6b1-454d-86af-554e7872e2c1',
    'Require multifactor authentication for Azure management',
    'Azure management (portal, CLI, PowerShell) needs multifactor authentication.',
    'secureFoundation,zeroTrust,protectAdmins',
    {
      conditions: conditions({ users: users({ includeUsers: ['All'] }), applications: apps([microsoftApps.azureManagement.appId]) }),
      grantControls: grant(['mfa']),
      sessionControls: null,
    },
  ),
  template(
    '6b619f55-792e-45dc-9711-d83ec9d7ae90',
    'Require multifactor authentication for risky sign-ins',
    'Medium and high sign-in risk needs multifactor authentication, every time. Needs Microsoft Entra ID P2.',
    'zeroTrust,remoteWork',
    {
      conditions: conditions({
        users: users({ includeUsers: ['All'] }),
        applications: apps(['All']),
        signInRiskLevels: ['high', 'medium'],
      }),
      grantControls: grant(['mfa']),
      sessionControls: everyTime,
    },
  ),
  template(
    '634b6de7-c38d-4357-a2c7-3842706eedd7',
    'Require password change for high-risk users',
    'High user risk needs multifactor authentication and a password change. Needs Microsoft Entra ID P2.',
    'zeroTrust,remoteWork',
    {
      conditions: conditions({ users: users({ includeUsers: ['All'] }), applications: apps(['All']), userRiskLevels: ['high'] }),
      grantControls: grant(['mfa', 'passwordChange'], 'AND'),
      sessionControls: everyTime,
    },
  ),
  template(
    'c26a510a-3b8b-4023-8c44-d4f4c854e9f9',
    'Require compliant or hybrid Azure AD joined device for admins',
    'Administrators reach resources only from a compliant or hybrid joined device.',
    'remoteWork,protectAdmins',
    {
      conditions: conditions({ users: users({ includeUsers: ['None'], includeRoles: adminRoleIds }), applications: apps(['All']) }),
      grantControls: grant(['compliantDevice', 'domainJoinedDevice']),
      sessionControls: null,
    },
  ),
  template(
    '4e39a309-931e-4cb1-a371-e2beea168002',
    'Block access for unknown or unsupported device platform',
    'Sign-ins from a device platform that is not recognised are blocked.',
    'zeroTrust,remoteWork',
    {
      conditions: conditions({
        users: users({ includeUsers: ['All'] }),
        applications: apps(['All']),
        platforms: { includePlatforms: ['all'], excludePlatforms: ['android', 'iOS', 'windows', 'macOS', 'linux', 'windowsPhone'] },
      }),
      grantControls: grant(['block']),
      sessionControls: null,
    },
  ),
  template(
    '62e51ccc-c9c3-4554-ac70-066172c81007',
    'No persistent browser session',
    'On unmanaged devices, browser sessions end with the browser and sign-in is asked again every hour.',
    'zeroTrust,remoteWork',
    {
      conditions: conditions({
        users: users({ includeUsers: ['All'] }),
        applications: apps(['All']),
        devices: {
          includeDeviceStates: [],
          excludeDeviceStates: [],
          includeDevices: [],
          excludeDevices: [],
          deviceFilter: { mode: 'include', rule: 'device.trustType -ne "ServerAD" -or device.isCompliant -ne True' },
        },
      }),
      grantControls: null,
      sessionControls: {
        signInFrequency: {
          isEnabled: true,
          type: 'hours',
          value: 1,
          authenticationType: 'primaryAndSecondaryAuthentication',
          frequencyInterval: 'timeBased',
        },
        persistentBrowser: { isEnabled: true, mode: 'never' },
      },
    },
  ),
  template(
    '927c884e-7888-4e81-abc4-bd56ded28985',
    'Require compliant or hybrid Azure AD joined device or multifactor authentication for all users',
    'Every user needs a managed device or multifactor authentication; directory synchronization accounts are left out.',
    'secureFoundation,zeroTrust',
    {
      conditions: conditions({ users: users({ includeUsers: ['All'], excludeRoles: [dirSync] }), applications: apps(['All']) }),
      grantControls: grant(['mfa', 'compliantDevice', 'domainJoinedDevice']),
      sessionControls: null,
    },
  ),
  template(
    '81fd2072-4876-42b6-8157-c6000693046b',
    'Use application enforced restrictions for O365 apps',
    'Office 365 limits what unmanaged devices can do; SharePoint must be configured for it too.',
    'remoteWork',
    {
      conditions: conditions({ users: users({ includeUsers: ['All'] }), applications: apps(['Office365']) }),
      grantControls: null,
      sessionControls: { applicationEnforcedRestrictions: { isEnabled: true } },
    },
  ),
  template(
    '76c03f19-ea37-4656-a772-a183b4ddb81d',
    'Require phishing-resistant multifactor authentication for admins',
    'Administrators must sign in with a phishing-resistant method, which they need to have registered first.',
    'protectAdmins,emergingThreats',
    {
      conditions: conditions({ users: users({ includeRoles: widerAdminRoleIds }), applications: apps(['All']) }),
      grantControls: {
        ...grant([], 'AND'),
        authenticationStrength: strength('00000000-0000-0000-0000-000000000004', 'Phishing-resistant MFA'),
      },
      sessionControls: null,
    },
  ),
  template(
    '6364131e-bc4a-47c4-a20b-33492d1fff6c',
    'Require multifactor authentication for Microsoft admin portals',
    'Microsoft admin portals need multifactor authentication, for when the admins template cannot be used.',
    'zeroTrust,protectAdmins',
    {
      conditions: conditions({ users: users({ includeRoles: adminRoleIds }), applications: apps(['MicrosoftAdminPortals']) }),
      grantControls: {
        ...grant([]),
        authenticationStrength: strength('00000000-0000-0000-0000-000000000002', 'Multifactor authentication'),
      },
      sessionControls: null,
    },
  ),
  template(
    '16aaa400-bfdf-4756-a420-ad2245d4cde8',
    'Block access to Office365 apps for users with insider risk',
    'Users with elevated insider risk are blocked from Office 365. Needs Microsoft Entra ID P2 and Purview adaptive protection.',
    'zeroTrust',
    {
      conditions: conditions({
        users: users({
          includeUsers: ['All'],
          excludeGuestsOrExternalUsers: {
            guestOrExternalUserTypes: 'b2bDirectConnectUser,otherExternalUser,serviceProvider',
            externalTenants: null,
          },
        }),
        applications: apps(['Office365']),
        insiderRiskLevels: 'elevated',
      }),
      grantControls: grant(['block']),
      sessionControls: null,
    },
  ),
  template(
    'a297dd1a-21fe-4016-99a0-ba43ba64378c',
    'Require MDM-enrolled and compliant device to access cloud apps for all users (Preview)',
    'Every user needs an enrolled, compliant device; directory synchronization accounts are left out.',
    'secureFoundation,zeroTrust',
    {
      conditions: conditions({ users: users({ includeUsers: ['All'], excludeRoles: [dirSync] }), applications: apps(['All']) }),
      grantControls: grant(['compliantDevice']),
      sessionControls: null,
    },
  ),
  template(
    '6acdf4c3-6815-485c-a57d-2c349d517ba0',
    'Secure account recovery with identity verification (Preview)',
    'Self-service account recovery asks users to prove who they are with Verified ID and Face Check.',
    'secureFoundation,zeroTrust,remoteWork,emergingThreats',
    {
      conditions: conditions({
        users: users({
          includeUsers: ['All'],
          excludeGuestsOrExternalUsers: {
            guestOrExternalUserTypes: ALL_GUEST_TYPES.replace('internalGuest,', ''),
            externalTenants: { '@odata.type': '#microsoft.graph.conditionalAccessAllExternalTenants', membershipKind: 'all' },
          },
        }),
        applications: apps([], { includeUserActions: ['urn:user:accountrecovery'] }),
      }),
      grantControls: grant(['verifiedID'], 'AND'),
      sessionControls: null,
    },
  ),
  template(
    '6bdcbbb7-ebd1-4f8f-a02f-652db0e3665d',
    'Block high risk agent identities from accessing resources',
    'Agent identities at high risk are blocked from every resource.',
    'aiAgents',
    agentsBlocked('high'),
  ),
  template(
    'c5bf9137-a43c-48e1-9d13-8258b31b855d',
    'Block all agent identities from accessing resources',
    'Every agent identity is blocked; exclude the agents you trust.',
    'aiAgents',
    agentsBlocked(null),
  ),
  template(
    '376d9923-7f15-40c2-830b-3312120f1eed',
    'Block all agent users from accessing resources',
    'Every agent user is blocked.',
    'aiAgents',
    {
      conditions: conditions({ users: users({ includeUsers: ['AllAgentIdUsers'], excludeUsers: [] }), applications: apps(['All']) }),
      grantControls: grant(['block']),
      sessionControls: null,
    },
  ),
];
