// A what-if scenario: one made-up sign-in, named and kept so that a set of them can be run again
// as a suite with the outcome each is expected to have. The same scenario becomes the body of
// Graph's `evaluate` (every field sent, since the documented defaults of what is left out surprise)
// and the engine's facts (with what the directory says of the user: groups, roles, guest or not, agent user or not).
import { isJsonObject, type JsonObject } from '../json';
import type { Requirements } from './evaluate-policies';
import { parseIpAddress } from './ip-address';
import type {
  AgentIdRiskLevel,
  AuthenticationFlow,
  ClientAppType,
  DevicePlatform,
  GuestFacts,
  InsiderRiskLevel,
  RiskLevel,
  SignInFacts,
  UserAction,
} from './sign-in';

/**
 * Who signs in. An agent identity is a service principal marked as such, so that it is offered, kept and
 * reopened as one, and sent to Graph's beta evaluate as an agentSignIn with its risk; a file without the
 * mark reads as a workload identity, as before agents. An agent user is a user marked as one when picked
 * (the directory says so), so that its agent risk is asked and sent to beta too.
 */
export type ScenarioIdentity =
  | { kind: 'user'; id: string; name: string; agentUser?: true }
  | { kind: 'servicePrincipal'; id: string; name: string; agentIdentity?: true };

export type ScenarioTarget =
  | { kind: 'application'; appId: string; name: string }
  | { kind: 'userAction'; action: UserAction }
  | { kind: 'authenticationContext'; id: string; name?: string };

export interface ScenarioConditions {
  devicePlatform: Exclude<DevicePlatform, 'unsupported'>;
  clientAppType: Exclude<ClientAppType, 'easSupported'>;
  /** Left empty: not sent, and unknown to the engine (a location condition is then indeterminate). */
  ipAddress: string;
  country: string;
  signInRiskLevel: RiskLevel;
  userRiskLevel: RiskLevel;
  servicePrincipalRiskLevel: RiskLevel;
  insiderRiskLevel: InsiderRiskLevel;
  /** An agent's risk: asked, sent and evaluated only when an agent identity or an agent user signs in. */
  agentIdRiskLevel: AgentIdRiskLevel;
  deviceCompliant: boolean;
  /** How the device is joined: 'none' for an unregistered one (every device property then reads as null). */
  deviceTrustType: 'none' | 'AzureAD' | 'ServerAD' | 'Workplace';
  authenticationFlow: AuthenticationFlow;
}

export type Decision = Requirements['decision'];

export interface Scenario {
  id: string;
  name: string;
  identity: ScenarioIdentity;
  target: ScenarioTarget;
  conditions: ScenarioConditions;
  /** What the admin expects; a suite says which scenarios no longer get it. */
  expected?: Decision;
}

export const DEFAULT_CONDITIONS: ScenarioConditions = {
  devicePlatform: 'windows',
  clientAppType: 'browser',
  ipAddress: '',
  country: '',
  signInRiskLevel: 'none',
  userRiskLevel: 'none',
  servicePrincipalRiskLevel: 'none',
  insiderRiskLevel: 'none',
  agentIdRiskLevel: 'none',
  deviceCompliant: false,
  deviceTrustType: 'none',
  authenticationFlow: 'none',
};

/** Graph's names for the two user actions in `userActionContext` (not the urn of the policy). */
const GRAPH_USER_ACTIONS: Partial<Record<UserAction, string>> = {
  'urn:user:registersecurityinfo': 'registerSecurityInformation',
  'urn:user:registerdevice': 'registerOrJoinDevices',
};

/** Whether Graph's evaluate can answer the scenario (it knows two user actions only). */
export function graphCanEvaluate(scenario: Scenario): { ok: true } | { ok: false; why: string } {
  if (scenario.target.kind === 'userAction' && !GRAPH_USER_ACTIONS[scenario.target.action])
    return { ok: false, why: `Graph's evaluate knows no user action ${scenario.target.action}.` };
  return { ok: true };
}

/** Whether an agent identity signs in: the scenario's mark (what the directory says is read apart). */
export const signsInAsAgent = (scenario: Pick<Scenario, 'identity'>) =>
  scenario.identity.kind === 'servicePrincipal' && scenario.identity.agentIdentity === true;

