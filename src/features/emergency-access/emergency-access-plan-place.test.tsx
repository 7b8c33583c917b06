// @vitest-environment jsdom
// Where "Review the fix" takes the admin, with the real plan flow (PlanAndApply, PlanReview; only the planner's
// reads stubbed): while the tenant is read, the progress is said right under the button; once the plan is made,
// its heading has the keyboard's focus and sits right after the Fix section, before the emergency group's
// table (it used to come after that table, far from the button that asked for it).
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { analyzeEmergencyAccess } from '../../domain/emergency/exclusion-analysis';
import type { JsonObject } from '../../domain/json';
import type { Plan } from '../../domain/plan/types';
import { EmergencyAccessPage } from './emergency-access-page';

const settings = { users: [{ id: 'bg1', name: 'Break Glass 01' }], groups: [] };
const policy = (id: string): JsonObject => ({
  id,
  displayName: `Policy ${id}`,
  state: 'enabled',
  conditions: { applications: { includeApplications: ['All'] }, users: { includeUsers: ['All'], excludeUsers: [] } },
  grantControls: { operator: 'OR', builtInControls: ['block'] },
});
const policies = [policy('p1'), policy('p2')];
const planned: Plan = {
  sameTenant: true,
  rows: [],
  mapping: [],
  blockers: [],
  counts: { create: 0, update: 2, restore: 0, reuse: 0, skip: 0 },
} as unknown as Plan;
// The tenant read by the planner: false while it is read; the plan's hook hears when it is.
const tenantRead = vi.hoisted(() => ({ done: false, listeners: new Set<() => void>() }));
const finishReading = () => {
  tenantRead.done = true;
  for (const listener of tenantRead.listeners) listener();
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
  return { useFixRecord: () => useState(null) };
});
vi.mock('./hygiene-section', () => ({
  HygieneSection: () => (
    <section aria-labelledby="hygiene-title">
      <h2 id="hygiene-title">Emergency group and accounts</h2>
    </section>
  ),
}));
vi.mock('../../session/organization-query', () => ({ useOrganizationName: () => 'Contoso' }));
vi.mock('../../session/tenant-session', () => ({
  useTenantSession: () => ({ account: { key: 'a1', tenantId: 't1' }, context: { clock: () => new Date() } }),
}));
vi.mock('../../policy-ui/queries', () => ({
  useNames: () => ({ data: undefined }),
  planTargetQuery: () => ({ queryKey: ['target'], queryFn: async () => ({ policies }) }),
}));
vi.mock('../../policy-ui/writes', () => ({
  useApplyJournal: () => ({ load: () => null, clear: () => {} }),
  useApplyPlan: () => ({ isPending: false, mutate: () => {} }),
  useRunFinishingElsewhere: () => false,
}));
vi.mock('../../policy-ui/plan/use-plan', async () => {
  const { useSyncExternalStore } = await import('react');
  const subscribe = (listener: () => void) => {
    tenantRead.listeners.add(listener);
    return () => tenantRead.listeners.delete(listener);
  };
  return { usePlan: () => useSyncExternalStore(subscribe, () => (tenantRead.done ? readState : readingState)) };
});
const state = (done: boolean) => ({
  plan: done ? planned : null,
  policies: [],
  loading: !done,
  planning: false,
  error: null,
  planError: null,
  retry: () => {},
  lookUpUsers: async () => ({ users: 0, found: 0, ambiguous: 0 }),
});
const readingState = state(false);
const readState = state(true);
vi.mock('../../session/write-access', () => ({
  useWriteAccess: () => ({ allowed: true, reason: null }),
  WriteAccessTooltip: ({ children }: { children: unknown }) => children,
}));
vi.mock('../../session/directory-picker', () => ({ DirectoryPicker: () => null }));
vi.mock('../../policy-ui/plan/mapping-file-buttons', () => ({ MappingFileButtons: () => null }));

beforeEach(() => {
  tenantRead.done = false;
  tenantRead.listeners.clear();
});
afterEach(cleanup);

const follows = (later: Element, earlier: Element) => !!(earlier.compareDocumentPosition(later) & Node.DOCUMENT_POSITION_FOLLOWING);

it('puts the plan right after the button that asked for it, and gives its heading the focus once made', async () => {
  const router = createMemoryRouter([{ path: '/', element: <EmergencyAccessPage /> }]);
  render(
    <QueryClientProvider client={new QueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  fireEvent.click(screen.getByRole('button', { name: 'Choose every finding' }));
  const review = screen.getByRole('button', { name: 'Review the fix for 2 policies' });
  review.focus();
  fireEvent.click(review);

  // The tenant is read: said under the button, before the emergency group's table.
  const reading = await screen.findByText('Reading Contoso to plan against it…', {}, { timeout: 10_000 });
  const hygiene = screen.getByRole('heading', { name: 'Emergency group and accounts' });
  expect(follows(reading, review)).toBe(true);
  expect(follows(hygiene, reading)).toBe(true);

  // Read: the plan's heading takes the focus, between the button and the table.
  act(finishReading);
  const heading = await screen.findByRole('heading', { name: 'The plan for Contoso' });
  await vi.waitFor(() => expect(document.activeElement).toBe(heading));
  expect(follows(heading, review)).toBe(true);
  expect(follows(hygiene, heading)).toBe(true);
}, 20_000);
