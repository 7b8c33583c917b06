// Connects the real Graph client to the emulator in-process: the integration ground for tests
// of name resolution and of anything that reads or writes a tenant.
import { GraphClient } from '../graph/client';
import { createPacer } from '../graph/pacer';
import { testEmulator } from '../emulator/harness/test-emulator';
import { CONTOSO_TENANT_ID } from '../emulator/seed';

export function graphOverEmulator(options: { scopes?: string[]; tenantId?: string } = {}) {
  const harness = testEmulator();
  const roundTrips: { method: string; url: string; status: number }[] = [];
  const scopes = options.scopes ?? ['Policy.Read.All', 'Policy.ReadWrite.ConditionalAccess', 'Directory.Read.All', 'AuditLog.Read.All', 'Agreement.Read.All'];
  const client = new GraphClient({
    baseUrl: 'https://graph.microsoft.com',
    readScopes: ['Policy.Read.All'],
    getToken: async () => `test ${options.tenantId ?? CONTOSO_TENANT_ID} ${scopes.join(' ')}`,
    fetch: ((input: string | URL | Request, init?: RequestInit) => harness.emulator.handle(new Request(input, init))) as typeof fetch,
    // Waiting moves the harness clock: pacing and Retry-After cost no real time, and the
    // emulator's throttling sees the time pass.
    sleep: async (ms: number) => harness.clock.advance(ms),
    pacer: createPacer({ now: () => harness.clock.now.getTime(), sleep: async (ms) => harness.clock.advance(ms) }),
    onRoundTrip: (info) => roundTrips.push(info),
  });
  return { ...harness, client, roundTrips };
}
