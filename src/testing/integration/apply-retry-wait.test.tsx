// @vitest-environment jsdom
// A plan run Graph paces with 429 and Retry-After: the row being written says how long it waits and why, counts
// down, says it once to a screen reader, then goes back to "Writing…"; reads of the screens meanwhile are not the row's.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clientHeldAt429 } from '../client-held-at-429';
import { CONTOSO_TENANT_ID } from '../../emulator/seed';
import type { ApplyItem, ApplyRun } from '../../operations/apply-plan';
import { memoryContext } from '../../operations/memory-stores';
import { reportRetryWait, useRetryWait, type CurrentWait } from '../../session/retry-waits';
import { ApplyPanel } from '../../policy-ui/plan/apply-panel';
import { ApplyRowsTable } from '../../policy-ui/plan/apply-rows-table';

vi.setConfig({ testTimeout: 20_000 });

const world = vi.hoisted(() => ({ session: null as unknown }));
vi.mock('../../session/tenant-session', () => ({ useTenantSession: () => world.session }));
const { useApplyPlan } = await import('../../policy-ui/writes');

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const policy = {
  displayName: 'Pace test',
  state: 'disabled',
  conditions: { users: { includeUsers: ['None'] }, applications: { includeApplications: ['All'] }, clientAppTypes: ['all'] },
  grantControls: { operator: 'OR', builtInControls: ['block'] },
};
const item = (status: ApplyItem['status']): ApplyItem => ({
  key: 'p1',
  kind: 'policy',
  name: 'Pace test',
  action: 'create',
  status,
  body: policy,
  intended: policy,
  targetId: null,
  baseModified: null,
});

/** The emulator's Contoso behind the real client, whose wait of 30 s lasts until the test lets it end. */
function world429() {
  const { harness, client, endWait } = clientHeldAt429('POST /beta/identity/conditionalAccess/policies');
  const clock = { now: () => harness.clock.now };
  world.session = {
    account: { key: 'acct' },
    scopeKey: ['tenant', 'acct'],
    client,
    context: memoryContext(client, CONTOSO_TENANT_ID, clock),
  };
  return { client, endWait };
}

/** What PlanAndApply gives the panel: the run, whether it is under way, and this account's wait. */
function Run() {
  const apply = useApplyPlan();
  const wait = useRetryWait('acct');
  const [run, setRun] = useState<ApplyRun>({
    tenantId: CONTOSO_TENANT_ID,
    startedAt: '2026-11-20T10:00:00Z',
    items: [item('pending')],
    created: {},
  });
  return (
    <>
      <button onClick={() => apply.mutate({ run, onChange: setRun, signal: new AbortController().signal })}>Start</button>
      <ApplyPanel
        run={run}
        running={apply.isPending}
        wait={wait}
        targetName="Contoso"
        onStop={() => {}}
        onResume={() => {}}
        onClose={() => {}}
      />
    </>
  );
}

const row = () => screen.getAllByRole('row')[1]!;

describe('a plan run that Graph asks to wait (429 with Retry-After)', () => {
  it('shows the wait on the row being written, counting down, says it once, then writes the row', async () => {
    // The clock of the countdown is held, its one-second tick real: it reads exactly what the admin sees second by
    // second (the server's 30, then 29), however slowly a loaded machine gets to each render.
    vi.useFakeTimers({ toFake: ['Date'] });
    const { client, endWait } = world429();
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <Run />
      </QueryClientProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    expect(await within(row()).findByText('Waiting 30 s: Microsoft Graph asked to slow down (too many requests)')).toBeTruthy();
    const said = () => screen.getAllByRole('status').map((s) => s.textContent);
    expect(said()).toContain('Waiting 30 s before ‘Pace test’ is sent again: Microsoft Graph asked to slow down (too many requests).');
    // The countdown moves on screen a second later; what is said does not change with it.
    vi.setSystemTime(Date.now() + 1000);
    expect(await within(row()).findByText(/^Waiting 29 s: /, {}, { timeout: 3000 })).toBeTruthy();
    expect(said()).toContain('Waiting 30 s before ‘Pace test’ is sent again: Microsoft Graph asked to slow down (too many requests).');

    endWait();
    expect(await within(row()).findByText('As planned')).toBeTruthy();
    expect(within(row()).queryByText(/Waiting/)).toBeNull();
    expect(
      (await client.list<{ displayName: string }>('/v1.0/identity/conditionalAccess/policies')).filter(
        (p) => p.displayName === 'Pace test',
      ),
    ).toHaveLength(1);
  });
});

const waitOf = (): CurrentWait => ({
  method: 'POST',
  path: '/beta/identity/conditionalAccess/policies',
  status: 429,
  seconds: 30,
  reason: 'Microsoft Graph asked to slow down (too many requests)',
  endsAt: Date.now() + 30_000,
});

describe('ApplyRowsTable, the end of a wait', () => {
  it('goes back to "Writing…" and says the wait is over, once the request is sent again', () => {
    const { rerender } = render(<ApplyRowsTable items={[item('running')]} wait={waitOf()} />);
    expect(within(row()).getByText(/^Waiting 30 s: /)).toBeTruthy();
    rerender(<ApplyRowsTable items={[item('running')]} wait={null} />);
    expect(within(row()).getByText('Writing…')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Wait over: writing ‘Pace test’ again.');
  });

  it('says no wait is over when a row that waited, then failed, is written again without a wait (Resume)', () => {
    const { rerender } = render(<ApplyRowsTable items={[item('running')]} wait={waitOf()} />);
    rerender(<ApplyRowsTable items={[item('failed')]} wait={null} />);
    rerender(<ApplyRowsTable items={[item('running')]} wait={null} />);
    expect(within(row()).getByText('Writing…')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('is not shown on a row that is not being written, nor said', () => {
    render(<ApplyRowsTable items={[item('pending')]} wait={waitOf()} />);
    expect(within(row()).getByText('Waiting')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('');
  });
});

describe('the account’s wait', () => {
  it('is the wait its run reported last, until that wait is over; another account has none', () => {
    function Shown({ account }: { account: string }) {
      const wait = useRetryWait(account);
      return <p>{`${account}: ${wait ? `${wait.seconds} s, ${wait.reason}` : 'none'}`}</p>;
    }
    render(
      <>
        <Shown account="a" />
        <Shown account="b" />
      </>,
    );
    const { endsAt: _endsAt, ...wait } = waitOf();
    act(() => reportRetryWait('a', wait));
    expect(screen.getByText('a: 30 s, Microsoft Graph asked to slow down (too many requests)')).toBeTruthy();
    expect(screen.getByText('b: none')).toBeTruthy();
    act(() => reportRetryWait('a', null));
    expect(screen.getByText('a: none')).toBeTruthy();
  });
});
