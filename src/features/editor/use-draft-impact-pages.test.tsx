// @vitest-environment jsdom
// The review hands its worker the sign-in log read (cached for the next review) as copies: a second review of the
// same log, or Read again, evaluates every sign-in again. Handed over as the pages themselves, they would be gone
// from the page after the first, and the next evaluation would find nothing to read.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { signInsOfPages } from '../../graph/sign-ins';
import { receiveWithPages } from '../../shared/worker-pages';
import type { PostedJob } from './impact-job';
import { useDraftImpact } from './use-draft-impact';

const tenant = vi.hoisted(() => ({
  reads: 0,
  // Kept from render to render, as the settings store keeps them.
  emergency: [{ users: [], groups: [] }, () => true],
  session: {
    account: { tenantId: 't1', objectId: 'me', key: 'acc' },
    scopeKey: ['t1', 'acc'],
    client: {},
    context: { clock: { now: () => new Date('2026-12-05T08:00:00Z') } },
  },
}));
const PAGE = vi.hoisted(() => ({
  value: [
    { id: 's1', userId: '' },
    { id: 's2', userId: '' },
  ],
}));

vi.mock('../../session/tenant-session', () => ({ useTenantSession: () => tenant.session }));
vi.mock('../../session/emergency-access', () => ({ useEmergencyAccess: () => tenant.emergency }));
vi.mock('../../session/mfa-trusted-ips', () => ({ useMfaTrustedIps: () => [null, () => true] }));
vi.mock('../../graph/sign-ins', async () => ({
  ...(await vi.importActual<object>('../../graph/sign-ins')),
  readSignInPages: async () => {
    tenant.reads += 1;
    return { pages: [new TextEncoder().encode(JSON.stringify(PAGE)).buffer], count: 2, userIds: [], capped: false };
  },
}));
vi.mock('../../policy-ui/queries', async () => (await import('../../testing/impact-hook-reads')).tenantReads());

/** A worker as the browser gives one: each message cloned with its transfer list; it answers with the sign-ins it read. */
class ClonedWorker {
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: (() => void) | null = null;
  private readonly receive = receiveWithPages<PostedJob>((job, pages) => {
    let answer: unknown;
    try {
      answer = { ok: true, answer: { signIns: signInsOfPages({ pages, count: job.signInCount }).length }, milliseconds: 1 };
    } catch (error) {
      answer = { ok: false, message: (error as Error).message };
    }
    queueMicrotask(() => this.onmessage?.({ data: answer }));
  });
  postMessage(message: unknown, transfer: Transferable[] = []) {
    this.receive({ data: structuredClone(message, { transfer }) } as MessageEvent);
  }
  terminate() {}
}

const DRAFT = { id: 'p1', state: 'enabled' };

function Probe() {
  const state = useDraftImpact('p1', DRAFT, 5000);
  const said =
    state.kind === 'done' ? `done: ${JSON.stringify(state.answer)}` : state.kind === 'failed' ? `failed: ${state.message}` : state.kind;
  return <output aria-label="impact">{said}</output>;
}

beforeEach(() => {
  vi.stubGlobal('Worker', ClonedWorker);
  tenant.reads = 0;
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('useDraftImpact and the log it read', () => {
  it('a second review of the log read evaluates every sign-in again', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const review = () =>
      render(
        <QueryClientProvider client={client}>
          <Probe />
        </QueryClientProvider>,
      );
    const first = review();
    await waitFor(() => expect(screen.getByRole('status', { name: 'impact' }).textContent).toBe('done: {"signIns":2}'));
    first.unmount();

    review();
    await waitFor(() => expect(screen.getByRole('status', { name: 'impact' }).textContent).toBe('done: {"signIns":2}'));
    expect(tenant.reads).toBe(1);
  });
});
