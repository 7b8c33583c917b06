// For tests of the Graph client: a client over a fetch the test answers, with every call and every wait
// recorded, no real sleeping, no jitter and no pacing.
import { GraphClient } from './client';

export type Handler = (url: string, init: RequestInit) => Response | Promise<Response>;

export function clientWith(handler: Handler, extra: Partial<ConstructorParameters<typeof GraphClient>[0]> = {}) {
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

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