/**
 * Whether the scenario asks an agent's risk: an agent identity's, or an agent user's (Conditional Access's
 * agent risk condition covers both; beta's evaluate takes it as signInConditions.agentIdRiskLevel).
 */
export const asksAgentRisk = (scenario: Pick<Scenario, 'identity'>) =>
  signsInAsAgent(scenario) || (scenario.identity.kind === 'user' && scenario.identity.agentUser === true);

/**
 * The scenario with its user marked (or not) as an agent user, as the directory says; the same object when
 * nothing changes. A user picked before agent users were marked (a form kept, a scenario saved or written to
 * a file then) carries no mark, and the mark is what asks the agent's risk and which evaluate to ask.
 */
export function withAgentUserMark<T extends { identity: Scenario['identity'] | null }>(scenario: T, userId: string, agentUser: boolean): T {
  const who = scenario.identity;
  if (who?.kind !== 'user' || who.id !== userId || (who.agentUser === true) === agentUser) return scenario;
  const { agentUser: _mark, ...person } = who;
  return { ...scenario, identity: agentUser ? { ...person, agentUser: true } : person };
}

/** A service principal's own risk is asked of a workload identity that is no agent; anyone else's is none. */
const servicePrincipalRisk = (scenario: Scenario): RiskLevel =>
  scenario.identity.kind === 'servicePrincipal' && !signsInAsAgent(scenario) ? scenario.conditions.servicePrincipalRiskLevel : 'none';

/** The Graph version that can evaluate the scenario: only beta knows an agent identity's sign-in and an agent's risk. */
export const evaluateVersion = (scenario: Scenario): 'v1.0' | 'beta' => (asksAgentRisk(scenario) ? 'beta' : 'v1.0');

/** The body of `POST /identity/conditionalAccess/evaluate` (for evaluateVersion), every condition stated. */
export function evaluateRequest(scenario: Scenario): JsonObject {
  const c = scenario.conditions;
  const agent = signsInAsAgent(scenario);
  const identity: JsonObject =
    scenario.identity.kind === 'user'
      ? { '@odata.type': '#microsoft.graph.userSignIn', userId: scenario.identity.id }
      : agent
        ? { '@odata.type': '#microsoft.graph.agentSignIn', agentServicePrincipalId: scenario.identity.id }
        : { '@odata.type': '#microsoft.graph.servicePrincipalSignIn', servicePrincipalId: scenario.identity.id };
  const target = scenario.target;
  const context: JsonObject =
    target.kind === 'application'
      ? { '@odata.type': '#microsoft.graph.applicationContext', includeApplications: [target.appId] }
      : target.kind === 'userAction'
        ? { '@odata.type': '#microsoft.graph.userActionContext', userAction: GRAPH_USER_ACTIONS[target.action] ?? target.action }
        : { '@odata.type': '#microsoft.graph.authContext', authenticationContextValue: target.id };
  const conditions: JsonObject = {
    devicePlatform: c.devicePlatform,
    clientAppType: c.clientAppType,
    signInRiskLevel: c.signInRiskLevel,
    userRiskLevel: c.userRiskLevel,
    servicePrincipalRiskLevel: servicePrincipalRisk(scenario),
    insiderRiskLevel: c.insiderRiskLevel,
    deviceInfo: c.deviceTrustType === 'none' ? { isCompliant: false } : { isCompliant: c.deviceCompliant, trustType: c.deviceTrustType },
    authenticationFlow: { transferMethod: c.authenticationFlow },
    // beta's signInConditions only: v1.0 refuses a property its type does not declare.
    ...(asksAgentRisk(scenario) && { agentIdRiskLevel: c.agentIdRiskLevel }),
  };
  if (c.ipAddress.trim()) conditions.ipAddress = c.ipAddress.trim();
  if (c.country.trim()) conditions.country = c.country.trim().toUpperCase();
  return { signInIdentity: identity, signInContext: context, signInConditions: conditions, appliedPoliciesOnly: false };
}

/** What the directory says of the scenario's user or service principal; left out: not read. */
export interface SubjectFacts {
  groupIds?: readonly string[];
  roleTemplateIds?: readonly string[];
  guest?: GuestFacts | null;
  /** Whether the user is an agent user (Graph's agentUser type); left out when the user was not read. */
  agentUser?: boolean;
  /** The tenant that owns the target application (Microsoft's apps are in Office 365 and the admin portals, others are not). */
  applicationOwnerTenantId?: string;
  /** For a workload identity: a managed identity (outside Conditional Access), and whether this tenant owns it. */
  workload?: { servicePrincipalType?: 'application' | 'managedIdentity'; ownedByThisTenant?: boolean; agentIdentity?: boolean };
}

