// What the admin started and waits on goes ahead of the screens' queued reads in the tenant's pacer.
import type { FetchQueryOptions, QueryClient, QueryKey } from '@tanstack/react-query';
import type { TenantSession } from './tenant-session';

/**
 * The session for a write (with its conflict read and read-back) or a read the admin waits on (a revert's): its
 * paced requests go ahead of the background ones queued, on the same pacer, so the tenant gets them no faster.
 */
export function userStartedSession(tenant: TenantSession): TenantSession {
  const client = tenant.client.userStarted();
  return { ...tenant, client, context: { ...tenant.context, client } };
}

/**
 * Reads for the admin now (options made with userStartedSession). A read of the same key already under way is
 * stopped first: fetchQuery would join it, and a screen's read queued in the background would make the admin wait
 * its turn after all. Stopped while it waits, that read leaves the pacer's queue.
 */
export async function fetchNow<T, TKey extends QueryKey>(
  queryClient: QueryClient,
  options: FetchQueryOptions<T, Error, T, TKey>,
): Promise<T> {
  await queryClient.cancelQueries({ queryKey: options.queryKey, exact: true });
  return queryClient.fetchQuery(options);
}
