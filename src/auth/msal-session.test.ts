// @vitest-environment jsdom
// The session's snapshot is what every screen of the signed-in account depends on: it changes when
// the accounts do, not with each token MSAL hands out (one per Graph request, cache hits included).
import { EventType, InteractionRequiredAuthError } from '@azure/msal-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { account, fakeMsal, TEST_CONFIG } from './msal-fake';
import { createMsalSession } from './msal-session';
import { READ_SCOPES, WRITE_SCOPES } from './scopes';
import { SignInNeededError } from './sign-in-needed';

vi.mock('@azure/msal-browser', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  PublicClientApplication: (await import('./msal-fake')).FakePublicClientApplication,
}));

beforeEach(() => {
  fakeMsal.reset();
  sessionStorage.clear();
});

describe('the MSAL session’s snapshot', () => {
  it('stays the same object when MSAL hands out a token, so the screens depending on the account do not start again', async () => {
    fakeMsal.accounts = [account('ada', 'Ada Lindqvist')];
    const session = await createMsalSession(TEST_CONFIG);
    const told = vi.fn();
    session.subscribe(told);
    const before = session.getSnapshot();
    fakeMsal.emit(EventType.ACQUIRE_TOKEN_SUCCESS);
    fakeMsal.emit(EventType.ACQUIRE_TOKEN_SUCCESS);
    expect(session.getSnapshot()).toBe(before);
    expect(told).not.toHaveBeenCalled();
  });

  it('changes when an account signs in, keeping the object of the account already there', async () => {
    fakeMsal.accounts = [account('ada', 'Ada Lindqvist')];
    const session = await createMsalSession(TEST_CONFIG);
    const ada = session.getSnapshot().active;
    fakeMsal.accounts = [account('ada', 'Ada Lindqvist'), account('bo', 'Bo Berg')];
    fakeMsal.emit(EventType.LOGIN_SUCCESS);
    expect(session.getSnapshot().accounts.map((a) => a.name)).toEqual(['Ada Lindqvist', 'Bo Berg']);
    expect(session.getSnapshot().active).toBe(ada);
    session.setActive('bo.tenant');
    expect(session.getSnapshot().active?.name).toBe('Bo Berg');
  });
});

describe('a token that needs the admin to sign in again', () => {
  const expired = () =>
    new InteractionRequiredAuthError('login_required', 'AADSTS50058: A silent sign-in request was sent but no user is signed in.');

  it('for a read, does not leave the page: the read fails with SignInNeededError and the session says so once', async () => {
    fakeMsal.accounts = [account('ada', 'Ada Lindqvist')];
    window.history.replaceState(null, '', '/what-if?draft=1');
    const session = await createMsalSession(TEST_CONFIG);
    fakeMsal.acquireTokenSilent.mockRejectedValue(expired());
    const told = vi.fn();
    session.subscribe(told);

    const first = session.getToken('ada.tenant', READ_SCOPES);
    await expect(first).rejects.toBeInstanceOf(SignInNeededError);
    await expect(first).rejects.toThrow('Your sign-in has expired. Sign in again to go on reading the tenant.');
    // A second read (another query, a refetch) fails the same way; the session's word does not change.
    await expect(session.getToken('ada.tenant', ['Policy.Read.All'])).rejects.toBeInstanceOf(SignInNeededError);
    expect(fakeMsal.acquireTokenRedirect).not.toHaveBeenCalled();
    expect(window.location.pathname).toBe('/what-if');
    expect(session.getSnapshot().signInsNeeded).toEqual([{ accountKey: 'ada.tenant', reason: 'login_required' }]);
    expect(told).toHaveBeenCalledTimes(1);

    // A token still held from before does not show the sign-in accepted again: the word stays.
    fakeMsal.acquireTokenSilent.mockResolvedValue({ accessToken: 'held', fromCache: true } as never);
    await expect(session.getToken('ada.tenant', READ_SCOPES)).resolves.toBe('held');
    expect(session.getSnapshot().signInsNeeded).toEqual([{ accountKey: 'ada.tenant', reason: 'login_required' }]);
    // A token fetched anew (signed in again elsewhere in the tab) takes the word away.
    fakeMsal.acquireTokenSilent.mockResolvedValue({ accessToken: 'fresh', fromCache: false } as never);
    await expect(session.getToken('ada.tenant', READ_SCOPES)).resolves.toBe('fresh');
    expect(session.getSnapshot().signInsNeeded).toEqual([]);
  });

  it('keeps each account that needs it (Compare reads with two), and forgets only the one a fresh token came for', async () => {
    fakeMsal.accounts = [account('ada', 'Ada Lindqvist'), account('bo', 'Bo Berg')];
    const session = await createMsalSession(TEST_CONFIG);
    fakeMsal.acquireTokenSilent.mockRejectedValue(expired());
    await expect(session.getToken('ada.tenant', READ_SCOPES)).rejects.toBeInstanceOf(SignInNeededError);
    await expect(session.getToken('bo.tenant', READ_SCOPES)).rejects.toBeInstanceOf(SignInNeededError);
    await expect(session.getToken('ada.tenant', READ_SCOPES)).rejects.toBeInstanceOf(SignInNeededError);
    expect(session.getSnapshot().signInsNeeded?.map((n) => n.accountKey)).toEqual(['ada.tenant', 'bo.tenant']);

    fakeMsal.acquireTokenSilent.mockResolvedValue({ accessToken: 'fresh', fromCache: false } as never);
    await expect(session.getToken('ada.tenant', READ_SCOPES)).resolves.toBe('fresh');
    expect(session.getSnapshot().signInsNeeded).toEqual([{ accountKey: 'bo.tenant', reason: 'login_required' }]);
  });

  it('signs in again only when the admin chooses, back to the same page', async () => {
    fakeMsal.accounts = [account('ada', 'Ada Lindqvist')];
    window.history.replaceState(null, '', '/what-if?draft=1');
    const session = await createMsalSession(TEST_CONFIG);
    fakeMsal.acquireTokenSilent.mockRejectedValue(expired());
    await expect(session.getToken('ada.tenant', READ_SCOPES)).rejects.toBeInstanceOf(SignInNeededError);
    await session.renewSignIn!('ada.tenant');
    expect(fakeMsal.acquireTokenRedirect).toHaveBeenCalledWith(
      expect.objectContaining({ account: fakeMsal.accounts[0], state: '/what-if?draft=1' }),
    );
    expect(JSON.parse(sessionStorage.getItem('gatehouse.redirect-purpose')!)).toMatchObject({ kind: 'sign-in', path: '/what-if?draft=1' });
  });

  it('for a write, still leaves for the identity provider (its draft is kept before any write starts)', async () => {
    fakeMsal.accounts = [account('ada', 'Ada Lindqvist')];
    window.history.replaceState(null, '', '/policies/p1/edit');
    const session = await createMsalSession(TEST_CONFIG);
    fakeMsal.acquireTokenSilent.mockRejectedValue(
      new InteractionRequiredAuthError('consent_required', 'AADSTS65001: The user or administrator has not consented.'),
    );
    void session.getToken('ada.tenant', WRITE_SCOPES);
    await vi.waitFor(() =>
      expect(fakeMsal.acquireTokenRedirect).toHaveBeenCalledWith(expect.objectContaining({ state: '/policies/p1/edit' })),
    );
    expect(JSON.parse(sessionStorage.getItem('gatehouse.redirect-purpose')!)).toMatchObject({ kind: 'consent' });
    expect(session.getSnapshot().signInsNeeded ?? []).toEqual([]);
  });
});

