// @vitest-environment jsdom
// The rollout page's keyboard landings, as the admin meets them: All rollouts puts the focus on the
// rollout left; a click on the page while that landing is on its way is the admin's, and the focus is
// not taken afterwards from where the click left it. A plan removed is said removed, never followed by
// an alert that no rollout of that policy is kept (its address changes a moment after the store).
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newRolloutPlan, type RolloutPlan } from '../../domain/rollout/rollout-plan';
import { RolloutPage } from './rollout-page';
import { LANDING_MS } from './use-focus-landing';

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

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** The rollout of ‘Require MFA’ opened (or the one `policy` names), its policies read. */
async function opened(policy = 'p1') {
  // The address changes a moment after the action, as a router with data to read makes it: the landing waits for it.
  const router = createMemoryRouter(
    [{ path: '/rollout', element: <RolloutPage />, loader: () => new Promise((resolve) => setTimeout(() => resolve(null), 30)) }],
    { initialEntries: [`/rollout?policy=${policy}`] },
  );
  render(
    <QueryClientProvider client={new QueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  // Working out roles in a page this size is slow on a busy machine, the first drawing slowest.
  if (policy === 'p1') await screen.findByRole('button', { name: 'Start the rollout…' }, { timeout: 10_000 });
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
    // The clock moves as it does, and is moved on at once past the landing's time.
    vi.useFakeTimers({ shouldAdvanceTime: true });
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
    // Later drawings of the page do not take it either, up to when a landing would have given up.
    await act(() => vi.advanceTimersByTimeAsync(LANDING_MS + 500));
    expect(document.activeElement).toBe(document.body);
  });

  it('removing a plan says it is removed, with no alert that the device keeps no rollout of that policy', async () => {
    await opened();
    const alerts: string[] = [];
    // Every alert put in the page meanwhile, however briefly.
    const observer = new MutationObserver(() => screen.queryAllByRole('alert').forEach((alert) => alerts.push(alert.textContent ?? '')));
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    fireEvent.click(screen.getByRole('button', { name: 'Remove this plan' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Remove the plan' }));
    await settle(100);
    observer.disconnect();
    expect(screen.getByRole('group', { name: 'Removed from this device' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Policy to roll out' })).toBeTruthy();
    expect(alerts.filter((text) => text.includes('No rollout of that policy'))).toEqual([]);
  });

  it('an address naming a rollout this device does not keep says so', async () => {
    await opened('p2');
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', expect.stringContaining('No rollout of that policy'));
  });
});
