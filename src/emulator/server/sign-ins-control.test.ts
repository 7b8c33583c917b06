// The server's control endpoint that makes sign-ins happen: POST /_emulator/tenants/<id>/sign-ins.
import { afterEach, describe, expect, it } from 'vitest';
import { CONTOSO_TENANT_ID } from '../seed';
import { microsoftApps } from '../seed/apps';
import { contosoDirectory as d } from '../seed/contoso';
import { startEmulatorServer, type EmulatorServer } from './server';

let server: EmulatorServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const post = (url: string, body: unknown) => fetch(url, { method: 'POST', body: JSON.stringify(body) });

describe('POST /_emulator/tenants/<id>/sign-ins', () => {
  it('decides and records the sign-ins sent, answers them in the log’s shape, and refuses bad facts with 400', async () => {
    server = await startEmulatorServer({ port: 0, authenticate: async () => Promise.reject(new Error('not used')) });
    const url = `${server.url}/_emulator/tenants/${CONTOSO_TENANT_ID}/sign-ins`;
    const facts = {
      userId: d.user('Kofi Mensah'),
      appId: microsoftApps.exchangeOnline.appId,
      ipAddress: '203.0.113.40',
      country: 'NL',
      clientApp: 'exchangeActiveSync',
    };
    const response = await post(url, [facts]);
    expect(response.status).toBe(200);
    const { value } = (await response.json()) as { value: { id: string; status: { errorCode: number }; clientAppUsed: string }[] };
    expect(value).toHaveLength(1);
    expect(value[0]).toMatchObject({ status: { errorCode: 53003 }, clientAppUsed: 'Exchange ActiveSync' });
    const log = server.emulator.state.tenants.find((t) => t.id === CONTOSO_TENANT_ID)!.signInLog!;
    expect(log.entries.at(-1)!.id).toBe(value[0]!.id);

    const bad = await post(url, [{ ...facts, ipAddress: undefined }]);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toContain('Sign-in 0: "ipAddress" is required.');
    expect((await post(`${server.url}/_emulator/tenants/nope/sign-ins`, [facts])).status).toBe(404);
  });
});
