// Sign-in with MSAL (redirect flow, v5 redirect bridge page). One PublicClientApplication, created
// and initialised before React renders; tokens are acquired here, outside React. Several accounts
// can be signed in at once; the active one is MSAL's active account.
import { MsalProvider } from '@azure/msal-react';
import type { ReactNode } from 'react';
import {
  EventType,
  InteractionRequiredAuthError,
  PublicClientApplication,
  type AccountInfo,
  type Configuration,
} from '@azure/msal-browser';
import type { AppConfig } from '../shared/config';
import { roleClaimsOf } from './role-claims';
import { qualifyScopes, READ_SCOPES } from './scopes';
import { createSnapshotStore, type AuthSession, type SignedInAccount } from './session';

export function msalConfiguration(config: AppConfig): Configuration {
  const authority = config.authority ?? `${config.loginHost}/${config.tenant}`;
  const oidc = config.protocolMode === 'OIDC';
  return {
    auth: {
      clientId: config.clientId,
      authority,
      knownAuthorities: config.authority ? [new URL(config.authority).host] : [],
      redirectUri: `${window.location.origin}/redirect.html`,
      postLogoutRedirectUri: window.location.origin,
      // A generic OIDC provider (the e2e tests' local one) returns the code in the query string.
      ...(oidc ? { OIDCOptions: { responseMode: 'query' as const } } : {}),
    },
    cache: { cacheLocation: 'sessionStorage' },
    system: oidc ? { protocolMode: 'OIDC' as never } : {},
  };
}

const toAccount = (account: AccountInfo): SignedInAccount => ({
  key: account.homeAccountId,
  name: account.name ?? account.username,
  username: account.username,
  tenantId: account.tenantId,
  objectId: account.localAccountId,
  demo: false,
  roleClaims: roleClaimsOf(account.idTokenClaims as Record<string, unknown> | undefined),
});

export interface MsalSession extends AuthSession {
  readonly instance: PublicClientApplication;
  /** Where to go after a sign-in or consent redirect came back (the page that started it). */
  readonly returnPath: string | null;
}

export async function createMsalSession(config: AppConfig): Promise<MsalSession> {
  const instance = new PublicClientApplication(msalConfiguration(config));
  await instance.initialize();
  const result = await instance.handleRedirectPromise().catch((error: unknown) => {
    console.error('Sign-in did not complete', error);
    return null;
  });
  if (result?.account) instance.setActiveAccount(result.account);
  if (!instance.getActiveAccount()) instance.setActiveAccount(instance.getAllAccounts()[0] ?? null);

  const snapshot = () => ({
    accounts: instance.getAllAccounts().map(toAccount),
    active: instance.getActiveAccount() ? toAccount(instance.getActiveAccount()!) : null,
  });
  const store = createSnapshotStore(snapshot());
  instance.addEventCallback((event) => {
    if (
      event.eventType === EventType.LOGIN_SUCCESS ||
      event.eventType === EventType.ACQUIRE_TOKEN_SUCCESS ||
      event.eventType === EventType.LOGOUT_SUCCESS ||
      event.eventType === EventType.ACTIVE_ACCOUNT_CHANGED
    ) {
      store.set(snapshot());
    }
  });

  const account = (key: string) => {
    const found = instance.getAllAccounts().find((a) => a.homeAccountId === key);
    if (!found) throw new Error('This account is no longer signed in. Sign in again.');
    return found;
  };
  const here = () => `${window.location.pathname}${window.location.search}`;

  return {
    kind: 'msal',
    instance,
    // msal-react's provider, so its hooks work anywhere in the tree.
    Wrapper: ({ children }: { children: ReactNode }) => <MsalProvider instance={instance}>{children}</MsalProvider>,
    returnPath: typeof result?.state === 'string' && result.state.startsWith('/') ? result.state : null,
    getSnapshot: store.get,
    subscribe: store.subscribe,
    async getToken(accountKey, scopes, options) {
      const request = {
        account: account(accountKey),
        scopes: qualifyScopes(config.graphBaseUrl, scopes),
        forceRefresh: options?.forceRefresh ?? false,
      };
      try {
        return (await instance.acquireTokenSilent(request)).accessToken;
      } catch (error) {
        if (!(error instanceof InteractionRequiredAuthError)) throw error;
        // Consent or a fresh sign-in is needed (e.g. the first write): leave for the identity
        // provider and come back to this page. Drafts are saved locally before any write starts.
        await instance.acquireTokenRedirect({ ...request, state: here() });
        return new Promise<string>(() => {});
      }
    },
    async signIn(hint) {
      // Signing in again as someone (their sign-in name as the hint) needs no account picker.
      const who = hint ? { loginHint: hint } : { prompt: 'select_account' };
      await instance.loginRedirect({ scopes: qualifyScopes(config.graphBaseUrl, READ_SCOPES), ...who, state: here() });
    },
    async signOut(accountKey) {
      const target = account(accountKey);
      await instance.logoutRedirect({ account: target, postLogoutRedirectUri: window.location.origin });
    },
    setActive(accountKey) {
      instance.setActiveAccount(account(accountKey));
      store.set(snapshot());
    },
  };
}
