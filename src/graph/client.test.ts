import { describe, expect, it, vi } from 'vitest';
import { MAX_BATCH_SIZE } from './client';
import { clientWith, json } from './client-fake';
import { GraphRequestError } from './errors';
import { createPacer, turnOf, type PacerPriority } from './pacer';

const graphError = (status: number, code: string, headers: Record<string, string> = {}) =>
  json(
    status,
    { error: { code, message: `${code} happened`, innerError: { 'request-id': 'req-1', date: '2026-11-20T10:00:00' } } },
    headers,
  );

describe('GraphClient', () => {
  it('follows @odata.nextLink until the last page', async () => {
    const { client, calls } = clientWith((url) =>
      url.includes('page=2')
        ? json(200, { value: [3] })
        : json(200, { value: [1, 2], '@odata.nextLink': 'https://graph.microsoft.com/v1.0/users?page=2' }),
    );
    expect(await client.list('/v1.0/users')).toEqual([1, 2, 3]);
    expect(calls).toHaveLength(2);
  });

  it('a token started ahead is used by the batch that follows, and a failed one falls back to the provider', async () => {
    const asked: string[] = [];
    let next = 'early';
    const { client, calls } = clientWith(() => json(200, { responses: [{ id: 'a', status: 200, body: {} }] }), {
      getToken: async () => {
        asked.push(next);
        return next;
      },
    });
    const token = client.startToken();
    next = 'late';
    await client.batch('v1.0', [{ id: 'a', method: 'GET', url: '/users' }], { token });
    expect(asked).toEqual(['early']);
    expect(new Headers(calls[0]!.init.headers).get('Authorization')).toBe('Bearer early');

    await client.batch('v1.0', [{ id: 'a', method: 'GET', url: '/users' }], { token: Promise.reject(new Error('interaction required')) });
    expect(asked).toEqual(['early', 'late']);
    expect(new Headers(calls[1]!.init.headers).get('Authorization')).toBe('Bearer late');
  });

  it('refuses a nextLink to another host', async () => {
    const { client } = clientWith(() => json(200, { value: [1], '@odata.nextLink': 'https://evil.example/v1.0/users?page=2' }));
    await expect(client.list('/v1.0/users')).rejects.toMatchObject({ code: 'UnexpectedHost' });
  });

  it('retries a 429 without Retry-After with exponential backoff', async () => {
    let count = 0;
    const { client, sleeps } = clientWith(() => (++count <= 2 ? graphError(429, 'TooManyRequests') : json(200, { ok: true })));
    expect(await client.get('/v1.0/identity/conditionalAccess/policies')).toEqual({ ok: true });
    expect(sleeps).toEqual([750, 1500]);
  });

  it('waits as long as Retry-After says, fractional seconds included', async () => {
    let count = 0;
    const { client, sleeps } = clientWith(() =>
      ++count === 1 ? graphError(429, 'TooManyRequests', { 'retry-after': '2.5' }) : json(200, {}),
    );
    await client.get('/v1.0/auditLogs/directoryAudits');
    expect(sleeps).toEqual([2500]);
  });

  it('waits as asked on the same clock it waits out a Retry-After on, sending nothing', async () => {
    let answers = 0;
    const { client, calls, sleeps } = clientWith(() =>
      answers++ === 0 ? graphError(429, 'TooManyRequests', { 'Retry-After': '3' }) : json(200, {}),
    );
    await client.get('/v1.0/identity/conditionalAccess/policies');
    await client.wait(5000);
    expect(sleeps).toEqual([3000, 5000]);
    expect(calls).toHaveLength(2);
  });

  it('retries 5xx and network failures of reads, but never of a PATCH', async () => {
    let count = 0;
    const flaky = clientWith(() => {
      count++;
      if (count === 1) throw new TypeError('Failed to fetch');
      if (count === 2) return graphError(503, 'ServiceUnavailable');
      return json(200, { value: [] });
    });
    expect(await flaky.client.get('/v1.0/users')).toEqual({ value: [] });
    expect(count).toBe(3);

    const write = clientWith(() => graphError(503, 'ServiceUnavailable'));
    await expect(write.client.request('/v1.0/identity/conditionalAccess/policies/x', { method: 'PATCH', body: {} })).rejects.toMatchObject({
      status: 503,
    });
    expect(write.calls).toHaveLength(1);
  });

  it('gives up after the retry budget with the last error, request-id included', async () => {
    const { client, calls } = clientWith(() => graphError(500, 'InternalServerError'), { maxRetries: 2 });
    const error = (await client.get('/v1.0/users').catch((e: unknown) => e)) as GraphRequestError;
    expect(error).toBeInstanceOf(GraphRequestError);
    expect(error.details.requestId).toBe('req-1');
    expect(calls).toHaveLength(3);
  });

  it('reports a dropped connection as a NetworkError after retrying', async () => {
    const { client } = clientWith(
      () => {
        throw new TypeError('Failed to fetch');
      },
      { maxRetries: 1 },
    );
    await expect(client.get('/v1.0/users')).rejects.toMatchObject({ code: 'NetworkError', status: 0 });
  });

  it('gets a fresh token once when Graph answers 401', async () => {
    const getToken = vi.fn(async (_scopes: readonly string[], options?: { forceRefresh?: boolean }) =>
      options?.forceRefresh ? 'fresh' : 'stale',
    );
    const { client } = clientWith(
      (_url, init) =>
        (init.headers as Record<string, string>).Authorization === 'Bearer fresh'
          ? json(200, { ok: 1 })
          : graphError(401, 'InvalidAuthenticationToken'),
      { getToken },
    );
    expect(await client.get('/v1.0/users')).toEqual({ ok: 1 });
    expect(getToken).toHaveBeenCalledTimes(2);
  });

  it('does not retry a 403 and keeps Graph’s code', async () => {
    const { client, calls } = clientWith(() => graphError(403, 'AccessDenied'));
    await expect(client.get('/v1.0/users')).rejects.toMatchObject({ status: 403, code: 'AccessDenied', isMissingPermission: true });
    expect(calls).toHaveLength(1);
  });

  it('splits $batch into groups of 20 and retries only the items that were throttled', async () => {
    const seen = new Map<string, number>();
    const { client, calls } = clientWith((_url, init) => {
      const body = JSON.parse(String(init.body)) as { requests: { id: string }[] };
      expect(body.requests.length).toBeLessThanOrEqual(MAX_BATCH_SIZE);
      return json(200, {
        responses: body.requests.map((r) => {
          const times = (seen.get(r.id) ?? 0) + 1;
          seen.set(r.id, times);
          return r.id === 'r7' && times === 1
            ? { id: r.id, status: 429, headers: {}, body: { error: { code: 'TooManyRequests' } } }
            : { id: r.id, status: 200, headers: {}, body: { id: r.id } };
        }),
      });
    });
    const requests = Array.from({ length: 45 }, (_, i) => ({ id: `r${i}`, method: 'GET' as const, url: `/users/${i}` }));
    const results = await client.batch('v1.0', requests);
    expect(calls).toHaveLength(4); // 3 batches, then one more for the throttled item
    expect(results.size).toBe(45);
    expect(results.get('r7')?.status).toBe(200);
  });
});

