// @vitest-environment jsdom
// A read whose token needs the admin to sign in again (an expired session, a sign-in policy asking again)
// no longer leaves the page at once: the shell says it once, however many reads failed for it, and the
// admin signs in again when they choose, back to the same page.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { AuthProvider, READ_SCOPES } from '../../auth';
import { account, fakeMsal, TEST_CONFIG } from '../../auth/msal-fake';
import { createMsalSession } from '../../auth/msal-session';
import { describeError } from '../../graph/describe-error';
import { ThemeProvider } from '../../shared/theme';
import { ErrorState, SignInAgainContext } from '../../shared/ui/error-state';
import { SignInNeededBar } from './sign-in-needed-bar';

vi.mock('@azure/msal-browser', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  PublicClientApplication: (await import('../../auth/msal-fake')).FakePublicClientApplication,
}));

beforeEach(() => {
  fakeMsal.reset();
  sessionStorage.clear();
  window.history.replaceState(null, '', '/what-if');
});
afterEach(cleanup);

async function expiredSession() {
  fakeMsal.accounts = [account('ada', 'Ada Lindqvist')];
  const session = await createMsalSession(TEST_CONFIG);
  await fakeMsal.expireSignIn();
  // The session's own provider (msal-react's) is not needed to read its snapshot.
  const plain = { ...session, Wrapper: undefined };
  return { session, plain };
}

it('says once that the sign-in expired, whatever number of reads failed for it, and signs in again when chosen', async () => {
  const { session, plain } = await expiredSession();
  render(
    <ThemeProvider>
      <AuthProvider session={plain}>
        <SignInNeededBar />
      </AuthProvider>
    </ThemeProvider>,
  );
  expect(screen.queryByText('Your sign-in has expired')).toBeNull();

  // Three reads (the screen's queries, a refetch) need the admin to sign in: none leaves the page.
  const reads = await act(() =>
    Promise.allSettled([
      session.getToken('ada.tenant', READ_SCOPES),
      session.getToken('ada.tenant', READ_SCOPES),
      session.getToken('ada.tenant', ['Policy.Read.All']),
    ]),
  );
  expect(reads.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
  expect(fakeMsal.acquireTokenRedirect).not.toHaveBeenCalled();

  expect(screen.getAllByText('Your sign-in has expired')).toHaveLength(1);
  expect(screen.getByText(/the tenant cannot be read until you do\. This page stays until you choose to sign in again/)).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: 'Sign in again' }));
  expect(fakeMsal.acquireTokenRedirect).toHaveBeenCalledWith(expect.objectContaining({ account: fakeMsal.accounts[0], state: '/what-if' }));
});

it('with two accounts that need it (Compare reads with both), names each, isolated, with its own Sign in again', async () => {
  // The second account's name is right-to-left: it must not reorder the words around it.
  fakeMsal.accounts = [account('ada', 'Ada'), account('boaz', 'בועז')];
  const session = await createMsalSession(TEST_CONFIG);
  session.setActive('ada.tenant');
  await fakeMsal.expireSignIn();
  render(
    <ThemeProvider>
      <AuthProvider session={{ ...session, Wrapper: undefined }}>
        <SignInNeededBar />
      </AuthProvider>
    </ThemeProvider>,
  );
  await act(() =>
    Promise.allSettled([
      session.getToken('ada.tenant', READ_SCOPES),
      session.getToken('boaz.tenant', READ_SCOPES),
      session.getToken('ada.tenant', READ_SCOPES),
    ]),
  );

  expect(screen.getAllByText('2 accounts must sign in again')).toHaveLength(1);
  const items = screen.getAllByRole('listitem');
  expect(items.map((item) => item.textContent)).toEqual([
    'ada@contoso.com (the account in use): its sign-in has expired, or a sign-in policy asks again.',
    'בועז@contoso.com: its sign-in has expired, or a sign-in policy asks again.',
  ]);
  expect(items.map((item) => item.querySelector('bdi')?.textContent)).toEqual(['ada@contoso.com', 'בועז@contoso.com']);

  const boaz = screen.getByRole('button', { name: 'Sign in again as בועז@contoso.com' });
  expect(boaz.querySelector('bdi')?.textContent).toBe('בועז@contoso.com');
  fireEvent.click(boaz);
  expect(fakeMsal.acquireTokenRedirect).toHaveBeenLastCalledWith(expect.objectContaining({ account: fakeMsal.accounts[1] }));
  fireEvent.click(screen.getByRole('button', { name: 'Sign in again as ada@contoso.com' }));
  expect(fakeMsal.acquireTokenRedirect).toHaveBeenLastCalledWith(expect.objectContaining({ account: fakeMsal.accounts[0] }));
});

it('in a screen’s own error, words the failed read as an expired sign-in and offers Sign in again beside Try again', async () => {
  const { session } = await expiredSession();
  const failure = await session.getToken('ada.tenant', READ_SCOPES).catch((error: unknown) => error);
  const signInAgain = vi.fn();
  render(
    <SignInAgainContext value={signInAgain}>
      <ErrorState {...describeError(failure, 'load the policies')} onRetry={() => {}} />
    </SignInAgainContext>,
  );
  expect(screen.getByRole('alert').textContent).toMatch(/^Your sign-in has expiredYour sign-in has expired, or a sign-in policy asks you/);
  fireEvent.click(screen.getByRole('button', { name: 'Sign in again' }));
  expect(signInAgain).toHaveBeenCalled();
  expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
});
