// Waiting for the service to show what it has just accepted: a restored or created policy can be
// missing from a read for some seconds after Graph answered the write. The waits are apply-plan's
// (2, 5, then 10 s), taken on the Graph client's own clock (the one it waits out a Retry-After on):
// real time in the browser and the command line, the emulator's clock in tests.
import type { GraphClient } from '../graph/client';

export const SETTLE_SECONDS = [2, 5, 10] as const;

/** Waits before the (attempt + 1)th read (or write) of something the service has just accepted. */
export function settle(client: GraphClient, attempt: number): Promise<void> {
  const seconds = SETTLE_SECONDS[Math.min(attempt, SETTLE_SECONDS.length - 1)]!;
  return client.wait(seconds * 1000);
}

/**
 * Looks, and after each wait (2, 5, 10 s) looks again, until something is found: what a write whose answer was lost
 * may have made shows late, and is never written again in its place. What the look throws is thrown.
 */
export async function lookAfterWaits<T>(client: GraphClient, look: () => Promise<T[]>): Promise<T[]> {
  for (let attempt = 0; ; attempt++) {
    const found = await look();
    if (found.length > 0 || attempt >= SETTLE_SECONDS.length) return found;
    await settle(client, attempt);
  }
}
