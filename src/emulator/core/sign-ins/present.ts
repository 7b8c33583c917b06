// A recorded sign-in in Graph's beta signIn shape (v1.0's lacks `agent`). Members of evolvable enums that Graph sends only
// to callers with `Prefer: include-unknown-enum-members` (appliedconditionalaccesspolicy.md: the
// reportOnly* results, and the servicePrincipals / servicePrincipalRisk conditions) are otherwise
// sent as unknownFutureValue, as Graph's evolvable-enum rule has it.
import type { JsonObject, TenantState } from '../model';
import { refusalReason } from './decide';
import type { RecordedSignIn, SignInLog } from './log-types';
import { appliedPolicies, appName } from './log';
import { findWorkload } from './subject';

/** The conditions of the decider as the log's conditionalAccessConditions flags name them. */
const conditionNames: Record<string, string> = {
  users: 'users',
  servicePrincipals: 'servicePrincipals',
  application: 'application',
  devicePlatform: 'devicePlatform',
  location: 'location',
  clientType: 'clientType',
  signInRisk: 'signInRisk',
  userRisk: 'userRisk',
  servicePrincipalRisk: 'servicePrincipalRisk',
  // The documented enum has no member for insider risk, agent risk, authentication flows or device filters.
  insiderRisk: 'unknownFutureValue',
  agentIdRisk: 'unknownFutureValue',
  authenticationFlow: 'unknownFutureValue',
  devices: 'unknownFutureValue',
};
const evolvableConditions = new Set(['servicePrincipals', 'servicePrincipalRisk']);

const clientAppNames: Record<string, string> = {
  browser: 'Browser',
  mobileAppsAndDesktopClients: 'Mobile Apps and Desktop clients',
  exchangeActiveSync: 'Exchange ActiveSync',
  other: 'Other clients',
};
const platformNames: Record<string, string> = {
  windows: 'Windows 10',
  macOS: 'MacOs',
  iOS: 'Ios',
  android: 'Android',
  linux: 'Linux',
  windowsPhone: 'Windows Phone',
};
const methodNames: Record<string, string> = {
  password: 'Password',
  microsoftAuthenticatorPush: 'Mobile app notification',
  softwareOath: 'Mobile app verification code',
  hardwareOath: 'OATH verification code',
  sms: 'Text message',
  voice: 'Phone call',
  fido2: 'FIDO2 security key',
  windowsHelloForBusiness: 'Windows Hello for Business',
  deviceBasedPush: 'Passwordless phone sign-in',
  temporaryAccessPassOneTime: 'Temporary Access Pass',
  temporaryAccessPassMultiUse: 'Temporary Access Pass',
  x509CertificateSingleFactor: 'X.509 Certificate',
  x509CertificateMultiFactor: 'X.509 Certificate',
  federatedSingleFactor: 'Federated single factor',
  federatedMultiFactor: 'Federated multi-factor',
};

function flagsText(conditions: string[], includeUnknown: boolean): string {
  const names = [
    ...new Set(
      conditions
        .map((key) => conditionNames[key] ?? 'unknownFutureValue')
        .map((name) => (!includeUnknown && evolvableConditions.has(name) ? 'unknownFutureValue' : name)),
    ),
  ];
  return names.length === 0 ? 'none' : names.join(',');
}

