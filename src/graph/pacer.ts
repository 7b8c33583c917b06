// Keeps a tenant's Conditional Access traffic under the documented 1 request/second limit, so bulk
// work waits its turn instead of collecting 429s (which carry no Retry-After for these resources).

export interface Pacer {
  /** Resolves when `cost` requests may be sent. */
  acquire(cost?: number): Promise<void>;
}

export function createPacer({
  ratePerSecond = 1,
  burst = 2,
  now = () => Date.now(),
  sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms)),
} = {}): Pacer {
  let tokens = burst;
  let updated = now();
  let queue: Promise<void> = Promise.resolve();

  const refill = () => {
    const t = now();
    tokens = Math.min(burst, tokens + ((t - updated) / 1000) * ratePerSecond);
    updated = t;
  };

  return {
    acquire(cost = 1) {
      // Requests are served in order: each waits for the one before it.
      const turn = queue.then(async () => {
        let remaining = cost;
        while (remaining > 0) {
          refill();
          if (tokens >= 1) {
            const take = Math.min(remaining, Math.floor(tokens));
            tokens -= take;
            remaining -= take;
          } else {
            await sleep(Math.ceil(((1 - tokens) / ratePerSecond) * 1000));
          }
        }
      });
      queue = turn.catch(() => {});
      return turn;
    },
  };
}

/** Conditional Access resources that share the 1 request/second/tenant limit. */
export function isPacedPath(path: string): boolean {
  return /\/identity\/conditionalAccess\/(policies|namedLocations|deletedItems)/i.test(path);
}
