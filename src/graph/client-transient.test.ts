// What a passing fault looks like from the screen: a gateway's HTML error page, a stalled connection,
// a $batch of reads answered 503. Each is retried where that is safe, or reported for what it was.
import { describe, expect, it } from 'vitest';
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
