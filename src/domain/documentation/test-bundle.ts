// A small but realistic backup for the documentation tests: the policies an admin writes first
// (MFA for everyone but the break-glass group, block legacy sign-ins, admins with a strength, a
// country block), a custom app, a deleted group, and names chosen to break escaping.
import { createBundle, type Bundle, type BundleSections, type ReferenceEntry } from '../bundle/bundle';
import type { JsonObject } from '../json';

export const IDS = {
  breakGlass: '6efb3763-47a1-4c00-afdb-11b1593d50a6',
  finance: '0c1b2a39-8d7e-4f60-9a1b-2c3d4e5f6a7b',
  hostileGroup: '11111111-2222-4333-8444-555555555555',
  goneGroup: '99999999-8888-4777-8666-555555555555',
  syncUser: '2ff818d4-a151-43d0-ab65-3677eda3e7f4',
  globalAdmin: '62e90394-69f5-4237-9190-012177145e10',
  expensesApp: 'a3b2c1d0-1111-4222-8333-444455556666',
  exchange: '00000002-0000-0ff1-ce00-000000000000',
  workload: 'b4c5d6e7-1111-4222-8333-444455556666',
  corporate: '2b98e32d-3852-459d-a1ec-7c704fb7d22e',
  countries: 'eabad577-6432-46f3-a105-dfa4d0b51436',
  strength: 'f0cb4a25-89f6-4fe4-ab31-0da76fb2e602',
  terms: 'b7e56885-a72e-4457-a55a-541eed625b4e',
} as const;

export const HOSTILE_GROUP = `<script>alert("x")</script> & 'Co' *bold* [link](https://evil.example) | =cmd`;

const policy = (id: string, displayName: string, state: string, body: JsonObject): JsonObject => ({
  id,
  displayName,
  state,
  createdDateTime: '2025-10-06T10:00:00Z',
  modifiedDateTime: '2026-11-14T10:00:00Z',
  ...body,
});

export function testSections(): BundleSections {
  return {
    policies: [
      policy('p-2', 'CA002: Block legacy authentication', 'enabled', {
        conditions: {
          users: { includeUsers: ['All'], excludeGroups: [IDS.breakGlass] },
          applications: { includeApplications: ['All'] },
          clientAppTypes: ['exchangeActiveSync', 'other'],
        },
        grantControls: { operator: 'OR', builtInControls: ['block'] },
      }),
      policy('p-1', 'CA001: Require MFA for all users', 'enabled', {
        description: 'Everyone but the break-glass accounts.',
        conditions: {
          users: { includeUsers: ['All'], excludeUsers: [IDS.syncUser], excludeGroups: [IDS.breakGlass, IDS.hostileGroup] },
          applications: { includeApplications: ['All'], excludeApplications: [IDS.expensesApp] },
        },
        grantControls: { operator: 'OR', builtInControls: ['mfa'] },
      }),
      policy('p-10', 'CA010: Admins use a strong method', 'enabledForReportingButNotEnforced', {
        conditions: {
          users: { includeRoles: [IDS.globalAdmin], excludeGroups: [IDS.breakGlass] },
          applications: { includeApplications: [IDS.exchange, IDS.expensesApp] },
          locations: { includeLocations: ['All'], excludeLocations: [IDS.corporate] },
        },
        grantControls: {
          operator: 'OR',
          builtInControls: [],
          authenticationStrength: { id: IDS.strength, displayName: 'Contractor MFA', allowedCombinations: ['fido2'] },
          termsOfUse: [IDS.terms],
        },
      }),
      policy('p-3', '=HYPERLINK("https://evil.example","CA003")', 'disabled', {
        conditions: {
          users: { includeGroups: [IDS.goneGroup, IDS.finance] },
          applications: { includeApplications: ['Office365'] },
          locations: { includeLocations: [IDS.countries] },
          clientApplications: { includeServicePrincipals: [IDS.workload] },
        },
        grantControls: { operator: 'OR', builtInControls: ['block'] },
      }),
    ],
    namedLocations: [
      {
        id: IDS.corporate,
        displayName: 'Corporate network',
        '@odata.type': '#microsoft.graph.ipNamedLocation',
        isTrusted: true,
        ipRanges: [{ cidrAddress: '203.0.113.0/24' }, { cidrAddress: '2001:db8:1200::/48' }],
      },
      {
        id: IDS.countries,
        displayName: 'Blocked countries',
        '@odata.type': '#microsoft.graph.countryNamedLocation',
        countriesAndRegions: ['KP', 'IR'],
        includeUnknownCountriesAndRegions: true,
      },
    ],
    authenticationStrengths: [
      {
        id: IDS.strength,
        displayName: 'Contractor MFA',
        policyType: 'custom',
        allowedCombinations: ['fido2', 'password,microsoftAuthenticatorPush'],
      },
    ],
    authenticationContexts: [{ id: 'c1', displayName: 'Sensitive data', isAvailable: true }],
    termsOfUse: [{ id: IDS.terms, displayName: 'Partner terms of use' }],
  };
}

