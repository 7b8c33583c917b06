// @vitest-environment jsdom
// The tenant's change history as an admin meets it: the default window ends today where they are, an
// entry never says its policy was deleted while the policy list is unknown, and a failed read of the
// audit log blames permission and licence only when Graph refused (403).
import { QueryClient, QueryClientProvider, queryOptions } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { MemoryRouter } from 'react-router';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuditEvent } from '../../graph/audit';
import { GraphRequestError } from '../../graph/errors';
import type { StoredVersion } from '../../operations/ports';
import { SignInAgainContext } from '../../shared/ui/error-state';

// What Graph and this device answer, set by each test; a pending answer is a promise never settled.
const answers = vi.hoisted(() => ({
  audit: (): Promise<AuditEvent[]> => Promise.resolve([]),
  local: (): Promise<StoredVersion[]> => Promise.resolve([]),
  policies: (): Promise<object[]> => Promise.resolve([]),
  auditWindows: [] as [string, string][],
}));

vi.mock('../../session/tenant-session', () => ({
  // Graph's read of a policy (a revert's first step) stays on its way.
  useTenantSession: () => ({
    account: { key: 'acct', tenantId: 'tenant-1', name: 'Ada Lindqvist' },
    scopeKey: ['acct'],
    client: { get: () => new Promise(() => {}), userStarted: () => ({ get: () => new Promise(() => {}) }) },
  }),
}));

vi.mock('../../policy-ui/queries', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  auditWindowQuery: (_tenant: unknown, from: string, to: string) =>
    queryOptions({
      queryKey: ['audit', from, to],
      queryFn: () => {
        answers.auditWindows.push([from, to]);
        return answers.audit();
      },
    }),
  tenantLocalHistoryQuery: () => queryOptions({ queryKey: ['local'], queryFn: () => answers.local() }),
  policiesQuery: () => queryOptions({ queryKey: ['policies'], queryFn: () => answers.policies() }),
  namedLocationsQuery: () => queryOptions({ queryKey: ['locations'], queryFn: () => Promise.resolve([]) }),
  deletedLocationsQuery: () => queryOptions({ queryKey: ['deleted-locations'], queryFn: () => Promise.resolve([]) }),
  recentAuditQuery: () => queryOptions({ queryKey: ['recent-audit'], queryFn: () => answers.audit() }),
  localHistoryQuery: () => queryOptions({ queryKey: ['local-of'], queryFn: () => answers.local() }),
}));

vi.mock('../../policy-ui/known-names', () => ({
  useNamesKnownFirst: () => ({ data: undefined, isPlaceholderData: false, isLoading: false }),
  stillResolving: () => false,
}));

vi.mock('../../policy-ui/writes', () => ({ useRevertNamedLocation: () => ({ mutateAsync: vi.fn() }) }));

// The diff says what it compares, in place of the editor's viewer.
vi.mock('../../policy-ui/policy-diff', () => ({
  PolicyDiff: ({ before, after }: { before: object; after: object }) => (
    <p>{`Diff of ${Object.keys(before).length} properties against ${Object.keys(after).length}`}</p>
  ),
  useDiffView: () => useState('split'),
  useInlineDiff: () => false,
}));

const { ChangeHistoryPage } = await import('./change-history-page');
const { PolicyHistory } = await import('./policy-history');

const POLICY = { id: 'policy-1', displayName: 'CA006: Block access', state: 'enabled' as const };
const CHANGE: AuditEvent = {
  id: 'event-1',
  activity: 'Update conditional access policy',
  at: new Date().toISOString(),
  by: 'ada@contoso.example',
  targetId: 'policy-1',
  targetName: 'CA006: Block access',
  targetType: 'Policy',
  before: { ...POLICY, state: 'disabled' },
  after: POLICY,
};

const rendered: { queryClient?: QueryClient } = {};

function renderPage(page = <ChangeHistoryPage />, signInAgain = () => {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  rendered.queryClient = queryClient;
  render(
    <QueryClientProvider client={queryClient}>
      <SignInAgainContext value={signInAgain}>
        <MemoryRouter initialEntries={['/history']}>{page}</MemoryRouter>
      </SignInAgainContext>
    </QueryClientProvider>,
  );
}

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  answers.audit = () => Promise.resolve([]);
  answers.local = () => Promise.resolve([]);
  answers.policies = () => Promise.resolve([]);
  answers.auditWindows = [];
});

describe('the default window', () => {
  // Auckland is 13 hours ahead of UTC in December: at 01:00 there it is still yesterday in UTC.
  const zone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'Pacific/Auckland';
  });
  afterAll(() => {
    process.env.TZ = zone;
  });

  it('ends today where the admin is, early in their day, and shows a change made a minute ago', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-04T12:00:00Z'), toFake: ['Date'] });
    const justNow = new Date('2026-12-04T11:59:00Z').toISOString();
    answers.policies = () => Promise.resolve([POLICY]);
    answers.local = () =>
      Promise.resolve([
        { scope: 'tenant-1', itemId: 'policy-1', recordedAt: justNow, reason: 'before save', json: JSON.stringify(CHANGE.before) },
      ]);
    renderPage();

    expect(screen.getByLabelText('To')).toHaveProperty('value', '2026-12-05');
    expect(screen.getByLabelText('From')).toHaveProperty('value', '2026-11-28');
    expect(answers.auditWindows).toEqual([['2026-11-28', '2026-12-05']]);
    const timeline = screen.getByRole('list', { name: 'Changes, newest first' });
    expect(await within(timeline).findByText(/^Version kept on this device before save/)).toBeTruthy();
    expect(screen.queryByText('No changes in this window')).toBeNull();
  });
});