/**
 * Why the scenario's address cannot be evaluated, or null (empty is fine: the address is then unknown).
 * Neither Graph's evaluate nor the engine can use such an address, so a suite does not run the scenario.
 */
export function ipAddressProblem(conditions: Pick<ScenarioConditions, 'ipAddress'>): string | null {
  const value = conditions.ipAddress.trim();
  if (!value || parseIpAddress(value)) return null;
  return `'${value}' is not an IPv4 or IPv6 address (such as 203.0.113.7 or 2001:db8::7).`;
}

/** The engine's facts for the scenario. */
export function scenarioFacts(scenario: Scenario, subject: SubjectFacts): SignInFacts {
  const c = scenario.conditions;
  const identity: SignInFacts['identity'] =
    scenario.identity.kind === 'user'
      ? {
          kind: 'user',
          userId: scenario.identity.id,
          displayName: scenario.identity.name,
          groupIds: subject.groupIds ?? 'unknown',
          roleTemplateIds: subject.roleTemplateIds ?? 'unknown',
          ...(subject.guest !== undefined && { guest: subject.guest }),
          // The picker offers agent users too: what the directory says, else the mark the picker gave, else not
          // known (a policy on all agent users may apply).
          ...(subject.agentUser !== undefined ? { agentUser: subject.agentUser } : scenario.identity.agentUser && { agentUser: true }),
        }
      : {
          kind: 'workloadIdentity',
          servicePrincipalId: scenario.identity.id,
          displayName: scenario.identity.name,
          ...subject.workload,
          // What the directory, read afresh, says; an answer without a type (Graph names only derived types, as
          // an agent identity is) is a plain service principal unless it was chosen among agent identities.
          // Not read: the mark, else not known.
          ...(subject.workload
            ? { agentIdentity: subject.workload.agentIdentity ?? !!scenario.identity.agentIdentity }
            : scenario.identity.agentIdentity && { agentIdentity: true }),
        };
  const t = scenario.target;
  const target: SignInFacts['target'] =
    t.kind === 'application'
      ? {
          kind: 'application',
          appId: t.appId,
          displayName: t.name,
          ...(subject.applicationOwnerTenantId && { ownerTenantId: subject.applicationOwnerTenantId }),
        }
      : t.kind === 'userAction'
        ? { kind: 'userAction', action: t.action }
        : { kind: 'authenticationContext', id: t.id };
  return {
    identity,
    target,
    devicePlatform: c.devicePlatform,
    clientAppType: c.clientAppType,
    ...(c.ipAddress.trim() && { ipAddress: c.ipAddress.trim() }),
    ...(c.country.trim() && { country: c.country.trim().toUpperCase() }),
    signInRiskLevel: c.signInRiskLevel,
    userRiskLevel: c.userRiskLevel,
    servicePrincipalRiskLevel: servicePrincipalRisk(scenario),
    insiderRiskLevel: c.insiderRiskLevel,
    // Asked only of an agent (marked, or an agent user to the directory): a user who is none has none, or is not
    // known to be one (the engine then says so).
    ...((asksAgentRisk(scenario) || (scenario.identity.kind === 'user' && subject.agentUser === true)) && {
      agentIdRiskLevel: c.agentIdRiskLevel,
    }),
    authenticationFlow: c.authenticationFlow,
    device:
      c.deviceTrustType === 'none'
        ? { registered: false }
        : { registered: true, isCompliant: c.deviceCompliant, trustType: c.deviceTrustType },
  };
}

/** Scenarios as a file: what Export writes and Import reads. */
export const SCENARIO_FILE_FORMAT = 'gatehouse.what-if-scenarios';

export const scenariosFile = (scenarios: readonly Scenario[]) =>
  `${JSON.stringify({ format: SCENARIO_FILE_FORMAT, version: 1, scenarios }, null, 2)}\n`;

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);
const oneOf = <T extends string>(v: unknown, allowed: readonly T[], fallback: T): T => (allowed.includes(v as T) ? (v as T) : fallback);

