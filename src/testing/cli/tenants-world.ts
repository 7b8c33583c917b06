// What the many-tenant command-line tests and the 200-tenant benchmark stand on: the Graph emulator
// serving N copies of Contoso with the service's per-tenant Conditional Access limit on, run in this
// process so every request it answers is logged by tenant (the token's tid), time and status; a local
// OpenID Connect provider over https that gives each tenant's application (by client id) a token for
// that tenant, refusing a wrong secret as Entra ID does; and `gatehouse` run as a real process.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OAuth2Server } from 'oauth2-mock-server';
import { localhostCertificate } from '../localhost-certificate';
import { startEmulatorServer, type EmulatorServer } from '../../emulator/server/server';
import { createIssuerVerifier } from '../../emulator/server/tokens';
import { tenantCopy } from '../../emulator/server/many-tenants';
import { isPacedPath } from '../../graph/pacer';
import type { CliRun } from './cli-world';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const GRAPH_AUDIENCE = 'https://graph.microsoft.com';
export const TENANT_SECRET = 'the-tenants-good-secret';
export const READS = ['Policy.Read.All', 'Directory.Read.All', 'Agreement.Read.All', 'AuditLog.Read.All'];
/** What `apply` needs besides (Graph asks Application.Read.All of applications that write policies). */
const WRITES = ['Policy.ReadWrite.ConditionalAccess', 'Application.Read.All'];

/** The application registered in copy n of Contoso (one app registration per customer tenant). */
export const clientIdOf = (n: number) => `0000c11e-0000-4000-8000-${String(n).padStart(12, '0')}`;

export interface LoggedRequest {
  tenantId: string;
  method: string;
  path: string;
  status: number;
  /** When the emulator received it (ms, this process's clock). */
  at: number;
  /** For a $batch: the status of each request inside it. */
  inner: number[];
  /** How many Conditional Access requests it held (1 for one; those inside a $batch), which the tenant's limit counts. */
  caRequests: number;
}

export interface TenantsWorld {
  dir: string;
  graphUrl: string;
  idpUrl: string;
  emulator: EmulatorServer;
  /** Every request the emulator answered, in the order they arrived. */
  log: LoggedRequest[];
  /** A delegated admin token for copy n, to change that tenant as its admin would. */
  adminToken(n: number): Promise<string>;
  /** `gatehouse` run in `cwd` (default: dir). */
  gatehouse(args: string[], env?: Record<string, string>, cwd?: string): Promise<CliRun & { ms: number }>;
  /** `gatehouse` started, for a test that signals it while it runs (child.kill('SIGINT')): `done` is its run. */
  start(
    args: string[],
    env?: Record<string, string>,
    cwd?: string,
  ): { child: ChildProcess; stderr(): string; done: Promise<CliRun & { ms: number }> };
  close(): Promise<void>;
}

function tidOf(authorization: string | undefined): string {
  const token = /^Bearer\s+(\S+)/i.exec(authorization ?? '')?.[1];
  try {
    return String((JSON.parse(Buffer.from(token!.split('.')[1]!, 'base64url').toString()) as { tid?: unknown }).tid ?? '');
  } catch {
    return '';
  }
}

const listen = (server: Server) =>
  new Promise<number>((done) =>
    server.listen(0, 'localhost', () => {
      const address = server.address();
      done(typeof address === 'object' && address ? address.port : 0);
    }),
  );

