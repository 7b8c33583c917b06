// "Contoso pre-production": a smaller tenant where policies are tried first. Some policies match
// production, some have drifted, some exist only here: the ground for tenant-vs-tenant compare.
import { stableId } from '../core/ids';
import { microsoftApps } from './apps';
import { buildPolicy, daysAgo, ipRange, REPORT_ONLY, type PolicySpec } from './builders';
import { buildDirectory } from './directory';
import { privilegedRoleIds, roles } from './role-templates';
import { builtInStrengths, type TenantSeed } from './tenant-seed';

export const PREPROD_TENANT_ID = stableId('tenant:contoso-preprod');
const key = 'contoso-preprod';

const d = buildDirectory({
  key,
  domain: 'preprod.contoso.example',
  members: ['Ada Lindqvist', 'Ben Okafor', 'Break Glass 01', 'Test User 01', 'Test User 02', 'Test Admin'],
  guests: [{ name: 'Sam Carter', home: 'fabrikam.example' }],
  groups: [
    { name: 'CA - Emergency access accounts', description: 'Break-glass accounts excluded from every Conditional Access policy.' },
    { name: 'CA - Pilot users', description: 'Users who get new Conditional Access policies first.' },
    { name: 'Test users', description: 'Accounts for testing policies.' },
  ],
  apps: [{ name: 'Contoso Expenses (test)' }, { name: 'Contoso Payroll Sync (test)' }],
});

const emergency = d.group('CA - Emergency access accounts');
const corporate = stableId(`${key}:location:Corporate network`);

const specs: PolicySpec[] = [
  {
    name: 'CA001: Require MFA for all users',
    state: 'enabled',
    createdDaysAgo: 300,
    users: { includeUsers: ['All'], excludeGroups: [emergency], excludeRoles: [roles.directorySynchronizationAccounts.id] },
    grant: { builtInControls: ['mfa'] },
  },
  {
    name: 'CA002: Block legacy authentication',
    state: 'enabled',
    createdDaysAgo: 300,
    users: { includeUsers: ['All'], excludeGroups: [emergency] },
    conditions: { clientAppTypes: ['exchangeActiveSync', 'other'] },
    grant: { builtInControls: ['block'] },
  },
  {
    name: 'CA003: Require phishing-resistant MFA for admins',
    state: 'enabled',
    createdDaysAgo: 200,
    users: { includeRoles: privilegedRoleIds, excludeGroups: [emergency] },
    grant: { builtInControls: [], authenticationStrength: { id: builtInStrengths.phishingResistant } },
  },
  {
    name: 'CA006: Block access from outside allowed countries',
    state: REPORT_ONLY,
    createdDaysAgo: 150,
    users: { includeUsers: ['All'], excludeGroups: [emergency] },
    conditions: { locations: { includeLocations: ['All'], excludeLocations: [corporate] } },
    grant: { builtInControls: ['block'] },
  },
  {
    name: 'CA007: Require compliant or hybrid joined device on desktops',
    state: 'enabled',
    createdDaysAgo: 90,
    users: { includeGroups: [d.group('Test users')] },
    conditions: { platforms: { includePlatforms: ['windows', 'macOS', 'linux'], excludePlatforms: [] } },
    grant: { builtInControls: ['compliantDevice', 'domainJoinedDevice'] },
  },
  {
    name: 'CA011: Require MFA for medium and high sign-in risk',
    state: 'enabled',
    createdDaysAgo: 150,
    users: { includeUsers: ['All'], excludeGroups: [emergency] },
    conditions: { signInRiskLevels: ['high', 'medium'] },
    grant: { builtInControls: ['mfa'] },
  },
  {
    name: 'CA016: Block workload identities outside trusted locations',
    state: REPORT_ONLY,
    createdDaysAgo: 60,
    clientApplications: { includeServicePrincipals: [d.servicePrincipal('Contoso Payroll Sync (test)')] },
    users: { includeUsers: ['None'] },
    conditions: { locations: { includeLocations: ['All'], excludeLocations: ['AllTrusted'] } },
    grant: { builtInControls: ['block'] },
  },
  {
    name: 'CA022: Require MFA for admin portals',
    state: 'enabled',
    createdDaysAgo: 120,
    users: { includeUsers: ['All'], excludeGroups: [emergency] },
    applications: { includeApplications: ['MicrosoftAdminPortals'] },
    grant: { builtInControls: ['mfa'] },
  },
  {
    name: 'CA036: Try - token protection for all Office apps',
    state: REPORT_ONLY,
    createdDaysAgo: 7,
    users: { includeGroups: [d.group('CA - Pilot users')] },
    applications: { includeApplications: ['Office365'] },
    conditions: { platforms: { includePlatforms: ['windows'], excludePlatforms: [] } },
    session: { secureSignInSession: { isEnabled: true } },
  },
  {
    name: 'CA037: Try - block Azure CLI outside corporate network',
    state: 'disabled',
    createdDaysAgo: 4,
    users: { includeUsers: [d.user('Test Admin')] },
    applications: { includeApplications: [microsoftApps.azureCli.appId] },
    conditions: { locations: { includeLocations: ['All'], excludeLocations: [corporate] } },
    grant: { builtInControls: ['block'] },
  },
  {
    name: 'CA038: Try - require MFA for guests from Fabrikam',
    state: REPORT_ONLY,
    createdDaysAgo: 3,
    users: {
      includeGuestsOrExternalUsers: {
        guestOrExternalUserTypes: 'b2bCollaborationGuest',
        externalTenants: {
          '@odata.type': '#microsoft.graph.conditionalAccessEnumeratedExternalTenants',
          membershipKind: 'enumerated',
          members: [stableId('tenant:fabrikam')],
        },
      },
    },
    grant: { builtInControls: ['mfa'] },
  },
  {
    name: 'CA039: Try - expenses app on compliant devices',
    state: 'disabled',
    createdDaysAgo: 2,
    users: { includeUsers: [d.user('Test User 01'), d.user('Test User 02')] },
    applications: { includeApplications: [d.app('Contoso Expenses (test)')] },
    grant: { builtInControls: ['compliantDevice'] },
  },
];

export function contosoPreprodSeed(now: Date): TenantSeed {
  return {
    key,
    id: PREPROD_TENANT_ID,
    displayName: 'Contoso pre-production',
    defaultDomain: 'preprod.contoso.example',
    directory: d,
    admin: d.user('Ada Lindqvist'),
    reader: d.user('Ben Okafor'),
    policies: specs.map((spec) => buildPolicy(key, spec, now)),
    deletedPolicies: [
      {
        ...buildPolicy(
          key,
          {
            name: 'CA040: Try - block all guests',
            state: 'disabled',
            createdDaysAgo: 20,
            users: { includeUsers: ['GuestsOrExternalUsers'] },
            grant: { builtInControls: ['block'] },
          },
          now,
        ),
        deletedDateTime: daysAgo(now, 8),
      },
    ],
    namedLocations: [
      {
        id: corporate,
        displayName: 'Corporate network',
        '@odata.type': '#microsoft.graph.ipNamedLocation',
        isTrusted: true,
        ipRanges: [ipRange('203.0.113.0/24')],
        createdDateTime: daysAgo(now, 300),
        modifiedDateTime: daysAgo(now, 300),
      },
    ],
    deletedNamedLocations: [],
    customStrengths: [],
    authenticationContexts: [],
    agreements: [],
    history: [
      {
        policy: 'CA007: Require compliant or hybrid joined device on desktops',
        daysAgo: 5,
        by: 'Ada Lindqvist',
        change: (p) => ({ ...p, state: REPORT_ONLY }),
      },
    ],
  };
}