const refused = (status: number, code: string) =>
  new GraphRequestError(status, code, `Graph answered ${status}.`, { method: 'GET', path: '/v1.0/identity/conditionalAccess/policies' });
const KEPT: StoredVersion = {
  scope: 'tenant-1',
  itemId: 'policy-1',
  recordedAt: new Date().toISOString(),
  reason: 'before save',
  json: JSON.stringify({ ...POLICY, state: 'enabledForReportingButNotEnforced' }),
};

describe('while the policy list is unknown', () => {
  it('does not say a policy was deleted while the list is on its way, and offers the revert once it arrives', async () => {
    let arrive = (_policies: object[]) => {};
    answers.policies = () => new Promise((resolve) => (arrive = resolve));
    answers.audit = () => Promise.resolve([CHANGE]);
    renderPage();

    const entry = (await screen.findByText(/^Update conditional access policy/)).closest('li')!;
    expect(within(entry).queryByRole('button', { name: /Deleted/ })).toBeNull();
    arrive([POLICY]);
    expect(await within(entry).findByRole('button', { name: 'Revert to the version before this…' })).toBeTruthy();
  });

  it('says the list could not be read, with Try again, and neither calls the policy deleted nor compares a kept version with nothing', async () => {
    answers.policies = () => Promise.reject(refused(503, 'ServiceUnavailable'));
    answers.audit = () => Promise.resolve([CHANGE]);
    answers.local = () => Promise.resolve([KEPT]);
    renderPage();

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Microsoft Graph had a problem');
    const timeline = screen.getByRole('list', { name: 'Changes, newest first' });
    expect(within(timeline).queryByRole('button', { name: /Deleted/ })).toBeNull();
    expect(within(timeline).queryByRole('button', { name: 'Compare with now' })).toBeNull();

    answers.policies = () => Promise.resolve([POLICY]);
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await within(timeline).findByRole('button', { name: 'Revert to the version before this…' })).toBeTruthy();
    fireEvent.click(within(timeline).getByRole('button', { name: 'Compare with now' }));
    expect(within(timeline).getByText('Diff of 3 properties against 3')).toBeTruthy();
  });

  it('a later read of the list that fails keeps the list read before, and its reverts, without saying they are withheld', async () => {
    answers.policies = () => Promise.resolve([POLICY]);
    answers.audit = () => Promise.resolve([CHANGE]);
    renderPage();
    const timeline = await screen.findByRole('list', { name: 'Changes, newest first' });
    expect(await within(timeline).findByRole('button', { name: 'Revert to the version before this…' })).toBeTruthy();

    answers.policies = () => Promise.reject(refused(503, 'ServiceUnavailable'));
    await act(async () => {
      await rendered.queryClient!.refetchQueries().catch(() => {});
      // The page hears of the failure in a task after it (TanStack Query's notifications are batched).
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(rendered.queryClient!.getQueryState(['policies'])?.status).toBe('error');
    expect(within(timeline).getByRole('button', { name: 'Revert to the version before this…' })).toBeTruthy();
    expect(screen.queryByText(/shown without revert/)).toBeNull();
  });
});

describe('when the audit log cannot be read', () => {
  const PERMISSION = /AuditLog\.Read\.All/;

  it('names the permission and licence when Graph refuses (403)', async () => {
    answers.audit = () => Promise.reject(refused(403, 'Authentication_RequestFromNonPremiumTenantOrB2CTenant'));
    renderPage();
    expect(await screen.findByText(PERMISSION)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('says what went wrong otherwise, without blaming permission, and reads it again on Try again', async () => {
    answers.audit = () => Promise.reject(refused(503, 'ServiceUnavailable'));
    answers.policies = () => Promise.resolve([POLICY]);
    renderPage();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The audit log could not be read');
    expect(alert.textContent).toContain('Microsoft Graph had a problem');
    expect(alert.textContent).toContain('Only the versions kept on this device are shown.');
    expect(screen.queryByText(PERMISSION)).toBeNull();
    // Nothing kept on the device either: not "widen the dates", which cannot bring the log back.
    expect(screen.getByText('No version kept on this device in this window')).toBeTruthy();
    expect(screen.queryByText(/Widen the dates/)).toBeNull();

    answers.audit = () => Promise.resolve([CHANGE]);
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('button', { name: 'Revert to the version before this…' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it("offers to sign in again when the sign-in expired (401), on a policy's History tab too", async () => {
    answers.audit = () => Promise.reject(refused(401, 'InvalidAuthenticationToken'));
    const signInAgain = vi.fn();
    renderPage(<PolicyHistory policy={POLICY} />, signInAgain);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Your session has expired');
    expect(screen.queryByText(PERMISSION)).toBeNull();
    fireEvent.click(within(alert).getByRole('button', { name: 'Sign in again' }));
    expect(signInAgain).toHaveBeenCalled();
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});

it("isolates the policy's name in what is said while its revert starts", async () => {
  const name = 'CA006 \u202EEvil';
  answers.policies = () => Promise.resolve([{ ...POLICY, displayName: name }]);
  answers.audit = () => Promise.resolve([{ ...CHANGE, targetName: name }]);
  renderPage();
  fireEvent.click(await screen.findByRole('button', { name: 'Revert to the version before this…' }));
  expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain('Reverting CA006 \\u202EEvil…');
});
