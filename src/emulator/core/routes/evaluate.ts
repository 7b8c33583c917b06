// POST identity/conditionalAccess/evaluate (What If), v1.0 and beta, as
// api-reference/v1.0/api/conditionalaccessroot-evaluate.md documents it: signInIdentity,
// signInContext and signInConditions required, appliedPoliciesOnly optional; the answer is every
// policy with policyApplies and analysisReasons (resources/whatifanalysisresult.md). Decided by the
// emulator's own decider, with signinconditions.md's defaults for what the request leaves out.
import { errors, isObject, jsonResponse, readJson } from '../http';
import type { TenantState } from '../model';
import { scopes, type Route, type RouteInput } from '../route';
import type { Situation } from '../sign-ins/conditions';
import { decidePolicy, type PolicyDecision } from '../sign-ins/decide';
import { deviceProperties } from '../sign-ins/situation';
import type { AgentIdRiskLevel, GuestKind } from '../sign-ins/facts';
import type { Proof } from '../sign-ins/grant';
import { findWorkload, userSubject, workloadSubject, type Subject } from '../sign-ins/subject';
import { presentPolicy } from './policies';

// The 400 texts are not on Graph's pages; they follow a third-party mirror of Microsoft's support
// wiki ("The supplied JSON for your what-if evaluation contains invalid evaluation parameters").
const invalid = (detail: string) =>
  errors.badRequest(`The supplied JSON for your what-if evaluation contains invalid evaluation parameters: ${detail}`);

const userActions: Record<string, string> = {
  registerSecurityInformation: 'urn:user:registersecurityinfo',
  registerOrJoinDevices: 'urn:user:registerdevice',
};
const platforms = ['android', 'iOS', 'windows', 'windowsPhone', 'macOS', 'linux'];
const riskLevels = ['none', 'low', 'medium', 'high', 'hidden'];
const agentRiskLevels = ['none', 'low', 'medium', 'high', 'unknownFutureValue'];

function subjectOf(tenant: TenantState, identity: Record<string, unknown>, version: string): Subject {
  const type = String(identity['@odata.type'] ?? '');
  if (type === '#microsoft.graph.servicePrincipalSignIn') {
    const sp = findWorkload(tenant, identity.servicePrincipalId);
    if (!sp) throw invalid(`the service principal '${String(identity.servicePrincipalId)}' does not exist in your tenant.`);
    return workloadSubject(tenant, sp);
  }
  // beta's agentSignIn (resources/agentsignin.md): an agent identity, by its object id. v1.0's model has no
  // such type, which OData refuses as it refuses any type it cannot resolve.
  if (type === '#microsoft.graph.agentSignIn') {
    if (version !== 'beta') throw errors.badRequest("A type named 'microsoft.graph.agentSignIn' could not be resolved by the model.");
    const id = String(identity.agentServicePrincipalId);
    const found = findWorkload(tenant, identity.agentServicePrincipalId);
    if (!found) throw invalid(`the agent identity '${id}' does not exist in your tenant.`);
    const subject = workloadSubject(tenant, found);
    if (!subject.agent) throw invalid(`the service principal '${id}' is not an agent identity.`);
    return subject;
  }
  const known = version === 'beta' ? 'userSignIn, servicePrincipalSignIn or agentSignIn' : 'userSignIn or servicePrincipalSignIn';
  if (type !== '#microsoft.graph.userSignIn') throw invalid(`signInIdentity needs an @odata.type of ${known}.`);
  const user = tenant.users.find((u) => u.id === identity.userId);
  if (!user) throw errors.badRequest(`The supplied userId does not exist in your tenant: '${String(identity.userId)}'.`);
  const externalType = typeof identity.externalUserType === 'string' ? (identity.externalUserType as GuestKind) : undefined;
  const externalTenant = typeof identity.externalTenantId === 'string' ? identity.externalTenantId : undefined;
  return userSubject(tenant, user, { kind: externalType, homeTenantId: externalTenant });
}

function targetOf(context: Record<string, unknown>): Situation['target'] {
  const type = String(context['@odata.type'] ?? '');
  if (type === '#microsoft.graph.applicationContext') {
    const apps = Array.isArray(context.includeApplications) ? context.includeApplications.map(String) : [];
    if (apps.length !== 1) throw invalid('applicationContext needs exactly one application in includeApplications.');
    return { appId: apps[0]!, userAction: null, authenticationContext: null };
  }
  if (type === '#microsoft.graph.userActionContext') {
    const action = userActions[String(context.userAction)];
    if (!action) throw invalid(`unknown userAction '${String(context.userAction)}'.`);
    return { appId: null, userAction: action, authenticationContext: null };
  }
  if (type === '#microsoft.graph.authContext') {
    const value = String(context.authenticationContextValue ?? '');
    if (!/^c([1-9]|[1-9][0-9])$/.test(value)) throw invalid(`authenticationContextValue must be c1 to c99, not '${value}'.`);
    return { appId: null, userAction: null, authenticationContext: value };
  }
  throw invalid('signInContext needs an @odata.type of applicationContext, userActionContext or authContext.');
}

function level<T extends string>(value: unknown, allowed: readonly string[], fallback: T, name: string): T {
  if (value === undefined || value === null) return fallback;
  if (!allowed.includes(String(value))) throw invalid(`${name} '${String(value)}' is not one of ${allowed.join(', ')}.`);
  return value as T;
}

/** signinconditions.md's defaults: platform and client app "all", risks "none", no transfer method; deviceinfo.md: not compliant. */
/**
 * beta's agentIdRiskLevel, a flags enum ("multivalued", signinconditions.md): each level given is one the
 * sign-in may have (a policy's agent risk condition is met by any of them); none given, none. v1.0's
 * signInConditions has no such property: OData refuses it, null too, as it refuses any property its type
 * does not declare.
 */
