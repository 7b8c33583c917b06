// @vitest-environment jsdom
// The way back from a fix, as the admin meets it: "Revert the last fix" stays offered after a revert
// whose write failed (the run closed without every write done), goes once a revert ends with every
// write done, and a second fix made before reverting the first keeps the first's way back too.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { analyzeEmergencyAccess } from '../../domain/emergency/exclusion-analysis';
import type { EmergencyFixRecord } from '../../domain/emergency/fix';
import type { JsonObject } from '../../domain/json';
import type { ApplyRun } from '../../operations/apply-plan';
import { EmergencyAccessPage } from './emergency-access-page';

interface PlanProps {
  source: unknown;
  origin: ApplyRun['origin'];
  children?: ReactNode;
  onStart?(run: ApplyRun): void;
  onFinished?(run: ApplyRun): void;
  onClosed?(run: ApplyRun): void;
}
const plan: { props: PlanProps | null } = { props: null };
const settings = { users: [{ id: 'bg1', name: 'Break Glass 01' }], groups: [] };
const policy = (id: string, excludeUsers: string[]): JsonObject => ({
  id,
  displayName: `Policy ${id}`,
  state: 'enabled',
  conditions: { applications: { includeApplications: ['All'] }, users: { includeUsers: ['All'], excludeUsers } },
  grantControls: { operator: 'OR', builtInControls: ['block'] },
});
// p1 was fixed by the last fix; p2 is still a finding.
const policies = [policy('p1', ['bg1']), policy('p2', [])];
const first: EmergencyFixRecord = {
  tenantId: 't1',
  at: '2026-01-05T10:00:00Z',
  policies: [{ id: 'p1', name: 'Policy p1', addedUsers: ['bg1'], addedGroups: [] }],
};

vi.mock('./use-emergency-check', () => ({
  useEmergencyCheck: () => ({
    tenant: { account: { tenantId: 't1' } },
    settings,
    setSettings: async () => true,
    emergency: settings,
    configured: true,
    policies: { data: policies, error: null, refetch: async () => {} },
    analysis: analyzeEmergencyAccess(policies, settings, new Map([['bg1', { groups: [], roles: [] }]])),
    loading: false,
    unreadMemberships: [],
  }),
}));
vi.mock('./fix-record-store', async () => {
  const { useState } = await import('react');
  return { useFixRecord: () => useState<EmergencyFixRecord | null>(first) };
});
vi.mock('./hygiene-section', () => ({ HygieneSection: () => null }));
vi.mock('../../session/organization-query', () => ({ useOrganizationName: () => 'Contoso' }));
vi.mock('../../policy-ui/queries', () => ({
  useNames: () => ({ data: undefined }),
  planTargetQuery: () => ({ queryKey: ['target'], queryFn: async () => ({ policies }) }),
}));
vi.mock('../../policy-ui/plan/plan-and-apply', () => ({
  PlanAndApply: (props: PlanProps) => {
    plan.props = props;
    return <>{props.children}</>;
  },
}));

beforeEach(() => {
  plan.props = null;
});
afterEach(cleanup);

function open() {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <MemoryRouter>
        <EmergencyAccessPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

/** The review asked for with this button, then the run as PlanAndApply starts it (the writes as planned). */
async function startRun(button: string | RegExp, items: { key: string; body: JsonObject }[]) {
  fireEvent.click(screen.getByRole('button', { name: button }));
  await vi.waitFor(() => expect(plan.props?.source).toBeTruthy());
  const props = plan.props!;
  const run = { tenantId: 't1', startedAt: '2026-01-05T11:00:00Z', items, created: {}, origin: props.origin } as unknown as ApplyRun;
  act(() => props.onStart?.(run));
  return { props, run };
}

const revertWrite = { key: 'policy:p1', body: { conditions: { users: { excludeUsers: [] } } } };

it('still offers the revert after one whose write failed, once its run is closed', async () => {
  open();
  const { props, run } = await startRun('Revert the last fix (1 policy)', [revertWrite]);
  // The write failed: the run never finished; the admin closes it.
  act(() => props.onClosed?.({ ...run, items: [{ ...run.items[0], status: 'failed' }] } as ApplyRun));
  expect(screen.getByRole('button', { name: 'Revert the last fix (1 policy)' })).toBeTruthy();
});

it('offers no revert once one ends with every write done', async () => {
  open();
  const { props, run } = await startRun('Revert the last fix (1 policy)', [revertWrite]);
  act(() => props.onFinished?.({ ...run, finishedAt: '2026-01-05T11:00:05Z' }));
  act(() => props.onClosed?.(run));
  expect(screen.queryByRole('button', { name: /^Revert the last fix/ })).toBeNull();
});

it('keeps the first fix’s way back when a second fix is made before reverting it', async () => {
  open();
  fireEvent.click(screen.getByRole('checkbox', { name: /Fix Policy p2/ }));
  await startRun('Review the fix for 1 policy', [{ key: 'policy:p2', body: { conditions: { users: { excludeUsers: ['bg1'] } } } }]);
  expect(screen.getByRole('button', { name: 'Revert the last fix (2 policies)' })).toBeTruthy();
  expect(screen.getByText(/The last 2 fixes, not reverted in between/)).toBeTruthy();
});
