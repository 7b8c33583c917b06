// @vitest-environment jsdom
// The contingency page's readiness note on a policy that leaves out the group most policies for all users exclude
// (no emergency accounts named): the group is named by its display name, isolated, not by its id; while its name
// is looked up the note says so rather than showing the id as if final; a name the console already read is used
// without asking Graph again.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tenantLeavingOut } from '../../domain/contingency/all-users-policies.fixture';
import type { JsonObject } from '../../domain/json';
import type { NameDirectory } from '../../domain/references';

vi.setConfig({ testTimeout: 20_000 });

const GROUP = 'aaaaaaaa-0000-0000-0000-00000000000b';
// Right-to-left letters in the tenant's name: isolated, they cannot reorder the note's words.
const GROUP_NAME = 'חירום - Emergency accounts';

const directory = (): NameDirectory => ({
  names: new Map([[`group:${GROUP}`, { id: GROUP, kind: 'group' as const, displayName: GROUP_NAME }]]),
  failures: [],
});

const state = vi.hoisted(() => ({
  policies: [] as JsonObject[],
  lookup: vi.fn<() => Promise<NameDirectory>>(),
  // One session for the page's life, as the app's context gives it.
  tenant: {
    account: { key: 'acct', tenantId: 'tenant-1', name: 'Ada', username: 'ada@contoso' },
    scopeKey: ['tenant', 'acct'],
    context: { clock: { now: () => new Date('2026-12-02T10:00:00Z') } },
  },
}));

vi.mock('../../session/tenant-session', () => ({ useTenantSession: () => state.tenant }));
vi.mock('../../session/organization-query', () => ({ useOrganizationName: () => 'Contoso' }));
vi.mock('../../session/emergency-access', () => ({ useEmergencyAccess: () => [{ users: [], groups: [] }] }));
vi.mock('../../session/contingency-store', () => ({ useContingencyStore: () => [{ plans: {}, switches: {} }, () => true, []] }));
vi.mock('../../policy-ui/queries', () => ({
  policiesQuery: () => ({ queryKey: ['policies'], queryFn: () => Promise.resolve(state.policies) }),
  namesQuery: (_tenant: unknown, policies: unknown) => ({
    queryKey: ['tenant', 'acct', 'names', JSON.stringify(policies ?? null)],
    queryFn: () => state.lookup(),
    enabled: !!policies,
  }),
}));
vi.mock('../../policy-ui/writes', () => ({ useApplyJournal: () => ({ load: () => null }) }));
vi.mock('../../policy-ui/plan/plan-and-apply', () => ({ PlanAndApply: () => null }));

const { ContingencyPage } = await import('./contingency-page');

afterEach(() => {
  cleanup();
  state.lookup.mockReset();
});

function renderPage(client = new QueryClient({ defaultOptions: { queries: { retry: false } } })) {
  // EM02 leaves out the group every other policy for all users excludes.
  state.policies = tenantLeavingOut(GROUP);
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <ContingencyPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const note = async () => {
  const list = await screen.findByRole('list', { name: 'Readiness of MFA Disruption' }, { timeout: 5000 });
  return within(list).getByText(/does not exclude the group/);
};

describe('ContingencyPage, a policy that leaves out the group most policies exclude', () => {
  it('names the group by its display name, isolated, once looked up', async () => {
    state.lookup.mockResolvedValue(directory());
    renderPage();
    await screen.findByText(/does not exclude the group '\u2068חירום - Emergency accounts\u2069', which 3 of 4 policies/, undefined, {
      timeout: 5000,
    });
    expect((await note()).textContent).not.toContain(GROUP);
  });

  it("says the group's name is being looked up, not quoted as if it were its name, nor the group's id", async () => {
    state.lookup.mockReturnValue(new Promise(() => undefined));
    renderPage();
    const text = (await note()).textContent;
    expect(text).toContain('does not exclude the group (name being looked up), which 3 of 4 policies');
    expect(text).not.toContain("the group '");
    expect(text).not.toContain(GROUP);
  });

  it('uses a name the console already read without asking Graph again', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    client.setQueryData(['tenant', 'acct', 'names', 'the list'], directory());
    renderPage(client);
    expect((await note()).textContent).toContain(`the group '\u2068${GROUP_NAME}\u2069'`);
    expect(state.lookup).not.toHaveBeenCalled();
  });
});
