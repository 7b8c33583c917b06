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

/**
 * Where the request a signal stops stands in its pacer: 'waiting' its turn, or 'let through' (sent, or about to
 * be). A read the admin waits on asks it of a screen's read of the same thing: stopped while waiting, that read
 * leaves the queue for nothing; let through, it is at Graph, and stopping it would spend another turn on the answer.
 */
export type Turn = 'waiting' | 'let through';
const turns = new WeakMap<AbortSignal, Turn>();

/** Where the latest paced request under this signal stands; undefined when none has reached a pacer, or it has been answered. */
export const turnOf = (signal: AbortSignal): Turn | undefined => turns.get(signal);

/**
 * Said by the client when the request under this signal has its answer (or failed): no longer at Graph. A retry
 * after it queues again, at its own priority, so a read the admin waits on must not join it.
 */
export const answered = (signal: AbortSignal): void => void turns.delete(signal);

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
          turns.delete(signal!);
          reject(signal?.reason);
        };
        const waiter: Waiter = {
          remaining: cost,
          resolve: () => {
            if (signal) {
              signal.removeEventListener('abort', stop);
              turns.set(signal, 'let through');
            }
            resolve();
          },
          reject: (error) => {
            if (signal) {
              signal.removeEventListener('abort', stop);
              turns.delete(signal);
            }
            reject(error);
          },
        };
        if (signal) {
          signal.addEventListener('abort', stop, { once: true });
          turns.set(signal, 'waiting');
        }
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
