// From one entry of the sign-in log (Graph beta `signIn`, api-reference/beta/resources/signin.md) to
// the facts the engine reads, and what the entry could not tell. The log records what the service saw
// but not the directory around it: transitive groups, active roles, user and insider risk, a device's
// filter properties, an app's owner and attributes come from the caller's lookups, and stay unknown
// without them. The target is the resource (resourceId), not the client (appId): Conditional Access
// evaluates the resource a token is for (sign-in.ts), and the log names the client app in appId.
// Whether who signed in is an agent, beta's `agent` says (an agent's risk it does not).
import { objectIn as obj, stringsIn as list, type LooseObject } from '../../json';
import type {
  CustomSecurityAttributes,
  DeviceFacts,
  GuestKind,
  InsiderRiskLevel,
  KnownIds,
  RiskLevel,
  SignInFacts,
  Target,
  UserAction,
} from '../sign-in';
import { clientAppTypeOf, platformOf, riskOf, satisfiedBy, trustTypeOf } from './log-words';

/** What the directory knows of a user, beyond the log. */
export interface DirectoryUser {
  groupIds?: KnownIds;
  roleTemplateIds?: KnownIds;
  agentUser?: boolean;
  userRiskLevel?: RiskLevel;
  insiderRiskLevel?: InsiderRiskLevel;
  /** Overrides the guest kind read from userType and crossTenantAccessType (the log cannot tell every kind apart). */
  guestKinds?: readonly GuestKind[];
}

export interface DirectoryServicePrincipal {
  servicePrincipalType?: 'application' | 'managedIdentity';
  ownedByThisTenant?: boolean;
  customSecurityAttributes?: CustomSecurityAttributes;
  riskLevel?: RiskLevel;
}

export interface DirectoryApplication {
  ownerTenantId?: string;
  customSecurityAttributes?: CustomSecurityAttributes;
  agentResource?: boolean;
}

/** The directory facts the log does not carry; each lookup answers undefined when it does not know. */
export interface DirectoryFacts {
  user?(userId: string): DirectoryUser | undefined;
  servicePrincipal?(servicePrincipalId: string): DirectoryServicePrincipal | undefined;
  /** The device object's properties a device filter reads (model, manufacturer, extension attributes…), by deviceId. */
  device?(deviceId: string): Omit<DeviceFacts, 'registered' | 'deviceId'> | undefined;
  application?(appId: string): DirectoryApplication | undefined;
  /**
   * Apps whose sign-in is a user action: the log has no field for the action, only the app it happens in.
   * Default: none (every resource is read as an application).
   */
  userActionApps?: Readonly<Record<string, UserAction>>;
}

/** A sign-in log entry as the engine reads it. */
export interface LoggedSignIn {
  id: string;
  createdDateTime?: string;
  /** The user or service principal id, for counting distinct identities. */
  identityId: string;
  identityName?: string;
  /** The resource signed in to (or the app a user action happened in). */
  resourceId: string;
  resourceName?: string;
  facts: SignInFacts;
  /** Grant controls the sign-in is known to have satisfied (satisfiedBy), for a draft's "already satisfied". */
  satisfied: string[];
  /** The facts the engine may need that the entry and the lookups did not give, with why. */
  notKnown: string[];
}

