// @vitest-environment jsdom
// A plan that could not be made (a bug in the planner, here or in the worker of a large import) says
// that planning failed, with the planner's words, and its Retry plans again without reading the tenant
// again; a tenant that could not be read still retries the read.
import { QueryClient, QueryClientProvider, queryOptions } from '@tanstack/react-query';
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { createElement, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyImportSet, type ImportSet } from '../../domain/import/import-set';
import type { Plan, PlanChoices } from '../../domain/plan/types';
import { defaultChoices } from '../../domain/plan/types';

const reads = vi.hoisted(() => ({ target: 0, matches: 0 }));
// The directory's next answer: a failure when set.
const matchesRead = vi.hoisted(() => ({ fails: false, answer: new Map<string, { by: string }[]>() }));
const planner = vi.hoisted(() => ({ fails: 0, targets: [] as unknown[] }));
// The tenant as the next read answers it, and a read that waits until the test lets it go.
const tenantRead = vi.hoisted(() => ({ policies: [] as { id: string }[], gate: null as Promise<void> | null }));
// Kept by the device, the same object from one render to the next.
const emergency = vi.hoisted(() => [{ users: [], groups: [] }, () => true]);

vi.mock('../../session/tenant-session', () => ({
  useTenantSession: () => ({
    account: { key: 'acct', tenantId: 'tenant-1', objectId: 'admin-1', name: 'Ada Lindqvist' },
    scopeKey: ['tenant', 'acct'],
    client: {},
  }),
}));
vi.mock('../../session/emergency-access', () => ({ useEmergencyAccess: () => emergency }));
vi.mock('../../auth', () => ({ personName: ({ name }: { name: string }) => name }));
vi.mock('../queries', () => ({
  planTargetQuery: () =>
    queryOptions({
      queryKey: ['target'],
      queryFn: async () => {
        reads.target++;
        await tenantRead.gate;
        return { policies: tenantRead.policies };
      },
      staleTime: 0,
    }),
  directoryMatchesQuery: () =>
    queryOptions({
      queryKey: ['matches'],
      queryFn: () => {
        reads.matches++;
        if (matchesRead.fails) throw new Error('Failed to fetch');
        return matchesRead.answer;
      },
      // As the real one: an answer kept a minute.
      staleTime: 60_000,
    }),
}));
vi.mock('../../domain/plan/build-plan', async (original) => ({
  ...(await original<object>()),
  buildPlan: (_source: unknown, target: unknown): Plan => {
    planner.targets.push(target);
    if (planner.fails > 0) {
      planner.fails--;
      throw new Error('Cannot read properties of undefined (reading "rowKey")');
    }
    return { sameTenant: false, rows: [], mapping: [], blockers: [], counts: {} as Plan['counts'] };
  },
}));

/** The worker as the browser runs it: the same module's planner, answered on a later task. */
class FakeWorker {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  async postMessage(request: { kind: 'source' } | { kind: 'plan'; id: number; target: never; choices: never }) {
    if (request.kind !== 'plan') return;
    const { buildPlan } = await import('../../domain/plan/build-plan');
    let answer: object;
    try {
      answer = { id: request.id, ok: true, plan: buildPlan(emptyImportSet(), request.target, request.choices) };
    } catch (error) {
      answer = { id: request.id, ok: false, message: (error as Error).message };
    }
    setTimeout(() => this.onmessage?.({ data: answer } as MessageEvent), 0);
  }
  terminate() {}
}

const { usePlan } = await import('./use-plan');

function importOf(count: number): ImportSet {
  const source = emptyImportSet();
  source.sections.policies = Array.from({ length: count }, (_, i) => ({ id: `p${i}`, displayName: `Policy ${i}` }));
  return source;
}

function renderPlan(
  source: ImportSet,
  client = new QueryClient({ defaultOptions: { queries: { retry: false } } }),
  choices: PlanChoices = defaultChoices(),
) {
  const wrapper = ({ children }: { children: ReactNode }) => createElement(QueryClientProvider, { client }, children);
  return renderHook(() => usePlan(source, choices), { wrapper });
}

