// Test data for the bulk modules: policies over every condition and a deterministic mix of sign-ins
// (known, unknown and explicitly empty facts), built on the engine's test fixtures. Used by *.test.ts.
import type { JsonObject } from '../../json';
import type { SignInFacts } from '../sign-in';
import { ada, adaToExchange, ids, policy } from '../test-fixtures';

const REPORT_ONLY = 'enabledForReportingButNotEnforced';
const exceptEmergency = { includeUsers: ['All'], excludeGroups: [ids.emergency] };

export const bulkPolicies: JsonObject[] = [
  policy({ name: 'MFA for all', users: { ...exceptEmergency, excludeUsers: [ids.sync], excludeRoles: [ids.syncRole] } }),
  policy({
    name: 'Block legacy',
    users: exceptEmergency,
    conditions: { clientAppTypes: ['exchangeActiveSync', 'other'] },
    grant: { builtInControls: ['block'] },
  }),
  policy({
    name: 'Block outside allowed countries',
    users: { ...exceptEmergency, excludeUsers: ['GuestsOrExternalUsers'] },
    conditions: { locations: { includeLocations: ['All'], excludeLocations: [ids.allowedCountries, ids.corporate] } },
    grant: { builtInControls: ['block'] },
  }),
  policy({
    name: 'Compliant desktops',
    state: REPORT_ONLY,
    users: { includeUsers: ['All'], excludeGroups: [ids.emergency, ids.contractors] },
    conditions: { platforms: { includePlatforms: ['windows', 'macOS'] } },
    grant: { builtInControls: ['compliantDevice', 'domainJoinedDevice'] },
  }),
  policy({
    name: 'Office on phones',
    users: { includeGroups: [ids.mobile] },
    applications: { includeApplications: ['Office365'] },
    conditions: { platforms: { includePlatforms: ['android', 'iOS'] } },
    grant: { builtInControls: ['approvedApplication', 'compliantApplication'] },
  }),
  policy({
    name: 'Risky sign-ins',
    conditions: { signInRiskLevels: ['high', 'medium'] },
    grant: { builtInControls: ['mfa'] },
  }),
  policy({
    name: 'Risky users',
    conditions: { userRiskLevels: ['high'] },
    grant: { operator: 'AND', builtInControls: ['mfa', 'passwordChange'] },
  }),
  policy({
    name: 'Admins from trusted places',
    users: { includeRoles: [ids.globalAdmin] },
    conditions: { locations: { includeLocations: ['All'], excludeLocations: ['AllTrusted'] } },
    grant: { builtInControls: ['block'] },
  }),
  policy({
    name: 'Device code',
    conditions: { authenticationFlows: { transferMethods: 'deviceCodeFlow' } },
    grant: { builtInControls: ['block'] },
  }),
  policy({
    name: 'Unmanaged devices sign-in frequency',
    conditions: { devices: { deviceFilter: { mode: 'exclude', rule: 'device.isCompliant -eq True -or device.trustType -eq "ServerAD"' } } },
    grant: null,
    session: { signInFrequency: { isEnabled: true, type: 'hours', value: 8 } },
  }),
  policy({
    name: 'Guests to Exchange',
    users: {
      includeGuestsOrExternalUsers: { guestOrExternalUserTypes: 'b2bCollaborationGuest', externalTenants: { membershipKind: 'all' } },
    },
    applications: { includeApplications: [ids.exchange] },
  }),
  policy({ name: 'Off', state: 'disabled', grant: { builtInControls: ['block'] } }),
];

/** A small deterministic generator (mulberry32). */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return { next, pick };
}

/** n sign-ins varying every fact the policies above read, some left unknown. */
export function mixedSignIns(n: number, seed = 7): SignInFacts[] {
  const r = random(seed);
  const users = [
    ada,
    { ...ada, userId: ids.breakGlass, groupIds: [ids.emergency], roleTemplateIds: [ids.globalAdmin] },
    { ...ada, userId: ids.sam, groupIds: [ids.contractors], roleTemplateIds: [ids.globalAdmin] },
    { ...ada, userId: ids.marta, groupIds: 'unknown' as const, roleTemplateIds: 'unknown' as const },
    { ...ada, userId: ids.sync, groupIds: [], roleTemplateIds: [ids.syncRole] },
    { kind: 'user' as const, userId: 'guest-1', groupIds: [], roleTemplateIds: [], guest: { kinds: ['b2bCollaborationGuest' as const] } },
    { kind: 'user' as const, userId: 'nobody-knows' },
  ];
  const apps = [ids.exchange, ids.sharePoint, ids.graph, ids.azurePortal, ids.expensesApp];
  const ips = ['203.0.113.7', '203.0.113.99', '192.0.2.70', '198.51.100.20', '8.8.8.8', 'not-an-ip', undefined];
  const countries = ['NL', 'US', 'BR', 'KP', null, undefined];
  const devices: (SignInFacts['device'] | undefined)[] = [
    adaToExchange.device,
    { registered: false },
    { registered: true, isCompliant: false, trustType: 'ServerAD' },
    { registered: true, isCompliant: false, trustType: 'Workplace' },
    undefined,
  ];
  return Array.from({ length: n }, (): SignInFacts => {
    const maybe = <T>(items: readonly T[]) => r.pick(items);
    const facts: SignInFacts = {
      identity: r.pick(users),
      target: { kind: 'application', appId: r.pick(apps) },
      devicePlatform: maybe(['windows', 'macOS', 'iOS', 'android', 'linux', 'unsupported', undefined] as const),
      ipAddress: maybe(ips),
      country: maybe(countries),
      gpsCountry: 'NL',
      clientAppType: maybe(['browser', 'mobileAppsAndDesktopClients', 'exchangeActiveSync', 'other', undefined] as const),
      device: maybe(devices),
      signInRiskLevel: maybe(['none', 'low', 'high', undefined] as const),
      userRiskLevel: maybe(['none', 'high', 'none', undefined] as const),
      insiderRiskLevel: 'none',
      authenticationFlow: maybe(['none', 'none', 'deviceCodeFlow', undefined] as const),
    };
    return Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined)) as SignInFacts;
  });
}