describe('GraphClient, waits before a retry', () => {
  it('says how long it waits, for which request and why, on a 429 with Retry-After, and when the wait is over', async () => {
    let first = true;
    const { client, sleeps } = clientWith(() => {
      if (!first) return json(200, { id: 'p1' });
      first = false;
      return graphError(429, 'TooManyRequests', { 'Retry-After': '30' });
    });
    const heard: unknown[] = [];
    const reporting = client.reportingWaits((wait) => heard.push(wait));
    await reporting.request('/beta/identity/conditionalAccess/policies/p1', { method: 'PATCH', body: {} });
    expect(heard).toEqual([
      {
        method: 'PATCH',
        path: '/beta/identity/conditionalAccess/policies/p1',
        status: 429,
        seconds: 30,
        reason: 'Microsoft Graph asked to slow down (too many requests)',
      },
      null,
    ]);
    expect(sleeps).toEqual([30_000]);
  });

  it('a 503 of a read says the service is unavailable; the client it came from hears nothing of the other’s waits', async () => {
    let answers = 0;
    const { client } = clientWith(() => (answers++ === 0 ? graphError(503, 'ServiceUnavailable', { 'Retry-After': '5' }) : json(200, {})));
    const heard: unknown[] = [];
    await client.reportingWaits((wait) => heard.push(wait)).get('/v1.0/identity/conditionalAccess/policies');
    expect(heard[0]).toMatchObject({
      status: 503,
      seconds: 5,
      reason: 'Microsoft Graph is unavailable for a moment (service unavailable)',
    });
    answers = 0;
    heard.length = 0;
    await client.get('/v1.0/identity/conditionalAccess/policies');
    expect(heard).toEqual([]);
  });

  it('a write’s own wait after a 503 (sent again once looked for) is heard too', async () => {
    const { client } = clientWith(() => json(200, {}));
    const heard: unknown[] = [];
    const error = new GraphRequestError(503, 'ServiceUnavailable', 'Down', {
      method: 'POST',
      path: '/beta/identity/conditionalAccess/policies',
      retryAfterSeconds: 10,
    });
    await client.reportingWaits((wait) => heard.push(wait)).backoff(0, error);
    expect(heard).toEqual([
      expect.objectContaining({ method: 'POST', status: 503, seconds: 10, reason: expect.stringContaining('service unavailable') }),
      null,
    ]);
  });
});

