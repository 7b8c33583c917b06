// @vitest-environment jsdom
// A sign-in Graph no longer accepts (401) offers signing in again, beside Try again; other failures
// offer only Try again, and without the app's sign-in nothing is offered that would do nothing.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
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
});
