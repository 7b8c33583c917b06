// Keeps a tenant's Conditional Access traffic under the documented 1 request/second limit, so bulk
// work waits its turn instead of collecting 429s (which carry no Retry-After for these resources).

/**
 * 'user-started': a request the admin is waiting on (a write, the reads it needs, a revert's read). It goes
 * ahead of every queued 'background' request (anything not marked: the screens' list reads, name lookups),
 * so a click is not served after seconds of reads nobody asked for. The rate is the same for both.
 */
export type PacerPriority = 'user-started' | 'background';

export interface Pacer {
  /**
   * Resolves when `cost` requests may be sent. Stopped by `signal` while it waits, it leaves the queue (rejecting
   * with the signal's reason): a screen left does not spend the tenant's turns on answers nobody reads.
   */
  acquire(cost?: number, priority?: PacerPriority, signal?: AbortSignal): Promise<void>;
}

interface Waiter {
  remaining: number;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export function createPacer({
  ratePerSecond = 1,
  burst = 2,
  now = () => Date.now(),
  sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms)),
} = {}): Pacer {
  let tokens = burst;
  let updated = now();
  // In arrival order within each priority.
  const waiting: Record<PacerPriority, Waiter[]> = { 'user-started': [], background: [] };
  let serving = false;

  const refill = () => {
    const t = now();
    tokens = Math.min(burst, tokens + ((t - updated) / 1000) * ratePerSecond);
    updated = t;
  };

  // One loop hands out the tokens; each turn goes to the first user-started waiter, else the first background one.
  // A many-item batch takes its tokens over several turns, so a user-started request can come between them.
  const serve = async () => {
    if (serving) return;
    serving = true;
    try {
      for (;;) {
        const queue = waiting['user-started'].length > 0 ? waiting['user-started'] : waiting.background;
        const next = queue[0];
        if (!next) return;
        refill();
        if (tokens >= 1) {
          const take = Math.min(next.remaining, Math.floor(tokens));
          tokens -= take;
          next.remaining -= take;
          if (next.remaining === 0) {
            queue.shift();
            next.resolve();
          }
        } else {
          await sleep(Math.ceil(((1 - tokens) / ratePerSecond) * 1000));
        }
      }
    } catch (error) {
      for (const waiter of [...waiting['user-started'].splice(0), ...waiting.background.splice(0)]) waiter.reject(error);
    } finally {
      serving = false;
    }
  };

  return {
    acquire(cost = 1, priority = 'background', signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      if (cost <= 0) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const stop = () => {
          const queue = waiting[priority];
          const index = queue.indexOf(waiter);
          if (index >= 0) queue.splice(index, 1);
          reject(signal?.reason);
        };
        const waiter: Waiter = {
          remaining: cost,
          resolve: () => {
            signal?.removeEventListener('abort', stop);
            resolve();
          },
          reject: (error) => {
            signal?.removeEventListener('abort', stop);
            reject(error);
          },
        };
        signal?.addEventListener('abort', stop, { once: true });
        waiting[priority].push(waiter);
        void serve();
      });
    },
  };
}

/** Conditional Access resources that share the 1 request/second/tenant limit. */
export function isPacedPath(path: string): boolean {
  return /\/identity\/conditionalAccess\/(policies|namedLocations|deletedItems)/i.test(path);
}
