// @vitest-environment jsdom
// The finish of a rollout whose policy had its grant changed in Entra after the rings tested it: the
// page says what changed and writes nothing (no plan to review opens); only once the admin chooses to
// finish with those controls does the step open, saying they are untested.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newRolloutPlan, type RolloutPlan } from '../../domain/rollout/rollout-plan';
import { RolloutPage } from './rollout-page';

const at = '2026-01-05T10:00:00.000Z';
globalThis.CSS ??= { escape: (text: string) => text } as unknown as typeof CSS;

// Where each read of the policies queued in the tenant's pacer.
const queued = vi.hoisted(() => [] as string[]);
vi.mock('../../session/tenant-session', () => ({
  useTenantSession: () => ({
    account: { tenantId: 't1' },
    context: { clock: { now: () => new Date('2026-01-06T10:00:00Z') } },
    client: { queue: 'background', userStarted: () => ({ queue: 'user-started' }) },
  }),
}));
vi.mock('../../session/organization-query', () => ({ useOrganizationName: () => 'Contoso' }));
vi.mock('../../session/emergency-access', () => ({ useEmergencyAccess: () => [{ users: [], groups: [], members: [] }, () => true] }));
vi.mock('../../policy-ui/queries', () => ({
  policiesQuery: (tenant: { client: { queue: string } }) => ({
    queryKey: ['policies'],
    // A colleague changed the grant from MFA to block after the rollout began.
    queryFn: async () => (
      queued.push(tenant.client.queue),
      [
        {
          id: 'p1',
          displayName: 'Require MFA',
          state: 'enabledForReportingButNotEnforced',
          conditions: { users: { includeUsers: ['All'] } },
          grantControls: { operator: 'OR', builtInControls: ['block'] },
        },
        { id: 'c1', displayName: 'Require MFA [rollout]', state: 'enabled' },
      ]
    ),
  }),
}));
vi.mock('../../policy-ui/writes', () => ({ useApplyJournal: () => ({ load: () => null, clear: () => {} }) }));
vi.mock('../../policy-ui/plan/plan-and-apply', () => ({
  PlanAndApply: ({ intro }: { intro?: string }) => <p data-testid="plan-flow">{intro}</p>,
}));
vi.mock('./restore-rollouts', () => ({ RestoreRollouts: () => null }));
vi.mock('../../session/write-access', () => ({
  useWriteAccess: () => ({ allowed: true, reason: null }),
  WriteAccessTooltip: ({ children }: { children: ReactElement }) => children,
}));
vi.mock('./use-gate', () => ({ useGate: () => ({ read: { kind: 'idle' }, reset: () => {}, check: async () => {} }) }));
vi.mock('./use-group-members', () => ({ useGroupMembers: () => new Map(), memberWords: () => '3 users' }));
vi.mock('../../session/rollout-store', async () => {
  const { useState } = await import('react');
  return {
    useRolloutStore: () => {
      const [store, setStore] = useState<Record<string, RolloutPlan>>(() => ({ p1: plan }));
      return [store, (change: (current: Record<string, RolloutPlan>) => Record<string, RolloutPlan>) => (setStore(change), true)];
    },
  };
});

/** Every ring in, the gate read and open: the next step is the finish. Frozen with MFA, which the rings tested. */
const plan: RolloutPlan = (() => {
  const planned = newRolloutPlan(
    { id: 'p1', displayName: 'Require MFA', state: 'enabled' },
    [{ id: 'g1', name: 'Pilot', created: false }],
    new Date(at),
  );
  return {
    ...planned,
    copyId: 'c1',
    status: 'running',
    frozen: { grantControls: { operator: 'OR', builtInControls: ['mfa'] }, sessionControls: null },
    rings: planned.rings.map((ring) => ({ ...ring, state: 'active', startedAt: at })),
    events: [
      ...planned.events,
      { at, kind: 'started', ring: 'ring-1', text: 'Started.' },
      { at: '2026-01-06T09:00:00.000Z', kind: 'gate', ring: 'ring-1', text: 'May advance.', decision: 'advance' },
    ],
  };
})();

afterEach(cleanup);

async function opened() {
  const router = createMemoryRouter([{ path: '/rollout', element: <RolloutPage /> }], { initialEntries: ['/rollout?policy=p1'] });
  render(
    <QueryClientProvider client={new QueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  // Roles are slow to work out in a page this size: the policy's state shown first, then the button.
  await screen.findByText(/The policy:/, undefined, { timeout: 10_000 });
  return screen.getByRole('button', { name: 'Finish: turn the policy on…' });
}

describe('RolloutPage, a finish whose controls changed since the rings tested them', () => {
  it('writes nothing and names what changed; the admin may then finish with those controls, said untested', async () => {
    fireEvent.click(await opened());
    const warning = await screen.findByRole('group', { name: 'The policy’s controls changed since the rollout began' });
    expect(warning.textContent).toContain('Nothing was written');
    expect(warning.textContent).toContain('Grant: require MFA → block');
    expect(screen.queryByTestId('plan-flow')).toBeNull();
    // The step read the policies again ahead of the screens' queued reads: the admin waits on it.
    expect(queued.at(-1)).toBe('user-started');

    fireEvent.click(screen.getByRole('button', { name: 'Finish with the untested controls…' }));
    const flow = await screen.findByTestId('plan-flow');
    expect(flow.textContent).toContain('not those the rings tested (Grant: require MFA → block)');
    // A page this size is slow to draw on a busy machine.
  }, 20_000);
});
