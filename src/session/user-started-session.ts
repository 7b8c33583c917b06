// What the admin started and waits on goes ahead of the screens' queued reads in the tenant's pacer.
import { hashKey, type FetchQueryOptions, type QueryClient, type QueryKey } from '@tanstack/react-query';
import type { TenantSession } from './tenant-session';

/**
 * The session for a write (with its conflict read and read-back) or a read the admin waits on (a revert's): its
 * paced requests go ahead of the background ones queued, on the same pacer, so the tenant gets them no faster.
 */
export function userStartedSession(tenant: TenantSession): TenantSession {
  const client = tenant.client.userStarted();
  return { ...tenant, client, context: { ...tenant.context, client } };
}

// fetchNow's own reads under way, by query client and key: a second one joins the first.
const underWay = new WeakMap<QueryClient, Map<string, Promise<unknown>>>();

/**
 * Reads for the admin now (options made with userStartedSession). A screen's read of the same key under way is
 * stopped first: fetchQuery would join it, and a read queued in the background would make the admin wait its turn
 * after all (stopped while it waits, it leaves the pacer's queue). Another fetchNow of the key is joined, not
 * stopped: its caller waits on that answer too.
 */
export function fetchNow<T, TKey extends QueryKey>(queryClient: QueryClient, options: FetchQueryOptions<T, Error, T, TKey>): Promise<T> {
  let reads = underWay.get(queryClient);
  if (!reads) underWay.set(queryClient, (reads = new Map()));
  const key = hashKey(options.queryKey);
  const joined = reads.get(key);
  if (joined) return joined as Promise<T>;
  const read = (async () => {
    await queryClient.cancelQueries({ queryKey: options.queryKey, exact: true });
    return queryClient.fetchQuery(options);
  })();
  reads.set(key, read);
  const done = () => void (reads.get(key) === read && reads.delete(key));
  read.then(done, done);
  return read;
}
