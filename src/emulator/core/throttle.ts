// Token buckets per tenant: CA resources allow 1 request/second (429 without Retry-After, as
// documented); the reporting APIs allow 5 requests per 10 seconds (429 with Retry-After).
import { errors, type GraphError } from './http';
import type { FaultConfig } from './model';
import type { Throttle } from './route';

interface Bucket {
  tokens: number;
  updated: number;
}

export class Throttler {
  private readonly buckets = new Map<string, Bucket>();

  /** Takes a token for the request, or returns the 429 to answer with. */
  take(tenantId: string, kind: Throttle, faults: FaultConfig, nowMs: number): GraphError | null {
    if (kind === 'none') return null;
    if (kind === 'ca' && !faults.caRateLimit) return null;
    if (kind === 'reports' && !faults.reportsRateLimit) return null;
    const capacity = kind === 'ca' ? Math.max(1, faults.caBurst) : 5;
    const perMs = kind === 'ca' ? 1 / 1000 : 5 / 10_000;
    const key = `${tenantId}:${kind}`;
    const bucket = this.buckets.get(key) ?? { tokens: capacity, updated: nowMs };
    bucket.tokens = Math.min(capacity, bucket.tokens + (nowMs - bucket.updated) * perMs);
    bucket.updated = nowMs;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return null;
    }
    if (kind === 'ca') return errors.throttled();
    return errors.throttled(Math.ceil((1 - bucket.tokens) / perMs / 1000));
  }

  reset(): void {
    this.buckets.clear();
  }
}
