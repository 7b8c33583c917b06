// The demo: the Graph emulator in the browser, answering https://graph.microsoft.com through an
// MSW service worker. Its state survives reloads (localStorage); "Reset demo tenant" reseeds it.
// Loaded with a dynamic import, only when the console runs without a tenant configured.
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { createEmulator } from '../core/emulator';
import { DroppedConnection, errors } from '../core/http';
import type { EmulatorState, FaultConfig, TenantState } from '../core/model';
import { createSeedState, seedAccounts } from '../seed';
import { continueSignIns } from '../seed/sign-ins';

// v2: the tenant gained its sign-in log, kept under its own key; an older save is seeded afresh.
const STORAGE_KEY = 'gatehouse.demo-tenant.v2';
const TOKEN_PREFIX = 'demo.';

export interface DemoAccount {
  id: string;
  tenantId: string;
  tenantName: string;
  displayName: string;
  userPrincipalName: string;
  role: 'admin' | 'reader';
}

export interface DemoController {
  accounts: DemoAccount[];
  /** A token the in-browser emulator accepts for this account and these scopes. */
  issueToken(accountId: string, scopes: readonly string[]): string;
  reset(): void;
  setFaults(tenantId: string, faults: Partial<FaultConfig>): void;
  /** Makes sign-ins happen in a demo tenant (facts as in core/sign-ins/facts.ts); returns them as the log shows them. */
  recordSignIns(tenantId: string, facts: unknown): Record<string, unknown>[];
}

// The sign-in log (about 1.4 MB for Contoso's week) is kept apart from the rest of the tenant, and
// written only when sign-ins were added: every other write (and every $batch, a POST) saves ~170 kB.
// It is read from storage the first time something asks for it (the log, what-if, an impact), not at
// start: the policies list does not wait for 1.4 MB of JSON it never uses.
const SIGN_INS_KEY = `${STORAGE_KEY}.sign-ins`;
let savedLogSizes: string | null = null;
const logSizes = (logs: readonly (TenantState['signInLog'] | null | undefined)[]) => logs.map((log) => log?.entries.length ?? -1).join(',');
const logRead = (tenant: TenantState) => !Object.getOwnPropertyDescriptor(tenant, 'signInLog')?.get;

function readLogsWhenAsked(state: EmulatorState) {
  let logs: (TenantState['signInLog'] | null)[] | undefined;
  const read = () => {
    if (!logs) {
      try {
        logs = JSON.parse(localStorage.getItem(SIGN_INS_KEY) ?? '[]') as (TenantState['signInLog'] | null)[];
      } catch {
        logs = [];
      }
      savedLogSizes = logSizes(state.tenants.map((_, index) => logs![index]));
    }
    return logs;
  };
  state.tenants.forEach((tenant, index) => {
    const settle = (value: TenantState['signInLog']) =>
      Object.defineProperty(tenant, 'signInLog', { value, writable: true, configurable: true, enumerable: true });
    // Not enumerable until read: copying the tenant to save it does not read the log.
    Object.defineProperty(tenant, 'signInLog', {
      configurable: true,
      enumerable: false,
      get() {
        const log = read()[index] ?? undefined;
        settle(log);
        return log;
      },
      set(value: TenantState['signInLog']) {
        read();
        settle(value);
      },
    });
  });
}

// The instant the demo tenants were seeded at. They are saved only at their first write, so a reload
// before it seeds them again: from this same instant, that gives the same tenants, times included
// (a draft begun before the reload would otherwise find its policy "changed while you were editing").
// A few bytes, where saving the whole seed at start would write ~1.6 MB.
const SEEDED_AT_KEY = `${STORAGE_KEY}.seeded-at`;

function seedInstant(fresh: boolean): Date {
  try {
    const saved = fresh ? null : localStorage.getItem(SEEDED_AT_KEY);
    if (saved && !Number.isNaN(Date.parse(saved))) return new Date(saved);
    const now = new Date();
    localStorage.setItem(SEEDED_AT_KEY, now.toISOString());
    return now;
  } catch {
    return new Date();
  }
}

function load(): EmulatorState {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved) {
      const state = JSON.parse(saved) as EmulatorState;
      readLogsWhenAsked(state);
      // A misbehaviour chosen in the account menu lasts until a reload (app/shell/demo-misbehaviour.tsx).
      for (const tenant of state.tenants) tenant.faults = { ...tenant.faults, latencyMs: 0, rules: [] };
      return state;
    }
  } catch {
    // A damaged save is replaced by a fresh seed below.
  }
  return createSeedState(seedInstant(false));
}

function save(state: EmulatorState) {
  try {
    const tenants = state.tenants.map((tenant) => ({ ...tenant, signInLog: undefined }));
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ ...state, tenants }));
    // Logs never read cannot have changed (once one is read, all are parsed: reading the rest is free).
    if (state.tenants.some(logRead)) {
      const sizes = logSizes(state.tenants.map((t) => t.signInLog));
      if (sizes !== savedLogSizes) {
        localStorage.setItem(SIGN_INS_KEY, JSON.stringify(state.tenants.map((t) => t.signInLog ?? null)));
        savedLogSizes = sizes;
      }
    }
  } catch {
    // Storage full or blocked: the demo keeps working in memory.
  }
}

