// The wait an account's run is in before Graph is asked again (a 429's Retry-After, a 503): kept per account
// (a plan run's under the account's key, a bulk run's under a key of its own), so the item being written says
// the tool is paced by the service, not hung. Only the run's own requests report here
// (GraphClient.reportingWaits): a read of the screens meanwhile is not the item's.
import { useSyncExternalStore } from 'react';
import type { RetryWait } from '../graph/client';

export interface CurrentWait extends RetryWait {
  /** When the wait ends, in Date.now() milliseconds: the row counts down to it. */
  endsAt: number;
}

const waits = new Map<string, CurrentWait>();
const listeners = new Set<() => void>();

/** The wait a request of this account's run has begun (null: it is over, the request is sent again). */
export function reportRetryWait(accountKey: string, wait: RetryWait | null, now = Date.now()): void {
  if (wait) waits.set(accountKey, { ...wait, endsAt: now + wait.seconds * 1000 });
  else if (waits.has(accountKey)) waits.delete(accountKey);
  else return;
  listeners.forEach((listener) => listener());
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export function useRetryWait(accountKey: string): CurrentWait | null {
  return useSyncExternalStore(
    subscribe,
    () => waits.get(accountKey) ?? null,
    () => null,
  );
}
