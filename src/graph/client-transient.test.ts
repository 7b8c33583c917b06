// What a passing fault looks like from the screen: a gateway's HTML error page, a stalled connection,
// a $batch of reads answered 503. Each is retried where that is safe, or reported for what it was.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clientWith, json, type Handler } from './client-fake';
import { describeError } from './describe-error';

const html = (status: number, headers: Record<string, string> = {}) =>
  new Response(`<html><body><h1>${status} Gateway Time-out</h1></body></html>`, {
    status,
    headers: { 'content-type': 'text/html', ...headers },
  });

describe('an error answer that is not JSON', () => {
  it('a gateway’s HTML 504 on a read is retried, and the read gets its answer', async () => {
    let count = 0;
    const { client, calls } = clientWith(() => (++count === 1 ? html(504) : json(200, { value: [1] })));
    expect(await client.get('/v1.0/users')).toEqual({ value: [1] });
    expect(calls).toHaveLength(2);
  });

  it('a plain-text 429 is throttling, waited out as long as its Retry-After says', async () => {
    let count = 0;
    const { client, sleeps } = clientWith(() =>
      ++count === 1 ? new Response('Too Many Requests', { status: 429, headers: { 'retry-after': '7' } }) : json(200, {}),
    );
    await client.get('/v1.0/auditLogs/directoryAudits');
    expect(sleeps).toEqual([7000]);
  });

  it('a write answered by an HTML 504 is reported as the 504 it was, not as a fault of Graph’s JSON', async () => {
    const { client, calls } = clientWith(() => html(504));
    const error = await client
      .request('/beta/identity/conditionalAccess/policies/x', { method: 'PATCH', body: {} })
      .catch((e: unknown) => e);
    expect(calls).toHaveLength(1);
    expect(describeError(error).message).toContain('The service answered 504');
  });

  it('a success whose body is not JSON is still refused as an invalid answer', async () => {
    const { client } = clientWith(() => html(200));
    await expect(client.get('/v1.0/users')).rejects.toMatchObject({ code: 'InvalidResponse' });
  });
});

describe('a connection that never answers', () => {
  afterEach(() => {
    vi.useRealTimers();
  });
  // Like fetch, stops when its signal aborts; until then it never answers.
  const stalled: Handler = (_url, init) =>
    new Promise<Response>((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
  const settledYet = (promise: Promise<unknown>) => {
    let settled = false;
    promise.then(
      () => (settled = true),
      () => (settled = true),
    );
    return () => settled;
  };

  it('a write is given up after the timeout as a lost connection, so the write goes looking for what happened', async () => {
    vi.useFakeTimers();
    const { client, calls } = clientWith(stalled, { timeoutMs: 5000 });
    const write = client.request('/beta/identity/conditionalAccess/policies', { method: 'POST', body: {} }).catch((e: unknown) => e);
    const settled = settledYet(write);
    await vi.advanceTimersByTimeAsync(4999);
    expect(settled()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled()).toBe(true);
    expect(describeError(await write).title).toBe('Microsoft Graph is unreachable');
    expect(await write).toMatchObject({ status: 0, code: 'NetworkError' });
    expect(calls).toHaveLength(1);
  });

  it('a read that stalls is tried again, and answers when the connection comes back', async () => {
    vi.useFakeTimers();
    let count = 0;
    const { client, calls } = clientWith((url, init) => (++count === 1 ? stalled(url, init) : json(200, { value: [2] })), {
      timeoutMs: 5000,
    });
    const read = client.get('/v1.0/users');
    const settled = settledYet(read);
    await vi.advanceTimersByTimeAsync(5000);
    expect(settled()).toBe(true);
    expect(await read).toEqual({ value: [2] });
    expect(calls).toHaveLength(2);
  });

  it('a body that stops half way is given up too', async () => {
    vi.useFakeTimers();
    const { client } = clientWith(
      (_url, init) =>
        new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('{"value":'));
              init.signal?.addEventListener('abort', () => controller.error(init.signal!.reason));
            },
          }),
          { status: 200 },
        ),
      { timeoutMs: 5000, maxRetries: 0 },
    );
    const read = client.get('/v1.0/users').catch((e: unknown) => e);
    const settled = settledYet(read);
    await vi.advanceTimersByTimeAsync(5000);
    expect(settled()).toBe(true);
    expect(await read).toMatchObject({ status: 0, code: 'NetworkError' });
  });

  it('the caller’s own abort is still an abort, not a lost connection', async () => {
    vi.useFakeTimers();
    const { client, calls } = clientWith(stalled, { timeoutMs: 5000 });
    const stop = new AbortController();
    const read = client.get('/v1.0/users', { signal: stop.signal }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1000);
    stop.abort();
    expect(await read).toMatchObject({ name: 'AbortError' });
    expect(calls).toHaveLength(1);
  });
});

