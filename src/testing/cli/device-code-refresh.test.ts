// A person signed in with the device code is not asked to sign in again when the access token runs out: MSAL for
// Node redeems the refresh token (acquireTokenSilent) at the emulator's sign-in server, as it would at Entra ID. The
// sign-in server gives access tokens of 60 s, within MSAL's five-minute renewal margin, so every token the command asks
// after the first is a refresh. `gatehouse` runs as a real process; the sign-in server and Graph emulator run here.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTOSO_TENANT_ID, seedAccounts } from '../../emulator/seed';
import { startEmulatorServer, type EmulatorServer } from '../../emulator/server/server';
import { startSignInServer, type SignInServer } from '../../emulator/server/sign-in';

const root = resolve(__dirname, '../../..');
let signIn: SignInServer;
let graph: EmulatorServer;
let dir: string;
/** The access tokens Graph was called with, and whose they were. */
const seen = new Map<string, string>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gatehouse-device-code-refresh-'));
  signIn = await startSignInServer([CONTOSO_TENANT_ID], CONTOSO_TENANT_ID, { accessTokenSeconds: 60 });
  graph = await startEmulatorServer({
    port: 0,
    rateLimits: false,
    authenticate: async (request) => {
      const principal = await signIn.authenticate(request);
      seen.set(request.headers.get('authorization') ?? '', principal.userPrincipalName);
      return principal;
    },
  });
}, 60_000);

afterAll(async () => {
  await graph?.close();
  await signIn?.close();
  rmSync(dir, { recursive: true, force: true });
});

function gatehouse(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(root, 'bin/gatehouse.mjs'), ...args], {
      cwd: dir,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: dir,
        NODE_EXTRA_CA_CERTS: signIn.certPath,
        AZURE_TENANT_ID: CONTOSO_TENANT_ID,
        AZURE_CLIENT_ID: signIn.clientIdFor(CONTOSO_TENANT_ID),
        GATEHOUSE_AUTHORITY: signIn.url,
        GATEHOUSE_GRAPH_URL: graph.url,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', fail);
    child.once('close', (code) => done({ code, stderr }));
  });
}

describe('gatehouse --auth device-code with a short-lived access token', () => {
  it('refreshes it silently: one device code for the whole run, several access tokens for the same person', async () => {
    const run = await gatehouse(['backup', '--out', 'contoso', '--auth', 'device-code']);
    expect(run.code, run.stderr).toBe(0);
    // The emulator's device code message, once: the person was asked to sign in once.
    expect(run.stderr.match(/The emulator signs /g) ?? []).toHaveLength(1);
    expect(seen.size).toBeGreaterThan(1);
    const admin = seedAccounts().find((a) => a.tenantId === CONTOSO_TENANT_ID && a.role === 'admin')!.user;
    expect([...new Set(seen.values())]).toEqual([admin.userPrincipalName]);
  }, 120_000);
});
