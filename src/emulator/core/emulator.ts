// The Graph emulator: one framework-free function from Request to Response over in-memory
// tenants. Adapters (MSW in the browser, a Node server) decide how tokens are verified.
import {
  DroppedConnection,
  errorResponse,
  errors,
  GraphError,
  isObject,
  jsonTextOf,
  jsonTextResponse,
  readJson,
  type RequestContext,
} from './http';
import { newId } from './ids';
import type { EmulatorState, FaultConfig, FaultRule, Principal, TenantState } from './model';
import { acceptedPermissions, type ApiVersion, type Route } from './route';
import { auditRoutes } from './routes/audit-logs';
import { catalogRoutes } from './routes/catalog';
import { checkMemberGroupsRoute } from './routes/check-member-groups';
import { directoryRoutes } from './routes/directory';
import { evaluateRoutes } from './routes/evaluate';
import { groupWriteRoutes } from './routes/group-writes';
import { namedLocationRoutes } from './routes/named-locations';
import { policyRoutes } from './routes/policies';
import { signInRoutes } from './routes/sign-ins';
import { readSignInFacts } from './sign-ins/facts';
import { recordSignIns } from './sign-ins/log';
import { presentSignIn } from './sign-ins/present';
import { Throttler } from './throttle';

/** Reads the caller from the request's bearer token; throws a 401 GraphError when it cannot. */
export type Authenticator = (request: Request) => Promise<Principal>;

export interface EmulatorOptions {
  state: EmulatorState;
  authenticate: Authenticator;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** Called after every request that changed state (for persistence). */
  onChange?: (state: EmulatorState) => void;
}

export interface Emulator {
  handle(request: Request): Promise<Response>;
  readonly state: EmulatorState;
  replaceState(state: EmulatorState): void;
  setFaults(tenantId: string, faults: Partial<FaultConfig>): FaultConfig;
  /**
   * Makes sign-ins happen (for tests and the demo): decides each against the tenant's policies as
   * they are now, records it in the sign-in log, and returns it as GET auditLogs/signIns would with
   * `Prefer: include-unknown-enum-members`. Throws a 400 GraphError naming the first bad sign-in.
   */
  recordSignIns(tenantId: string, facts: unknown): Record<string, unknown>[];
}

const routes: Route[] = [
  ...policyRoutes,
  ...namedLocationRoutes,
  ...catalogRoutes,
  ...directoryRoutes,
  ...groupWriteRoutes,
  ...auditRoutes,
  ...signInRoutes,
  ...evaluateRoutes,
  checkMemberGroupsRoute,
];
const MAX_BATCH = 20;
/**
 * Graph matches a path's segments in any case (v1.0/api/directoryaudit-list.md writes
 * /auditLogs/directoryaudits): each route's pattern is tried ignoring case. The ids it captures keep
 * their case, and the handlers compare them as they always did.
 */
const anyCase = new Map(routes.map((route) => [route, new RegExp(route.pattern.source, `${route.pattern.flags.replace('i', '')}i`)]));
const patternOf = (route: Route): RegExp => anyCase.get(route)!;

/** The 403 a resource answers a caller it refuses. */
const deniedBy = (route: Route, principal: Principal) => route.denied?.() ?? errors.accessDenied(acceptedPermissions(route, principal));

/**
 * A fault rule's status, with the body Graph sends with it: a 401 says the token expired, a 403 is
 * the resource's own refusal, a 404 is worded as Conditional Access words it, or else as the directory does.
 */
function injectedError(rule: FaultRule, path: string, denied?: () => GraphError): GraphError {
  const status = Number(rule.fault);
  const last = path.split('/').filter(Boolean).at(-1) ?? path;
  if (status === 400) return errors.malformed();
  if (status === 401) return errors.expiredToken();
  if (status === 403) return denied?.() ?? errors.insufficientPrivileges();
  if (status === 404)
    return /^(identity|policies|auditLogs)\//.test(path) ? errors.notFound('Resource', last) : errors.directoryNotFound(last);
  if (status === 409) return errors.conflict();
  if (status === 429) return errors.throttled(rule.retryAfter === null ? undefined : (rule.retryAfter ?? 1));
  if (status >= 500) return errors.serverError(status);
  return errors.unknown(status);
}

