// @vitest-environment jsdom
// Graph's What-if answer was computed against the policies and named locations as they were: after any
// write of a policy (saved, created, deleted, restored, turned on or off) or of a named location (its
// ranges reverted, restored from deleted items, alone or in a bulk run) the What-if page must ask Graph
// again rather than show the old answer for up to a minute.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { queryKeys } from '../session/query-keys';
import type * as ApplyPlanModule from '../operations/apply-plan';
import type { applyPlan } from '../operations/apply-plan';
import {
  useApplyPlan,
  useBulkLocationStep,
  useCreatePolicy,
  useDeletePolicies,
  useRestoreNamedLocation,
  useRestorePolicy,
  useRevertNamedLocation,
  useSavePolicy,
  useSetPolicyState,
} from './writes';

/** The waits the tenant's Graph client was asked for, in ms (its own clock: real time in the browser, the emulator's in tests). */
const waits = vi.hoisted(() => [] as number[]);
/** Where in the pacer's queue the client of each write's Graph requests puts them, in order. */
const queuedAs = vi.hoisted(() => [] as string[]);
const tenant = vi.hoisted(() => {
  const client = (priority: string) => ({
    wait: async (ms: number) => {
      waits.push(ms);
      queuedAs.push(priority);
    },
    // A run's own client shares the tenant client's clock: here, the same object.
    reportingWaits() {
      return this;
    },
    userStarted: () => client('user-started'),
    priority,
  });
  return {
    scopeKey: ['tenant', 'contoso'] as const,
    account: { key: 'contoso' },
    client: client('background'),
    context: { journals: { load: () => null, save: () => {}, clear: () => {} } },
  };
});
/** The options the plan run was given. */
const runOptions = vi.hoisted(() => ({ last: null as Parameters<typeof applyPlan>[2] | null }));
const policy = { id: 'p1', displayName: 'Require MFA', state: 'enabled' };

vi.mock('../session/tenant-session', () => ({ useTenantSession: () => tenant }));
vi.mock('../operations/save-policy', () => ({
  savePolicy: async (context: { client?: { priority: string } }) => {
    queuedAs.push(context.client?.priority ?? 'background');
    return { kind: 'saved', policy };
  },
}));
vi.mock('../operations/create-policy', () => ({
  createPolicySafely: async () => ({ policy, recovered: false, byEarlierAttempt: false, duplicates: [] }),
}));
vi.mock('../operations/delete-policy', () => ({ deletePolicyKeepingVersion: async () => {} }));
vi.mock('../operations/restore-policy', () => ({ restorePolicy: async () => ({ policy }) }));
vi.mock('../operations/restore-deleted', () => ({
  setPolicyStateSafely: async () => policy,
  purgePolicySafely: async () => {},
  purgeNamedLocationSafely: async () => {},
  restoreNamedLocationSafely: async () => {},
}));
vi.mock('../operations/apply-plan', async (importOriginal) => ({
  ...(await importOriginal<typeof ApplyPlanModule>()),
  applyPlan: async (run: unknown, _writers: unknown, options: Parameters<typeof applyPlan>[2]) => {
    runOptions.last = options;
    return run;
  },
}));
vi.mock('../operations/revert-named-location', () => ({
  revertNamedLocation: async () => ({ kind: 'reverted', location: { id: 'l1' }, recovered: false }),
}));

const writes = [
  ['a save', () => useSavePolicy(), { id: 'p1', draft: {}, baseModified: null }],
  ['a create', () => useCreatePolicy(), { body: { displayName: 'Require MFA' } }],
  ['a delete', () => useDeletePolicies(), [policy]],
  ['a restore', () => useRestorePolicy(), {}],
  ['turning a policy on or off', () => useSetPolicyState(), { id: 'p1', state: 'disabled' }],
  ['a named location reverted to an earlier version', () => useRevertNamedLocation(), { id: 'l1', to: {}, after: {} }],
  ['a named location restored from deleted items', () => useRestoreNamedLocation(), 'l1'],
  ['a named location restored by a bulk run', () => useBulkLocationStep(), 'l1'],
] as const;

describe("Graph's What-if answer", () => {
  it.each(writes)('is asked again after %s', async (_what, useIt, vars) => {
    const client = new QueryClient();
    const answer = queryKeys.graphWhatIf(tenant, '{"userId":"u1"}');
    client.setQueryData(answer, { policies: [] });
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
    const { result } = renderHook(() => useIt(), { wrapper });
    await (result.current.mutateAsync as (vars: unknown) => Promise<unknown>)(vars);
    await waitFor(() => expect(client.getQueryState(answer)?.isInvalidated).toBe(true));
  });
});

describe('the policies list after a save', () => {
  it('holds the saved policy and keeps the time the list was read from Graph ("Read at" on the policies page)', async () => {
    const client = new QueryClient();
    const list = queryKeys.policyList(tenant);
    const readAt = Date.parse('2026-12-06T09:00:00Z');
    client.setQueryData(
      list,
      [
        { ...policy, state: 'disabled' },
        { id: 'p2', displayName: 'Block legacy', state: 'enabled' },
      ],
      {
        updatedAt: readAt,
      },
    );
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
    const { result } = renderHook(() => useSavePolicy(), { wrapper });
    await result.current.mutateAsync({ id: 'p1', draft: {}, baseModified: null } as never);
    expect(client.getQueryData<{ id: string; state: string }[]>(list)?.find((p) => p.id === 'p1')?.state).toBe('enabled');
    expect(client.getQueryState(list)?.dataUpdatedAt).toBe(readAt);
  });
});

describe('a plan run in the console', () => {
  it("waits 2, 5, then 10 s for an object it created to show, on the tenant's Graph client's clock", async () => {
    const client = new QueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
    const { result } = renderHook(() => useApplyPlan(), { wrapper });
    const run = { tenantId: 't', startedAt: '2026-11-30T12:00:00Z', items: [], created: {} };
    await result.current.mutateAsync({ run, onChange: () => {}, signal: new AbortController().signal });
    for (const attempt of [0, 1, 2, 3]) await runOptions.last!.settle!(attempt);
    expect(waits).toEqual([2000, 5000, 10_000, 10_000]);
  });
});

describe("a write's place in the pacer's queue", () => {
  it("goes ahead of the screens' queued reads for a save (its conflict read, PATCH and read-back), as the admin waits on it", async () => {
    queuedAs.length = 0;
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={new QueryClient()}>{children}</QueryClientProvider>
    );
    const { result } = renderHook(() => useSavePolicy(), { wrapper });
    await result.current.mutateAsync({ id: 'p1', draft: {}, baseModified: null } as never);
    expect(queuedAs).toEqual(['user-started']);
  });

  it('is kept in arrival order for a plan run, which would otherwise hold every screen back until it ends', async () => {
    queuedAs.length = 0;
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={new QueryClient()}>{children}</QueryClientProvider>
    );
    const { result } = renderHook(() => useApplyPlan(), { wrapper });
    const run = { tenantId: 't', startedAt: '2026-11-30T12:00:00Z', items: [], created: {} };
    await result.current.mutateAsync({ run, onChange: () => {}, signal: new AbortController().signal });
    await runOptions.last!.settle!(0);
    expect(queuedAs).toEqual(['background']);
  });
});
