// Every query key of the console, in one place. Keys start with the account's scope key, so two
// signed-in tenants never share cached data, and go from general to specific, so a write can
// refresh a whole area (every policy, all of the history) by its prefix. Query factories
// (src/policy-ui/queries.ts, organization-query.ts, the directory picker) are the only users:
// src/testing/architecture.test.ts fails on a key written by hand anywhere else.
import type { TenantSession } from './tenant-session';

type Tenant = Pick<TenantSession, 'scopeKey'>;

export const queryKeys = {
  organization: (t: Tenant) => [...t.scopeKey, 'organization'] as const,
  /** Every policy query: the list and each policy. */
  policies: (t: Tenant) => [...t.scopeKey, 'policies'] as const,
  policyList: (t: Tenant) => [...t.scopeKey, 'policies', 'list'] as const,
  policyDetails: (t: Tenant) => [...t.scopeKey, 'policies', 'detail'] as const,
  policy: (t: Tenant, id: string) => [...t.scopeKey, 'policies', 'detail', id] as const,
  deletedPolicies: (t: Tenant) => [...t.scopeKey, 'deleted-policies'] as const,
  deletedLocations: (t: Tenant) => [...t.scopeKey, 'deleted-locations'] as const,
  /** Names of the ids in a set of policies; the fingerprint names the set. */
  names: (t: Tenant) => [...t.scopeKey, 'names'] as const,
  namesOf: (t: Tenant, fingerprint: string) => [...t.scopeKey, 'names', fingerprint] as const,
  directorySearch: (t: Tenant) => [...t.scopeKey, 'directory-search'] as const,
  directorySearchFor: (t: Tenant, kind: string, term: string) => [...t.scopeKey, 'directory-search', kind, term] as const,
  templates: (t: Tenant) => [...t.scopeKey, 'templates'] as const,
  securityDefaults: (t: Tenant) => [...t.scopeKey, 'security-defaults'] as const,
  /** The audit log: the recent events every screen shares, and a chosen window of days. */
  audit: (t: Tenant) => [...t.scopeKey, 'audit'] as const,
  recentAudit: (t: Tenant) => [...t.scopeKey, 'audit', 'recent'] as const,
  auditWindow: (t: Tenant, from: string, to: string) => [...t.scopeKey, 'audit', 'window', from, to] as const,
  /** Versions kept on this device: of one policy, or of the whole tenant. */
  localHistory: (t: Tenant) => [...t.scopeKey, 'local-history'] as const,
  localHistoryOf: (t: Tenant, itemId: string) => [...t.scopeKey, 'local-history', 'item', itemId] as const,
  localHistoryAll: (t: Tenant) => [...t.scopeKey, 'local-history', 'tenant'] as const,
  /** What the lock-out guard reads of the directory. */
  lockoutMemberships: (t: Tenant, ids: readonly string[]) => [...t.scopeKey, 'lockout', 'memberships', ids] as const,
  lockoutGroupMembers: (t: Tenant, groupIds: readonly string[]) => [...t.scopeKey, 'lockout', 'group-members', groupIds] as const,
  /** What the emergency-access check reads of its groups and accounts (type, sync, protection, enabled). */
  emergencyHygiene: (t: Tenant, ids: readonly string[]) => [...t.scopeKey, 'emergency', 'hygiene', ids] as const,
  /** What the what-if page reads: the tenant's named locations, a user's groups and roles, Graph's evaluation of a scenario. */
  namedLocations: (t: Tenant) => [...t.scopeKey, 'named-locations'] as const,
  signInSubject: (t: Tenant, userId: string) => [...t.scopeKey, 'sign-in-subject', userId] as const,
  applicationOwner: (t: Tenant, appId: string) => [...t.scopeKey, 'application-owner', appId] as const,
  workload: (t: Tenant, servicePrincipalId: string) => [...t.scopeKey, 'workload', servicePrincipalId] as const,
  /** The sign-in log of the last days (capped), and the groups and roles of the users in it. */
  signInWindow: (t: Tenant, days: number, cap: number) => [...t.scopeKey, 'sign-ins', days, cap] as const,
  /** `agentUsers`: read with each user's type too (a policy names AllAgentIdUsers). */
  signInUsers: (t: Tenant, userIds: readonly string[], agentUsers = false) =>
    [...t.scopeKey, 'sign-ins', 'users', userIds, { agentUsers }] as const,
  // Under policies: a saved change invalidates Graph's answer too.
  graphWhatIf: (t: Tenant, body: string) => [...t.scopeKey, 'policies', 'what-if', body] as const,
  /** Every Graph What-if answer, whatever scenario it was asked for (a policy write makes them all stale). */
  graphWhatIfAll: (t: Tenant) => [...t.scopeKey, 'policies', 'what-if'] as const,
  /** What an import is planned against: the tenant's policies and what they use, and matches for the import's references. */
  planTarget: (t: Tenant) => [...t.scopeKey, 'plan-target'] as const,
  planTargetObjects: (t: Tenant) => [...t.scopeKey, 'plan-target', 'objects'] as const,
  planTargetMatches: (t: Tenant, fingerprint: string) => [...t.scopeKey, 'plan-target', 'matches', fingerprint] as const,
  /** The lint of the tenant, computed from what the console read (the sources' version names what it read). */
  lint: (t: Tenant) => [...t.scopeKey, 'lint'] as const,
  lintOf: (t: Tenant, version: string) => [...t.scopeKey, 'lint', version] as const,
  /** Not a query: the key of a write (a mutation), by kind. */
  write: (t: Tenant, kind: string) => [...t.scopeKey, 'write', kind] as const,
};