beforeEach(() => {
  reads.target = 0;
  reads.matches = 0;
  planner.fails = 1;
  planner.targets = [];
  tenantRead.policies = [];
  tenantRead.gate = null;
  matchesRead.fails = false;
  matchesRead.answer = new Map();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe.each([
  ['a small import, planned on the page', 3, false],
  ['a large import, planned in a worker', 200, true],
])('usePlan: %s', (_name, count, inWorker) => {
  beforeEach(() => {
    if (inWorker) vi.stubGlobal('Worker', FakeWorker);
  });

  it('says planning failed, with the planner’s message, and Retry plans again without reading the tenant again', async () => {
    const { result } = renderPlan(importOf(count));
    await waitFor(() => expect(result.current.planError ?? result.current.error).toBeTruthy());
    // Not a failure to read the tenant: the page would say it could not read it, and retry the read.
    expect(result.current.error).toBeNull();
    expect(result.current.planError?.message).toContain('Cannot read properties of undefined (reading "rowKey")');
    expect(result.current.plan).toBeNull();
    expect(reads).toEqual({ target: 1, matches: 1 });

    act(() => result.current.retry());
    await waitFor(() => expect(result.current.plan).not.toBeNull());
    expect(result.current.planError).toBeNull();
    expect(result.current.planning).toBe(false);
    expect(reads).toEqual({ target: 1, matches: 1 });
  });
});

describe('usePlan after a run', () => {
  it('plans from the tenant read again, never from the read cached before the run’s writes', async () => {
    planner.fails = 0;
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    // What an earlier plan read, then a run wrote (and invalidated it): the cache still holds the old tenant.
    client.setQueryData(['target'], { policies: [{ id: 'as-before-the-run' }] });
    client.setQueryData(['matches'], {});
    await client.invalidateQueries();
    let release = () => {};
    tenantRead.gate = new Promise<void>((resolve) => (release = resolve));
    tenantRead.policies = [{ id: 'as-the-run-left-it' }];

    const { result } = renderPlan(importOf(3), client);
    await waitFor(() => expect(reads.target).toBe(1));
    // The read is under way: no plan yet, and none made from the old tenant.
    expect(result.current.plan).toBeNull();
    expect(result.current.loading).toBe(true);
    expect(planner.targets).toEqual([]);

    release();
    await waitFor(() => expect(result.current.plan).not.toBeNull());
    expect(result.current.loading).toBe(false);
    expect(planner.targets).toHaveLength(1);
    expect(planner.targets[0]).toMatchObject({ policies: [{ id: 'as-the-run-left-it' }] });
  });
});

describe('usePlan: Find users again', () => {
  beforeEach(() => {
    planner.fails = 0;
  });

  it('reads the directory each time, even within the minute its last answer is kept', async () => {
    const { result } = renderPlan(importOf(3));
    await waitFor(() => expect(result.current.plan).not.toBeNull());
    const before = reads.matches;
    await act(() => result.current.lookUpUsers([]));
    await act(() => result.current.lookUpUsers([]));
    expect(reads.matches).toBe(before + 2);
  });

  it('a failed lookup keeps the plan on screen: it is no failure to read the tenant', async () => {
    const { result } = renderPlan(importOf(3));
    await waitFor(() => expect(result.current.plan).not.toBeNull());
    matchesRead.fails = true;
    await act(() => expect(result.current.lookUpUsers([])).rejects.toThrow('Failed to fetch'));
    expect(result.current.error).toBeNull();
    expect(result.current.loading).toBe(false);
    expect(result.current.plan).not.toBeNull();
  });
});

describe('usePlan: Find users again counts the users of the chosen policies', () => {
  beforeEach(() => {
    planner.fails = 0;
  });

  it('leaves out the users of a policy not chosen, and tells apart a user found more than once', async () => {
    const source = emptyImportSet();
    const policyNaming = (id: string, users: string[]) => ({
      id,
      displayName: id,
      conditions: { users: { includeUsers: users }, applications: { includeApplications: ['All'] } },
    });
    // The chosen policy names one user found once and one found twice; the other names one found and one not.
    source.sections.policies = [policyNaming('chosen', ['u-once', 'u-twice']), policyNaming('left-out', ['u-found', 'u-missing'])];
    source.references = ['u-once', 'u-twice', 'u-found', 'u-missing'].map((id) => ({ kind: 'user', id, displayName: id, exists: true }));
    matchesRead.answer = new Map([
      ['u-once', [{ by: 'userPrincipalName' }]],
      ['u-twice', [{ by: 'displayName' }, { by: 'displayName' }]],
      ['u-found', [{ by: 'userPrincipalName' }]],
    ]);
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const { result } = renderPlan(source, client, { ...defaultChoices(), selection: ['policy:chosen'] });
    await waitFor(() => expect(result.current.plan).not.toBeNull());

    let found: unknown;
    await act(async () => {
      found = await result.current.lookUpUsers([]);
    });
    expect(found).toEqual({ users: 2, found: 2, ambiguous: 1 });
  });
});
