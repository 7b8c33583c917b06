// What a passing fault looks like from the screen: a gateway's HTML error page, a stalled connection,
// a $batch of reads answered 503. Each is retried where that is safe, or reported for what it was.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GraphClient } from './client';
import { describeError } from './describe-error';

type Handler = (url: string, init: RequestInit) => Response | Promise<Response>;

function clientWith(handler: Handler, extra: Partial<ConstructorParameters<typeof GraphClient>[0]> = {}) {
  const calls: { url: string; init: RequestInit }[] = [];
  const sleeps: number[] = [];
  const client = new GraphClient({
    baseUrl: 'https://graph.microsoft.com',
    readScopes: ['Policy.Read.All'],
    getToken: async () => 'token',
    fetch: (async (input: string | URL | Request, init?: RequestInit) => {
      calls.push({ url: String(input), init: init ?? {} });
      return handler(String(input), init ?? {});
    }) as typeof fetch,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    pacer: { acquire: async () => {} },
    ...extra,
  });
  return { client, calls, sleeps };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const html = (status: number, headers: Record<string, string> = {}) =>
  new Response(`<html><body><h1>${status} Gateway Time-out</h1></body></html>`, { status, headers: { 'content-type': 'text/html', ...headers } });

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
    const error = await client.request('/beta/identity/conditionalAccess/policies/x', { method: 'PATCH', body: {} }).catch((e: unknown) => e);
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
