// @vitest-environment jsdom
// Saving re-reads the tenant's policies: held, the review's check keeps the answer the admin read instead of
// evaluating the draft again against the policy just written ("Evaluating 2,439 sign-ins…" under Saving…).
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useDraftImpact } from './use-draft-impact';

const tenant = vi.hoisted(() => ({
  policies: [{ id: 'p1', state: 'disabled' }] as object[],
  posted: [] as { policies: unknown[] }[],
  // The sign-ins and the policies are read when these settle (at once unless a test holds them back).
  signInsRead: Promise.resolve(),
  // The sign-in log refuses, as a tenant without the licence it needs does.
  signInsRefused: false,
  policiesRead: Promise.resolve(),
  // A log of two pages: the second is answered when this settles; how many pages the read has asked for.
  secondPage: null as Promise<void> | null,
  pagesAsked: 0,
  // The same object each render, as the real hook gives: a new one would make a new request each time.
  emergency: [{ users: [], groups: [] }, () => true],
  session: {
    account: { tenantId: 't1', objectId: 'me', key: 'acc' },
    scopeKey: ['tenant', 't1'],
    client: {},
    context: { clock: { now: () => new Date('2026-12-05T08:00:00Z') } },
  },
}));

vi.mock('../../session/tenant-session', () => ({ useTenantSession: () => tenant.session }));
vi.mock('../../session/emergency-access', () => ({ useEmergencyAccess: () => tenant.emergency }));
vi.mock('../../session/mfa-trusted-ips', () => ({ useMfaTrustedIps: () => [null, () => true] }));
// The real module but for the read: the hook hands the log to its worker with pagesToPost.
vi.mock('../../graph/sign-ins', async () => ({
  ...(await vi.importActual<object>('../../graph/sign-ins')),
  readSignInPages: async (_client: unknown, query: { beforeNextPage?(): Promise<void> }) => {
    tenant.pagesAsked = 1;
    await tenant.signInsRead;
    if (tenant.signInsRefused) throw new Error('Tenant is not a B2C tenant and does not have premium license');
    if (tenant.secondPage) {
      await query.beforeNextPage?.();
      tenant.pagesAsked = 2;
      await tenant.secondPage;
    }
    return { pages: [], count: 0, userIds: [], capped: false };
  },
  signInsUnavailable: (error: Error) => (/premium license/.test(error.message) ? 'the tenant has no Microsoft Entra ID P1 licence' : null),
}));
vi.mock('../../policy-ui/queries', async () =>
  (await import('../../testing/impact-hook-reads')).tenantReads({ policies: () => tenant.policiesRead.then(() => tenant.policies) }),
);

// The worker answers with how many policies it was given, so an answer against the saved policy shows.
class FakeWorker {
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: (() => void) | null = null;
  postMessage(message: { page: ArrayBuffer } | { job: { policies: unknown[] } }) {
    if (!('job' in message)) return;
    const request = message.job;
    tenant.posted.push(request);
    queueMicrotask(() => this.onmessage?.({ data: { ok: true, answer: { policies: request.policies.length }, milliseconds: 1 } }));
  }
  terminate() {}
}

const DRAFT = { id: 'p1', state: 'enabled' };

function Probe({ hold, saving = false }: { hold: boolean; saving?: boolean }) {
  const state = useDraftImpact('p1', DRAFT, 5000, undefined, hold, saving);
  return <output aria-label="impact">{state.kind === 'done' ? `done: ${JSON.stringify(state.answer)}` : state.kind}</output>;
}

beforeEach(() => {
  vi.stubGlobal('Worker', FakeWorker);
  tenant.policies = [{ id: 'p1', state: 'disabled' }];
  tenant.posted = [];
  tenant.signInsRead = Promise.resolve();
  tenant.signInsRefused = false;
  tenant.policiesRead = Promise.resolve();
  tenant.secondPage = null;
  tenant.pagesAsked = 0;
});

