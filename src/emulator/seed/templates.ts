// Policy templates in the shape of /identity/conditionalAccess/templates, written for this project.
// "Require multifactor authentication for admins" keeps Microsoft's published template id.
import { stableId } from '../core/ids';
import type { JsonObject } from '../core/model';
import { microsoftApps } from './apps';
import { privilegedRoleIds, roles } from './role-templates';

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

function template(name: string, description: string, scenarios: string, details: JsonObject, id?: string): JsonObject {
  return { id: id ?? stableId(`template:${name}`), name, description, scenarios, details };
}

export const policyTemplates: JsonObject[] = [
  template(
    'Require multifactor authentication for admins',
    'Require multifactor authentication for privileged administrative accounts to reduce the risk of compromise.',
    'secureFoundation,zeroTrust,protectAdmins',
    {
      conditions: conditions({ users: users({ includeRoles: privilegedRoleIds }), applications: apps(['All']) }),
      grantControls: grant(['mfa']),
      sessionControls: null,
    },
    'c7503427-338e-4c5e-902d-abe252abfb43',
  ),
  template(
    'Securing security info registration',
    'Secure when and how users register for multifactor authentication and self-service password reset.',
    'secureFoundation,zeroTrust,remoteWork',
    {
      conditions: conditions({
        users: users({ includeUsers: ['All'], excludeUsers: ['GuestsOrExternalUsers'], excludeRoles: [roles.globalAdministrator.id] }),
        applications: apps([], { includeUserActions: ['urn:user:registersecurityinfo'] }),
        locations: { includeLocations: ['All'], excludeLocations: ['AllTrusted'] },
      }),
      grantControls: grant(['mfa']),
      sessionControls: null,
    },
  ),
  template(
    'Block legacy authentication',
    'Block legacy authentication endpoints that can be used to bypass multifactor authentication.',
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
    'Require multifactor authentication for all users',
    'Require multifactor authentication for all user accounts to reduce risk of compromise.',
    'secureFoundation,zeroTrust,remoteWork',
    {
      conditions: conditions({ users: users({ includeUsers: ['All'] }), applications: apps(['All']) }),
      grantControls: grant(['mfa']),
      sessionControls: null,
    },
  ),
  template(
    'Require multifactor authentication for guest access',
    'Require guest users to perform multifactor authentication when accessing your company resources.',
    'zeroTrust,remoteWork',
    {
      conditions: conditions({
        users: users({
          excludeUsers: [],
          includeGuestsOrExternalUsers: {
            guestOrExternalUserTypes:
              'internalGuest,b2bCollaborationGuest,b2bCollaborationMember,b2bDirectConnectUser,otherExternalUser,serviceProvider',
            externalTenants: { '@odata.type': '#microsoft.graph.conditionalAccessAllExternalTenants', membershipKind: 'all' },
          },
        }),
        applications: apps(['All']),
      }),
      grantControls: grant(['mfa']),
      sessionControls: null,
    },
  ),
  template(
    'Require multifactor authentication for Azure management',
    'Require multifactor authentication to protect privileged access to Azure management.',
    'secureFoundation,zeroTrust,protectAdmins',
    {
      conditions: conditions({ users: users({ includeUsers: ['All'] }), applications: apps([microsoftApps.azureManagement.appId]) }),
      grantControls: grant(['mfa']),
      sessionControls: null,
    },
  ),
  template(
    'Require multifactor authentication for risky sign-ins',
    'Require multifactor authentication if the sign-in risk is detected to be medium or high. (Requires a Microsoft Entra ID P2 license)',
    'zeroTrust,remoteWork,emergingThreats',
    {
      conditions: conditions({
        users: users({ includeUsers: ['All'] }),
        applications: apps(['All']),
        signInRiskLevels: ['high', 'medium'],
      }),
      grantControls: grant(['mfa']),
      sessionControls: {
        signInFrequency: {
          isEnabled: true,
          type: null,
          value: null,
          authenticationType: 'primaryAndSecondaryAuthentication',
          frequencyInterval: 'everyTime',
        },
      },
    },
  ),
  template(
    'Require password change for high-risk users',
    'Require the user to change their password if the user risk is detected to be high. (Requires a Microsoft Entra ID P2 license)',
    'zeroTrust,remoteWork',
    {
      conditions: conditions({ users: users({ includeUsers: ['All'] }), applications: apps(['All']), userRiskLevels: ['high'] }),
      grantControls: grant(['mfa', 'passwordChange'], 'AND'),
      sessionControls: {
        signInFrequency: {
          isEnabled: true,
          type: null,
          value: null,
          authenticationType: 'primaryAndSecondaryAuthentication',
          frequencyInterval: 'everyTime',
        },
      },
    },
  ),
  template(
    'Require compliant or hybrid Azure AD joined device for admins',
    'Require privileged administrators to only access resources when using a compliant or hybrid joined device.',
    'zeroTrust,protectAdmins',
    {
      conditions: conditions({ users: users({ includeRoles: privilegedRoleIds }), applications: apps(['All']) }),
      grantControls: grant(['compliantDevice', 'domainJoinedDevice']),
      sessionControls: null,
    },
  ),
  template(
    'Block access for unknown or unsupported device platform',
    'Users will be blocked from accessing company resources when the device type is unknown or unsupported.',
    'zeroTrust,remoteWork',
    {
      conditions: conditions({
        users: users({ includeUsers: ['All'] }),
        applications: apps(['All']),
        platforms: { includePlatforms: ['all'], excludePlatforms: ['android', 'iOS', 'windows', 'macOS', 'linux'] },
      }),
      grantControls: grant(['block']),
      sessionControls: null,
    },
  ),
  template(
    'No persistent browser session',
    'Protect user access on unmanaged devices by preventing browser sessions from remaining signed in after the browser is closed.',
    'zeroTrust,remoteWork',
    {
      conditions: conditions({
        users: users({ includeUsers: ['All'] }),
        applications: apps(['All']),
        devices: { deviceFilter: { mode: 'include', rule: 'device.trustType -ne "ServerAD" -and device.isCompliant -ne True' } },
      }),
      grantControls: null,
      sessionControls: {
        persistentBrowser: { isEnabled: true, mode: 'never' },
        signInFrequency: {
          isEnabled: true,
          type: 'hours',
          value: 1,
          authenticationType: 'primaryAndSecondaryAuthentication',
          frequencyInterval: 'timeBased',
        },
      },
    },
  ),
  template(
    'Require approved client apps or app protection policies',
    'Require approved client apps or app protection policies on mobile devices for Office 365.',
    'zeroTrust,remoteWork',
    {
      conditions: conditions({
        users: users({ includeUsers: ['All'] }),
        applications: apps(['Office365']),
        platforms: { includePlatforms: ['android', 'iOS'], excludePlatforms: [] },
      }),
      grantControls: grant(['approvedApplication', 'compliantApplication']),
      sessionControls: null,
    },
  ),
];
