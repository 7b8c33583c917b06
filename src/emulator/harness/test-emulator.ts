// Test harness: an emulator over the seed with a fake clock and a token format tests can write
// by hand ("test <tenantId> <scope> <scope>..."), so tests focus on Graph behaviour.
import { createEmulator, type Emulator } from '../core/emulator';
import type { EmulatorState } from '../core/model';
import { errors } from '../core/http';
import { createSeedState, CONTOSO_TENANT_ID } from '../seed';

export const ADMIN_SCOPES = [
  'Policy.Read.All',
  'Policy.ReadWrite.ConditionalAccess',
  'Directory.Read.All',
  'AuditLog.Read.All',
  'User.Read',
];
export const READER_SCOPES = ['Policy.Read.All', 'Directory.Read.All'];

export interface TestEmulator {
  emulator: Emulator;
  clock: { now: Date; advance(ms: number): void };
  call(
    method: string,
    path: string,
    options?: { body?: unknown; scopes?: string[]; tenantId?: string; headers?: Record<string, string>; rawBody?: string },
  ): Promise<Response>;
}

export function testEmulator({
  rateLimits = false,
  state: given,
  onChange,
}: { rateLimits?: boolean; state?: EmulatorState; onChange?: (state: EmulatorState) => void } = {}): TestEmulator {
  const clock = {
    now: new Date('2026-11-20T10:00:00Z'),
    advance(ms: number) {
      this.now = new Date(this.now.getTime() + ms);
    },
  };
  const state = given ?? createSeedState(clock.now);
  for (const tenant of state.tenants) {
    tenant.faults.caRateLimit = rateLimits;
    tenant.faults.reportsRateLimit = rateLimits;
  }
  const emulator = createEmulator({
    state,
    now: () => clock.now,
    sleep: async () => {},
    onChange,
    async authenticate(request) {
      const header = request.headers.get('authorization');
      if (!header?.startsWith('Bearer ')) throw errors.unauthenticated('Access token is empty.');
      const [kind, tenantId, ...scopes] = header.slice(7).split(' ');
      if (kind !== 'test' || !tenantId) throw errors.unauthenticated('Access token validation failure. Invalid audience.');
      return { tenantId, userId: 'test-user', userPrincipalName: 'test@contoso.example', displayName: 'Test', scopes };
    },
  });
  return {
    emulator,
    clock,
    call(method, path, options = {}) {
      const headers: Record<string, string> = {
        authorization: `Bearer test ${options.tenantId ?? CONTOSO_TENANT_ID} ${(options.scopes ?? ADMIN_SCOPES).join(' ')}`,
        ...options.headers,
      };
      const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
      if (body !== undefined) headers['content-type'] = 'application/json';
      return emulator.handle(new Request(`https://graph.microsoft.com${path}`, { method, headers, body }));
    },
  };
}
