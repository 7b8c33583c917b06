// @vitest-environment jsdom
// A revert reads the policy before the editor opens. An admin who leaves the change history while that
// read is out stays where they went: the revert is dropped, no draft is kept and the editor never opens.
// The read itself answers whoever else shares it.
import { QueryClient, QueryClientProvider, useQuery, useQueryClient } from '@tanstack/react-query';
import { act, cleanup, render, screen } from '@testing-library/react';
import { useEffect, useState } from 'react';
import { MemoryRouter, Route, Routes, useLocation, useNavigate } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { draftStore } from '../../policy-ui/draft-store';
import { unsavedChangesSince } from '../../policy-ui/open-in-editor';
import { policyQuery } from '../../policy-ui/queries';
import { useTenantSession } from '../../session/tenant-session';

const POLICY_ID = 'policy-1';
const NOW = { id: POLICY_ID, displayName: 'CA006: Block access', state: 'enabled' };
const BEFORE = { id: POLICY_ID, displayName: 'CA006: Block access', state: 'disabled' };

// The policy read, answered when the test says so; its signal is kept to see whether it was abandoned, and its
// place in the pacer's queue (the admin waits on a revert: it goes ahead of the screens' queued reads).
const graph = vi.hoisted(() => ({
  signals: [] as (AbortSignal | undefined)[],
  queuedAs: [] as string[],
  answer: (() => {}) as (policy: object) => void,
}));

vi.mock('../../session/tenant-session', () => {
  const clientQueuedAs = (priority: string) => ({
    get: (_path: string, options: { signal?: AbortSignal } = {}) => {
      graph.signals.push(options.signal);
      graph.queuedAs.push(priority);
      return new Promise((resolve) => (graph.answer = resolve));
    },
    userStarted: () => clientQueuedAs('user-started'),
  });
  return {
    useTenantSession: () => ({
      account: { key: 'acct', tenantId: 'tenant-1', objectId: 'admin-1', name: 'Ada Lindqvist' },
      scopeKey: ['tenant', 'acct'],
      client: clientQueuedAs('background'),
    }),
  };
});

const { useRevert } = await import('./use-revert');

/** The change history, reduced to a revert started as it opens and a way to another page. */
function History() {
  const revertTo = useRevert();
  const navigate = useNavigate();
  useEffect(() => {
    void revertTo(POLICY_ID, BEFORE, 'Reverting CA006');
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- one revert, as one press
  return <button onClick={() => navigate('/policies')}>Policies</button>;
}

function Where() {
  return <output aria-label="Address">{useLocation().pathname}</output>;
}

/** A screen that shows the policy too (its page, whose History tab holds a timeline). */
function PolicyName() {
  const policy = useQuery(policyQuery(useTenantSession(), POLICY_ID));
  return <output aria-label="Policy">{policy.data?.displayName ?? 'Loading'}</output>;
}

/** A part of the console that reads the policy without showing it (a prefetch), and what its read answered. */
function Prefetch() {
  const queryClient = useQueryClient();
  const tenant = useTenantSession();
  const [answer, setAnswer] = useState('Waiting');
  useEffect(() => {
    queryClient.fetchQuery(policyQuery(tenant, POLICY_ID)).then(
      (policy) => setAnswer(policy.displayName ?? ''),
      (error: unknown) => setAnswer(`Failed: ${String(error)}`),
    );
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- one read, as the page opens
  return <output aria-label="Prefetch">{answer}</output>;
}

function renderHistory({ policyShown = false, prefetched = false } = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={['/history']}>
        <Routes>
          <Route path="/history" element={<History />} />
          <Route path="*" element={null} />
        </Routes>
        <Where />
        {policyShown && <PolicyName />}
        {prefetched && <Prefetch />}
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const address = () => screen.getByRole('status', { name: 'Address' }).textContent;

beforeEach(() => {
  graph.signals = [];
  graph.queuedAs = [];
  localStorage.clear();
});
afterEach(cleanup);

describe('useRevert', () => {
  it('opens the editor on the earlier version once the policy is read', async () => {
    renderHistory();
    await vi.waitFor(() => expect(graph.signals).toHaveLength(1));
    expect(graph.queuedAs).toEqual(['user-started']);
    await act(async () => graph.answer(NOW));
    await vi.waitFor(() => expect(address()).toBe(`/policies/${POLICY_ID}/edit`));
    expect(unsavedChangesSince('acct', POLICY_ID)).not.toBeNull();
  });

  it('opens the earlier version as Edit would, without the response’s @odata.context', async () => {
    renderHistory();
    await vi.waitFor(() => expect(graph.signals).toHaveLength(1));
    const context = 'https://graph.microsoft.com/beta/$metadata#identity/conditionalAccess/policies/$entity';
    await act(async () => graph.answer({ '@odata.context': context, ...NOW }));
    await vi.waitFor(() => expect(address()).toBe(`/policies/${POLICY_ID}/edit`));
    const draft = draftStore.load('acct', POLICY_ID)!;
    expect(JSON.parse(draft.text)).toEqual(BEFORE);
    expect(JSON.parse(draft.baseText)).toEqual(NOW);
  });

  it('leaves the admin where they went when they leave the change history before the policy is read', async () => {
    renderHistory();
    await vi.waitFor(() => expect(graph.signals).toHaveLength(1));
    act(() => screen.getByRole('button', { name: 'Policies' }).click());
    expect(address()).toBe('/policies');

    // The read answers all the same, and opens nothing.
    await act(async () => graph.answer(NOW));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(address()).toBe('/policies');
    expect(unsavedChangesSince('acct', POLICY_ID)).toBeNull();
  });

  it('leaves the read to a screen that still shows the policy, and opens nothing', async () => {
    renderHistory({ policyShown: true });
    await vi.waitFor(() => expect(graph.signals).toHaveLength(1));
    act(() => screen.getByRole('button', { name: 'Policies' }).click());
    expect(graph.signals[0]?.aborted).toBe(false);

    await act(async () => graph.answer(NOW));
    await vi.waitFor(() => expect(screen.getByRole('status', { name: 'Policy' }).textContent).toBe('CA006: Block access'));
    expect(address()).toBe('/policies');
    expect(unsavedChangesSince('acct', POLICY_ID)).toBeNull();
  });

  it('leaves a read that something else asked for to answer it, and opens nothing', async () => {
    renderHistory({ prefetched: true });
    await vi.waitFor(() => expect(graph.signals).toHaveLength(1));
    act(() => screen.getByRole('button', { name: 'Policies' }).click());
    expect(graph.signals[0]?.aborted).toBe(false);

    // One read serves both; the revert's page is gone, the prefetch still gets its answer.
    await act(async () => graph.answer(NOW));
    await vi.waitFor(() => expect(screen.getByRole('status', { name: 'Prefetch' }).textContent).toBe('CA006: Block access'));
    expect(graph.signals).toHaveLength(1);
    expect(address()).toBe('/policies');
    expect(unsavedChangesSince('acct', POLICY_ID)).toBeNull();
  });
});