export const testReferences = (): ReferenceEntry[] => [
  { kind: 'group', id: IDS.breakGlass, displayName: 'CA - Emergency access accounts', mail: null, exists: true },
  { kind: 'group', id: IDS.finance, displayName: 'Finance', mail: 'finance@contoso.example', exists: true },
  { kind: 'group', id: IDS.hostileGroup, displayName: HOSTILE_GROUP, mail: null, exists: true },
  { kind: 'user', id: IDS.goneGroup, displayName: null, exists: false },
  {
    kind: 'user',
    id: IDS.syncUser,
    displayName: 'Sync Service Account',
    userPrincipalName: 'sync@contoso.example',
    mail: 'sync@contoso.example',
    exists: true,
  },
  { kind: 'servicePrincipal', id: IDS.workload, displayName: 'Payroll Sync', appId: 'c0ffee00-1111-4222-8333-444455556666', exists: true },
  { kind: 'application', id: IDS.expensesApp, appId: IDS.expensesApp, displayName: 'Contoso Expenses', exists: true },
  { kind: 'application', id: IDS.exchange, appId: IDS.exchange, displayName: 'Office 365 Exchange Online', exists: true },
  { kind: 'role', id: IDS.globalAdmin, roleTemplateId: IDS.globalAdmin, displayName: 'Global Administrator', exists: true },
];

const ORIGIN = {
  tenantId: 'a1f78ab5-8319-4d65-ae23-f30402a22fc2',
  tenantName: 'Contoso & <Sons>',
  capturedAt: new Date('2026-11-30T12:00:00Z'),
};

export const testBundle = (sections: BundleSections = testSections()): Promise<Bundle> => createBundle(sections, testReferences(), ORIGIN);

export const NAMING_IDS = {
  admins: '7a1d2c3b-1111-4222-8333-000000000001',
  developers: '7a1d2c3b-1111-4222-8333-000000000002',
} as const;

/**
 * The same tenant with policies named as admins name them: after the tenant ("CONTOSO") and what
 * they target (the masked app "Contoso Expenses", the group "C++ Developers (EU)"), and a group
 * called "Admins", a word every tenant uses.
 */
export function namingBundle(): Promise<Bundle> {
  const sections = testSections();
  const users = (includeGroups: string[]) => ({ users: { includeGroups }, applications: { includeApplications: ['All'] } });
  const mfa = { operator: 'OR', builtInControls: ['mfa'] };
  sections.policies.push(
    policy('p-50', 'CA050 - Contoso Expenses: Require MFA', 'enabled', {
      description: 'Contoso staff off the corporate network; see the Contoso Expenses runbook.',
      conditions: {
        users: { includeUsers: ['All'] },
        applications: { includeApplications: [IDS.expensesApp] },
        locations: { includeLocations: ['All'], excludeLocations: [IDS.corporate] },
      },
      grantControls: mfa,
    }),
    policy('p-51', 'CA051 - CONTOSO pilot, not Contosoville', 'disabled', { conditions: users([IDS.finance]), grantControls: mfa }),
    policy('p-53', 'CA053 - Admins: Require MFA', 'enabled', { conditions: users([NAMING_IDS.admins]), grantControls: mfa }),
    policy('p-54', 'CA054 - c++ developers (eu) on compliant devices', 'enabled', {
      conditions: users([NAMING_IDS.developers]),
      grantControls: { operator: 'OR', builtInControls: ['compliantDevice'] },
    }),
    policy('p-56', 'CA056-Finance-AnyApp-AnyPlatform-MFA', 'enabled', { conditions: users([IDS.finance]), grantControls: mfa }),
  );
  sections.termsOfUse.push({ id: 'b7e56885-0000-4457-a55a-541eed625b4e', displayName: 'Contoso Expenses terms' });
  return createBundle(
    sections,
    [
      ...testReferences(),
      { kind: 'group', id: NAMING_IDS.admins, displayName: 'Admins', mail: null, exists: true },
      { kind: 'group', id: NAMING_IDS.developers, displayName: 'C++ Developers (EU)', mail: null, exists: true },
    ],
    ORIGIN,
  );
}