/** Reads a scenarios file (ids kept, or made when missing); each scenario it cannot use is named with why. */
export function readScenarios(value: unknown, newId: () => string): { scenarios: Scenario[]; problems: string[] } {
  if (!isJsonObject(value) || value.format !== SCENARIO_FILE_FORMAT || !Array.isArray(value.scenarios))
    return { scenarios: [], problems: ['This is not a file of what-if scenarios (Export on the What if page makes one).'] };
  const scenarios: Scenario[] = [];
  const problems: string[] = [];
  value.scenarios.forEach((raw, index) => {
    const label = isJsonObject(raw) && text(raw.name) ? `“${String(raw.name)}”` : `Scenario ${index + 1}`;
    if (!isJsonObject(raw) || !isJsonObject(raw.identity) || !isJsonObject(raw.target)) {
      problems.push(`${label} has no sign-in identity or target: left out.`);
      return;
    }
    const identityId = text(raw.identity.id);
    const identityName = text(raw.identity.name) ?? identityId;
    const identity: ScenarioIdentity | null =
      identityId && identityName
        ? raw.identity.kind === 'servicePrincipal'
          ? {
              kind: 'servicePrincipal',
              id: identityId,
              name: identityName,
              ...(raw.identity.agentIdentity === true && { agentIdentity: true }),
            }
          : { kind: 'user', id: identityId, name: identityName, ...(raw.identity.agentUser === true && { agentUser: true }) }
        : null;
    const t = raw.target;
    const target: ScenarioTarget | null =
      t.kind === 'application' && text(t.appId)
        ? { kind: 'application', appId: String(t.appId), name: text(t.name) ?? String(t.appId) }
        : t.kind === 'userAction' && text(t.action)
          ? { kind: 'userAction', action: t.action as UserAction }
          : t.kind === 'authenticationContext' && text(t.id)
            ? { kind: 'authenticationContext', id: String(t.id), ...(text(t.name) && { name: String(t.name) }) }
            : null;
    if (!identity || !target) {
      problems.push(`${label} has no sign-in identity or target: left out.`);
      return;
    }
    const c = isJsonObject(raw.conditions) ? raw.conditions : {};
    const d = DEFAULT_CONDITIONS;
    const risks: RiskLevel[] = ['none', 'low', 'medium', 'high', 'hidden'];
    const address = ipAddressProblem({ ipAddress: typeof c.ipAddress === 'string' ? c.ipAddress : '' });
    if (address) problems.push(`${label}: ${address.replace(/\.$/, '')}; kept, but not run until its address is corrected.`);
    scenarios.push({
      id: text(raw.id) ?? newId(),
      name: text(raw.name) ?? `Scenario ${index + 1}`,
      identity,
      target,
      conditions: {
        devicePlatform: oneOf(c.devicePlatform, ['android', 'iOS', 'windows', 'windowsPhone', 'macOS', 'linux'], d.devicePlatform),
        clientAppType: oneOf(c.clientAppType, ['browser', 'mobileAppsAndDesktopClients', 'exchangeActiveSync', 'other'], d.clientAppType),
        ipAddress: typeof c.ipAddress === 'string' ? c.ipAddress : '',
        country: typeof c.country === 'string' ? c.country : '',
        signInRiskLevel: oneOf(c.signInRiskLevel, risks, 'none'),
        userRiskLevel: oneOf(c.userRiskLevel, risks, 'none'),
        servicePrincipalRiskLevel: oneOf(c.servicePrincipalRiskLevel, risks, 'none'),
        insiderRiskLevel: oneOf(c.insiderRiskLevel, ['none', 'minor', 'moderate', 'elevated'], 'none'),
        agentIdRiskLevel: oneOf(c.agentIdRiskLevel, ['none', 'low', 'medium', 'high'], 'none'),
        deviceCompliant: c.deviceCompliant === true,
        deviceTrustType: oneOf(c.deviceTrustType, ['none', 'AzureAD', 'ServerAD', 'Workplace'], 'none'),
        authenticationFlow: oneOf(c.authenticationFlow, ['none', 'deviceCodeFlow', 'authenticationTransfer'], 'none'),
      },
      ...(raw.expected === 'block' || raw.expected === 'controls' || raw.expected === 'allow' ? { expected: raw.expected } : {}),
    });
  });
  return { scenarios, problems };
}
