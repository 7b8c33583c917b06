// What policies refer to (users, groups, roles, applications, locations...) and their names as
// data: which values are special rather than ids, how to collect every reference of a set of
// policies, and how to find a name once a directory of names is at hand. How the names are fetched
// is Graph's business (src/graph/names.ts).
import type { ConditionalAccessPolicy } from './types';

export type NameKind =
  | 'user'
  | 'group'
  | 'role'
  | 'application'
  | 'servicePrincipal'
  | 'namedLocation'
  | 'authenticationContext'
  | 'termsOfUse'
  | 'authenticationStrength';

export interface ResolvedName {
  id: string;
  kind: NameKind;
  displayName: string;
  /** A second line: UPN, appId, IP ranges or countries... */
  detail?: string;
  /** The id no longer resolves: the object was deleted (or never existed in this tenant). */
  missing?: boolean;
  /**
   * With `missing`: the id came from a file of another tenant (or of no known tenant), so it was
   * most likely never this tenant's; `displayName` then says so, with the file's name for it if known.
   */
  elsewhere?: boolean;
  /** What Graph's @odata.type says beyond the kind: an agent identity (a service principal) or an agent user (a user). */
  agent?: AgentKind;
}

/** What a service principal or user is when Graph (or the places naming it) says more: Graph beta's agents. */
export type AgentKind = 'agentIdentity' | 'agentUser';

/** An agent identity is a service principal and an agent user a user, but admins know them as agents. */
export const AGENT_WORDS: Record<AgentKind, string> = { agentIdentity: 'agent identity', agentUser: 'agent user' };

export interface NameDirectory {
  names: ReadonlyMap<string, ResolvedName>;
  /** Lookups that failed (e.g. a missing permission, status 403); their ids stay unresolved. */
  failures: { what: string; error: Error & { readonly status: number } }[];
  /**
   * Application ids looked up that no service principal in the tenant has (no sign-in can be to
   * them); absent when the lookup did not answer. Not names: a policy still shows the id.
   */
  applicationsWithoutServicePrincipal?: readonly string[];
  /** The tenant's named locations as Graph gave them, when the lookup read them (the lint needs their ranges and trust). */
  namedLocations?: readonly object[];
}

/** Directory ids are GUIDs, which Entra compares without case: exports sometimes carry them upper-case. */
export const nameKey = (kind: NameKind, id: string) => `${kind}:${id.toLowerCase()}`;

/** Values with a meaning of their own, never sent to a lookup. */
export const SPECIAL_VALUES: Record<string, string> = {
  All: 'All',
  None: 'None',
  GuestsOrExternalUsers: 'All guests and external users',
  Office365: 'Office 365',
  MicrosoftAdminPortals: 'Microsoft Admin Portals',
  AllTrusted: 'All trusted locations',
  ServicePrincipalsInMyTenant: 'All service principals in my tenant',
  // The user accounts of agents (the admin center's "All agents acting as users"), not their agent identities.
  AllAgentIdUsers: 'All agent users',
  AllAgentIdResources: 'All agent resources',
  'urn:user:registersecurityinfo': 'Register security information',
  'urn:user:registerdevice': 'Register or join devices',
  '00000000-0000-0000-0000-000000000000': 'MFA trusted IPs (legacy)',
};

export const isSpecialValue = (value: string) =>
  value in SPECIAL_VALUES || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

export interface References {
  directoryObjects: Set<string>;
  roles: Set<string>;
  applications: Set<string>;
  locations: Set<string>;
  authenticationContexts: Set<string>;
  termsOfUse: Set<string>;
  /** Strengths without their name: policies from the audit log or a file carry only the id. */
  authenticationStrengths: Set<string>;
}

/** Adds the ids among these values to a set (no arrays built: at the service's limit there are thousands). */
function addIds(into: Set<string>, ...lists: unknown[]) {
  for (const values of lists) {
    if (!Array.isArray(values)) continue;
    for (const value of values) if (typeof value === 'string' && !isSpecialValue(value)) into.add(value);
  }
}

export function collectReferences(policies: readonly ConditionalAccessPolicy[]): References {
  const refs: References = {
    directoryObjects: new Set(),
    roles: new Set(),
    applications: new Set(),
    locations: new Set(),
    authenticationContexts: new Set(),
    termsOfUse: new Set(),
    authenticationStrengths: new Set(),
  };
  for (const policy of policies) {
    const users = policy.conditions?.users;
    const apps = policy.conditions?.applications;
    const clients = policy.conditions?.clientApplications;
    const locations = policy.conditions?.locations;
    // Graph beta's agent places, newer than the generated types: agent identities are service
    // principals and agent users are users, so getByIds names both.
    const agentClients = clients as Record<string, unknown> | null | undefined;
    const agents = (policy.conditions as Record<string, unknown> | null | undefined)?.agents as Record<string, unknown> | null | undefined;
    addIds(
      refs.directoryObjects,
      users?.includeUsers,
      users?.excludeUsers,
      users?.includeGroups,
      users?.excludeGroups,
      clients?.includeServicePrincipals,
      clients?.excludeServicePrincipals,
      agentClients?.includeAgentIdServicePrincipals,
      agentClients?.excludeAgentIdServicePrincipals,
      agents?.includeAgentUsers,
      agents?.excludeAgentUsers,
    );
    addIds(refs.roles, users?.includeRoles, users?.excludeRoles);
    addIds(refs.applications, apps?.includeApplications, apps?.excludeApplications);
    addIds(refs.locations, locations?.includeLocations, locations?.excludeLocations);
    // Contexts are ids like c1, not GUIDs: every string counts.
    const contexts: unknown = apps?.includeAuthenticationContextClassReferences;
    if (Array.isArray(contexts)) for (const id of contexts) if (typeof id === 'string') refs.authenticationContexts.add(id);
    addIds(refs.termsOfUse, policy.grantControls?.termsOfUse);
    const strength = policy.grantControls?.authenticationStrength;
    if (strength?.id && !strength.displayName) refs.authenticationStrengths.add(strength.id);
  }
  return refs;
}

/** Finds the name of an id as it appears in a given place of a policy. */
export function lookupName(directory: NameDirectory | undefined, kinds: readonly NameKind[], id: string): ResolvedName | undefined {
  if (!directory) return undefined;
  for (const kind of kinds) {
    const found = directory.names.get(nameKey(kind, id));
    if (found) return found;
  }
  return undefined;
}
