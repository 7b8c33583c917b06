// Test support (imported by tests only). A stand-in for MSAL's PublicClientApplication in unit tests: accounts, events and the outcome of
// the redirect that brought the page back are set by the test.
import type * as Msal from '@azure/msal-browser';
import type { AccountInfo, AuthenticationResult, EventCallbackFunction, EventMessage, EventType } from '@azure/msal-browser';
import { vi } from 'vitest';

export const fakeMsal = {
  accounts: [] as AccountInfo[],
  redirect: Promise.resolve(null) as Promise<AuthenticationResult | null>,
  callbacks: [] as EventCallbackFunction[],
  loginRedirect: vi.fn(async (_request: unknown) => {}),
  acquireTokenSilent: vi.fn(async (_request: unknown): Promise<{ accessToken: string }> => ({ accessToken: 'token' })),
  acquireTokenRedirect: vi.fn(async (_request: unknown) => {}),
  reset() {
    this.accounts = [];
    this.redirect = Promise.resolve(null);
    this.callbacks = [];
    this.loginRedirect.mockReset().mockResolvedValue(undefined);
    this.acquireTokenSilent.mockReset().mockResolvedValue({ accessToken: 'token' });
    this.acquireTokenRedirect.mockReset().mockResolvedValue(undefined);
  },
  /** From now on a token is given only after the admin signs in again (an expired session, a sign-in policy asking again). */
  async expireSignIn(code = 'login_required') {
    // MSAL's own error class, taken past the tests' mock of the module (whose factory imports this file).
    const { InteractionRequiredAuthError } = await vi.importActual<typeof Msal>('@azure/msal-browser');
    this.acquireTokenSilent.mockRejectedValue(
      new InteractionRequiredAuthError(code, `AADSTS50058: A silent sign-in request was sent but no user is signed in (${code}).`),
    );
  },
  emit(eventType: EventType) {
    const message: EventMessage = {
      eventType,
      interactionType: null,
      payload: null,
      error: null,
      correlationId: 'c',
      timestamp: Date.now(),
    };
    this.callbacks.forEach((callback) => callback(message));
  },
};

export class FakePublicClientApplication {
  private active: AccountInfo | null = null;
  async initialize() {}
  handleRedirectPromise() {
    return fakeMsal.redirect;
  }
  getAllAccounts() {
    return fakeMsal.accounts;
  }
  getActiveAccount() {
    return this.active;
  }
  setActiveAccount(account: AccountInfo | null) {
    this.active = account;
  }
  addEventCallback(callback: EventCallbackFunction) {
    fakeMsal.callbacks.push(callback);
    return 'callback';
  }
  loginRedirect(request: unknown) {
    return fakeMsal.loginRedirect(request);
  }
  acquireTokenSilent(request: unknown) {
    return fakeMsal.acquireTokenSilent(request);
  }
  acquireTokenRedirect(request: unknown) {
    return fakeMsal.acquireTokenRedirect(request);
  }
}

export const account = (id: string, name: string): AccountInfo => ({
  homeAccountId: `${id}.tenant`,
  localAccountId: id,
  environment: 'login.microsoftonline.com',
  tenantId: 'tenant',
  username: `${name.toLowerCase()}@contoso.com`,
  name,
  idTokenClaims: { wids: ['b1be1c3e-b65d-4f19-8427-f6fa0d97feb9'] },
});

export const TEST_CONFIG = {
  mode: 'tenant' as const,
  clientId: '00000000-0000-0000-0000-000000000001',
  tenant: 'organizations',
  graphBaseUrl: 'https://graph.microsoft.com',
  loginHost: 'https://login.microsoftonline.com',
};
