// A person's token that Graph refused (forceRefresh) is renewed with the refresh token; only when that fails is
// the person asked for a new device code, told why. MSAL for Node is replaced by a fake that records what it is asked.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { signIn } from './sign-in';

const msal = vi.hoisted(() => ({
  silent: [] as { forceRefresh?: boolean }[],
  deviceCodes: 0,
  refreshWorks: true,
}));

vi.mock('@azure/msal-node', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  PublicClientApplication: class {
    acquireTokenByDeviceCode(request: { deviceCodeCallback: (r: { message: string }) => void }) {
      msal.deviceCodes++;
      request.deviceCodeCallback({ message: `device code ${msal.deviceCodes}` });
      return Promise.resolve({ accessToken: `code-token-${msal.deviceCodes}`, account: { homeAccountId: 'admin' } });
    }
    acquireTokenSilent(request: { forceRefresh?: boolean }) {
      msal.silent.push({ forceRefresh: request.forceRefresh });
      if (!msal.refreshWorks) return Promise.reject(new Error('invalid_grant: AADSTS50173 the grant has been revoked'));
      return Promise.resolve({ accessToken: `refreshed-token-${msal.silent.length}` });
    }
  },
}));

beforeEach(() => {
  msal.silent = [];
  msal.deviceCodes = 0;
  msal.refreshWorks = true;
});

async function deviceCodeSignIn() {
  const log: string[] = [];
  const signedIn = await signIn({
    tenant: 'contoso.example',
    clientId: '00000000-0000-0000-0000-000000000001',
    authority: 'https://login.example/contoso',
    graphUrl: 'https://graph.microsoft.com',
    method: 'device-code',
    env: {},
    log: (line) => log.push(line),
    secret: () => {},
    interactive: true,
    delegatedScopes: ['Policy.Read.All'],
  });
  return { getToken: signedIn.getToken, log };
}

describe('device code sign-in when Graph refuses a token', () => {
  it('redeems the refresh token (forceRefresh) and asks no new device code', async () => {
    const { getToken, log } = await deviceCodeSignIn();
    expect(await getToken([])).toBe('code-token-1');
    expect(await getToken([], { forceRefresh: true })).toBe('refreshed-token-1');
    expect(msal.silent).toEqual([{ forceRefresh: true }]);
    expect(msal.deviceCodes).toBe(1);
    expect(log).toEqual(['device code 1']);
  });

  it('asks a new device code only when the refresh token is refused too, saying why', async () => {
    const { getToken, log } = await deviceCodeSignIn();
    await getToken([]);
    msal.refreshWorks = false;
    expect(await getToken([], { forceRefresh: true })).toBe('code-token-2');
    expect(msal.silent).toEqual([{ forceRefresh: true }]);
    expect(log).toEqual([
      'device code 1',
      'Microsoft Graph refused the access token and the sign-in could not be renewed: sign in again.',
      'device code 2',
    ]);
  });
});
