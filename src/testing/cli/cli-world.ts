// What the command-line tests stand on, all on localhost: an OpenID Connect provider over https
// (oauth2-mock-server, a certificate made now, trusted through NODE_EXTRA_CA_CERTS) that issues
// app-only tokens for client credentials as Entra ID does (tid, roles, appid; no scp) and notes
// each token request; the Graph emulator server as its own process, verifying that provider's
// tokens; and `gatehouse` run as a real process (bin/gatehouse.mjs) with only the environment given.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { OAuth2Server } from 'oauth2-mock-server';
import { CONTOSO_TENANT_ID, seedAccounts } from '../../emulator/seed';
import { localhostCertificate } from '../localhost-certificate';

const root = resolve(__dirname, '../../..');
export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';
export const CLIENT_ID = '0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
export const SERVICE_PRINCIPAL_ID = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
export const GOOD_SECRET = 'the-right-secret-for-tests';
export const ALL_READS = ['Policy.Read.All', 'Directory.Read.All', 'Agreement.Read.All', 'AuditLog.Read.All'];

export interface TokenRequest {
  grantType: string;
  clientId: string | undefined;
  clientSecret: string | undefined;
  clientAssertion: string | undefined;
  clientAssertionType: string | undefined;
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, 'localhost', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function waitFor(url: string, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${url} did not start within ${timeoutMs} ms`);
}

export interface CliWorld {
  dir: string;
  idpUrl: string;
  graphUrl: string;
  tenantId: string;
  /** Token requests the provider received, in order. */
  requests: TokenRequest[];
  /** The application permissions the provider grants in `roles`. */
  roles: string[];
  /** A user's delegated token for the Contoso administrator, to change the tenant as an admin would. */
  adminToken(): Promise<string>;
  admin: { id: string; userPrincipalName: string };
  gatehouse(args: string[], env?: Record<string, string>): Promise<CliRun>;
  /** `gatehouse` started, for a test that signals it while it runs (child.kill('SIGINT')): `done` is its run. */
  start(args: string[], env?: Record<string, string>): { child: ChildProcess; stderr(): string; done: Promise<CliRun> };
  close(): Promise<void>;
}

export async function startCliWorld(): Promise<CliWorld> {
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-cli-'));
  const { keyPath, certPath } = await localhostCertificate(dir);

  const requests: TokenRequest[] = [];
  const world = { roles: [...ALL_READS] };
  const idp = new OAuth2Server(keyPath, certPath);
  await idp.issuer.keys.generate('RS256');
  idp.service.on('beforeTokenSigning', (token, req) => {
    const body = (req.body ?? {}) as Record<string, string | undefined>;
    if (body.grant_type !== 'client_credentials') return;
    const payload = token.payload as Record<string, unknown>;
    // As Entra ID answers client credentials: the application's permissions in roles, no scp.
    delete payload.scope;
    Object.assign(payload, {
      aud: GRAPH_AUDIENCE,
      tid: CONTOSO_TENANT_ID,
      oid: SERVICE_PRINCIPAL_ID,
      sub: SERVICE_PRINCIPAL_ID,
      appid: body.client_id,
      azp: body.client_id,
      app_displayname: 'Gatehouse pipeline',
      idtyp: 'app',
      roles: world.roles,
    });
  });
  idp.service.on('beforeResponse', (response, req) => {
    const body = (req.body ?? {}) as Record<string, string | undefined>;
    if (body.grant_type !== 'client_credentials') return;
    requests.push({
      grantType: body.grant_type,
      clientId: body.client_id,
      clientSecret: body.client_secret,
      clientAssertion: body.client_assertion,
      clientAssertionType: body.client_assertion_type,
    });
    // A secret is checked; an assertion is taken as the test presents it (its source is what is tested).
    if (body.client_secret !== undefined && body.client_secret !== GOOD_SECRET) {
      response.statusCode = 401;
      response.body = {
        error: 'invalid_client',
        error_description:
          'AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.',
      };
    }
  });
  const idpPort = await freePort();
  await idp.start(idpPort, 'localhost');
  const idpUrl = `https://localhost:${idpPort}`;

  const graphPort = await freePort();
  const graphUrl = `http://localhost:${graphPort}`;
  const emulator: ChildProcess = spawn(
    process.execPath,
    [
      join(root, 'node_modules/tsx/dist/cli.mjs'),
      join(root, 'src/emulator/server/cli.ts'),
      '--port',
      String(graphPort),
      '--issuer',
      idpUrl,
      '--no-rate-limit',
    ],
    { cwd: root, env: { PATH: process.env.PATH ?? '', NODE_EXTRA_CA_CERTS: certPath }, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  await waitFor(`${graphUrl}/_emulator/tenants`);

  const account = seedAccounts().find((a) => a.tenantId === CONTOSO_TENANT_ID && a.role === 'admin')!;
  const admin = { id: account.user.id, userPrincipalName: account.user.userPrincipalName };

  return {
    dir,
    idpUrl,
    graphUrl,
    tenantId: CONTOSO_TENANT_ID,
    requests,
    get roles() {
      return world.roles;
    },
    set roles(value: string[]) {
      world.roles = value;
    },
    admin,
    adminToken: () =>
      idp.issuer.buildToken({
        scopesOrTransform: (_header, payload) => {
          Object.assign(payload, {
            aud: GRAPH_AUDIENCE,
            tid: CONTOSO_TENANT_ID,
            oid: admin.id,
            sub: admin.id,
            preferred_username: admin.userPrincipalName,
            name: account.user.displayName,
            scp: 'Policy.Read.All Policy.ReadWrite.ConditionalAccess Directory.Read.All AuditLog.Read.All',
          });
        },
      }),
    gatehouse: (args, env = {}) => started(args, env).done,
    start: (args, env = {}) => started(args, env),
    close: async () => {
      emulator.kill('SIGTERM');
      await idp.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };

  function started(args: string[], env: Record<string, string>) {
    let stdout = '';
    let stderr = '';
    let child: ChildProcess | undefined;
    const done = new Promise<CliRun>((finish, fail) => {
      child = spawn(process.execPath, [join(root, 'bin/gatehouse.mjs'), ...args], {
        cwd: dir,
        // Only what is given: no CI variables of the machine running the tests leak in.
        env: {
          PATH: process.env.PATH ?? '',
          HOME: dir,
          NODE_EXTRA_CA_CERTS: certPath,
          AZURE_TENANT_ID: CONTOSO_TENANT_ID,
          AZURE_CLIENT_ID: CLIENT_ID,
          GATEHOUSE_AUTHORITY: idpUrl,
          GATEHOUSE_GRAPH_URL: graphUrl,
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.once('error', fail);
      child.once('close', (code) => finish({ code, stdout, stderr }));
    });
    return { child: child!, stderr: () => stderr, done };
  }
}
