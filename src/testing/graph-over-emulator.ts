// Connects the real Graph client to the emulator in-process: the integration ground for tests
// of name resolution and of anything that reads or writes a tenant.
import { GraphClient } from '../graph/client';
import { createPacer } from '../graph/pacer';
import { testEmulator } from '../emulator/harness/test-emulator';
import { CONTOSO_TENANT_ID } from '../emulator/seed';
import { DroppedConnection } from '../emulator/core/http';
import type { EmulatorState } from '../emulator/core/model';

/** What a browser's fetch does when the connection drops: a TypeError, no response. */
function asBrowserFetch(handle: (request: Request) => Promise<Response>) {
  return async (request: Request) => {
    try {
      return await handle(request);
    } catch (error) {
      if (error instanceof DroppedConnection) throw new TypeError('Failed to fetch');
      throw error;
    }
  };
}

export function graphOverEmulator(
  options: {
    scopes?: string[];
    tenantId?: string;
    fetch?: (request: Request, send: (request: Request) => Promise<Response>) => Promise<Response>;
    /** Another tenant state than the seed's (the benchmark's 195-policy Contoso). */
    state?: EmulatorState;
  } = {},
) {
  const harness = testEmulator({ state: options.state });
  const roundTrips: { method: string; url: string; status: number }[] = [];
  const scopes = options.scopes ?? [
    'Policy.Read.All',
    'Policy.ReadWrite.ConditionalAccess',
    'Directory.Read.All',
    'AuditLog.Read.All',
    'Agreement.Read.All',
  ];
  const client = new GraphClient({
    baseUrl: 'https://graph.microsoft.com',
    readScopes: ['Policy.Read.All'],
    getToken: async () => `test ${options.tenantId ?? CONTOSO_TENANT_ID} ${scopes.join(' ')}`,
    // A test may stand between the client and the emulator (to resend, or to reshape an answer).
    fetch: ((input: string | URL | Request, init?: RequestInit) => {
      const send = asBrowserFetch((request) => harness.emulator.handle(request));
      const request = new Request(input, init);
      return options.fetch ? options.fetch(request, send) : send(request);
    }) as typeof fetch,
    // Waiting moves the harness clock: pacing and Retry-After cost no real time, and the
    // emulator's throttling sees the time pass.
    sleep: async (ms: number) => harness.clock.advance(ms),
    pacer: createPacer({ now: () => harness.clock.now.getTime(), sleep: async (ms) => harness.clock.advance(ms) }),
    onRoundTrip: (info) => roundTrips.push(info),
  });
  return { ...harness, client, roundTrips };
}