/** Everything but appliedConditionalAccessPolicies, which is costly and only needed for the page sent. */
export function presentSummary(tenant: TenantState, entry: RecordedSignIn): JsonObject {
  const facts = entry.facts;
  const user = facts.userId !== undefined ? tenant.users.find((u) => u.id === facts.userId) : undefined;
  const isWorkload = facts.servicePrincipalId !== undefined;
  const sp = isWorkload ? findWorkload(tenant, facts.servicePrincipalId) : undefined;
  const guest = user?.userType === 'Guest' || facts.guestKind !== undefined;
  // resources/signin.md: always lower case, and a guest's own address rather than the #EXT# name.
  const userPrincipalName = user ? (guest ? (user.mail ?? user.userPrincipalName) : user.userPrincipalName).toLowerCase() : null;
  const app = appName(tenant, facts.appId);
  const homeTenantId = isWorkload ? null : (facts.homeTenantId ?? (guest ? null : tenant.id));
  const methods = isWorkload ? [] : (facts.authenticationMethods ?? ['password']);
  const interactive = !isWorkload && (facts.interactive ?? true);
  const risk = facts.signInRisk ?? 'none';
  const device = entry.device === undefined ? {} : (tenant.signInLog?.devices[entry.device] ?? {});
  const names = methods.map((method) => methodNames[method] ?? method);
  return {
    id: entry.id,
    createdDateTime: facts.createdDateTime,
    userDisplayName: isWorkload ? null : (user?.displayName ?? null),
    userPrincipalName,
    userId: facts.userId ?? '',
    userType: isWorkload ? null : guest ? 'guest' : 'member',
    appId: facts.appId ?? '',
    appDisplayName: app,
    resourceId: facts.appId ?? '',
    resourceDisplayName: app,
    resourceTenantId: tenant.id,
    homeTenantId,
    crossTenantAccessType: guest && homeTenantId !== tenant.id ? 'b2bCollaboration' : 'none',
    ipAddress: facts.ipAddress,
    clientAppUsed: isWorkload ? null : (clientAppNames[facts.clientApp ?? 'browser'] ?? null),
    userAgent: facts.userAgent ?? null,
    correlationId: entry.id,
    originalRequestId: entry.id,
    conditionalAccessStatus: conditionalAccessStatus(entry),
    isInteractive: interactive,
    signInEventTypes: isWorkload
      ? [sp?.servicePrincipalType === 'ManagedIdentity' ? 'managedIdentity' : 'servicePrincipal']
      : [interactive ? 'interactiveUser' : 'nonInteractiveUser'],
    servicePrincipalId: facts.servicePrincipalId ?? '',
    servicePrincipalName: isWorkload ? (sp?.displayName ?? null) : null,
    tokenIssuerName: '',
    tokenIssuerType: 'AzureAD',
    authenticationRequirement: entry.multiFactorRequired ? 'multiFactorAuthentication' : 'singleFactorAuthentication',
    authenticationMethodsUsed: [...new Set(names)],
    authenticationDetails: names.map((name, index) => ({
      authenticationStepDateTime: facts.createdDateTime,
      authenticationMethod: name,
      succeeded: true,
      authenticationStepRequirement: index === 0 ? 'Primary authentication' : 'MFA',
    })),
    authenticationContextClassReferences: facts.authenticationContext ? [{ id: facts.authenticationContext, detail: 'required' }] : [],
    originalTransferMethod: facts.authenticationFlow ?? 'none',
    riskLevelDuringSignIn: isWorkload ? 'none' : risk,
    // The log has no field of its own for user (or service principal) risk: the aggregated level carries it.
    riskLevelAggregated: isWorkload ? (facts.servicePrincipalRisk ?? 'none') : (facts.userRisk ?? 'none'),
    riskState: risk === 'none' && (facts.userRisk ?? 'none') === 'none' ? 'none' : 'atRisk',
    riskDetail: 'none',
    riskEventTypes_v2: [],
    status: {
      errorCode: entry.errorCode,
      failureReason: entry.errorCode === 0 ? null : refusalReason(entry.errorCode),
      additionalDetails: null,
    },
    deviceDetail: {
      deviceId: device.deviceId ?? '',
      displayName: device.displayName ?? '',
      operatingSystem: device.operatingSystem ?? (facts.platform ? (platformNames[facts.platform] ?? '') : ''),
      browser: device.browser ?? '',
      isCompliant: device.isCompliant ?? false,
      isManaged: device.isManaged ?? false,
      trustType: device.trustType ?? '',
    },
    location: { city: facts.city ?? null, state: null, countryOrRegion: facts.country ?? null, geoCoordinates: {} },
    networkLocationDetails: [],
  };
}

function conditionalAccessStatus(entry: RecordedSignIn): 'success' | 'failure' | 'notApplied' {
  const results = entry.decisions.split('').filter((_, index) => index % 2 === 0);
  if (results.includes('F')) return 'failure';
  return results.includes('S') ? 'success' : 'notApplied';
}

/**
 * Beta's `agent` (agentic-agentsignin.md): whether the subject that signed in is an agent, and which
 * kind. An agent identity signs in as an agentic app instance of its blueprint (parentAppId, the
 * blueprint's appId); an agent user as agentIDuser, whose parent is its agent identity. agentIDuser
 * and agentIdentityBlueprintPrincipal are evolvable members: unknownFutureValue without the Prefer
 * header. The emulator keeps no blueprint objects, so an agent identity's parent id is not given.
 */
export function presentAgent(tenant: TenantState, entry: RecordedSignIn, includeUnknown: boolean): JsonObject {
  const facts = entry.facts;
  const agentic = (type: string, parentId: string | null, parentAppId: string | null) => ({
    agentType: type,
    agentSubjectType: type,
    agentSubjectParentId: parentId,
    parentAppId,
  });
  const workload = facts.servicePrincipalId === undefined ? undefined : findWorkload(tenant, facts.servicePrincipalId);
  if (workload && 'agentIdentityBlueprintId' in workload) return agentic('agenticAppInstance', null, workload.agentIdentityBlueprintId);
  const user = facts.userId === undefined ? undefined : tenant.users.find((u) => u.id === facts.userId);
  if (user?.['@odata.type'] === '#microsoft.graph.agentUser') {
    const parent = user.identityParentId === undefined ? undefined : findWorkload(tenant, user.identityParentId);
    const blueprint = parent && 'agentIdentityBlueprintId' in parent ? parent.agentIdentityBlueprintId : null;
    return agentic(includeUnknown ? 'agentIDuser' : 'unknownFutureValue', user.identityParentId ?? null, blueprint);
  }
  return agentic('notAgentic', null, null);
}

export function presentPolicies(log: SignInLog, entry: RecordedSignIn, includeUnknown: boolean): JsonObject[] {
  return appliedPolicies(log, entry).map((policy) => {
    const result = String(policy.result);
    return {
      ...policy,
      result: !includeUnknown && result.startsWith('reportOnly') ? 'unknownFutureValue' : result,
      conditionsSatisfied: flagsText(policy.conditionsSatisfied as string[], includeUnknown),
      conditionsNotSatisfied: flagsText(policy.conditionsNotSatisfied as string[], includeUnknown),
    };
  });
}

/** A sign-in as Graph sends it: v1.0's signIn has no `agent`. */
export function presentSignIn(
  tenant: TenantState,
  entry: RecordedSignIn,
  includeUnknown: boolean,
  version: 'v1.0' | 'beta' = 'beta',
): JsonObject {
  return {
    ...presentSummary(tenant, entry),
    ...(version === 'beta' && { agent: presentAgent(tenant, entry, includeUnknown) }),
    appliedConditionalAccessPolicies: presentPolicies(tenant.signInLog!, entry, includeUnknown),
  };
}