function agentRiskOf(conditions: Record<string, unknown>, version: string): AgentIdRiskLevel[] {
  if (version !== 'beta') {
    if ('agentIdRiskLevel' in conditions)
      throw errors.badRequest("Could not find a property named 'agentIdRiskLevel' on type 'microsoft.graph.signInConditions'.");
    return ['none'];
  }
  const value = conditions.agentIdRiskLevel;
  if (value === undefined || value === null) return ['none'];
  const levels = String(value)
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  for (const given of levels) level(given, agentRiskLevels, 'none', 'agentIdRiskLevel');
  return levels.length > 0 ? (levels as AgentIdRiskLevel[]) : ['none'];
}

function situationOf(subject: Subject, target: Situation['target'], conditions: Record<string, unknown>, version: string): Situation {
  const platform = level(conditions.devicePlatform, [...platforms, 'all'], 'all', 'devicePlatform');
  const clientApp = level(
    conditions.clientAppType,
    ['all', 'browser', 'mobileAppsAndDesktopClients', 'exchangeActiveSync', 'easSupported', 'other'],
    'all',
    'clientAppType',
  );
  const ipAddress = typeof conditions.ipAddress === 'string' ? conditions.ipAddress : null;
  const country = typeof conditions.country === 'string' ? conditions.country : null;
  const flow = isObject(conditions.authenticationFlow) ? conditions.authenticationFlow.transferMethod : undefined;
  const device = isObject(conditions.deviceInfo) ? conditions.deviceInfo : {};
  return {
    subject,
    target,
    // "all" (given or by default) names no platform: a platform condition cannot be decided on it.
    platform: platform === 'all' ? 'unknown' : (platform as Situation['platform']),
    clientApp:
      clientApp === 'all' ? 'unknown' : clientApp === 'easSupported' ? 'exchangeActiveSync' : (clientApp as Situation['clientApp']),
    network: ipAddress === null && country === null ? 'unknown' : { ipAddress, country, gpsCountry: null },
    device: { isCompliant: false, ...deviceProperties(device as never) },
    signInRisk: level(conditions.signInRiskLevel, riskLevels, 'none', 'signInRiskLevel'),
    userRisk: level(conditions.userRiskLevel, riskLevels, 'none', 'userRiskLevel'),
    servicePrincipalRisk: level(conditions.servicePrincipalRiskLevel, riskLevels, 'none', 'servicePrincipalRiskLevel'),
    insiderRisk: level(conditions.insiderRiskLevel, ['none', 'minor', 'moderate', 'elevated'], 'none', 'insiderRiskLevel'),
    agentIdRisk: agentRiskOf(conditions, version),
    authenticationFlow: level(flow, ['none', 'deviceCodeFlow', 'authenticationTransfer'], 'none', 'authenticationFlow'),
  };
}

/** whatifanalysisresult.md's reasons, for the first condition that failed. */
function reasonOf(decision: PolicyDecision, situation: Situation): string {
  if (decision.result === 'notEnabled') return 'policyNotEnabled';
  if (decision.failed === null) return decision.unknown === null ? 'notSet' : 'notEnoughInformation';
  switch (decision.failed) {
    case 'users':
      return 'users';
    case 'servicePrincipals':
    case 'servicePrincipalRisk':
      return situation.subject.kind === 'user' ? 'users' : 'workloadIdentities';
    case 'application':
      return situation.target.userAction ? 'userActions' : situation.target.authenticationContext ? 'authenticationContext' : 'application';
    case 'clientType':
      return 'clientApps';
    // Neither version's whatIfAnalysisReasons names agent risk.
    case 'agentIdRisk':
      return 'unknownFutureValue';
    default:
      return decision.failed;
  }
}

async function evaluate(input: RouteInput) {
  const body = await readJson(input.request);
  if (!isObject(body)) throw invalid('the body must be an object.');
  for (const field of ['signInIdentity', 'signInContext', 'signInConditions']) {
    if (!isObject(body[field])) throw invalid(`${field} is required.`);
  }
  const subject = subjectOf(input.tenant, body.signInIdentity as Record<string, unknown>, input.version);
  const situation = situationOf(
    subject,
    targetOf(body.signInContext as Record<string, unknown>),
    body.signInConditions as Record<string, unknown>,
    input.version,
  );
  // What If answers whether policies apply, not whether the sign-in would meet their controls.
  const proof: Proof = { methods: new Set(), satisfied: new Set(), device: situation.device, canPrompt: true };
  const value = input.tenant.policies
    .map((policy) => {
      const decision = decidePolicy(input.tenant, policy, situation, proof);
      return { policy, decision, applies: decision.applies && decision.result !== 'notEnabled' };
    })
    .filter(({ applies }) => body.appliedPoliciesOnly !== true || applies)
    .map(({ policy, decision, applies }) => ({
      ...presentPolicy(input.tenant, policy, input),
      policyApplies: applies,
      analysisReasons: reasonOf(decision, situation),
    }));
  return jsonResponse(input.context, 200, {
    '@odata.context': `https://graph.microsoft.com/${input.version}/$metadata#Collection(microsoft.graph.whatIfAnalysisResult)`,
    value,
  });
}

export const evaluateRoutes: Route[] = [
  {
    method: 'POST',
    pattern: /^identity\/conditionalAccess\/evaluate$/,
    readOnly: true,
    // conditionalaccessroot-evaluate-permissions.md: Policy.Read.ConditionalAccess, or the broader two.
    scopes: ['Policy.Read.ConditionalAccess', ...scopes.readPolicies],
    throttle: 'ca',
    handle: evaluate,
  },
];
