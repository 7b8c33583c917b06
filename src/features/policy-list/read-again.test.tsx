// @vitest-environment jsdom
// Reading the policies again from the list, Graph's answers given by the test: Refresh asks Graph again and
// shows what another admin changed (a policy turned Off); while it reads it says so and does nothing more;
// a read again that fails keeps the rows as they were read and says so, without the page-wide error.
import { QueryClient, QueryClientProvider, queryOptions, useQuery } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { formatTime } from '../../shared/ui/format';
import { GraphRequestError } from '../../graph/errors';
import { SignInAgainContext } from '../../shared/ui/error-state';
import { PoliciesPage } from './policies-page';

const tenant = vi.hoisted(() => ({
  policies: [] as unknown[] | Error | Promise<unknown[]>,
  reads: 0,
}));

vi.mock('../../session/tenant-session', () => ({ useTenantSession: () => ({ account: { key: 'k', tenantId: 't' } }) }));
vi.mock('../../session/write-access', () => ({
  useWriteAccess: () => ({ allowed: true, reason: null }),
  WriteAccessTooltip: ({ children }: { children: ReactElement }) => children,
}));
vi.mock('../../policy-ui/use-tenant-lint', () => ({ useTenantLint: () => ({ findings: undefined, error: null, retry: () => {} }) }));
vi.mock('../../policy-ui/watch-store', () => ({ useWatched: () => ({ watched: {} }) }));
vi.mock('../../policy-ui/queries', () => {
  const answer = (key: string, read: () => unknown) =>
    queryOptions({
      queryKey: [key],
      queryFn: async () => {
        const value = await read();
        if (value instanceof Error) throw value;
        return value as never;
      },
      retry: false,
    });
  const names = () => answer('names', () => ({ names: new Map(), failures: [] }));
  return {
    policiesQuery: () =>
      answer('policies', () => {
        tenant.reads += 1;
        return tenant.policies;
      }),
    namesQuery: names,
    recentAuditQuery: () => answer('audit', () => []),
    useNames: (_: unknown, policies: unknown) => useQuery({ ...names(), enabled: !!policies }),
  };
});

const policy = (state: ConditionalAccessPolicy['state']) =>
  ({
    id: 'p1',
    displayName: 'CA001 Require MFA',
    state,
    modifiedDateTime: '2026-01-02T10:00:00Z',
    conditions: { users: { includeUsers: ['All'] }, applications: { includeApplications: ['All'] } },
    grantControls: { operator: 'OR', builtInControls: ['mfa'] },
  }) as unknown as ConditionalAccessPolicy;

let client: QueryClient;

async function draw(signInAgain: (() => void) | null = null) {
  client = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 } } });
  const router = createMemoryRouter([{ path: '/policies', element: <PoliciesPage /> }], { initialEntries: ['/policies'] });
  render(
    <SignInAgainContext value={signInAgain}>
      <QueryClientProvider client={client}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </SignInAgainContext>,
  );
  await screen.findByRole('link', { name: 'CA001 Require MFA' });
}

const rowOfPolicy = () => screen.getByRole('link', { name: 'CA001 Require MFA' }).closest<HTMLElement>('[role="row"]')!;

beforeEach(() => {
  tenant.policies = [policy('enabled')];
  tenant.reads = 0;
});
afterEach(cleanup);

describe('reading the policies again', { timeout: 30_000 }, () => {
  it('asks Graph again on Refresh, says Reading… meanwhile, and shows the policy another admin turned Off', async () => {
    await draw();
    expect(within(rowOfPolicy()).getByText('On')).toBeTruthy();
    const first = client.getQueryState(['policies'])!.dataUpdatedAt;
    expect(screen.getByText(`Read at ${formatTime(first)}`)).toBeTruthy();

    // Another admin turns it Off; Graph's answer is held until the test lets it go.
    let answer!: (policies: unknown[]) => void;
    tenant.policies = new Promise((resolve) => (answer = resolve));
    const refresh = screen.getByRole('button', { name: 'Refresh' });
    await act(async () => fireEvent.click(refresh));
    expect(tenant.reads).toBe(2);
    const reading = screen.getByRole('button', { name: 'Reading…' });
    // Still in the Tab order while it reads (the focus stays on it), but it does nothing.
    expect(reading.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(reading);
    expect(tenant.reads).toBe(2);

    await act(async () => answer([policy('disabled')]));
    await waitFor(() => expect(within(rowOfPolicy()).getByText('Off')).toBeTruthy());
    const read = client.getQueryState(['policies'])!.dataUpdatedAt;
    expect(screen.getByRole('button', { name: 'Refresh' }).getAttribute('aria-disabled')).not.toBe('true');
    expect(screen.getByText(`Read at ${formatTime(read)}`)).toBeTruthy();
    await waitFor(() =>
      expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain(`Policies read again at ${formatTime(read)}.`),
    );
  });

  it('keeps the rows when Refresh fails, and says the list is as read before, not the page-wide error', async () => {
    await draw();
    const first = client.getQueryState(['policies'])!.dataUpdatedAt;
    tenant.policies = new Error('Graph is not answering');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Refresh' })));
    await screen.findByText(new RegExp(`^The policies could not be read again, so the list is as read at ${formatTime(first)}\\.`));
    expect(within(rowOfPolicy()).getByText('On')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getAllByRole('status').map((s) => s.textContent)).not.toContain(expect.stringMatching(/^Policies read again/));

    // The next read that succeeds takes the warning away.
    tenant.policies = [policy('disabled')];
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Refresh' })));
    await waitFor(() => expect(within(rowOfPolicy()).getByText('Off')).toBeTruthy());
    expect(screen.queryByText(/could not be read again/)).toBeNull();
  });

  it('keeps the rows when a read in the background fails (after a write elsewhere), without the page-wide error', async () => {
    await draw();
    tenant.policies = new Error('Graph is not answering');
    await act(async () => client.invalidateQueries());
    await screen.findByText(/^The policies could not be read again/);
    expect(rowOfPolicy()).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a refused sign-in offers Sign in again beside the rows, with Graph’s code and request id', async () => {
    const signInAgain = vi.fn();
    await draw(signInAgain);
    tenant.policies = new GraphRequestError(401, 'InvalidAuthenticationToken', 'Access token has expired.', {
      requestId: 'req-401',
      method: 'GET',
      path: '/identity/conditionalAccess/policies',
    });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Refresh' })));
    await screen.findByText(/^The policies could not be read again/);
    expect(screen.getByText(/Code: InvalidAuthenticationToken/).textContent).toContain('Request id: req-401');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in again' }));
    expect(signInAgain).toHaveBeenCalledOnce();
    expect(within(rowOfPolicy()).getByText('On')).toBeTruthy();
  });
});
