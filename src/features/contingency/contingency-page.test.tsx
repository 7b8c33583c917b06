// @vitest-environment jsdom
// The contingency page's switch back when a policy the switch touched was deleted since: the others are put back,
// the deleted one is named with nothing to put back for it, and it is not taken for a failure to read the policies.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recognisePlans } from '../../domain/contingency/contingency-plan';
import { activation, type SwitchRecord } from '../../domain/contingency/switch';
import type { JsonObject } from '../../domain/json';
import type { ImportSet } from '../../domain/import/import-set';

// Fluent's page renders slowly on a busy machine.
vi.setConfig({ testTimeout: 20_000 });

const base = { conditions: { users: { includeUsers: ['All'] }, applications: { includeApplications: ['All'] } } };
const before: JsonObject[] = [
  {
    ...base,
    id: 'em1',
    displayName: 'EM01 - ENABLE IN EMERGENCY: MFA Disruption [1/2] - Require device',
    state: 'enabledForReportingButNotEnforced',
  },
  {
    ...base,
    id: 'em2',
    displayName: 'EM02 - ENABLE IN EMERGENCY: MFA Disruption [2/2] - Block legacy',
    state: 'enabledForReportingButNotEnforced',
  },
  { ...base, id: 'ca1', displayName: 'CA001 - Require MFA', state: 'enabled' },
];
const plan = { ...recognisePlans(before)[0]!, suspend: [{ policyId: 'ca1', name: 'CA001 - Require MFA', to: 'disabled' as const }] };
const switched = activation(plan, before, new Date('2026-12-01T10:00:00Z'));
const afterSwitch = before.map((p) => switched.steps.filter((s) => s.policyId === p.id).at(-1)?.after ?? p);

const state = vi.hoisted(() => ({
  policies: [] as JsonObject[],
  store: { plans: {}, switches: {} as Record<string, SwitchRecord> },
  // Where each read of the policies queued in the tenant's pacer.
  queued: [] as string[],
}));

vi.mock('../../session/tenant-session', () => ({
  useTenantSession: () => ({
    account: { key: 'acct', tenantId: 'tenant-1', name: 'Ada', username: 'ada@contoso' },
    context: { clock: { now: () => new Date('2026-12-02T10:00:00Z') } },
    client: { queue: 'background', userStarted: () => ({ queue: 'user-started' }) },
  }),
}));
vi.mock('../../session/organization-query', () => ({ useOrganizationName: () => 'Contoso' }));
vi.mock('../../session/emergency-access', () => ({ useEmergencyAccess: () => [{ users: [], groups: [] }] }));
vi.mock('../../session/contingency-store', () => ({ useContingencyStore: () => [state.store, () => true, []] }));
vi.mock('../../policy-ui/queries', () => ({
  policiesQuery: (tenant: { client: { queue: string } }) => ({
    queryKey: ['policies'],
    queryFn: () => {
      state.queued.push(tenant.client.queue);
      return Promise.resolve(state.policies);
    },
  }),
  // No policy here is excluded by most others: no candidate's name is looked up.
  namesQuery: () => ({ queryKey: ['names'], queryFn: () => Promise.resolve(null), enabled: false }),
}));
vi.mock('../../policy-ui/writes', () => ({ useApplyJournal: () => ({ load: () => null }) }));
// The shared plan flow, as far as this page gives it: its words, what it would write, and the page's own content.
vi.mock('../../policy-ui/plan/plan-and-apply', () => ({
  PlanAndApply: ({ intro, source, children }: { intro?: string; source: ImportSet | null; children?: ReactNode }) => (
    <div>
      <p>{intro}</p>
      <ul aria-label="Written">
        {(source?.sections.policies ?? []).map((p) => (
          <li key={String(p.id)}>{String(p.id)}</li>
        ))}
      </ul>
      {children}
    </div>
  ),
}));

const { ContingencyPage } = await import('./contingency-page');

afterEach(cleanup);

function renderPage() {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <MemoryRouter>
        <ContingencyPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('ContingencyPage, switching back after a touched policy was deleted', () => {
  it('puts back the others and says the deleted one has nothing to put back, not that the policies could not be read', async () => {
    state.policies = afterSwitch.filter((p) => p.id !== 'em1');
    state.store = { plans: {}, switches: { [plan.id]: switched.record } };
    renderPage();
    const back = await screen.findByRole('button', { name: 'Switch back… (MFA Disruption)' });
    await act(async () => void fireEvent.click(back));

    expect(screen.queryByText(/Could not read the policies again/)).toBeNull();
    // The switch read the policies again ahead of the screens' queued reads: the admin waits on it.
    expect(state.queued).toEqual(['background', 'user-started']);
    const written = await screen.findByRole('list', { name: 'Written' });
    expect([...written.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['ca1', 'em2']);
    expect(screen.getByText('A policy is gone')).toBeTruthy();
    expect(
      screen.getByText(
        /‘EM01 - ENABLE IN EMERGENCY: MFA Disruption \[1\/2\] - Require device’ is not in the tenant any more: there is nothing to put back for it/,
      ),
    ).toBeTruthy();
  });
});