/** A promise the test settles, to hold a read back. */
function later() {
  let settle = () => {};
  const promise = new Promise<void>((resolve) => (settle = resolve));
  return { promise, settle };
}
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('useDraftImpact held while saving', () => {
  it('keeps the answer read before the save when the tenant’s policies are read again', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const page = (hold: boolean) => (
      <QueryClientProvider client={client}>
        <Probe hold={hold} />
      </QueryClientProvider>
    );
    const view = render(page(false));
    const impact = () => screen.getByRole('status', { name: 'impact' }).textContent;
    await waitFor(() => expect(impact()).toBe('done: {"policies":1}'));

    // Saving: the save writes the policy and the policies are read again.
    view.rerender(page(true));
    tenant.policies = [{ id: 'p1', state: 'enabled' }, { id: 'p2' }];
    await act(() => client.invalidateQueries({ queryKey: ['policies'] }));
    await act(async () => {});
    expect(impact()).toBe('done: {"policies":1}');
    expect(tenant.posted).toHaveLength(1);

    // Released (the save failed, back to the review): the check follows the tenant again.
    view.rerender(page(false));
    await waitFor(() => expect(impact()).toBe('done: {"policies":2}'));
  });

  it('pressed while the sign-ins are read, judges the draft against the policies as they were at Save', async () => {
    const signIns = later();
    tenant.signInsRead = signIns.promise;
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const page = (hold: boolean) => (
      <QueryClientProvider client={client}>
        <Probe hold={hold} />
      </QueryClientProvider>
    );
    const view = render(page(false));
    const impact = () => screen.getByRole('status', { name: 'impact' }).textContent;
    await waitFor(() => expect(client.getQueryData(['policies'])).toHaveLength(1));
    expect(impact()).toBe('reading');

    // Saved before the sign-ins were read: the policies are read again, then the sign-ins arrive.
    view.rerender(page(true));
    tenant.policies = [{ id: 'p1', state: 'enabled' }, { id: 'p2' }];
    await act(() => client.invalidateQueries({ queryKey: ['policies'] }));
    await act(async () => signIns.settle());
    await waitFor(() => expect(impact()).toBe('done: {"policies":1}'));
    expect(tenant.posted).toHaveLength(1);

    view.rerender(page(false));
    await waitFor(() => expect(impact()).toBe('done: {"policies":2}'));
  });

  it('pressed before the tenant’s policies were read, says the draft was not judged rather than judge it against itself', async () => {
    const signIns = later();
    const policies = later();
    tenant.signInsRead = signIns.promise;
    tenant.policiesRead = policies.promise;
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const page = (hold: boolean) => (
      <QueryClientProvider client={client}>
        <Probe hold={hold} />
      </QueryClientProvider>
    );
    const view = render(page(false));
    const impact = () => screen.getByRole('status', { name: 'impact' }).textContent;
    expect(impact()).toBe('reading');

    view.rerender(page(true));
    tenant.policies = [{ id: 'p1', state: 'enabled' }, { id: 'p2' }];
    await act(async () => {
      policies.settle();
      signIns.settle();
    });
    await waitFor(() => expect(client.getQueryData(['policies'])).toHaveLength(2));
    await act(async () => {});
    expect(impact()).toBe('failed');
    expect(tenant.posted).toHaveLength(0);
  });

  it('pressed before the tenant’s policies were read, still says why the sign-ins cannot be read (no licence)', async () => {
    const policies = later();
    tenant.policiesRead = policies.promise;
    tenant.signInsRefused = true;
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const page = (hold: boolean) => (
      <QueryClientProvider client={client}>
        <Probe hold={hold} />
      </QueryClientProvider>
    );
    const view = render(page(false));
    view.rerender(page(true));
    await act(async () => policies.settle());
    await waitFor(() => expect(screen.getByRole('status', { name: 'impact' }).textContent).toBe('unavailable'));
  });

  it('reads no further page of the log while the save is under way, and goes on when it failed', async () => {
    const firstPage = later();
    const secondPage = later();
    tenant.signInsRead = firstPage.promise;
    tenant.secondPage = secondPage.promise;
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    // As the editor has it: held while saving and after a failed save; the read paused only while saving.
    const page = (step: 'review' | 'saving' | 'failed') => (
      <QueryClientProvider client={client}>
        <Probe hold={step !== 'review'} saving={step === 'saving'} />
      </QueryClientProvider>
    );
    const view = render(page('review'));
    const impact = () => screen.getByRole('status', { name: 'impact' }).textContent;
    await waitFor(() => expect(tenant.pagesAsked).toBe(1));

    // Save pressed while the first page is read: that page comes in, the next is not asked for.
    view.rerender(page('saving'));
    await act(async () => firstPage.settle());
    await act(async () => {});
    expect(tenant.pagesAsked).toBe(1);
    expect(impact()).toBe('reading');

    // The save failed: back to the review, the read goes on.
    view.rerender(page('failed'));
    await waitFor(() => expect(tenant.pagesAsked).toBe(2));
    await act(async () => secondPage.settle());
    await waitFor(() => expect(impact()).toBe('done: {"policies":1}'));
  });
});
