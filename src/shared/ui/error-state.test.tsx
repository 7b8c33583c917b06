// @vitest-environment jsdom
// A sign-in Graph no longer accepts (401) offers signing in again, beside Try again; other failures
// offer only Try again, and without the app's sign-in nothing is offered that would do nothing.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorState, SignInAgainContext } from './error-state';

afterEach(cleanup);

// As the graph layer describes a refusal (shared may not import it).
const refused = (status: number) => ({
  title: status === 401 ? 'Your session has expired' : 'Could not load this',
  message: status === 401 ? 'Microsoft Graph no longer accepts your sign-in. Sign in again to continue.' : 'Refused.',
  code: status === 401 ? 'InvalidAuthenticationToken' : 'BadRequest',
  status,
});

describe('ErrorState', () => {
  it('offers signing in again after a 401, as the same person', () => {
    const signIn = vi.fn();
    const retry = vi.fn();
    render(
      <SignInAgainContext value={signIn}>
        <ErrorState {...refused(401)} onRetry={retry} />
      </SignInAgainContext>,
    );
    expect(screen.getByRole('alert').textContent).toContain('Your session has expired');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in again' }));
    expect(signIn).toHaveBeenCalledTimes(1);
    expect(retry).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('offers only Try again for other failures, or without a way to sign in', () => {
    render(
      <SignInAgainContext value={vi.fn()}>
        <ErrorState {...refused(400)} onRetry={vi.fn()} />
      </SignInAgainContext>,
    );
    expect(screen.queryByRole('button', { name: 'Sign in again' })).toBeNull();
    cleanup();
    render(<ErrorState {...refused(401)} />);
    expect(screen.queryByRole('button', { name: 'Sign in again' })).toBeNull();
  });

  it('keeps the focus in its page when Try again takes it away: on the heading, not the page’s start', () => {
    function Page() {
      const [failed, setFailed] = useState(true);
      return (
        <main>
          <h1>Deleted policies</h1>
          {failed ? <ErrorState {...refused(503)} onRetry={() => setFailed(false)} /> : <p>Reading…</p>}
        </main>
      );
    }
    render(<Page />);
    const retry = screen.getByRole('button', { name: 'Try again' });
    retry.focus();
    act(() => retry.click());
    expect(screen.queryByRole('alert')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Deleted policies' }));
  });

  it('puts the focus on the heading of the section the failure was in, not the page’s', () => {
    function Page() {
      const [failed, setFailed] = useState(true);
      return (
        <main>
          <h1>Emergency access</h1>
          <section aria-labelledby="hygiene">
            <h2 id="hygiene">The emergency accounts themselves</h2>
            {failed ? <ErrorState {...refused(503)} onRetry={() => setFailed(false)} /> : <p>Reading…</p>}
          </section>
        </main>
      );
    }
    render(<Page />);
    const retry = screen.getByRole('button', { name: 'Try again' });
    retry.focus();
    act(() => retry.click());
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'The emergency accounts themselves' }));
  });

  it('puts the focus on the page’s heading when the failure’s section leaves with it', async () => {
    function Page() {
      const [failed, setFailed] = useState(true);
      return (
        <main>
          <h1>Emergency access</h1>
          {failed ? (
            <section aria-labelledby="failed">
              <h2 id="failed">Could not check</h2>
              <ErrorState {...refused(503)} onRetry={() => setFailed(false)} />
            </section>
          ) : (
            <p>Reading…</p>
          )}
        </main>
      );
    }
    render(<Page />);
    const retry = screen.getByRole('button', { name: 'Try again' });
    retry.focus();
    await act(async () => retry.click());
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Emergency access' }));
  });

  it('leaves the focus alone when it was elsewhere', () => {
    function Page({ failed }: { failed: boolean }) {
      return (
        <main>
          <h1>Policies</h1>
          <input aria-label="Search" />
          {failed ? <ErrorState {...refused(503)} onRetry={() => {}} /> : null}
        </main>
      );
    }
    const { rerender } = render(<Page failed />);
    const search = screen.getByRole('textbox', { name: 'Search' });
    search.focus();
    rerender(<Page failed={false} />);
    expect(document.activeElement).toBe(search);
  });
});
