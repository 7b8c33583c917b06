// The signed-in tenant's name, for the header and the account switcher. Fetched once per account.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { getOrganization } from '../graph/organization';
import { queryKeys } from './query-keys';
import type { TenantSession } from './tenant-session';

export const organizationQuery = (tenant: TenantSession) =>
  queryOptions({
    queryKey: queryKeys.organization(tenant),
    queryFn: ({ signal }) => getOrganization(tenant.client, signal),
    staleTime: Infinity,
  });

/** The tenant's name: the demo account's own, else the organization's once read; null until known. */
export function useOrganizationName(tenant: TenantSession): string | null {
  const organization = useQuery({ ...organizationQuery(tenant), enabled: !tenant.account.tenantName });
  return tenant.account.tenantName ?? organization.data?.displayName ?? null;
}

/**
 * The tenant's name for words said once (an account added, a switch to it): null while the organization is
 * first read, so that they are not said with a stand-in and then again with the name; the account's sign-in
 * domain when the organization cannot be read.
 */
export function useSettledTenantName(tenant: TenantSession): string | null {
  const { account } = tenant;
  const organization = useQuery({ ...organizationQuery(tenant), enabled: !account.tenantName });
  if (account.tenantName) return account.tenantName;
  if (organization.data?.displayName) return organization.data.displayName;
  if (organization.isPending) return null;
  return account.username.split('@')[1] ?? account.tenantId;
}
