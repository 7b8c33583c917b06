// @vitest-environment jsdom
// A sign-in read that hangs (no answer, no error): Graph calls have no time limit, and the review's Save
// waits while the check is under way. After the time allowed the check ends as not read in time, and
// reading again starts a new read.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DraftImpact } from './draft-impact';

const reads = vi.hoisted(() => ({ count: 0, pages: 0 }));

vi.mock('../../session/tenant-session', () => ({
  useTenantSession: () => ({
    account: { tenantId: 't1', objectId: 'me', key: 'acc' },
    scopeKey: ['tenant', 't1'],
    client: {},
    context: { clock: { now: () => new Date('2026-12-05T08:00:00Z') } },
  }),
}));
vi.mock('../../session/emergency-access', () => ({ useEmergencyAccess: () => [{ users: [], groups: [] }, () => true] }));
vi.mock('../../session/mfa-trusted-ips', () => ({ useMfaTrustedIps: () => [null, () => true] }));
vi.mock('react-router', () => ({ Link: ({ children }: { children: ReactNode }) => <a>{children}</a> }));
// The real module but for the read: the hook hands the log to its worker with pagesToPost.
vi.mock('../../graph/sign-ins', async () => ({
  ...(await vi.importActual<object>('../../graph/sign-ins')),
  // Never answers, and does not heed its signal either; with pages set, reads that many, one every 40 ms, first.
  readSignInPages: (_client: unknown, { onProgress }: { onProgress: (read: number) => void }) => {
    reads.count += 1;
    for (let page = 1; page <= reads.pages; page++) setTimeout(() => onProgress(page * 1000), page * 40);
    return new Promise(() => {});
  },
  signInsUnavailable: () => null,
}));
vi.mock('../../policy-ui/queries', async () => (await import('../../testing/impact-hook-reads')).tenantReads());

afterEach(cleanup);

describe('DraftImpact, a sign-in read that never answers', () => {
  it('ends the check after the time allowed, says the lock-out check used the policies only, and reads again on demand', async () => {
    const onChecking = vi.fn();
    const onRisks = vi.fn();
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <DraftImpact policyId="p1" draft={{ displayName: 'CA001' }} onChecking={onChecking} onRisks={onRisks} timeoutMs={100} />
      </QueryClientProvider>,
    );
    expect(onChecking).toHaveBeenLastCalledWith(true);
    const said = await screen.findByText('Recent sign-ins could not be read in time', undefined, { timeout: 3000 });
    expect(said.closest('.fui-MessageBar')?.textContent).toContain('The lock-out check used the policies only.');
    // Save no longer waits, and no risk of an earlier answer stays behind.
    await waitFor(() => expect(onChecking).toHaveBeenLastCalledWith(false));
    expect(onRisks).toHaveBeenLastCalledWith([]);
    expect(reads.count).toBe(1);

    act(() => fireEvent.click(screen.getByRole('button', { name: 'Read the sign-ins again' })));
    await waitFor(() => expect(reads.count).toBe(2));
    expect(onChecking).toHaveBeenLastCalledWith(true);
    // The new read hangs too: it ends in time again (Save is told in an effect after the words are drawn).
    await screen.findByText('Recent sign-ins could not be read in time', undefined, { timeout: 3000 });
    await waitFor(() => expect(onChecking).toHaveBeenLastCalledWith(false));
  });
});

describe('DraftImpact, a slow read that goes on reading', () => {
  it('is not cut short while pages keep coming: the time allowed runs from the last page', async () => {
    reads.pages = 6;
    const onChecking = vi.fn();
    try {
      render(
        <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
          <DraftImpact policyId="p1" draft={{ displayName: 'CA001' }} onChecking={onChecking} timeoutMs={100} />
        </QueryClientProvider>,
      );
      // Six pages, 40 ms apart (240 ms in all, past the 100 ms allowed): still reading at 200 ms.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(screen.queryByText('Recent sign-ins could not be read in time')).toBeNull();
      expect(onChecking).toHaveBeenLastCalledWith(true);
      // Then no page for longer than allowed: out of time.
      await screen.findByText('Recent sign-ins could not be read in time', undefined, { timeout: 3000 });
    } finally {
      reads.pages = 0;
    }
  });
});

describe('DraftImpact, a read held while the save is under way', () => {
  it('does not run out of time while it waits on the save, and does once the save failed and the read goes on', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    // As the editor has it: held while saving and after a failed save; the read paused only while saving.
    const view = (step: 'review' | 'saving' | 'failed') => (
      <QueryClientProvider client={client}>
        <DraftImpact policyId="p1" draft={{ displayName: 'CA001' }} timeoutMs={500} hold={step !== 'review'} saving={step === 'saving'} />
      </QueryClientProvider>
    );
    const page = render(view('review'));
    await waitFor(() => expect(client.getQueryData(['policies'])).toEqual([]));
    // Saving for twice the time allowed: the check is still reading, not out of time.
    page.rerender(view('saving'));
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(screen.queryByText('Recent sign-ins could not be read in time')).toBeNull();
    expect(screen.getByText(/Reading the sign-in logs/)).toBeTruthy();

    // The save failed: back to the review, the time allowed runs again.
    page.rerender(view('failed'));
    await screen.findByText('Recent sign-ins could not be read in time', undefined, { timeout: 3000 });
  });
});
