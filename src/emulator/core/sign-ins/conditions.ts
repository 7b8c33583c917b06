// The conditions of one policy, checked one by one against a sign-in, in a fixed order; the first
// one the sign-in does not meet decides that the policy does not apply. A condition the sign-in
// cannot answer (a what-if request that left it out) is "unknown" rather than a guess.
import { isObject } from '../http';
import type { Json, JsonObject, TenantState } from '../model';
import { deviceMatches, DeviceFilterError, type DeviceProperties } from './device-filter';
import type { AgentIdRiskLevel, ClientApp, InsiderRiskLevel, Platform, RiskLevel, TransferMethod } from './facts';
import { cidrTest } from './network';
import type { Subject } from './subject';

export type ConditionKey =
  | 'users'
  | 'servicePrincipals'
  | 'application'
  | 'devicePlatform'
  | 'location'
  | 'clientType'
  | 'signInRisk'
  | 'userRisk'
  | 'servicePrincipalRisk'
  | 'insiderRisk'
  | 'agentIdRisk'
  | 'authenticationFlow'
  | 'devices';

/** What the conditions are checked against; "unknown" where a what-if request gave nothing. */
export interface Situation {
  subject: Subject;
  target: { appId: string | null; userAction: string | null; authenticationContext: string | null };
  /** Null: a platform Entra did not recognise. */
  platform: Platform | null | 'unknown';
  clientApp: ClientApp | 'unknown';
  network: { ipAddress: string | null; country: string | null; gpsCountry: string | null } | 'unknown';
  device: DeviceProperties;
  signInRisk: RiskLevel;
  userRisk: RiskLevel;
  servicePrincipalRisk: RiskLevel;
  insiderRisk: InsiderRiskLevel;
  /** The agent's risk, when an agent identity or agent user signs in (otherwise none); What If may give several. */
  agentIdRisk: readonly AgentIdRiskLevel[];
  authenticationFlow: TransferMethod;
}

export type Check = 'met' | 'unmet' | 'unknown';

/** Microsoft's app groups, by the first-party app ids the emulator knows. */
const office365 = new Set([
  '00000002-0000-0ff1-ce00-000000000000', // Exchange Online
  '00000003-0000-0ff1-ce00-000000000000', // SharePoint Online
  'cc15fd57-2c6c-4117-a88c-83b1d56b4bbe', // Microsoft Teams Services
  '1fec8e78-bce4-4aaf-ab1b-5451cc387264', // Microsoft Teams
  '4765445b-32c6-49b0-83e6-1d93765276ca', // OfficeHome
]);
const adminPortals = new Set([
  'c44b4083-3bb0-49c1-b47d-974e53cbdf3c', // Azure Portal
  '00000006-0000-0ff1-ce00-000000000000', // Microsoft 365 admin portal
]);

const list = (value: Json | undefined): string[] => (Array.isArray(value) ? value.map(String) : []);
const obj = (value: Json | undefined): JsonObject | null => (isObject(value) ? value : null);
const flags = (value: Json | undefined): string[] =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((flag) => flag.trim())
        .filter(Boolean)
    : list(value);
const met = (condition: boolean): Check => (condition ? 'met' : 'unmet');

/** A users condition's include or exclude side, read once into a test of the subject. */
function usersSide(users: JsonObject, side: 'include' | 'exclude'): (subject: Subject) => boolean {
  const ids = new Set(list(users[`${side}Users`]));
  const groups = list(users[`${side}Groups`]);
  const roles = list(users[`${side}Roles`]);
  const external = obj(users[`${side}GuestsOrExternalUsers`]);
  const externalKinds = new Set(flags(external?.guestOrExternalUserTypes));
  const tenants = obj(external?.externalTenants);
  const tenantIds = tenants && tenants.membershipKind !== 'all' ? new Set(list(tenants.members)) : null;
  const everyone = side === 'include' && ids.has('All');
  const guests = ids.has('GuestsOrExternalUsers');
  const agents = ids.has('AllAgentIdUsers');
  return (subject) => {
    if (subject.kind !== 'user') return false;
    if (everyone || ids.has(subject.user.id) || (agents && subject.agent)) return true;
    if (subject.external !== null) {
      if (guests) return true;
      const { kind, homeTenantId } = subject.external;
      if (external && externalKinds.has(kind) && (tenantIds === null || (homeTenantId !== null && tenantIds.has(homeTenantId))))
        return true;
    }
    return groups.some((id) => subject.groups.has(id)) || roles.some((id) => subject.roles.has(id));
  };
}

