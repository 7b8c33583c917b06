// The active account's Graph client, as React sees it. One client per signed-in account, so
// pacing and caches are per tenant; query keys start with the account key so switching accounts
// never shows one tenant's data in another's screens.
import { createContext, use, useMemo, type ReactNode } from 'react';
import { READ_SCOPES, useAuth, type AuthSession, type SignedInAccount } from '../auth';
import { GraphClient } from '../graph/client';
import { systemClock, type OperationContext } from '../operations/ports';
import type { AppConfig } from '../shared/config';
import { indexedDbVersions } from './stores/indexeddb-versions';
import { localStorageJournals } from './stores/local-journals';
import { observeWriteAnswer } from './write-refusals';

export interface TenantSession {
  account: SignedInAccount;
  client: GraphClient;
  config: AppConfig;
  /** The first element of every query key of this account's data. */
  scopeKey: readonly ['tenant', string];
  /** What the use cases in src/operations run with: this client, and the browser's stores and clock. */
  context: OperationContext;
}

const TenantContext = createContext<TenantSession | null>(null);
const clients = new Map<string, GraphClient>();

/** Observes Graph round trips (the benchmark counts them); set before the app renders. */
export const roundTripObservers: ((info: { method: string; url: string; status: number }) => void)[] = [];

function sessionFor(account: SignedInAccount, config: AppConfig, session: AuthSession): TenantSession {
  let client = clients.get(account.key);
  if (!client) {
    client = new GraphClient({
      baseUrl: config.graphBaseUrl,
      readScopes: READ_SCOPES,
      getToken: (scopes, options) => session.getToken(account.key, scopes, options),
      onRoundTrip: (info) => {
        observeWriteAnswer(account.key, info);
        roundTripObservers.forEach((observe) => observe(info));
      },
    });
    clients.set(account.key, client);
  }
  const context: OperationContext = {
    client,
    scope: account.tenantId,
    versions: indexedDbVersions,
    journals: localStorageJournals,
    clock: systemClock,
  };
  return { account, client, config, scopeKey: ['tenant', account.key] as const, context };
}

export function TenantSessionProvider({ config, children }: { config: AppConfig; children: ReactNode }) {
  const { active, session } = useAuth();
  const value = useMemo(() => (active ? sessionFor(active, config, session) : null), [active, config, session]);
  return <TenantContext value={value}>{children}</TenantContext>;
}

export function useTenantSession(): TenantSession {
  const tenant = use(TenantContext);
  if (!tenant) throw new Error('useTenantSession needs a signed-in account');
  return tenant;
}

/** Another signed-in account's session (to compare tenants), or null when it is not signed in. */
export function useOtherTenantSession(accountKey: string | null): TenantSession | null {
  const { accounts, session } = useAuth();
  const { config } = useTenantSession();
  const account = accounts.find((a) => a.key === accountKey) ?? null;
  return useMemo(() => (account ? sessionFor(account, config, session) : null), [account, config, session]);
}
