// Test data for the engine's unit tests: a small tenant shaped like the demo's Contoso (its people,
// groups, named locations and policy shapes), written out here because domain code may not import the
// emulator's seed. Used by *.test.ts only.
import type { JsonObject } from '../json';
import type { EvaluationContext, SignInFacts, UserIdentity } from './sign-in';

export const ids = {
  tenant: '11111111-0000-0000-0000-000000000001',
  fabrikam: '11111111-0000-0000-0000-000000000002',
  northwind: '11111111-0000-0000-0000-000000000003',
  adatum: '11111111-0000-0000-0000-000000000004',
  ada: '22222222-0000-0000-0000-000000000001',
  breakGlass: '22222222-0000-0000-0000-000000000002',
  sync: '22222222-0000-0000-0000-000000000003',
  sam: '22222222-0000-0000-0000-000000000004',
  marta: '22222222-0000-0000-0000-000000000005',
  emergency: '33333333-0000-0000-0000-000000000001',
  serviceAccounts: '33333333-0000-0000-0000-000000000002',
  mobile: '33333333-0000-0000-0000-000000000003',
  contractors: '33333333-0000-0000-0000-000000000004',
  globalAdmin: '62e90394-69f5-4237-9190-012177145e10',
  syncRole: 'd29b2b05-8046-44ba-8758-1e26182fcf32',
  corporate: '44444444-0000-0000-0000-000000000001',
  branches: '44444444-0000-0000-0000-000000000002',
  allowedCountries: '44444444-0000-0000-0000-000000000003',
  blockedCountries: '44444444-0000-0000-0000-000000000004',
  payroll: '55555555-0000-0000-0000-000000000001',
  daemon: '55555555-0000-0000-0000-000000000002',
  backupRunner: '55555555-0000-0000-0000-000000000003',
  expensesApp: '66666666-0000-0000-0000-000000000001',
  exchange: '00000002-0000-0ff1-ce00-000000000000',
  sharePoint: '00000003-0000-0ff1-ce00-000000000000',
  teams: 'cc15fd57-2c6c-4117-a88c-83b1d56b4bbe',
  azureManagement: '797f4846-ba00-4fd7-ba43-dac1f8f63013',
  azurePortal: 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c',
  graph: '00000003-0000-0000-c000-000000000000',
};

export const names = new Map<string, string>([
  [ids.ada, 'Ada Lindqvist'],
  [ids.breakGlass, 'Break Glass 01'],
  [ids.sync, 'Sync Service Account'],
  [ids.sam, 'Sam Carter'],
  [ids.emergency, 'CA - Emergency access accounts'],
  [ids.serviceAccounts, 'CA - Service accounts'],
  [ids.mobile, 'Mobile workers'],
  [ids.contractors, 'Contractors'],
  [ids.globalAdmin, 'Global Administrator'],
  [ids.syncRole, 'Directory Synchronization Accounts'],
  [ids.exchange, 'Office 365 Exchange Online'],
  [ids.payroll, 'Contoso Payroll Sync'],
  [ids.fabrikam, 'Fabrikam'],
  ['c1', 'Sensitive data'],
]);

const ipRange = (cidrAddress: string) => ({
  '@odata.type': cidrAddress.includes(':') ? '#microsoft.graph.iPv6CidrRange' : '#microsoft.graph.iPv4CidrRange',
  cidrAddress,
});

export const context: EvaluationContext = {
  names,
  mfaTrustedIps: [],
  namedLocations: [
    {
      id: ids.corporate,
      displayName: 'Corporate network',
      '@odata.type': '#microsoft.graph.ipNamedLocation',
      isTrusted: true,
      ipRanges: [ipRange('203.0.113.0/24'), ipRange('198.51.100.16/28'), ipRange('2001:db8:1200::/48')],
    },
    {
      id: ids.branches,
      displayName: 'Branch offices',
      '@odata.type': '#microsoft.graph.ipNamedLocation',
      isTrusted: false,
      ipRanges: [ipRange('192.0.2.64/26')],
    },
    {
      id: ids.allowedCountries,
      displayName: 'Allowed countries',
      '@odata.type': '#microsoft.graph.countryNamedLocation',
      countriesAndRegions: ['NL', 'BE', 'DE', 'GB', 'US', 'SE'],
      includeUnknownCountriesAndRegions: false,
      countryLookupMethod: 'clientIpAddress',
    },
    {
      id: ids.blockedCountries,
      displayName: 'Blocked countries',
      '@odata.type': '#microsoft.graph.countryNamedLocation',
      countriesAndRegions: ['KP', 'IR'],
      includeUnknownCountriesAndRegions: true,
      countryLookupMethod: 'authenticatorAppGps',
    },
  ],
};

/** Ada, a member with known groups and roles. */
export const ada: UserIdentity = {
  kind: 'user',
  userId: ids.ada,
  groupIds: [ids.mobile],
  roleTemplateIds: [],
  guest: null,
  agentUser: false,
};

/** A complete, ordinary sign-in: Ada to Exchange from the corporate network in a browser on Windows. */
export const adaToExchange: SignInFacts = {
  identity: ada,
  target: { kind: 'application', appId: ids.exchange },
  devicePlatform: 'windows',
  ipAddress: '203.0.113.7',
  country: 'NL',
  gpsCountry: 'NL',
  clientAppType: 'browser',
  device: { registered: true, isCompliant: true, trustType: 'AzureAD', mdmAppId: null, extensionAttributes: {} },
  signInRiskLevel: 'none',
  userRiskLevel: 'none',
  insiderRiskLevel: 'none',
  authenticationFlow: 'none',
};

/** A policy in Graph's shape, from its essentials (as the demo seed builds them). */
export function policy(spec: {
  name?: string;
  state?: string;
  users?: JsonObject | null;
  applications?: JsonObject;
  clientApplications?: JsonObject;
  conditions?: JsonObject;
  grant?: JsonObject | null;
  session?: JsonObject | null;
}): JsonObject {
  return {
    id: `policy:${spec.name ?? 'test'}`,
    displayName: spec.name ?? 'Test policy',
    state: spec.state ?? 'enabled',
    conditions: {
      clientAppTypes: ['all'],
      ...spec.conditions,
      applications: spec.applications ?? { includeApplications: ['All'] },
      users: spec.users === undefined ? { includeUsers: ['All'] } : spec.users,
      clientApplications: spec.clientApplications ?? null,
    },
    grantControls:
      spec.grant === undefined ? { operator: 'OR', builtInControls: ['mfa'] } : spec.grant && { operator: 'OR', ...spec.grant },
    sessionControls: spec.session ?? null,
  };
}
