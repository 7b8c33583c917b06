// @vitest-environment jsdom
// The review reads the sign-in log with its pages parsed in a worker of their own: that worker ends when the read
// does, whether it finished, failed or was left (the review closed mid-read), so no worker outlives its read.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clientWith, json } from '../../graph/client-fake';
import { summarizePage } from '../../graph/sign-ins';
import { useDraftImpact } from './use-draft-impact';

const tenant = vi.hoisted(() => ({
  answer: null as null | (() => Response | Promise<Response>),
  emergency: [{ users: [], groups: [] }, () => true],
  session: {
    account: { tenantId: 't1', objectId: 'me', key: 'acc' },
    scopeKey: ['t1', 'acc'],
    client: null as unknown,
    context: { clock: { now: () => new Date('2026-12-05T08:00:00Z') } },
  },
}));

vi.mock('../../session/tenant-session', () => ({ useTenantSession: () => tenant.session }));
vi.mock('../../session/emergency-access', () => ({ useEmergencyAccess: () => tenant.emergency }));
vi.mock('../../session/mfa-trusted-ips', () => ({ useMfaTrustedIps: () => [null, () => true] }));
vi.mock('../../policy-ui/queries', async () => (await import('../../testing/impact-hook-reads')).tenantReads());

/** Workers as the browser gives them, told apart by their script: the page reader's answers as its worker does. */
const workers: { script: string; ended: boolean }[] = [];
class ScriptWorker {
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: (() => void) | null = null;
  private readonly record: { script: string; ended: boolean };
  constructor(url: URL) {
    this.record = { script: String(url).includes('sign-in-page') ? 'pages' : 'impact', ended: false };
    workers.push(this.record);
  }
  postMessage(message: { id: number; bytes: ArrayBuffer; limit: number }, transfer: Transferable[] = []) {
    if (this.record.script !== 'pages') return;
    const { id, bytes, limit } = structuredClone(message, { transfer });
    queueMicrotask(() => {
      let summary = null;
      try {
        summary = summarizePage(bytes, limit);
      } catch {
        // As sign-in-page.worker.ts answers a page it cannot read.
      }
      this.onmessage?.({ data: { id, bytes, summary } });
    });
  }
  terminate() {
    this.record.ended = true;
  }
}

const DRAFT = { id: 'p1', state: 'enabled' };
function Probe() {
  const state = useDraftImpact('p1', DRAFT, 5000);
  const said = state.kind === 'failed' ? `failed: ${state.message}` : state.kind;
  return <output aria-label="impact">{said}</output>;
}

function review(client: QueryClient) {
  return render(
    <QueryClientProvider client={client}>
      <Probe />
    </QueryClientProvider>,
  );
}
const said = () => screen.getByRole('status', { name: 'impact' }).textContent;
const pageReaders = () => workers.filter((w) => w.script === 'pages');

beforeEach(() => {
  vi.stubGlobal('Worker', ScriptWorker);
  workers.length = 0;
  tenant.session.client = clientWith(async () => tenant.answer!()).client;
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the review’s page reader', () => {
  it('reads the log through its worker and ends it when the read is done', async () => {
    tenant.answer = () => json(200, { value: [{ id: 's1', userId: '' }] });
    review(new QueryClient({ defaultOptions: { queries: { retry: false } } }));
    await waitFor(() => expect(said()).toBe('evaluating'));
    expect(pageReaders()).toEqual([{ script: 'pages', ended: true }]);
  });

  it('ends it when a page cannot be read, and says so', async () => {
    tenant.answer = () => new Response('<html>gateway</html>', { status: 200 });
    review(new QueryClient({ defaultOptions: { queries: { retry: false } } }));
    await waitFor(() => expect(said()).toBe('failed: Microsoft Graph sent a response that is not valid JSON.'));
    expect(pageReaders()).toEqual([{ script: 'pages', ended: true }]);
  });

  it('ends it when the review is closed while a page is on its way', async () => {
    tenant.answer = () => new Promise<Response>(() => {});
    const { unmount } = review(new QueryClient({ defaultOptions: { queries: { retry: false } } }));
    await waitFor(() => expect(pageReaders()).toHaveLength(1));
    unmount();
    await waitFor(() => expect(pageReaders()).toEqual([{ script: 'pages', ended: true }]));
  });
});
