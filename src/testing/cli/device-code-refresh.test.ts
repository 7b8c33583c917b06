// A person signed in with the device code is not asked to sign in again when the access token runs out: MSAL for
// Node redeems the refresh token (acquireTokenSilent) at the emulator's sign-in server, as it would at Entra ID. The
// sign-in server gives access tokens of 60 s, within MSAL's five-minute renewal margin, so every token the command asks
// after the first is a refresh. Nor when Graph refuses a token before its expiry (revoked, or the tenant's Continuous
// Access Evaluation): the refresh token is redeemed again rather than a new device code asked. `gatehouse` runs as a real
// process; the sign-in server and Graph emulator run here.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errors } from '../../emulator/core/http';
import { CONTOSO_TENANT_ID, seedAccounts } from '../../emulator/seed';
import { startEmulatorServer, type EmulatorServer } from '../../emulator/server/server';
import { startSignInServer, type SignInServer } from '../../emulator/server/sign-in';

const root = resolve(__dirname, '../../..');
let signIn: SignInServer;
let graph: EmulatorServer;
let dir: string;
/** The access tokens Graph was called with, and whose they were. */
const seen = new Map<string, string>();
/**
 * Whether Graph refuses this call's access token (a 401, as for a revoked token): asked with the call's number
 * (from 1) and its Authorization header. A case sets it; none refuses by default.
 */
let refuses: (call: number, authorization: string) => boolean = () => false;
let calls = 0;
/** The access tokens Graph refused, each once however often it came back. */
const refused = new Set<string>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gatehouse-device-code-refresh-'));
  signIn = await startSignInServer([CONTOSO_TENANT_ID], CONTOSO_TENANT_ID, { accessTokenSeconds: 60 });
  graph = await startEmulatorServer({
    port: 0,
    rateLimits: false,
    authenticate: async (request) => {
      const authorization = request.headers.get('authorization') ?? '';
      if (refuses(++calls, authorization)) {
        refused.add(authorization);
        throw errors.unauthenticated('Access token has been revoked.');
      }
      const principal = await signIn.authenticate(request);
      seen.set(authorization, principal.userPrincipalName);
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

  it('renews a token Graph refuses mid-run without a second device code', async () => {
    // The token of Graph's third call is revoked: that call, and any other with it, is refused.
    const revoked = new Set<string>();
    refuses = (call, authorization) => {
      if (call === 3) revoked.add(authorization);
      return revoked.has(authorization);
    };
    calls = 0;
    refused.clear();
    try {
      const run = await gatehouse(['backup', '--out', 'contoso-revoked', '--auth', 'device-code']);
      expect(run.code, run.stderr).toBe(0);
      expect(refused.size).toBe(1);
      expect(run.stderr.match(/The emulator signs /g) ?? []).toHaveLength(1);
      expect(run.stderr).not.toContain('sign in again');
    } finally {
      refuses = () => false;
    }
  }, 120_000);

  it('stops, with one device code, when Graph refuses every token from mid-run on', async () => {
    refuses = (call) => call >= 3;
    calls = 0;
    refused.clear();
    try {
      const run = await gatehouse(['backup', '--out', 'contoso-refused', '--auth', 'device-code']);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain('Access token has been revoked.');
      // The refused token and the renewed one, per request that met the refusal: never asked again and again.
      expect(refused.size).toBeGreaterThan(1);
      expect(run.stderr.match(/The emulator signs /g) ?? []).toHaveLength(1);
    } finally {
      refuses = () => false;
    }
  }, 120_000);
});
