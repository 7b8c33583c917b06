// What the evaluation engine is told about one sign-in, and about the tenant around it, as plain data
// (the console's what-if, a draft's impact over sign-in logs, the command line and the emulator all
// build it). Every field is optional where a caller may not know it, and "not known" is never read as
// "empty": a field left out makes a policy indeterminate exactly where that policy needs it.
// Explicit "nothing" has its own value: `guest: null` (a member of this tenant, not a guest),
// `country: null` (the address maps to no country), `device: { registered: false }`.

/** A list of ids the caller read; 'unknown' when it tried and could not (left out means the same). */
export type KnownIds = readonly string[] | ReadonlySet<string> | 'unknown';

export type GuestKind =
  'internalGuest' | 'b2bCollaborationGuest' | 'b2bCollaborationMember' | 'b2bDirectConnectUser' | 'otherExternalUser' | 'serviceProvider';

export interface GuestFacts {
  kinds: readonly GuestKind[];
  /** The user's home tenant; needed only by policies that name external tenants. */
  homeTenantId?: string;
}

export interface UserIdentity {
  kind: 'user';
  userId: string;
  /** Shown in reasons when the name lookup does not know the id. */
  displayName?: string;
  /** Transitive group memberships (nested groups included). */
  groupIds?: KnownIds;
  /** Active directory roles, by role template id. */
  roleTemplateIds?: KnownIds;
  /** null: a member of this tenant; left out: not known. */
  guest?: GuestFacts | null;
  /** True for an agent user (includeUsers 'AllAgentIdUsers'); left out: not known. */
  agentUser?: boolean;
}

export interface WorkloadIdentity {
  kind: 'workloadIdentity';
  servicePrincipalId: string;
  displayName?: string;
  /** Managed identities are outside Conditional Access (documented); left out: not known. */
  servicePrincipalType?: 'application' | 'managedIdentity';
  /** Owned by this tenant (single-tenant), as ServicePrincipalsInMyTenant requires; left out: not known. */
  ownedByThisTenant?: boolean;
  /**
   * An agent identity (Graph beta's agentIdentity), which only clientApplications' agent identity lists
   * name; false: a service principal that is no agent. Left out: not known, which only a policy naming
   * agent identities needs (the service principal lists read it as no agent, as before agents existed).
   */
  agentIdentity?: boolean;
  /** Custom security attributes, for servicePrincipalFilter ("Set_Attribute" or "Set.Attribute" keys). */
  customSecurityAttributes?: CustomSecurityAttributes;
}

export type Identity = UserIdentity | WorkloadIdentity;

export type CustomSecurityAttributes = Readonly<Record<string, string | readonly string[] | null>>;

export type UserAction = 'urn:user:registersecurityinfo' | 'urn:user:registerdevice' | 'urn:user:accountrecovery';

/** What the sign-in is for: a resource application, a user action or an authentication context. */
export type Target =
  | {
      kind: 'application';
      /** The resource's appId: Conditional Access evaluates the resource a token is for, not the client asking. */
      appId: string;
      displayName?: string;
      /** The tenant that owns the app: one that is not Microsoft's is in no Office 365 or admin-portal group. */
      ownerTenantId?: string;
      /** Authentication contexts the resource asked for (c1…c99), matched by context policies as well. */
      authenticationContextIds?: readonly string[];
      /** Custom security attributes of its service principal, for applicationFilter. */
      customSecurityAttributes?: CustomSecurityAttributes;
      /** True for an agent resource (includeApplications 'AllAgentIdResources'). */
      agentResource?: boolean;
    }
  | { kind: 'userAction'; action: UserAction }
  | { kind: 'authenticationContext'; id: string };

/**
 * A platform, or 'unsupported' when the service could not map the device to any platform it knows
 * (what "block unknown or unsupported device platforms" policies catch: include all, exclude the rest).
 */
export type DevicePlatform = 'android' | 'iOS' | 'windows' | 'windowsPhone' | 'macOS' | 'linux' | 'unsupported';

export type ClientAppType = 'browser' | 'mobileAppsAndDesktopClients' | 'exchangeActiveSync' | 'easSupported' | 'other';