describe('a $batch that only reads', () => {
  type Item = { id: string; method: string; url: string };
  const itemsOf = (init: RequestInit) => (JSON.parse(String(init.body)) as { requests: Item[] }).requests;
  const ok = (items: Item[]) => ({ responses: items.map((r) => ({ id: r.id, status: 200, headers: {}, body: { value: [r.id] } })) });
  // How a backup asks for the objects its policies name: getByIds is a POST that changes nothing.
  const backupReads = [
    { id: 'objects-0', method: 'POST' as const, url: '/directoryObjects/getByIds', body: { ids: ['u1'], types: ['user'] } },
    { id: 'roles', method: 'GET' as const, url: '/directoryRoleTemplates?$select=id,displayName' },
  ];

  it('is sent again when the $batch itself answers 503, and the backup gets its answers', async () => {
    let count = 0;
    const { client, calls } = clientWith((_url, init) =>
      ++count === 1 ? json(503, { error: { code: 'ServiceUnavailable', message: 'Try later' } }) : json(200, ok(itemsOf(init))),
    );
    const results = await client.batch('beta', [backupReads[0]!]);
    expect(results.get('objects-0')?.status).toBe(200);
    expect(calls).toHaveLength(2);
  });

  it('is sent again when the connection drops under it', async () => {
    let count = 0;
    const { client, calls } = clientWith((_url, init) => {
      if (++count === 1) throw new TypeError('Failed to fetch');
      return json(200, ok(itemsOf(init)));
    });
    const results = await client.batch('beta', backupReads);
    expect([...results.values()].map((r) => r.status)).toEqual([200, 200]);
    expect(calls).toHaveLength(2);
  });

  it('sends again only the read that answered 503, after its Retry-After', async () => {
    const seen: string[][] = [];
    const { client, sleeps } = clientWith((_url, init) => {
      const items = itemsOf(init);
      seen.push(items.map((r) => r.id));
      return json(200, {
        responses: items.map((r) =>
          r.id === 'objects-0' && seen.length === 1
            ? { id: r.id, status: 503, headers: { 'Retry-After': '3' }, body: { error: { code: 'ServiceUnavailable' } } }
            : { id: r.id, status: 200, headers: {}, body: { value: [r.id] } },
        ),
      });
    });
    const results = await client.batch('beta', backupReads);
    expect(results.get('objects-0')?.status).toBe(200);
    expect(seen).toEqual([['objects-0', 'roles'], ['objects-0']]);
    expect(sleeps).toEqual([3000]);
  });

  it('gives a read that keeps failing back as it came once the retries are spent', async () => {
    const { client, calls } = clientWith((_url, init) =>
      json(200, { responses: itemsOf(init).map((r) => ({ id: r.id, status: 504, headers: {}, body: {} })) }),
    );
    const results = await client.batch('beta', [backupReads[1]!]);
    expect(results.get('roles')?.status).toBe(504);
    expect(calls).toHaveLength(4);
  });

  it('a $batch holding a write is not sent again after a 503, nor is its write item', async () => {
    const write = { id: 'w', method: 'PATCH' as const, url: '/identity/conditionalAccess/policies/p1', body: { state: 'disabled' } };
    const whole = clientWith(() => json(503, { error: { code: 'ServiceUnavailable', message: 'Try later' } }));
    await expect(whole.client.batch('beta', [backupReads[1]!, write])).rejects.toMatchObject({ status: 503 });
    expect(whole.calls).toHaveLength(1);

    const item = clientWith((_url, init) =>
      json(200, { responses: itemsOf(init).map((r) => ({ id: r.id, status: r.id === 'w' ? 503 : 200, headers: {}, body: {} })) }),
    );
    const results = await item.client.batch('beta', [write]);
    expect(results.get('w')?.status).toBe(503);
    expect(item.calls).toHaveLength(1);
  });
});
