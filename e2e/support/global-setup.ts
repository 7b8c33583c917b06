// Starts what the real sign-in tests stand on, all on localhost:
// - a real OAuth2/OIDC provider (oauth2-mock-server) over https, with a certificate made now;
//   it issues Entra-shaped tokens (tid, oid, scp) and can be told to withhold scopes;
// - the Graph emulator server (`npm run emulator -- --issuer ...`), verifying that provider's tokens.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { join } from 'node:path';
import { OAuth2Server } from 'oauth2-mock-server';
import { localhostCertificate } from '../../src/testing/localhost-certificate';
import { ports, urls } from './ports';
import { signInUser } from './test-accounts';

async function waitFor(url: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not start within ${timeoutMs} ms`);
}

/** Longer than any client keeps an idle socket, so the server never closes one a client is about to reuse. */
const KEEP_ALIVE_MS = 120_000;

export default async function globalSetup() {
  const dir = join(process.cwd(), '.e2e-tmp');
  mkdirSync(dir, { recursive: true });
  const { keyPath, certPath } = await localhostCertificate(dir);

  const idp = new OAuth2Server(keyPath, certPath);
  await idp.issuer.keys.generate('RS256');
  let withheld: string[] = [];
  idp.service.on('beforeTokenSigning', (token) => {
    const payload = token.payload as Record<string, unknown>;
    Object.assign(payload, {
      sub: signInUser.id,
      tid: signInUser.tenantId,
      oid: signInUser.id,
      preferred_username: signInUser.userPrincipalName,
      name: signInUser.displayName,
    });
    if (typeof payload.scope === 'string') {
      // An access token: Entra ID puts bare scope names in scp and Graph in aud.
      const names = payload.scope
        .split(' ')
        .filter((s) => s.includes('/'))
        .map((s) => s.slice(s.lastIndexOf('/') + 1));
      payload.scp = names.filter((s) => !withheld.includes(s)).join(' ');
      payload.aud = urls.emulator;
    }
  });
  // The provider's own server closes an idle kept-alive socket after Node's 5 s; a test's API client that
  // reuses the socket at that moment gets ECONNRESET. Served here with a keep-alive longer than any client's.
  const idpServer = createHttpsServer(
    { key: readFileSync(keyPath), cert: readFileSync(certPath), keepAliveTimeout: KEEP_ALIVE_MS },
    idp.service.requestHandler,
  );
  await new Promise<void>((resolve) => idpServer.listen(ports.idp, 'localhost', resolve));
  idp.issuer.url = urls.idp;

  // Lets a test make the provider withhold scopes, as a tenant without admin consent would.
  const control: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', urls.control);
    if (url.pathname === '/withhold') withheld = (url.searchParams.get('scopes') ?? '').split(',').filter(Boolean);
    res.writeHead(204, { 'access-control-allow-origin': '*' }).end();
  });
  await new Promise<void>((resolve) => control.listen(ports.control, 'localhost', resolve));

  const latency = process.env.EMULATOR_LATENCY_MS ?? '0';
  const emulator: ChildProcess = spawn(
    process.execPath,
    [
      'node_modules/tsx/dist/cli.mjs',
      'src/emulator/server/cli.ts',
      '--port',
      String(ports.emulator),
      '--issuer',
      urls.idp,
      '--latency',
      latency,
    ],
    {
      env: { ...process.env, NODE_EXTRA_CA_CERTS: certPath },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  emulator.stdout?.on('data', () => {});
  await waitFor(`${urls.emulator}/_emulator/tenants`);

  return async () => {
    emulator.kill('SIGTERM');
    control.close();
    idpServer.closeAllConnections();
    await new Promise((resolve) => idpServer.close(resolve));
  };
}
