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
