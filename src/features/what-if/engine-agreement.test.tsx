// @vitest-environment jsdom
// Measuring the engine against the sign-in log takes seconds: the button keeps the focus while it runs
// (reachable, not disabled), and each step and the result are said from a status that was in the page,
// empty, before the measure started.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TenantSession } from '../../session/tenant-session';
import { EngineAgreement } from './engine-agreement';

const read = vi.hoisted(() => ({ finish: (() => {}) as () => void }));

vi.mock('../../policy-ui/queries', () => ({
  policiesQuery: () => ({ queryKey: ['policies'], queryFn: async () => [] }),
  namedLocationsQuery: () => ({ queryKey: ['locations'], queryFn: async () => [] }),
}));
vi.mock('../../session/mfa-trusted-ips', () => ({ useMfaTrustedIps: () => [null, () => true] }));
vi.mock('../../graph/sign-in-directory', () => ({ readUserDirectory: async () => ({}) }));
// The real module but for the read.
vi.mock('../../graph/sign-ins', async () => ({
  ...(await vi.importActual<object>('../../graph/sign-ins')),
  signInsUnavailable: () => null,
  readSignInPages: () =>
    new Promise((resolve) => {
      read.finish = () =>
        resolve({
          pages: [new TextEncoder().encode(JSON.stringify({ value: [{ userId: 'u1' }, { userId: 'u2' }] })).buffer],
          count: 2,
          userIds: ['u1', 'u2'],
          capped: false,
        });
    }),
}));

const REPORT = {
  signIns: 2,
  compared: 10,
  agreed: 10,
  undecided: 0,
  agreement: 1,
  policies: [],
  conditions: [],
  sentence: 'Over 2 sign-ins and 0 policies, the engine agrees on 100.0 % of 10 decisions',
  threshold: 0.97,
  trusted: true,
  tooFewDecided: [],
};

class FakeWorker {
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: unknown = null;
  // Answers the job, which comes after its pages (shared/worker-pages.ts), and only once every page has come.
  private pages = 0;
  postMessage(message: { page: ArrayBuffer } | { job: { signInCount: number } }) {
    if ('page' in message) this.pages += 1;
    else if (this.pages === 1) setTimeout(() => this.onmessage?.({ data: { ok: true, report: REPORT } }), 10);
  }
  terminate() {}
}

const tenant = {
  account: { tenantId: 'tenant-1' },
  client: {},
  context: { clock: { now: () => new Date('2026-12-01T00:00:00Z') } },
} as unknown as TenantSession;

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('EngineAgreement', () => {
  it('keeps the focus on the button while it measures and says each step and the result', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    render(
      <QueryClientProvider client={new QueryClient()}>
        <EngineAgreement tenant={tenant} />
      </QueryClientProvider>,
    );
    const button = await screen.findByRole('button', { name: 'Measure against the last 7 days of sign-ins' });
    await vi.waitFor(() => expect(button.getAttribute('aria-disabled')).not.toBe('true'));
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('');

    button.focus();
    fireEvent.click(button);
    expect(button.hasAttribute('disabled')).toBe(false);
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(button);
    expect(status.textContent).toBe('Reading the sign-in logs…');

    await act(async () => read.finish());
    await vi.waitFor(() =>
      expect(status.textContent).toMatch(/^Over 2 sign-ins and 0 policies, the engine agrees on 100\.0 % of 10 decisions\. /),
    );
    expect(screen.getAllByRole('status')).toEqual([status]);
    expect(screen.getByRole('button', { name: 'Measure again' })).toBe(document.activeElement);
  });
});
