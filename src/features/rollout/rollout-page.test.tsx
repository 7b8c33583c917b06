// @vitest-environment jsdom
// The rollout page's keyboard landings, as the admin meets them: All rollouts puts the focus on the
// rollout left; a click on the page while that landing is on its way is the admin's, and the focus is
// not taken afterwards from where the click left it.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newRolloutPlan, type RolloutPlan } from '../../domain/rollout/rollout-plan';
import { RolloutPage } from './rollout-page';

const at = new Date('2026-01-05T10:00:00Z');
// jsdom has no CSS.escape: the ids here need no escaping.
globalThis.CSS ??= { escape: (text: string) => text } as unknown as typeof CSS;

vi.mock('../../session/tenant-session', () => ({
  useTenantSession: () => ({ account: { tenantId: 't1' }, context: { clock: { now: () => new Date('2026-01-05T10:00:00Z') } } }),
}));
vi.mock('../../session/organization-query', () => ({ useOrganizationName: () => 'Contoso' }));
vi.mock('../../session/emergency-access', () => ({ useEmergencyAccess: () => [{ users: [], groups: [], members: [] }, () => true] }));
vi.mock('../../policy-ui/queries', () => ({
  policiesQuery: () => ({
    queryKey: ['policies'],
    queryFn: async () => [{ id: 'p1', displayName: 'Require MFA', state: 'enabledForReportingButNotEnforced' }],
  }),
}));
vi.mock('../../policy-ui/writes', () => ({ useApplyJournal: () => ({ load: () => null, clear: () => {} }) }));
vi.mock('../../policy-ui/plan/plan-and-apply', () => ({ PlanAndApply: () => null }));
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

const plan = newRolloutPlan({ id: 'p1', displayName: 'Require MFA', state: 'enabled' }, [{ id: 'g1', name: 'Pilot', created: false }], at);

afterEach(cleanup);

/** The rollout of ‘Require MFA’ opened, its policies read. */
async function opened() {
  // The address changes a moment after the action, as a router with data to read makes it: the landing waits for it.
  const router = createMemoryRouter(
    [{ path: '/rollout', element: <RolloutPage />, loader: () => new Promise((resolve) => setTimeout(() => resolve(null), 30)) }],
    { initialEntries: ['/rollout?policy=p1'] },
  );
  render(
    <QueryClientProvider client={new QueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  await screen.findByRole('button', { name: 'Start the rollout…' });
}

const settle = (ms = 50) => act(() => new Promise((resolve) => setTimeout(resolve, ms)));

describe('RolloutPage, where the keyboard lands', () => {
  it('All rollouts puts the focus on the rollout just left, in the list', async () => {
    await opened();
    const all = screen.getByRole('button', { name: 'All rollouts' });
    all.focus();
    fireEvent.click(all);
    await settle(100);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Require MFA' }));
  });

  it('a click on the page while the landing is on its way keeps the focus where the click left it', async () => {
    await opened();
    const all = screen.getByRole('button', { name: 'All rollouts' });
    all.focus();
    fireEvent.click(all);
    await settle(5);
    // The admin clicks the page's blank space before the list is drawn: the focus is on the page's start.
    fireEvent.pointerDown(document.body);
    (document.activeElement as HTMLElement | null)?.blur();
    await settle(100);
    expect(screen.getByRole('button', { name: 'Require MFA' })).toBeTruthy();
    expect(document.activeElement).toBe(document.body);
    // Later drawings of the page do not take it either.
    await settle(2500);
    expect(document.activeElement).toBe(document.body);
  });
});
