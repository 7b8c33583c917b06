// The emulator as a Node HTTP server: Graph-shaped URLs under /v1.0 and /beta with CORS, plus
// /_emulator control endpoints (tenants, faults, sign-ins, reset) for tests. Localhost only.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createEmulator, type Authenticator, type Emulator } from '../core/emulator';
import { DroppedConnection } from '../core/http';
import type { EmulatorState, FaultConfig } from '../core/model';
import { createSeedState } from '../seed';
import { createSizedSeedState } from '../seed/large-seed';
import { createManyTenantsState } from './many-tenants';

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PATCH, PUT, DELETE, OPTIONS',
  'access-control-allow-headers':
    'Authorization, Content-Type, client-request-id, return-client-request-id, ConsistencyLevel, Prefer, x-ms-client-request-id',
  'access-control-expose-headers': 'request-id, client-request-id, Retry-After, Location, Date',
  'access-control-max-age': '600',
};

export interface EmulatorServer {
  server: Server;
  emulator: Emulator;
  url: string;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { ...CORS_HEADERS, 'content-type': 'application/json' });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

async function control(
  emulator: Emulator,
  freshState: () => EmulatorState,
  method: string,
  path: string,
  body: Buffer,
  res: ServerResponse,
): Promise<void> {
  const tenants = emulator.state.tenants;
  if (method === 'GET' && path === '/_emulator/tenants') {
    return send(
      res,
      200,
      tenants.map((t) => ({ id: t.id, displayName: t.displayName, policies: t.policies.length, faults: t.faults })),
    );
  }
  const faults = /^\/_emulator\/tenants\/([^/]+)\/faults$/.exec(path);
  if (faults && (method === 'PUT' || method === 'PATCH')) {
    const tenant = tenants.find((t) => t.id === faults[1]);
    if (!tenant) return send(res, 404, { error: `No tenant ${faults[1]}` });
    return send(res, 200, emulator.setFaults(tenant.id, JSON.parse(body.toString() || '{}') as Partial<FaultConfig>));
  }
  // Sign-ins for tests: a list of sign-in facts (core/sign-ins/facts.ts), decided and recorded now.
  const signIns = /^\/_emulator\/tenants\/([^/]+)\/sign-ins$/.exec(path);
  if (signIns && method === 'POST') {
    if (!tenants.some((t) => t.id === signIns[1])) return send(res, 404, { error: `No tenant ${signIns[1]}` });
    try {
      return send(res, 200, { value: emulator.recordSignIns(signIns[1]!, JSON.parse(body.toString() || '[]')) });
    } catch (error) {
      return send(res, 400, { error: error instanceof Error ? error.message : String(error) });
    }
  }
  if (method === 'POST' && path === '/_emulator/reset') {
    // The server's own options (--latency, --no-rate-limit, --policies) survive a reset; injected faults do not.
    emulator.replaceState(freshState());
    return send(res, 204, undefined);
  }
  return send(res, 404, { error: `No control endpoint ${method} ${path}` });
}

export async function startEmulatorServer(options: {
  port: number;
  authenticate: Authenticator;
  latencyMs?: number;
  rateLimits?: boolean;
  host?: string;
  /** Contoso's number of policies, 35 (the demo's) to 195 (the service's limit). */
  policies?: number;
  /** Instead of the demo's two tenants, this many copies of Contoso (many-tenants.ts), each paced on its own. */
  tenants?: number;
}): Promise<EmulatorServer> {
  if (options.tenants !== undefined && options.policies !== undefined) throw new Error('--tenants and --policies do not go together.');
  const freshState = () => {
    const state =
      options.tenants !== undefined
        ? createManyTenantsState(options.tenants)
        : options.policies === undefined
          ? createSeedState()
          : createSizedSeedState(options.policies);
    for (const tenant of state.tenants) {
      tenant.faults.latencyMs = options.latencyMs ?? 0;
      if (options.rateLimits === false) {
        tenant.faults.caRateLimit = false;
        tenant.faults.reportsRateLimit = false;
      }
    }
    return state;
  };
  const emulator = createEmulator({ state: freshState(), authenticate: options.authenticate });
  const host = options.host ?? 'localhost';

  const server = createServer((req, res) => {
    void (async () => {
      const method = req.method ?? 'GET';
      if (method === 'OPTIONS') {
        res.writeHead(204, CORS_HEADERS);
        return res.end();
      }
      const body = await readBody(req);
      const path = (req.url ?? '/').split('?')[0]!;
      if (path.startsWith('/_emulator/')) return control(emulator, freshState, method, path, body, res);
      const headers = new Headers();
      for (const [key, value] of Object.entries(req.headers)) {
        if (typeof value === 'string') headers.set(key, value);
        else if (Array.isArray(value)) headers.set(key, value.join(', '));
      }
      const request = new Request(`http://${req.headers.host ?? `${host}`}${req.url ?? '/'}`, {
        method,
        headers,
        body: method === 'GET' || method === 'HEAD' || body.length === 0 ? undefined : new Uint8Array(body),
      });
      try {
        const response = await emulator.handle(request);
        const outHeaders: Record<string, string> = { ...CORS_HEADERS };
        response.headers.forEach((value, key) => (outHeaders[key] = value));
        res.writeHead(response.status, outHeaders);
        res.end(Buffer.from(await response.arrayBuffer()));
      } catch (error) {
        if (error instanceof DroppedConnection) {
          req.socket.destroy();
          return;
        }
        send(res, 500, { error: { code: 'InternalServerError', message: String(error) } });
      }
    })();
  });

  // Node closes an idle kept-alive socket after 5 s; a client reusing it at that moment gets ECONNRESET, a
  // dropped connection Graph would not have caused. Clients close idle sockets first with this longer wait.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    server,
    emulator,
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
