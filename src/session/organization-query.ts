// The signed-in tenant's name, for the header and the account switcher. Fetched once per account.
import { queryOptions } from '@tanstack/react-query';
import { getOrganization } from '../graph/organization';
import { queryKeys } from './query-keys';
import type { TenantSession } from './tenant-session';

export const organizationQuery = (tenant: TenantSession) =>
  queryOptions({
    queryKey: queryKeys.organization(tenant),
    queryFn: ({ signal }) => getOrganization(tenant.client, signal),
    staleTime: Infinity,
  });