describe('pacer', () => {
  it('lets a burst through, then one request per second', async () => {
    let clock = 0;
    const waits: number[] = [];
    const pacer = createPacer({
      ratePerSecond: 1,
      burst: 2,
      now: () => clock,
      sleep: async (ms) => {
        waits.push(ms);
        clock += ms;
      },
    });
    for (let i = 0; i < 5; i++) await pacer.acquire();
    expect(waits).toEqual([1000, 1000, 1000]);
    expect(clock).toBe(3000);
  });

  /** A pacer of 1 request a second, burst 1, whose clock moves only when the test says a second has passed. */
  function pacerOnAClock() {
    let clock = 0;
    let wake: (() => void) | undefined;
    const pacer = createPacer({
      ratePerSecond: 1,
      burst: 1,
      now: () => clock,
      sleep: (ms) =>
        new Promise<void>((resolve) => {
          wake = () => {
            clock += ms;
            resolve();
          };
        }),
    });
    const sent: string[] = [];
    const settled = () => new Promise((resolve) => setTimeout(resolve, 0));
    return {
      sent,
      async queue(name: string, cost: number, priority?: PacerPriority, signal?: AbortSignal) {
        void pacer.acquire(cost, priority, signal).then(
          () => void sent.push(`${name} at ${clock}`),
          (reason: unknown) => void sent.push(`${name} stopped: ${String(reason)}`),
        );
        await settled();
      },
      async seconds(count: number) {
        for (let i = 0; i < count; i++) {
          const woken = wake;
          wake = undefined;
          woken?.();
          await settled();
        }
      },
    };
  }

  it('sends a user-started request ahead of the background ones queued before it, at the same rate', async () => {
    const pacer = pacerOnAClock();
    for (const read of ['list', 'locations', 'deleted locations', 'names']) await pacer.queue(read, 1);
    await pacer.queue('revert', 1, 'user-started');
    await pacer.seconds(4);
    expect(pacer.sent).toEqual(['list at 0', 'revert at 1000', 'locations at 2000', 'deleted locations at 3000', 'names at 4000']);
  });

  it('lets a user-started request in between the turns of a many-item batch', async () => {
    const pacer = pacerOnAClock();
    await pacer.queue('batch of 4', 4);
    await pacer.queue('save', 1, 'user-started');
    await pacer.seconds(4);
    // Five requests' worth in four seconds after the first, as before: the save takes the batch's second turn.
    expect(pacer.sent).toEqual(['save at 1000', 'batch of 4 at 4000']);
  });

  it('a request stopped while it waits leaves the queue: the next one takes its turn', async () => {
    const pacer = pacerOnAClock();
    const left = new AbortController();
    await pacer.queue('list', 1);
    await pacer.queue('names of a page left', 1, 'background', left.signal);
    await pacer.queue('locations', 1);
    left.abort('the page was left');
    await pacer.seconds(2);
    expect(pacer.sent).toEqual(['list at 0', 'names of a page left stopped: the page was left', 'locations at 1000']);
  });

  it('tells where a signal’s request stands: waiting its turn, let through, or nowhere once stopped', async () => {
    const pacer = pacerOnAClock();
    const first = new AbortController();
    const second = new AbortController();
    const third = new AbortController();
    expect(turnOf(first.signal)).toBeUndefined();
    await pacer.queue('list', 1, 'background', first.signal);
    await pacer.queue('policy', 1, 'background', second.signal);
    await pacer.queue('names', 1, 'background', third.signal);
    expect([turnOf(first.signal), turnOf(second.signal), turnOf(third.signal)]).toEqual(['let through', 'waiting', 'waiting']);
    await pacer.seconds(1);
    expect(turnOf(second.signal)).toBe('let through');
    third.abort('the page was left');
    expect(turnOf(third.signal)).toBeUndefined();
    // The next page of the list waits its turn again, then is let through.
    await pacer.queue('list, page 2', 1, 'background', first.signal);
    expect(turnOf(first.signal)).toBe('waiting');
    await pacer.seconds(1);
    expect(turnOf(first.signal)).toBe('let through');
  });

  it('a read answered with an error is no longer at Graph while it waits to be sent again', async () => {
    let first = true;
    const turns: unknown[] = [];
    const controller = new AbortController();
    const { client } = clientWith(
      () => {
        turns.push(turnOf(controller.signal));
        if (!first) return json(200, { id: 'p1' });
        first = false;
        return graphError(503, 'ServiceUnavailable', { 'Retry-After': '5' });
      },
      {
        pacer: createPacer({ burst: 4, sleep: async () => {} }),
        sleep: async () => void turns.push(`waiting: ${String(turnOf(controller.signal))}`),
      },
    );
    await client.get('/beta/identity/conditionalAccess/policies/p1', { signal: controller.signal });
    expect(turns).toEqual(['let through', 'waiting: undefined', 'let through']);
    expect(turnOf(controller.signal)).toBeUndefined();
  });

  it('passes the caller’s signal to the pacer, so a stopped read does not wait for its turn', async () => {
    const signals: (AbortSignal | undefined)[] = [];
    const { client } = clientWith(() => json(200, { id: 'p1' }), {
      pacer: {
        acquire: async (_cost, _priority, signal) => {
          signals.push(signal);
        },
      },
    });
    const controller = new AbortController();
    await client.get('/beta/identity/conditionalAccess/policies/p1', { signal: controller.signal });
    expect(signals).toEqual([controller.signal]);
  });

  it('queues the paced requests of a user-started client as user-started, and others as background', async () => {
    const priorities: unknown[] = [];
    const { client } = clientWith(() => json(200, { id: 'p1' }), {
      pacer: {
        acquire: async (_cost, priority) => {
          priorities.push(priority);
        },
      },
    });
    await client.get('/beta/identity/conditionalAccess/policies/p1');
    await client.userStarted().get('/beta/identity/conditionalAccess/policies/p1');
    await client
      .userStarted()
      .reportingWaits(() => {})
      .get('/beta/identity/conditionalAccess/policies/p1');
    expect(priorities).toEqual([undefined, 'user-started', 'user-started']);
  });
});

describe('errorPath', () => {
  it('points a numbered validation error at the JSON it concerns, keeping the request id', async () => {
    const { errorPath } = await import('./describe-error');
    const { errorFromResponse } = await import('./errors');
    const error = errorFromResponse(
      400,
      {
        error: {
          code: 'BadRequest',
          message: 'The server could not process the request because it is malformed or incorrect.',
          innerError: { message: "1012: 'applications' condition cannot include both", 'request-id': 'r-1' },
        },
      },
      {},
      'PATCH',
      '/beta/x',
    );
    expect(errorPath(error)).toMatchObject({ code: '1012', path: ['conditions', 'applications', 'includeUserActions'] });
    expect(errorPath(error)!.message).toContain('request ID r-1');
  });
});