export async function startTenantsWorld(tenants: number): Promise<TenantsWorld> {
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-tenants-'));
  const { keyPath, certPath } = await localhostCertificate(dir);

  // Each tenant's application signs in to its own tenant: the client id says which copy it is.
  const tenantOfClient = new Map(Array.from({ length: tenants }, (_, i) => [clientIdOf(i + 1), tenantCopy(i + 1).id]));
  const idp = new OAuth2Server(keyPath, certPath);
  await idp.issuer.keys.generate('RS256');
  idp.service.on('beforeTokenSigning', (token, req) => {
    const body = (req.body ?? {}) as Record<string, string | undefined>;
    if (body.grant_type !== 'client_credentials') return;
    const payload = token.payload as Record<string, unknown>;
    delete payload.scope;
    Object.assign(payload, {
      aud: GRAPH_AUDIENCE,
      tid: tenantOfClient.get(body.client_id ?? '') ?? 'unknown-tenant',
      oid: body.client_id,
      sub: body.client_id,
      appid: body.client_id,
      app_displayname: 'Gatehouse pipeline',
      idtyp: 'app',
      roles: [...READS, ...WRITES],
    });
  });
  idp.service.on('beforeResponse', (response, req) => {
    const body = (req.body ?? {}) as Record<string, string | undefined>;
    if (body.grant_type === 'client_credentials' && body.client_secret !== TENANT_SECRET) {
      response.statusCode = 401;
      response.body = { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' };
    }
  });
  await idp.start(0, 'localhost');
  const idpUrl = `https://localhost:${idp.address().port}`;

  // The emulator verifies the provider's tokens through its discovery document; served here over
  // plain http (this process does not trust the provider's certificate), naming the https issuer.
  const discovery = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify(
        req.url === '/jwks'
          ? { keys: idp.issuer.keys.toJSON() }
          : { issuer: idpUrl, jwks_uri: `http://localhost:${(discovery.address() as { port: number }).port}/jwks` },
      ),
    );
  });
  const discoveryPort = await listen(discovery);
  const log: LoggedRequest[] = [];
  const emulator = await startEmulatorServer({
    port: 0,
    tenants,
    authenticate: await createIssuerVerifier(`http://localhost:${discoveryPort}`, [], tenantCopy(1).id),
  });
  emulator.server.on('request', (req, res) => {
    const at = performance.now();
    const path = req.url ?? '';
    let inner: { status: number; body?: { '@odata.context'?: string } }[] = [];
    if (/\/\$batch$/.test(path.split('?')[0]!)) {
      // The answer of a $batch is read as it is sent: the requests inside it are throttled one by one.
      const end = res.end.bind(res) as (chunk?: unknown) => typeof res;
      res.end = ((chunk?: unknown) => {
        try {
          inner = (JSON.parse(Buffer.from(chunk as Buffer).toString()) as { responses?: typeof inner }).responses ?? [];
        } catch {
          // not a batch answer (an error): nothing inside it
        }
        return end(chunk);
      }) as typeof res.end;
    }
    res.once('finish', () => {
      const paced = (context: string) => isPacedPath(`/${context.split('$metadata#')[1] ?? ''}`);
      log.push({
        tenantId: tidOf(req.headers.authorization),
        method: req.method ?? '',
        path,
        status: res.statusCode,
        at,
        inner: inner.map((r) => r.status),
        caRequests: isPacedPath(path.split('?')[0]!) ? 1 : inner.filter((r) => paced(r.body?.['@odata.context'] ?? '')).length,
      });
    });
  });
  // The emulator was asked for port 0: its url names the port it got.
  const graphUrl = emulator.url.replace(/:0$/, `:${(emulator.server.address() as { port: number }).port}`);

  const start = (args: string[], env: Record<string, string> = {}, cwd = dir) => {
    const started = performance.now();
    const child = spawn(process.execPath, [join(root, 'bin/gatehouse.mjs'), ...args], {
      cwd,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: dir,
        NODE_EXTRA_CA_CERTS: certPath,
        GATEHOUSE_AUTHORITY: idpUrl,
        GATEHOUSE_GRAPH_URL: graphUrl,
        TENANT_SECRET,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const done = new Promise<CliRun & { ms: number }>((finish, fail) => {
      child.once('error', fail);
      child.once('close', (code) => finish({ code, stdout, stderr, ms: performance.now() - started }));
    });
    return { child, stderr: () => stderr, done };
  };

  return {
    dir,
    graphUrl,
    idpUrl,
    emulator,
    log,
    adminToken: (n) =>
      idp.issuer.buildToken({
        scopesOrTransform: (_header, payload) => {
          Object.assign(payload, {
            aud: GRAPH_AUDIENCE,
            tid: tenantCopy(n).id,
            oid: 'admin',
            sub: 'admin',
            preferred_username: `admin@${tenantCopy(n).defaultDomain}`,
            name: `Admin of ${tenantCopy(n).displayName}`,
            scp: 'Policy.Read.All Policy.ReadWrite.ConditionalAccess Directory.Read.All',
          });
        },
      }),
    gatehouse: (args, env = {}, cwd = dir) => start(args, env, cwd).done,
    start,
    close: async () => {
      await emulator.close();
      discovery.close();
      await idp.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A request to tenant n's Graph as its admin. The tenant's Conditional Access limit applies to its admin too: a run
 * just before may have spent it, so a 429 is waited out as Graph says (Retry-After, else a second), a few times.
 */
export async function asAdminOf(world: TenantsWorld, n: number, method: string, path: string, body?: unknown): Promise<Response> {
  for (let tries = 0; ; tries++) {
    const response = await fetch(`${world.graphUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${await world.adminToken(n)}`, 'content-type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    if (response.status !== 429 || tries >= 8) return response;
    await new Promise((r) => setTimeout(r, Number(response.headers.get('retry-after') ?? 1) * 1000 + 100));
  }
}

/** A tenants file of copies 1..n of Contoso, each signing in with its own application and the secret in TENANT_SECRET. */
export function tenantsFileOf(numbers: readonly number[], extra: (n: number) => Record<string, unknown> = () => ({})) {
  return JSON.stringify(
    {
      tenants: numbers.map((n) => ({
        id: tenantCopy(n).id,
        name: tenantCopy(n).displayName,
        auth: { kind: 'secret', clientId: clientIdOf(n), secretEnv: 'TENANT_SECRET' },
        ...extra(n),
      })),
    },
    null,
    2,
  );
}

/** When each tenant's Conditional Access requests arrived (a $batch's once for each inside it), in order. */
export function caTimesByTenant(log: readonly LoggedRequest[]): Map<string, number[]> {
  const byTenant = new Map<string, number[]>();
  for (const entry of log) {
    if (entry.caRequests === 0) continue;
    byTenant.set(entry.tenantId, [...(byTenant.get(entry.tenantId) ?? []), ...Array<number>(entry.caRequests).fill(entry.at)]);
  }
  return byTenant;
}

/** Answers of 429, inside a $batch or not. */
export const throttledIn = (log: readonly LoggedRequest[]) => log.filter((r) => r.status === 429 || r.inner.includes(429));