describe('another account signed in by redirect', () => {
  const ada = () => account('ada', 'Ada Lindqvist');
  const bo = () => account('bo', 'Bo Berg');
  /** The page comes back from the identity provider: a new page load, a new MSAL instance. */
  const comeBack = (accounts: ReturnType<typeof account>[], signedIn: ReturnType<typeof account>, state = '/policies') => {
    fakeMsal.accounts = accounts;
    fakeMsal.redirect = Promise.resolve({ account: signedIn, state } as never);
    return createMsalSession(TEST_CONFIG);
  };

  it('is added beside the account in use, which stays in use; the added one is offered until the admin switches', async () => {
    fakeMsal.accounts = [ada()];
    window.history.replaceState(null, '', '/policies');
    const leaving = await createMsalSession(TEST_CONFIG);
    await leaving.signIn();
    expect(fakeMsal.loginRedirect).toHaveBeenCalledWith(expect.objectContaining({ prompt: 'select_account', state: '/policies' }));
    // The tab remembers which account was in use (keys only, no token).
    expect(JSON.parse(sessionStorage.getItem('gatehouse.accounts-before-redirect')!)).toEqual({
      active: 'ada.tenant',
      known: ['ada.tenant'],
    });

    const session = await comeBack([ada(), bo()], bo());
    expect(session.getSnapshot().active?.key).toBe('ada.tenant');
    expect(session.getSnapshot().added).toBe('bo.tenant');
    expect(session.returnPath).toBe('/policies');
    expect(sessionStorage.getItem('gatehouse.accounts-before-redirect')).toBeNull();

    const told = vi.fn();
    session.subscribe(told);
    session.setActive('bo.tenant');
    expect(session.getSnapshot().active?.key).toBe('bo.tenant');
    expect(session.getSnapshot().added).toBeNull();
    expect(told).toHaveBeenCalled();
  });

  it('forgets the offer when dismissed, still in the account in use', async () => {
    fakeMsal.accounts = [ada()];
    await (await createMsalSession(TEST_CONFIG)).signIn();
    const session = await comeBack([ada(), bo()], bo());
    session.dismissAdded!();
    expect(session.getSnapshot().added).toBeNull();
    expect(session.getSnapshot().active?.key).toBe('ada.tenant');
  });

  it('signing in again as another account already there (Compare’s) keeps the account in use and offers nothing', async () => {
    fakeMsal.accounts = [ada(), bo()];
    const leaving = await createMsalSession(TEST_CONFIG);
    expect(leaving.getSnapshot().active?.key).toBe('ada.tenant');
    await leaving.renewSignIn!('bo.tenant');
    const session = await comeBack([ada(), bo()], bo());
    expect(session.getSnapshot().active?.key).toBe('ada.tenant');
    expect(session.getSnapshot().added).toBeNull();
  });

  it('is the account in use when it is the first one signed in', async () => {
    window.history.replaceState(null, '', '/');
    await (await createMsalSession(TEST_CONFIG)).signIn();
    const session = await comeBack([ada()], ada(), '/');
    expect(session.getSnapshot().active?.key).toBe('ada.tenant');
    expect(session.getSnapshot().added).toBeNull();
  });
});