export type RiskLevel = 'none' | 'low' | 'medium' | 'high' | 'hidden';
export type InsiderRiskLevel = 'none' | 'minor' | 'moderate' | 'elevated';
/** Graph beta's agentIdRiskLevel: an agent's risk (agent identities and agent users; no "hidden"). */
export type AgentIdRiskLevel = 'none' | 'low' | 'medium' | 'high';
export type AuthenticationFlow = 'none' | 'deviceCodeFlow' | 'authenticationTransfer';

/** A property's value: null when the device has none (as Entra reads an unregistered device), left out when not known. */
type Known<T> = T | null;

/**
 * The device as Entra ID knows it. `registered: false` means unregistered: every property is null,
 * as the service reads it. For a registered device, a property left out is not known.
 */
export interface DeviceFacts {
  registered?: boolean;
  deviceId?: Known<string>;
  displayName?: Known<string>;
  deviceOwnership?: Known<string>;
  enrollmentProfileName?: Known<string>;
  isCompliant?: Known<boolean>;
  manufacturer?: Known<string>;
  mdmAppId?: Known<string>;
  model?: Known<string>;
  operatingSystem?: Known<string>;
  operatingSystemVersion?: Known<string>;
  physicalIds?: Known<readonly string[]>;
  profileType?: Known<string>;
  systemLabels?: Known<readonly string[]>;
  trustType?: Known<string>;
  /** extensionAttribute1 … extensionAttribute15, by number. */
  extensionAttributes?: Readonly<Partial<Record<number, Known<string>>>>;
}

export interface SignInFacts {
  identity?: Identity;
  target?: Target;
  devicePlatform?: DevicePlatform;
  /** The public address the service saw, IPv4 or IPv6. */
  ipAddress?: string;
  /** Two-letter country from the IP address; null when the address maps to no country. */
  country?: string | null;
  /** Two-letter country from the Authenticator app's GPS, for GPS-based country locations; null when none. */
  gpsCountry?: string | null;
  clientAppType?: ClientAppType;
  device?: DeviceFacts;
  signInRiskLevel?: RiskLevel;
  userRiskLevel?: RiskLevel;
  insiderRiskLevel?: InsiderRiskLevel;
  servicePrincipalRiskLevel?: RiskLevel;
  /** An agent's risk; only an agent identity or agent user has one. Left out: not known. */
  agentIdRiskLevel?: AgentIdRiskLevel;
  authenticationFlow?: AuthenticationFlow;
}

/** A named location as Graph returns it (ipNamedLocation or countryNamedLocation). */
export interface NamedLocationData {
  id: string;
  displayName?: string;
  '@odata.type'?: string;
  ipRanges?: readonly { cidrAddress?: string; '@odata.type'?: string }[];
  isTrusted?: boolean;
  countriesAndRegions?: readonly string[];
  includeUnknownCountriesAndRegions?: boolean;
  countryLookupMethod?: string;
}

/** Ids and display names the reasons may use (users, groups, roles, apps, locations, tenants…). */
export type NameLookup = ReadonlyMap<string, string> | ((id: string) => string | undefined);

export interface EvaluationContext {
  /** The tenant's named locations; a policy naming one that is not here is indeterminate. */
  namedLocations?: readonly NamedLocationData[];
  /**
   * The legacy MFA trusted IPs (CIDR ranges), part of 'AllTrusted' and of the location
   * 00000000-0000-0000-0000-000000000000. Graph does not serve them: left out, they are not known,
   * which matters only when the address is in no trusted named location.
   */
  mfaTrustedIps?: readonly string[];
  /** App groups to use instead of the built-in documented subset (app-groups.ts). */
  appGroups?: Partial<Record<'Office365' | 'MicrosoftAdminPortals', readonly string[]>>;
  names?: NameLookup;
}

export const nameOf = (names: NameLookup | undefined, id: string): string | undefined =>
  names === undefined ? undefined : typeof names === 'function' ? names(id) : names.get(id);

/** Whether a known id list holds the id: undefined when the list is not known. */
export function idsOf(ids: KnownIds | undefined): ReadonlySet<string> | undefined {
  if (ids === undefined || ids === 'unknown') return undefined;
  return ids instanceof Set ? ids : new Set(ids as readonly string[]);
}
