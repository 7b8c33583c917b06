// Queries of the policies feature. Keys go from general to specific and start with the account's
// scope key, so two signed-in tenants never share cached data.
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { AUDIT_RETENTION_DAYS, listConditionalAccessEvents } from '../graph/audit';
import { resolveNames } from '../graph/names';
import { collectReferences } from '../domain/references';
import { getPolicy, listPolicies } from '../graph/policies';
import type { ConditionalAccessPolicy } from '../domain/types';
import type { TenantSession } from '../session/tenant-session';

export const policyKeys = {
  all: (tenant: TenantSession) => [...tenant.scopeKey, 'policies'] as const,
  detail: (tenant: TenantSession, id: string) => [...tenant.scopeKey, 'policies', id] as const,
  names: (tenant: TenantSession, fingerprint: string) => [...tenant.scopeKey, 'names', fingerprint] as const,
};

/**
 * After a write, once its last step is done, everything it can change: the history and deletions
 * always; the policies and deleted policies when policies changed; deleted named locations, names
 * and the location picker's list when named locations did.
 */
export async function refreshAfterWrite(queryClient: QueryClient, tenant: TenantSession, changed: { policies?: boolean; namedLocations?: boolean } = {}) {
  const keys = [
    'audit', 'local-history', 'deletions',
    ...(changed.policies !== false ? ['policies', 'deleted-policies'] : []),
    ...(changed.namedLocations ? ['deleted-locations', 'names', 'directory-search'] : []),
  ];
  await Promise.all(keys.map((key) => queryClient.invalidateQueries({ queryKey: [...tenant.scopeKey, key] })));
}

export const policiesQuery = (tenant: TenantSession) =>
  queryOptions({
    queryKey: policyKeys.all(tenant),
    queryFn: ({ signal }) => listPolicies(tenant.client, signal),
  });

export const policyQuery = (tenant: TenantSession, id: string, fromList?: ConditionalAccessPolicy[]) =>
  queryOptions({
    queryKey: policyKeys.detail(tenant, id),
    queryFn: ({ signal }) => getPolicy(tenant.client, id, signal),
    // Opening a policy from the list shows it at once; the fresh read replaces it.
    placeholderData: fromList?.find((p) => p.id === id),
  });

/**
 * Every Conditional Access event the audit log still holds: read once and shared by a policy's
 * history, the deleted items (who deleted what) and the watched policies, which filter it.
 */
export const recentAuditQuery = (tenant: TenantSession) =>
  queryOptions({
    queryKey: [...tenant.scopeKey, 'audit', 'recent'] as const,
    queryFn: ({ signal }) => listConditionalAccessEvents(tenant.client, { since: new Date(Date.now() - AUDIT_RETENTION_DAYS * 86_400_000) }, signal),
    staleTime: 60_000,
    // A missing permission or licence is an answer, not a blip: said at once, not retried.
    retry: false,
  });

/** Names for every id in these policies: resolved after the policies arrive, never blocking them. */
export function useNames(tenant: TenantSession, policies: readonly ConditionalAccessPolicy[] | undefined) {
  const refs = policies ? collectReferences(policies) : null;
  const fingerprint = refs ? Object.values(refs).map((set: Set<string>) => [...set].sort().join(',')).join('|') : '';
  return useQuery({
    queryKey: policyKeys.names(tenant, fingerprint),
    queryFn: () => resolveNames(tenant.client, policies ?? []),
    enabled: !!policies,
    staleTime: 5 * 60_000,
  });
}
