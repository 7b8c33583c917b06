// @vitest-environment jsdom
// The tenant's change history as an admin meets it: the default window ends today where they are, an
// entry never says its policy was deleted while the policy list is unknown, and a failed read of the
// audit log blames permission and licence only when Graph refused (403).
import { QueryClient, QueryClientProvider, queryOptions } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { MemoryRouter } from 'react-router';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuditEvent } from '../../graph/audit';
import { GraphRequestError } from '../../graph/errors';
import type { StoredVersion } from '../../operations/ports';

// What Graph and this device answer, set by each test; a pending answer is a promise never settled.
const answers = vi.hoisted(() => ({
  audit: (): Promise<AuditEvent[]> => Promise.resolve([]),
  local: (): Promise<StoredVersion[]> => Promise.resolve([]),
  policies: (): Promise<object[]> => Promise.resolve([]),
  auditWindows: [] as [string, string][],
}));

vi.mock('../../session/tenant-session', () => ({
  useTenantSession: () => ({ account: { key: 'acct', tenantId: 'tenant-1', name: 'Ada Lindqvist' }, scopeKey: ['acct'], client: {} }),
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

const POLICY = { id: 'policy-1', displayName: 'CA006: Block access', state: 'enabled' };
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

function renderPage() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={['/history']}>
        <ChangeHistoryPage />
      </MemoryRouter>
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
});
