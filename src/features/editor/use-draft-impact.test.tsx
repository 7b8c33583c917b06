// @vitest-environment jsdom
// The review's sign-in check ends when what it evaluates against cannot be read: the tenant's policies or named
// locations failing used to leave it "evaluating" for good, and the review's Save waiting with it.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useDraftImpact } from './use-draft-impact';

const tenant = vi.hoisted(() => ({
  failing: 'policies' as 'policies' | 'named locations',
  session: {
    account: { tenantId: 't1', objectId: 'me', key: 'acc' },
    scopeKey: ['tenant', 't1'],
    client: {},
    context: { clock: { now: () => new Date('2026-12-05T08:00:00Z') } },
  },
}));

vi.mock('../../session/tenant-session', () => ({ useTenantSession: () => tenant.session }));
vi.mock('../../session/emergency-access', () => ({ useEmergencyAccess: () => [{ users: [], groups: [] }, () => true] }));
vi.mock('../../session/mfa-trusted-ips', () => ({ useMfaTrustedIps: () => [null, () => true] }));
// The real module but for the read: the hook hands the log to its worker with pagesToPost.
vi.mock('../../graph/sign-ins', async () => ({
  ...(await vi.importActual<object>('../../graph/sign-ins')),
  readSignInPages: async () => ({ pages: [], count: 0, userIds: [], capped: false }),
  signInsUnavailable: () => null,
}));
vi.mock('../../policy-ui/queries', async () =>
  (await import('../../testing/impact-hook-reads')).tenantReads({
    policies: () => {
      if (tenant.failing === 'policies') throw new Error('Microsoft Graph is unreachable');
      return [];
    },
    locations: () => {
      if (tenant.failing === 'named locations') throw new Error('Forbidden');
      return [];
    },
  }),
);

function Probe() {
  const state = useDraftImpact('p1', { displayName: 'CA001' }, 5000);
  return <output aria-label="impact">{state.kind === 'failed' ? `failed: ${state.message}` : state.kind}</output>;
}

afterEach(cleanup);

describe('useDraftImpact when what it evaluates against cannot be read', () => {
  it.each([
    ['policies', "failed: the tenant's policies could not be read (Microsoft Graph is unreachable)."],
    ['named locations', "failed: the tenant's named locations could not be read (Forbidden)."],
  ] as const)('ends as failed when the tenant’s %s fail, instead of evaluating for good', async (failing, words) => {
    tenant.failing = failing;
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <Probe />
      </QueryClientProvider>,
    );
    await waitFor(() => expect(screen.getByRole('status', { name: 'impact' }).textContent).toBe(words));
  });
});