function servicePrincipalIn(ids: string[], subject: Subject): boolean {
  if (subject.kind !== 'servicePrincipal' || subject.agent) return false;
  return ids.includes(subject.servicePrincipal.id) || (ids.includes('ServicePrincipalsInMyTenant') && subject.inMyTenant);
}

/** The agent identity lists (beta): All or agent identities' ids; a service principal that is no agent is never in them. */
function agentIdentityIn(ids: string[], subject: Subject): boolean {
  if (subject.kind !== 'servicePrincipal' || !subject.agent) return false;
  return ids.includes('All') || ids.includes(subject.servicePrincipal.id);
}

function appIn(ids: string[], appId: string): boolean {
  return (
    ids.includes('All') ||
    ids.includes(appId) ||
    (ids.includes('Office365') && office365.has(appId)) ||
    (ids.includes('MicrosoftAdminPortals') && adminPortals.has(appId))
  );
}

function applicationCheck(applications: JsonObject, target: Situation['target']): Check {
  const byContext =
    target.authenticationContext !== null &&
    list(applications.includeAuthenticationContextClassReferences).includes(target.authenticationContext);
  if (byContext) return 'met';
  if (target.userAction !== null) return met(list(applications.includeUserActions).includes(target.userAction));
  if (target.appId === null) return 'unmet';
  return met(appIn(list(applications.includeApplications), target.appId) && !appIn(list(applications.excludeApplications), target.appId));
}

export type Network = Exclude<Situation['network'], 'unknown'>;
/** Finds the named locations a network is in; the decider keeps one that remembers its answers. */
export type Locate = (network: Network) => ReadonlySet<string>;

/** Reads the tenant's named locations once; the answer finds the ones (and AllTrusted) a network is in. */
export function locator(tenant: TenantState): Locate {
  const tests = tenant.namedLocations.map((location) => {
    const id = String(location.id);
    if (location['@odata.type'] === '#microsoft.graph.ipNamedLocation') {
      const ranges = (Array.isArray(location.ipRanges) ? location.ipRanges : []).map((range) =>
        cidrTest(isObject(range) ? String(range.cidrAddress) : ''),
      );
      const trusted = location.isTrusted === true;
      return (network: Network, found: Set<string>) => {
        if (network.ipAddress === null || !ranges.some((inside) => inside(network.ipAddress!))) return;
        found.add(id);
        if (trusted) found.add('AllTrusted');
      };
    }
    if (location['@odata.type'] === '#microsoft.graph.countryNamedLocation') {
      const gps = location.countryLookupMethod === 'authenticatorAppGps';
      const countries = new Set(list(location.countriesAndRegions).map((c) => c.toUpperCase()));
      const unknown = location.includeUnknownCountriesAndRegions === true;
      return (network: Network, found: Set<string>) => {
        const country = gps ? network.gpsCountry : network.country;
        if (country === null ? unknown : countries.has(country.toUpperCase())) found.add(id);
      };
    }
    return () => {};
  });
  return (network) => {
    const found = new Set<string>();
    for (const test of tests) test(network, found);
    return found;
  };
}

function locationCheck(locate: Locate, locations: JsonObject, network: Situation['network']): Check {
  const include = list(locations.includeLocations);
  const exclude = list(locations.excludeLocations);
  if (network === 'unknown') return include.includes('All') && exclude.length === 0 ? 'met' : 'unknown';
  const at = locate(network);
  return met((include.includes('All') || include.some((id) => at.has(id))) && !exclude.some((id) => at.has(id)));
}

function platformCheck(platforms: JsonObject, platform: Situation['platform']): Check {
  const include = list(platforms.includePlatforms);
  const exclude = list(platforms.excludePlatforms);
  if (platform === 'unknown') return include.includes('all') && exclude.length === 0 ? 'met' : 'unknown';
  if (platform === null) return met(include.includes('all'));
  return met((include.includes('all') || include.includes(platform)) && !exclude.includes(platform));
}

function clientCheck(types: string[], clientApp: Situation['clientApp']): Check {
  if (types.includes('all')) return 'met';
  if (clientApp === 'unknown') return 'unknown';
  const legacy = clientApp === 'exchangeActiveSync' && types.includes('easSupported');
  return met(types.includes(clientApp) || legacy);
}