function continueTraffic(state: EmulatorState) {
  const now = new Date();
  let added = 0;
  for (const tenant of state.tenants) added += continueSignIns(tenant, now);
  if (added > 0) save(state);
}

const isFirstSignInsPage = (url: URL) => url.pathname.endsWith('/auditLogs/signIns') && !url.searchParams.has('$skiptoken');

const encode = (value: unknown) => btoa(JSON.stringify(value)).replace(/=+$/, '');
const decode = (text: string) => JSON.parse(atob(text)) as { tid: string; oid: string; upn: string; name: string; scp: string };

export async function startDemo(graphBaseUrl: string): Promise<DemoController> {
  const accounts: DemoAccount[] = seedAccounts().map((a) => ({
    id: `${a.user.id}.${a.tenantId}`,
    tenantId: a.tenantId,
    tenantName: a.tenantName,
    displayName: a.user.displayName,
    userPrincipalName: a.user.userPrincipalName,
    role: a.role,
  }));

  const emulator = createEmulator({
    state: load(),
    onChange: save,
    async authenticate(request) {
      const token = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
      if (!token) throw errors.unauthenticated('Access token is empty.');
      if (!token.startsWith(TOKEN_PREFIX)) throw errors.unauthenticated('Access token validation failure. Invalid audience.');
      const claims = decode(token.slice(TOKEN_PREFIX.length));
      return {
        tenantId: claims.tid,
        userId: claims.oid,
        userPrincipalName: claims.upn,
        displayName: claims.name,
        scopes: claims.scp.split(' '),
      };
    },
  });

  const worker = setupWorker(
    http.all(`${graphBaseUrl}/*`, async ({ request }) => {
      try {
        // Contoso's people keep signing in while the demo is open: the log is brought up to now before a read
        // starts (its first page), not between pages, which would shift the pages and save the tenant each time.
        if (request.method === 'GET' && isFirstSignInsPage(new URL(request.url))) continueTraffic(emulator.state);
        return await emulator.handle(request);
      } catch (error) {
        if (error instanceof DroppedConnection) return HttpResponse.error();
        throw error;
      }
    }),
  );
  const options = { onUnhandledRequest: 'bypass', quiet: true, serviceWorker: { url: '/mockServiceWorker.js' } } as const;
  // MSW tells its worker on beforeunload that this page is closed; the worker then passes the page's
  // requests to the network and, with no page left, unregisters itself. Both hurt the demo: Graph
  // calls still in flight as the page leaves (a retry, a prefetch) reached graph.microsoft.com; a
  // page that stays after a cancelled leave (the editor asks before unsaved changes are lost) lost
  // its emulator; and the next page's start raced the unregistration. Announcing the page again
  // afterwards raced the worker's own handling. So that one message is not sent: the worker answers
  // this page through the emulator until the page is gone, and its registration stays for the next.
  const post = ServiceWorker.prototype.postMessage;
  Object.defineProperty(ServiceWorker.prototype, 'postMessage', {
    configurable: true,
    writable: true,
    value(this: ServiceWorker, ...args: unknown[]) {
      if (args[0] !== 'CLIENT_CLOSED') Reflect.apply(post, this, args);
    },
  });
  await worker.start(options);
  // MSW also stops its keep-alive on beforeunload; a page that stays keeps its worker awake (an idle
  // worker is stopped by the browser and forgets which pages it answers).
  let keepAlive: ReturnType<typeof setInterval> | undefined;
  window.addEventListener('beforeunload', () => {
    const controller = navigator.serviceWorker.controller;
    clearInterval(keepAlive);
    if (controller) keepAlive = setInterval(() => controller.postMessage('KEEPALIVE_REQUEST'), 5000);
  });

  return {
    accounts,
    issueToken(accountId, scopes) {
      const account = accounts.find((a) => a.id === accountId);
      if (!account) throw new Error(`Unknown demo account ${accountId}`);
      // The demo reader never gets write scopes, so the console's read-only paths can be tried.
      const granted = account.role === 'reader' ? scopes.filter((s) => !s.includes('ReadWrite')) : scopes;
      const oid = accountId.split('.')[0]!;
      return (
        TOKEN_PREFIX +
        encode({ tid: account.tenantId, oid, upn: account.userPrincipalName, name: account.displayName, scp: granted.join(' ') })
      );
    },
    reset() {
      const fresh = createSeedState(seedInstant(true));
      emulator.replaceState(fresh);
      save(fresh);
    },
    setFaults(tenantId, faults) {
      emulator.setFaults(tenantId, faults);
    },
    recordSignIns: (tenantId, facts) => emulator.recordSignIns(tenantId, facts),
  };
}
