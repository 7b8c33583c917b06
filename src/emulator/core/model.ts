// The in-memory state of an emulated tenant. Plain JSON so it can be saved (browser) and cloned.
import type { SignInLog } from './sign-ins/log-types';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface DirectoryUser {
  /** Set for an agent user (Graph beta): a user of a derived type, answered with its own type wherever users are. */
  '@odata.type'?: '#microsoft.graph.agentUser';
  id: string;
  displayName: string;
  userPrincipalName: string;
  mail: string | null;
  userType: 'Member' | 'Guest';
  accountEnabled: boolean;
  /** True for an account synchronised from on-premises; Graph answers null for a cloud account. */
  onPremisesSyncEnabled?: boolean | null;
  /** An agent user's agent identity (its object id): the one whose credentials it signs in with. */
  identityParentId?: string;
}
export interface DirectoryGroup {
  id: string;
  displayName: string;
  description: string | null;
  securityEnabled: boolean;
  mailEnabled: boolean;
  groupTypes: string[];
  /** The rule of a dynamic group (groupTypes has DynamicMembership); null otherwise. */
  membershipRule?: string | null;
  onPremisesSyncEnabled?: boolean | null;
  /** Set at creation only: a group that can hold directory roles, changed only by privileged role admins. */
  isAssignableToRole?: boolean | null;
  /** Set on groups created through POST /groups; the seed's groups predate it. */
  mailNickname?: string;
  createdDateTime?: string;
}
export interface ServicePrincipal {
  id: string;
  appId: string;
  displayName: string;
  servicePrincipalType: 'Application' | 'ManagedIdentity' | 'Legacy';
  appOwnerOrganizationId: string | null;
}
/**
 * An agent identity (Graph beta): a service principal of its own type, made from an agent identity
 * blueprint, as Graph's beta docs show it (no appId of its own: its blueprint's is agentIdentityBlueprintId).
 */
export interface AgentIdentity {
  '@odata.type': '#microsoft.graph.agentIdentity';
  id: string;
  displayName: string;
  /** ServiceIdentity for every agent identity. */
  servicePrincipalType: 'ServiceIdentity';
  agentIdentityBlueprintId: string;
  accountEnabled: boolean;
  disabledByMicrosoftStatus: string | null;
  tags: string[];
}
export interface Agreement {
  id: string;
  displayName: string;
}

export interface AuditEvent {
  id: string;
  category: string;
  correlationId: string;
  result: 'success' | 'failure';
  resultReason: string;
  activityDisplayName: string;
  activityDateTime: string;
  loggedByService: string;
  operationType: string;
  initiatedBy: {
    user: { id: string; displayName: string | null; userPrincipalName: string; ipAddress: string | null } | null;
    app: { appId: string; displayName: string; servicePrincipalId: string; servicePrincipalName: string | null } | null;
  };
  targetResources: {
    id: string;
    displayName: string;
    type: string;
    userPrincipalName: null;
    groupType: null;
    modifiedProperties: { displayName: string; oldValue: string | null; newValue: string | null }[];
  }[];
  additionalDetails: { key: string; value: string }[];
}

/** A rule that makes matching requests fail, for tests and demos of error handling. */
export interface FaultRule {
  /** Substring of "<METHOD> <path>" to match, e.g. "GET /v1.0/identity/conditionalAccess/policies". */
  match: string;
  /**
   * An HTTP status to answer with; "drop" to drop the connection before the request is applied; or
   * "drop-after" to apply it and then drop the connection (the write happened, its answer is lost).
   */
  fault: number | 'drop' | 'drop-after';
  /** How many matching requests fail; omitted = every one. */
  times?: number;
  /** For a 429: the Retry-After seconds to send; null sends none (as CA's own limit does). Default 1. */
  retryAfter?: number | null;
}

export interface FaultConfig {
  /** The documented 1 request/second/tenant limit of CA resources (429 without Retry-After). */
  caRateLimit: boolean;
  /** Requests the CA bucket lets through at once before the 1/s rate applies. */
  caBurst: number;
  /** The reporting limit (5 requests per 10 s) on audit logs, 429 with Retry-After. */
  reportsRateLimit: boolean;
  /** Milliseconds added to every request. */
  latencyMs: number;
  /** The tenant has no Entra ID P1 or P2 licence: reading sign-in logs answers 403. */
  unlicensed?: boolean;
  /**
   * Eventual consistency: a policy create or update naming an authentication strength or a named location
   * created less than this many milliseconds ago (on the emulator's clock) is refused as naming an unknown
   * one, as Graph may for some seconds after the create (core/unseen-objects.ts). Absent or 0: seen at once.
   */
  newObjectsUnseenForMs?: number;
  rules: FaultRule[];
}

export interface AdministrativeUnit {
  id: string;
  displayName: string;
  description?: string | null;
  /** beta: members can be changed only by administrators scoped to the unit. */
  isMemberManagementRestricted: boolean;
  /** Users and groups, by id. */
  members: string[];
}

export interface TenantState {
  id: string;
  displayName: string;
  defaultDomain: string;
  policies: JsonObject[];
  deletedPolicies: JsonObject[];
  namedLocations: JsonObject[];
  deletedNamedLocations: JsonObject[];
  authenticationStrengths: JsonObject[];
  authenticationContexts: JsonObject[];
  users: DirectoryUser[];
  groups: DirectoryGroup[];
  servicePrincipals: ServicePrincipal[];
  /** Agent identities, which Graph lists among the service principals; absent in states saved before them. */
  agentIdentities?: AgentIdentity[];
  agreements: Agreement[];
  /** Whether security defaults are on (identitySecurityDefaultsEnforcementPolicy); absent = off, as in a tenant using Conditional Access. */
  securityDefaults?: boolean;
  /** Direct members (users or groups) of each group, by group id; absent in states saved before it. */
  groupMembers?: Record<string, string[]>;
  /** Direct members (users or groups) of each activated directory role, by role template id. */
  roleMembers?: Record<string, string[]>;
  /** Administrative units; a restricted management one protects its members from tenant-wide admins. */
  administrativeUnits?: AdministrativeUnit[];
  audits: AuditEvent[];
  /** Emulated sign-ins with the Conditional Access results decided for them; absent = none yet. */
  signInLog?: SignInLog;
  faults: FaultConfig;
}

export interface RoleTemplate {
  id: string;
  displayName: string;
  description: string;
}

/** What every tenant shares: Microsoft's policy templates and the directory role templates. */
export interface Catalog {
  templates: JsonObject[];
  roleTemplates: RoleTemplate[];
}

export interface EmulatorState {
  tenants: TenantState[];
  catalog: Catalog;
}

/** Who is calling: read from the bearer token by the adapter's authenticator. */
export interface Principal {
  tenantId: string;
  /** The signed-in user's object id; for an application signed in as itself, its service principal's. */
  userId: string;
  userPrincipalName: string;
  displayName: string;
  /** The delegated scopes (`scp`); for an application signed in as itself, its application permissions (`roles`). */
  scopes: string[];
  /** Set for an app-only token (client credentials): no user, the application's own permissions. */
  app?: { appId: string; displayName: string; servicePrincipalId: string };
}

export const defaultFaults = (): FaultConfig => ({
  caRateLimit: true,
  caBurst: 4,
  reportsRateLimit: true,
  latencyMs: 0,
  rules: [],
});