export function createEmulator(options: EmulatorOptions): Emulator {
  let state = options.state;
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const throttler = new Throttler();

  function tenantFor(principal: Principal): TenantState {
    const tenant = state.tenants.find((t) => t.id === principal.tenantId);
    if (!tenant) throw errors.unauthenticated(`The tenant '${principal.tenantId}' of the access token is not served by this emulator.`);
    return tenant;
  }

  /** Finds the fault rule for a request and counts it down; a "drop" rule drops the connection here. */
  function injectedFault(tenant: TenantState, signature: string): FaultRule | null {
    const rule = tenant.faults.rules.find((r) => signature.includes(r.match));
    if (!rule) return null;
    if (rule.times !== undefined) {
      rule.times -= 1;
      if (rule.times <= 0) tenant.faults.rules = tenant.faults.rules.filter((r) => r !== rule);
    }
    if (rule.fault === 'drop') throw new DroppedConnection();
    return rule;
  }

  async function dispatch(request: Request, context: RequestContext, principal: Principal): Promise<Response> {
    const url = new URL(request.url);
    const match = /^\/(v1\.0|beta)\/(.*?)\/?$/.exec(url.pathname);
    if (!match) throw errors.badRequest(`Invalid version: ${url.pathname.split('/')[1] ?? ''}`);
    const version = match[1] as ApiVersion;
    const path = decodeURIComponent(match[2]!);
    const tenant = tenantFor(principal);

    const candidates = routes.filter((r) => patternOf(r).test(path));
    const route = candidates.find((r) => r.method === request.method);

    const fault = injectedFault(tenant, `${request.method} /${version}/${path}`);
    if (fault && typeof fault.fault === 'number') throw injectedError(fault, path, route && (() => deniedBy(route, principal)));

    if (candidates.length === 0) throw errors.noRoute(path);
    if (!route)
      throw new GraphError(405, 'MethodNotAllowed', `The HTTP method '${request.method}' is not allowed for the resource '${path}'.`);
    if (route.betaOnly && version === 'v1.0') {
      throw new GraphError(404, 'UnknownError', `No HTTP resource was found that matches the request URI '${request.url}'.`);
    }
    if (!acceptedPermissions(route, principal).some((scope) => principal.scopes.includes(scope))) throw deniedBy(route, principal);

    const throttled = throttler.take(tenant.id, route.throttle, tenant.faults, context.now.getTime());
    if (throttled) throw throttled;

    const params = patternOf(route).exec(path)!.slice(1) as string[];
    const response = await route.handle({ request, url, version, params, tenant, principal, context, state });
    if (request.method !== 'GET' && !route.readOnly) options.onChange?.(state);
    // The write is applied; its answer never reaches the caller.
    if (fault?.fault === 'drop-after') throw new DroppedConnection();
    return response;
  }

  async function handleOne(request: Request, principal: Principal | null): Promise<Response> {
    const context: RequestContext = {
      requestId: newId(),
      clientRequestId: request.headers.get('client-request-id') ?? newId(),
      now: now(),
      // Only requests inside a $batch come with their caller already known.
      inBatch: principal !== null,
    };
    try {
      const caller = principal ?? (await options.authenticate(request));
      // Latency applies once per HTTP request, not to each request inside a $batch.
      const latency = principal ? 0 : (state.tenants.find((t) => t.id === caller.tenantId)?.faults.latencyMs ?? 0);
      if (latency > 0) await sleep(latency);
      if (/\/\$batch$/.test(new URL(request.url).pathname)) return await batch(request, context, caller);
      return await dispatch(request, context, caller);
    } catch (error) {
      if (error instanceof DroppedConnection) throw error;
      if (error instanceof GraphError) return errorResponse(context, error);
      const message = error instanceof Error ? error.message : String(error);
      return errorResponse(context, new GraphError(500, 'InternalServerError', `The emulator failed: ${message}`));
    }
  }

  async function batch(request: Request, context: RequestContext, principal: Principal): Promise<Response> {
    const body = await readJson(request);
    if (!isObject(body) || !Array.isArray(body.requests)) throw errors.badRequest('Invalid batch payload: a "requests" array is required.');
    const items = body.requests;
    if (items.length > MAX_BATCH)
      throw errors.badRequest(`Invalid batch payload: at most ${MAX_BATCH} requests are allowed, ${items.length} were sent.`);
    // Request ids are "not case-sensitive" and must be unique in the batch (concepts/json-batching.md):
    // 'a' and 'A' are one id, and dependsOn names a request in any case.
    const ids = items.map((item) => (isObject(item) ? String(item.id).toLowerCase() : ''));
    if (new Set(ids).size !== ids.length) throw errors.badRequest('Invalid batch payload: request ids must be unique.');
    // "When the body is supplied, a Content-Type header must be included" (json-batching.md); the
    // service refuses the whole batch, seen with this message.
    for (const item of items) {
      if (!isObject(item) || item.body === undefined) continue;
      const headers = isObject(item.headers) ? Object.keys(item.headers) : [];
      if (!headers.some((name) => name.toLowerCase() === 'content-type')) {
        throw errors.badRequest(`Write request id : ${String(item.id)} does not contain Content-Type header or body.`);
      }
    }
    const version = new URL(request.url).pathname.split('/')[1];
    const origin = new URL(request.url).origin;

    type Outcome = { id: string; status: number; headers: Record<string, string>; body?: unknown; json?: string };
    const results = new Map<string, Promise<Outcome>>();
    const run = (item: unknown) => {
      if (!isObject(item) || typeof item.url !== 'string' || typeof item.method !== 'string') {
        throw errors.badRequest('Invalid batch payload: every request needs id, method and url.');
      }
      const id = String(item.id);
      const existing = results.get(id.toLowerCase());
      if (existing) return existing;
      const promise = (async () => {
        const dependsOn = Array.isArray(item.dependsOn) ? item.dependsOn.map(String) : [];
        for (const dependency of dependsOn) {
          const previous = results.get(dependency.toLowerCase()) ?? run(items[ids.indexOf(dependency.toLowerCase())]);
          const outcome = await previous;
          if (outcome.status >= 400)
            return {
              id,
              status: 424,
              headers: {},
              body: { error: { code: 'FailedDependency', message: `Request ${dependency} failed.` } },
            };
        }
        const headers = new Headers(isObject(item.headers) ? (item.headers as Record<string, string>) : {});
        const inner = new Request(`${origin}/${version}/${String(item.url).replace(/^\//, '')}`, {
          method: String(item.method).toUpperCase(),
          headers,
          body: item.body === undefined ? undefined : JSON.stringify(item.body),
        });
        const response = await handleOne(inner, principal);
        const outHeaders: Record<string, string> = {};
        for (const key of ['content-type', 'retry-after', 'location']) {
          const value = response.headers.get(key);
          if (value) outHeaders[key === 'content-type' ? 'Content-Type' : key === 'retry-after' ? 'Retry-After' : 'Location'] = value;
        }
        const outcome: Outcome = { id, status: response.status, headers: outHeaders };
        const json = jsonTextOf(response);
        if (json !== undefined) return { ...outcome, json };
        const text = await response.text();
        return text ? { ...outcome, body: JSON.parse(text) as unknown } : outcome;
      })();
      results.set(id.toLowerCase(), promise);
      return promise;
    };
    const responses = await Promise.all(items.map(run));
    // Each inner answer's JSON goes in as it is, not parsed and serialised again.
    const parts = responses.map(({ json, ...item }) =>
      json === undefined ? JSON.stringify(item) : `${JSON.stringify(item).slice(0, -1)},"body":${json}}`,
    );
    return jsonTextResponse(context, 200, `{"responses":[${parts.join(',')}]}`);
  }

  return {
    handle: (request) => handleOne(request, null),
    get state() {
      return state;
    },
    replaceState(next) {
      state = next;
      throttler.reset();
    },
    setFaults(tenantId, faults) {
      const tenant = state.tenants.find((t) => t.id === tenantId);
      if (!tenant) throw new Error(`No tenant ${tenantId}`);
      tenant.faults = { ...tenant.faults, ...faults };
      if (faults.caRateLimit !== undefined || faults.caBurst !== undefined) throttler.reset();
      options.onChange?.(state);
      return tenant.faults;
    },
    recordSignIns(tenantId, facts) {
      const tenant = state.tenants.find((t) => t.id === tenantId);
      if (!tenant) throw errors.badRequest(`No tenant ${tenantId} in this emulator.`);
      const list = Array.isArray(facts) ? facts : [facts];
      const recorded = recordSignIns(tenant, list.map(readSignInFacts), now());
      options.onChange?.(state);
      return recorded.map((entry) => presentSignIn(tenant, entry, true));
    },
  };
}