function deviceCheck(filter: JsonObject, device: DeviceProperties): Check {
  try {
    const matches = deviceMatches(String(filter.rule ?? ''), device);
    return met(filter.mode === 'exclude' ? !matches : matches);
  } catch (error) {
    // The service refuses such a rule when the policy is saved; one that got in applies to no one.
    if (error instanceof DeviceFilterError) return 'unmet';
    throw error;
  }
}

/** Each condition the policy sets, in the order they are checked, with the check for it. */
export function policyConditions(
  tenant: TenantState,
  policy: JsonObject,
  locate: Locate = locator(tenant),
): [ConditionKey, (s: Situation) => Check][] {
  const conditions = obj(policy.conditions) ?? {};
  const checks: [ConditionKey, (s: Situation) => Check][] = [];
  const users = obj(conditions.users) ?? {};
  const included = usersSide(users, 'include');
  const excluded = usersSide(users, 'exclude');
  const userMatches = (subject: Subject) => included(subject) && !excluded(subject);
  const clients = obj(conditions.clientApplications);
  const includeSps = list(clients?.includeServicePrincipals);
  const excludeSps = list(clients?.excludeServicePrincipals);
  const includeAgents = list(clients?.includeAgentIdServicePrincipals);
  const excludeAgents = list(clients?.excludeAgentIdServicePrincipals);
  if (includeSps.length > 0 || includeAgents.length > 0) {
    // A workload identity policy: user sign-ins (agent users among them) meet it only through its users
    // condition (usually None, or AllAgentIdUsers); agent identities only through the agent identity lists.
    checks.push([
      'servicePrincipals',
      (s) =>
        met(
          s.subject.kind === 'user'
            ? userMatches(s.subject)
            : (servicePrincipalIn(includeSps, s.subject) && !servicePrincipalIn(excludeSps, s.subject)) ||
                (agentIdentityIn(includeAgents, s.subject) && !agentIdentityIn(excludeAgents, s.subject)),
        ),
    ]);
  } else {
    checks.push(['users', (s) => met(userMatches(s.subject))]);
  }
  const applications = obj(conditions.applications) ?? {};
  checks.push(['application', (s) => applicationCheck(applications, s.target)]);
  const platforms = obj(conditions.platforms);
  if (platforms) checks.push(['devicePlatform', (s) => platformCheck(platforms, s.platform)]);
  const locations = obj(conditions.locations);
  if (locations) checks.push(['location', (s) => locationCheck(locate, locations, s.network)]);
  const clientTypes = list(conditions.clientAppTypes);
  if (clientTypes.length > 0 && !clientTypes.includes('all')) checks.push(['clientType', (s) => clientCheck(clientTypes, s.clientApp)]);
  const signInRisk = list(conditions.signInRiskLevels);
  if (signInRisk.length > 0) checks.push(['signInRisk', (s) => met(signInRisk.includes(s.signInRisk))]);
  const userRisk = list(conditions.userRiskLevels);
  if (userRisk.length > 0) checks.push(['userRisk', (s) => met(userRisk.includes(s.userRisk))]);
  const spRisk = list(conditions.servicePrincipalRiskLevels);
  if (spRisk.length > 0) checks.push(['servicePrincipalRisk', (s) => met(spRisk.includes(s.servicePrincipalRisk))]);
  const insider = flags(conditions.insiderRiskLevels);
  if (insider.length > 0) checks.push(['insiderRisk', (s) => met(insider.includes(s.insiderRisk))]);
  // Agent risk (beta) is an agent's: a sign-in by anyone else never meets it.
  const agentRisk = flags(conditions.agentIdRiskLevels);
  if (agentRisk.length > 0)
    checks.push(['agentIdRisk', (s) => met(s.subject.agent && s.agentIdRisk.some((level) => agentRisk.includes(level)))]);
  const transfer = flags(obj(conditions.authenticationFlows)?.transferMethods);
  if (transfer.length > 0) checks.push(['authenticationFlow', (s) => met(transfer.includes(s.authenticationFlow))]);
  const filter = obj(obj(conditions.devices)?.deviceFilter);
  if (filter) checks.push(['devices', (s) => deviceCheck(filter, s.device)]);
  return checks;
}
