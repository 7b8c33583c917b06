// @vitest-environment jsdom
// A sign-in or consent the identity provider refused is said, in words and with its code: on the
// sign-in page when no one is signed in, in the console's frame when the admin comes back signed in
// (a declined permission to change policies), and when MSAL refuses to leave for sign-in at all.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuthProvider, WRITE_SCOPES, type AuthSession } from '../auth';
import { account, fakeMsal, TEST_CONFIG } from '../auth/msal-fake';
import { createMsalSession } from '../auth/msal-session';
import { AppShell } from './shell/app-shell';
import { SignInPage } from './sign-in-page';

vi.mock('@azure/msal-browser', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  PublicClientApplication: (await import('../auth/msal-fake')).FakePublicClientApplication,
}));
// The frame's neighbours that read the tenant: not what these tests are about.
vi.mock('./shell/account-menu', () => ({ AccountMenu: () => null }));
vi.mock('../features/watch/follow-own-saves', () => ({ FollowOwnSaves: () => null }));
vi.mock('./shell/account-notices', () => ({ AccountAddedBar: () => null, SwitchSaid: () => null }));
vi.mock('../session/write-access', () => ({ useWriteAccess: () => ({ allowed: true, reason: null }) }));

// MSAL's own errors, as it rejects with them (only src/auth imports MSAL by name).
type MsalError = new (errorCode: string, correlationId: string, errorMessage: string, subError?: string, errorNo?: string) => Error;
const { AuthError, ServerError } = await vi.importActual<{ AuthError: MsalError; ServerError: MsalError }>('@azure/msal-browser');

const PURPOSE_KEY = 'gatehouse.redirect-purpose';

beforeEach(() => {
  fakeMsal.reset();
  sessionStorage.clear();
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** The session as the app gets it, without msal-react's provider (the fake is no real MSAL). */
async function session(): Promise<AuthSession & { returnPath: string | null }> {
  const msal = await createMsalSession(TEST_CONFIG);
  return { ...msal, Wrapper: undefined };
}

const declinedConsent = () =>
  new ServerError(
    'access_denied',
    'correlation',
    'AADSTS65004: User declined to consent to access the app.\r\nTrace ID: 1 Correlation ID: 2 Timestamp: 2026-12-05',
    '',
    '65004',
  );

describe('a refused sign-in or consent', () => {
  it('tells a signed-in admin back from a declined consent to change policies, on the page they left, until dismissed', async () => {
    fakeMsal.accounts = [account('ada', 'Ada Lindqvist')];
    sessionStorage.setItem(PURPOSE_KEY, JSON.stringify({ kind: 'consent', scopes: [...WRITE_SCOPES], path: '/policies/p1/edit' }));
    fakeMsal.redirect = Promise.reject(declinedConsent());
    const auth = await session();
    expect(auth.returnPath).toBe('/policies/p1/edit');
    render(
      <MemoryRouter initialEntries={['/policies/p1/edit']}>
        <AuthProvider session={auth}>
          <AppShell>
            <h1>Edit policy</h1>
          </AppShell>
        </AuthProvider>
      </MemoryRouter>,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Permission to change policies was not granted (AADSTS65004)');
    expect(alert.textContent).toContain('must grant admin consent to Policy.ReadWrite.ConditionalAccess');
    expect(alert.textContent).toContain('your draft is kept');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says on the sign-in page that the first sign-in came back without consent to read the tenant', async () => {
    sessionStorage.setItem(PURPOSE_KEY, JSON.stringify({ kind: 'sign-in', scopes: ['User.Read', 'Policy.Read.All'], path: '/' }));
    fakeMsal.redirect = Promise.reject(
      new ServerError(
        'consent_required',
        'c',
        'AADSTS65001: The user or administrator has not consented to use the application.',
        '',
        '65001',
      ),
    );
    render(
      <AuthProvider session={await session()}>
        <SignInPage />
      </AuthProvider>,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Permission to read the tenant was not granted (AADSTS65001)');
    expect(alert.textContent).toContain('admin consent to Gatehouse’s read permissions (User.Read, Policy.Read.All)');
  });

  it('says the code and the words of a first sign-in blocked by Conditional Access', async () => {
    fakeMsal.redirect = Promise.reject(
      new ServerError(
        'access_denied',
        'c',
        'AADSTS53003: Access has been blocked by Conditional Access policies.\r\nTrace ID: 1',
        '',
        '53003',
      ),
    );
    render(
      <AuthProvider session={await session()}>
        <SignInPage />
      </AuthProvider>,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Sign-in did not complete (AADSTS53003): Access has been blocked by Conditional Access policies.');
    // Not a question of consent, though Entra says access_denied.
    expect(alert.textContent).not.toContain('consent');
  });

  it('says why sign-in could not start when MSAL refuses to leave, and lets the admin try again', async () => {
    fakeMsal.loginRedirect.mockRejectedValue(new AuthError('interaction_in_progress', 'c', 'Interaction is currently in progress.'));
    render(
      <AuthProvider session={await session()}>
        <SignInPage />
      </AuthProvider>,
    );
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Sign in with Microsoft' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Sign-in did not complete (interaction_in_progress)'));
    expect(screen.getByRole('button', { name: 'Sign in with Microsoft' }).hasAttribute('disabled')).toBe(false);
  });
});
