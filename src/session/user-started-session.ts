// What the admin started and waits on goes ahead of the screens' queued reads in the tenant's pacer.
import {
  hashKey,
  isCancelledError,
  type FetchQueryOptions,
  type QueryClient,
  type QueryFunction,
  type QueryFunctionContext,
  type QueryKey,
} from '@tanstack/react-query';
import { turnOf } from '../graph/pacer';
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
// The signal of each screen's read under way that fetchNow may join, by query client and key.
const screenReads = new WeakMap<QueryClient, Map<string, AbortSignal>>();

/**
 * A query function whose read fetchNow can find: while it waits its turn in the pacer it is stopped and read
 * again ahead of the queue; once let through to Graph it is joined (its answer is on its way).
 */
export function joinableRead<T, TKey extends QueryKey>(queryFn: QueryFunction<T, TKey>): QueryFunction<T, TKey> {
  return async (context) => {
    let reads = screenReads.get(context.client);
    if (!reads) screenReads.set(context.client, (reads = new Map()));
    const key = hashKey(context.queryKey);
    const signal = context.signal;
    reads.set(key, signal);
    try {
      return await queryFn(context);
    } finally {
      if (reads.get(key) === signal) reads.delete(key);
    }
  };
}

/**
 * Reads for the admin now (options made with userStartedSession), whatever the cache holds. A screen's read of the
 * same key still waiting its turn is stopped first (it leaves the pacer's queue): joining it, the admin would wait
 * that read's turn behind the background ones. A screen's read already let through to Graph (made with
 * joinableRead) is joined: stopping it would spend another of the tenant's turns on the same answer. Another
 * fetchNow of the key is joined too: its caller waits on that answer as well.
 *
 * Its own read is not stopped when the last screen showing the query closes: stopped, a query's read hands back the
 * copy held before, which the admin's action would take for the tenant's.
 */
export function fetchNow<T, TKey extends QueryKey>(queryClient: QueryClient, options: FetchQueryOptions<T, Error, T, TKey>): Promise<T> {
  let reads = underWay.get(queryClient);
  if (!reads) underWay.set(queryClient, (reads = new Map()));
  const key = hashKey(options.queryKey);
  const joined = reads.get(key);
  if (joined) return joined as Promise<T>;
  const read = (async () => {
    const screen = screenReads.get(queryClient)?.get(key);
    if (screen && turnOf(screen) === 'let through') {
      const before = queryClient.getQueryState(options.queryKey)?.dataUpdatedAt ?? 0;
      try {
        const data = await queryClient.fetchQuery({ ...options, staleTime: 0 });
        // Answered, the cache holds what it read; stopped (its screen closed), the copy held before: read anew.
        if ((queryClient.getQueryState(options.queryKey)?.dataUpdatedAt ?? 0) > before) return data;
      } catch (error) {
        // Graph's answer to that read (a 404: the policy is gone) is the answer to this one.
        if (!isCancelledError(error)) throw error;
      }
    }
    await queryClient.cancelQueries({ queryKey: options.queryKey, exact: true });
    return queryClient.fetchQuery({ ...options, staleTime: 0, queryFn: unstoppable(options) });
  })();
  reads.set(key, read);
  const done = () => void (reads.get(key) === read && reads.delete(key));
  read.then(done, done);
  return read;
}

/**
 * The query function given a signal of its own: a query's read is stopped (and hands back the copy held before)
 * when the last screen showing it closes, if its function took the query's signal. Still the query's read, so a
 * screen that opens meanwhile shares it, and its answer or error is the cache's.
 */
function unstoppable<T, TKey extends QueryKey>(options: FetchQueryOptions<T, Error, T, TKey>): QueryFunction<T, TKey> {
  const queryFn = options.queryFn;
  if (typeof queryFn !== 'function') throw new Error(`fetchNow needs a query function (${hashKey(options.queryKey)}).`);
  return (context) => {
    const own = { client: context.client, queryKey: context.queryKey, meta: context.meta, signal: new AbortController().signal };
    return queryFn(own as QueryFunctionContext<TKey, never>);
  };
}