const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * Whether who signed in is an agent, as beta's `agent` tells it (agentic-agentsignin.md): its subject's
 * type, or the entry's agent type when no subject type is given. An agent user signs in as agentIDuser;
 * an agent identity as an agentic app instance (a blueprint's principal is no agent identity). Undefined
 * when the entry does not say: no `agent` (v1.0, older entries), unknownFutureValue (agentIDuser read
 * without the Prefer header), or a type that does not answer for this kind of identity.
 */
function loggedAsAgent(entry: LooseObject, kind: 'user' | 'workload'): boolean | undefined {
  if (entry.agent === undefined || entry.agent === null) return undefined;
  const agent = obj(entry.agent);
  const type = str(agent.agentSubjectType) ?? str(agent.agentType);
  if (type === 'notAgentic') return false;
  if (kind === 'user') return type === 'agentIDuser' ? true : undefined;
  if (type === 'agenticAppInstance') return true;
  return type === 'agentIdentityBlueprintPrincipal' ? false : undefined;
}

/** Whether an entry's user is an agent user, as the entry says it (undefined: it does not say). */
export const agentUserInLog = (entry: unknown): boolean | undefined => loggedAsAgent(obj(entry), 'user');

function guestOf(entry: LooseObject, tenantId: string | undefined, override: readonly GuestKind[] | undefined, notKnown: string[]) {
  const home = str(entry.homeTenantId);
  if (override) return override.length === 0 ? null : { kinds: override, ...(home ? { homeTenantId: home } : {}) };
  const userType = entry.userType;
  const access = str(entry.crossTenantAccessType) ?? 'none';
  const external = home !== undefined && tenantId !== undefined && home.toLowerCase() !== tenantId.toLowerCase();
  const kind: GuestKind | null | undefined =
    access === 'b2bDirectConnect'
      ? 'b2bDirectConnectUser'
      : access === 'serviceProvider'
        ? 'serviceProvider'
        : userType === 'guest'
          ? access === 'none' && !external
            ? 'internalGuest'
            : 'b2bCollaborationGuest'
          : userType === 'member'
            ? access === 'b2bCollaboration' || external
              ? 'b2bCollaborationMember'
              : null
            : undefined;
  if (kind === undefined) {
    notKnown.push('identity.guest (the entry has no userType)');
    return undefined;
  }
  if (kind === null) return null;
  if (!home) notKnown.push('identity.guest.homeTenantId (the entry has no homeTenantId)');
  return { kinds: [kind], ...(home ? { homeTenantId: home } : {}) };
}

function deviceOf(detail: LooseObject, directory: DirectoryFacts | undefined, notKnown: string[]): DeviceFacts | undefined {
  if (Object.keys(detail).length === 0) {
    notKnown.push('device (the entry has no deviceDetail)');
    return undefined;
  }
  const deviceId = str(detail.deviceId);
  // An unregistered device has no id in the log; Entra reads its every property as null.
  if (!deviceId) return { registered: false };
  const known = directory?.device?.(deviceId);
  if (!known) notKnown.push(`device properties beyond id, name, compliance and trust type (the device is not in the directory given)`);
  const trust = trustTypeOf(detail.trustType);
  return {
    ...(detail.isManaged === false ? { mdmAppId: null } : {}),
    ...known,
    registered: true,
    deviceId,
    ...(str(detail.displayName) ? { displayName: String(detail.displayName) } : {}),
    ...(typeof detail.isCompliant === 'boolean' ? { isCompliant: detail.isCompliant } : {}),
    ...(trust !== undefined ? { trustType: trust } : {}),
  };
}

function targetOf(entry: LooseObject, directory: DirectoryFacts | undefined, notKnown: string[]): { target?: Target; id: string } {
  const resource = str(entry.resourceId);
  const id = resource ?? str(entry.appId) ?? '';
  if (!resource && id) notKnown.push('the resource (the entry has no resourceId; its client appId is used)');
  if (!id) {
    notKnown.push('target (the entry names no resource)');
    return { id };
  }
  const action = directory?.userActionApps?.[id.toLowerCase()] ?? directory?.userActionApps?.[id];
  if (action) return { id, target: { kind: 'userAction', action } };
  const contexts = (Array.isArray(entry.authenticationContextClassReferences) ? entry.authenticationContextClassReferences : [])
    .map(obj)
    .filter((c) => c.detail !== 'notApplicable')
    .flatMap((c) => (typeof c.id === 'string' ? [c.id] : []));
  const app = directory?.application?.(id);
  return {
    id,
    target: {
      kind: 'application',
      appId: id,
      ...(str(entry.resourceDisplayName) ? { displayName: String(entry.resourceDisplayName) } : {}),
      ...(contexts.length > 0 ? { authenticationContextIds: contexts } : {}),
      ...app,
    },
  };
}

/** What one part of an entry gave and could not tell; shared by entries with the same part. */
interface Part<T> {
  value: T | undefined;
  notKnown: readonly string[];
}

/**
 * Parts read once for many entries: the same user, resource and device recur throughout a log, so a
 * reader given a memo builds each once (and the shapes find them again by identity, not by text).
 */
export interface LogMemo {
  users: Map<string, Part<{ identity: SignInFacts['identity']; userRisk?: RiskLevel; insiderRisk?: InsiderRiskLevel }>>;
  targets: Map<string, Part<{ target?: Target; id: string }>>;
  devices: Map<string, Part<DeviceFacts>>;
}

export const newLogMemo = (): LogMemo => ({ users: new Map(), targets: new Map(), devices: new Map() });

/**
 * A part read before from the same fields, or read now. Looked up by the first field (an id) and then
 * compared field by field: cheaper than hashing one long key per entry.
 */
function memoised<T>(
  map: Map<string, Part<T>> | undefined,
  fields: readonly unknown[],
  read: (notKnown: string[]) => T | undefined,
): Part<T> {
  const id = String(fields[0]);
  const found = map?.get(id) as (Part<T> & { fields?: readonly unknown[]; next?: Part<T> }) | undefined;
  for (let part = found; part; part = (part as { next?: Part<T> }).next) {
    const seen = (part as { fields?: readonly unknown[] }).fields!;
    if (seen.every((value, i) => value === fields[i])) return part;
  }
  const notKnown: string[] = [];
  const part: Part<T> & { fields: readonly unknown[]; next?: Part<T> } = {
    value: read(notKnown),
    notKnown,
    fields,
    ...(found ? { next: found } : {}),
  };
  map?.set(id, part);
  return part;
}

function userPart(entry: LooseObject, userId: string, directory: DirectoryFacts | undefined, tenantId: string | undefined, memo?: LogMemo) {
  const name = str(entry.userDisplayName) ?? str(entry.userPrincipalName);
  const logged = loggedAsAgent(entry, 'user');
  const fields = [userId, entry.userType, entry.crossTenantAccessType, entry.homeTenantId, entry.resourceTenantId, name, logged];
  return memoised(memo?.users, fields, (notKnown) => {
    const known = directory?.user?.(userId);
    // The directory's answer is the user's type; the log's is what the entry says of it.
    const agentUser = known?.agentUser ?? logged;
    const guest = guestOf(entry, tenantId ?? str(entry.resourceTenantId), known?.guestKinds, notKnown);
    if (known?.groupIds === undefined) notKnown.push('identity.groupIds (transitive groups are not in the log)');
    if (known?.roleTemplateIds === undefined) notKnown.push('identity.roleTemplateIds (active roles are not in the log)');
    if (!known?.userRiskLevel) notKnown.push('userRiskLevel (not in the log)');
    if (!known?.insiderRiskLevel) notKnown.push('insiderRiskLevel (not in the log)');
    if (agentUser === undefined) notKnown.push('identity.agentUser (the entry does not say whether the user is an agent user)');
    else if (agentUser) notKnown.push('agentIdRiskLevel (an agent’s risk is not in the log)');
    return {
      identity: {
        kind: 'user' as const,
        userId,
        ...(name ? { displayName: name } : {}),
        ...(known?.groupIds !== undefined ? { groupIds: known.groupIds } : {}),
        ...(known?.roleTemplateIds !== undefined ? { roleTemplateIds: known.roleTemplateIds } : {}),
        ...(guest !== undefined ? { guest } : {}),
        ...(agentUser !== undefined ? { agentUser } : {}),
      },
      ...(known?.userRiskLevel ? { userRisk: known.userRiskLevel } : {}),
      ...(known?.insiderRiskLevel ? { insiderRisk: known.insiderRiskLevel } : {}),
    };
  });
}

const deviceFields = (detail: LooseObject) => [detail.deviceId, detail.displayName, detail.isCompliant, detail.isManaged, detail.trustType];

/**
 * Reads one log entry. `tenantId` is the tenant whose log it is (resourceTenantId when left out), to
 * tell external users from members. A memo (newLogMemo) shared over a log's entries saves reading the
 * same user, resource and device again.
 */
export function fromSignInLog(raw: unknown, directory?: DirectoryFacts, tenantId?: string, memo?: LogMemo): LoggedSignIn {
  const entry = obj(raw);
  const notKnown: string[] = [];
  const facts: SignInFacts = {};
  const events = list(entry.signInEventTypes);
  const userId = str(entry.userId);
  const spId = str(entry.servicePrincipalId);
  const workload = !userId && (spId !== undefined || events.includes('servicePrincipal') || events.includes('managedIdentity'));
  let identityId = '';
  let identityName: string | undefined;
  if (workload && spId) {
    const known = directory?.servicePrincipal?.(spId);
    identityId = spId;
    identityName = str(entry.servicePrincipalName);
    const type = events.includes('managedIdentity') ? 'managedIdentity' : known?.servicePrincipalType;
    const agentIdentity = loggedAsAgent(entry, 'workload');
    facts.identity = {
      kind: 'workloadIdentity',
      servicePrincipalId: spId,
      ...(identityName ? { displayName: identityName } : {}),
      ...(type ? { servicePrincipalType: type } : {}),
      ...(known?.ownedByThisTenant !== undefined ? { ownedByThisTenant: known.ownedByThisTenant } : {}),
      ...(known?.customSecurityAttributes ? { customSecurityAttributes: known.customSecurityAttributes } : {}),
      ...(agentIdentity !== undefined ? { agentIdentity } : {}),
    };
    if (agentIdentity === undefined)
      notKnown.push('identity.agentIdentity (the entry does not say whether the service principal is an agent identity)');
    else if (agentIdentity) notKnown.push('agentIdRiskLevel (an agent’s risk is not in the log)');
    if (known?.ownedByThisTenant === undefined) notKnown.push('identity.ownedByThisTenant (service principal not in the directory given)');
    if (known?.riskLevel) facts.servicePrincipalRiskLevel = known.riskLevel;
    else notKnown.push('servicePrincipalRiskLevel (not in the log)');
  } else if (userId) {
    const user = userPart(entry, userId, directory, tenantId, memo);
    identityId = userId;
    identityName = str(entry.userDisplayName) ?? str(entry.userPrincipalName);
    notKnown.push(...user.notKnown);
    facts.identity = user.value!.identity;
    if (user.value!.userRisk) facts.userRiskLevel = user.value!.userRisk;
    if (user.value!.insiderRisk) facts.insiderRiskLevel = user.value!.insiderRisk;
    const signInRisk = riskOf(entry.riskLevelDuringSignIn);
    if (signInRisk) facts.signInRiskLevel = signInRisk;
    else if (entry.riskLevelDuringSignIn === 'hidden')
      notKnown.push('signInRiskLevel (riskLevelDuringSignIn is hidden: the sign-in is not covered by ID Protection)');
    else notKnown.push('signInRiskLevel (riskLevelDuringSignIn missing or not a level)');
  } else notKnown.push('identity (the entry names no user and no service principal)');

  const contexts = Array.isArray(entry.authenticationContextClassReferences) ? entry.authenticationContextClassReferences : [];
  const targetFields = [entry.resourceId, entry.appId, entry.resourceDisplayName, contexts.length === 0 ? '' : JSON.stringify(contexts)];
  const targetPart = memoised(memo?.targets, targetFields, (notes) => targetOf(entry, directory, notes));
  notKnown.push(...targetPart.notKnown);
  const { target, id: resourceId } = targetPart.value!;
  if (target) facts.target = target;
  const ip = str(entry.ipAddress);
  if (ip) facts.ipAddress = ip;
  else notKnown.push('ipAddress');
  const location = entry.location === undefined || entry.location === null ? undefined : obj(entry.location);
  if (location) facts.country = str(location.countryOrRegion)?.toUpperCase() ?? null;
  else notKnown.push('country (the entry has no location)');
  notKnown.push('gpsCountry (the Authenticator GPS country is not in the log)');

  if (facts.identity?.kind === 'user') {
    const client = clientAppTypeOf(entry.clientAppUsed);
    if (client) facts.clientAppType = client;
    else
      notKnown.push(`clientAppType (clientAppUsed ${JSON.stringify(entry.clientAppUsed ?? null)} is not a client app this engine knows)`);
    const detail = obj(entry.deviceDetail);
    const platform = platformOf(detail.operatingSystem);
    if (platform) facts.devicePlatform = platform;
    else notKnown.push('devicePlatform (deviceDetail.operatingSystem missing)');
    const devicePart = memoised(memo?.devices, deviceFields(detail), (notes) => deviceOf(detail, directory, notes));
    notKnown.push(...devicePart.notKnown);
    if (devicePart.value) facts.device = devicePart.value;
    const transfer = str(entry.originalTransferMethod);
    const protocol = str(entry.authenticationProtocol);
    if (transfer === 'deviceCodeFlow' || protocol === 'deviceCode') facts.authenticationFlow = 'deviceCodeFlow';
    else if (transfer === 'authenticationTransfer' || protocol === 'authenticationTransfer')
      facts.authenticationFlow = 'authenticationTransfer';
    else if (transfer === 'none') facts.authenticationFlow = 'none';
    else notKnown.push('authenticationFlow (originalTransferMethod missing or not a method this engine knows)');
  }
  return {
    id: str(entry.id) ?? '',
    ...(str(entry.createdDateTime) ? { createdDateTime: String(entry.createdDateTime) } : {}),
    identityId,
    ...(identityName ? { identityName } : {}),
    resourceId,
    ...(str(entry.resourceDisplayName) ? { resourceName: String(entry.resourceDisplayName) } : {}),
    facts,
    satisfied: satisfiedBy(entry),
    notKnown,
  };
}
