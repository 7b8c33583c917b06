// The emulator server's control endpoints: a reset brings the seed back but keeps how the server was
// started (--latency, --no-rate-limit), and drops injected faults.
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulatorServer, type EmulatorServer } from './server';

let server: EmulatorServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const tenants = async (url: string) =>
  (await (await fetch(`${url}/_emulator/tenants`)).json()) as {
    id: string;
    faults: { latencyMs: number; caRateLimit: boolean; reportsRateLimit: boolean; rules: unknown[] };
  }[];

describe('POST /_emulator/reset', () => {
  it('keeps --latency and --no-rate-limit, and clears fault rules', async () => {
    server = await startEmulatorServer({
      port: 0,
      latencyMs: 25,
      rateLimits: false,
      authenticate: async () => Promise.reject(new Error('not used')),
    });
    const [first] = await tenants(server.url);
    await fetch(`${server.url}/_emulator/tenants/${first!.id}/faults`, {
      method: 'PUT',
      body: JSON.stringify({ rules: [{ match: 'GET', fault: 503 }] }),
    });
    expect((await tenants(server.url))[0]!.faults.rules).toHaveLength(1);

    expect((await fetch(`${server.url}/_emulator/reset`, { method: 'POST' })).status).toBe(204);
    for (const tenant of await tenants(server.url)) {
      expect(tenant.faults).toMatchObject({ latencyMs: 25, caRateLimit: false, reportsRateLimit: false, rules: [] });
    }
  });
});

describe('--policies', () => {
  it('loads Contoso with that many policies, and a reset keeps them', async () => {
    server = await startEmulatorServer({ port: 0, policies: 195, authenticate: async () => Promise.reject(new Error('not used')) });
    const contoso = async () => ((await (await fetch(`${server!.url}/_emulator/tenants`)).json()) as { policies: number }[])[0]!;
    expect((await contoso()).policies).toBe(195);
    await fetch(`${server.url}/_emulator/reset`, { method: 'POST' });
    expect((await contoso()).policies).toBe(195);
  });
});
