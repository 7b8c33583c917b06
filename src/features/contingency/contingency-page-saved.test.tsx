// @vitest-environment jsdom
// Choices and switches an earlier version kept on this device under a plan's old id (a plan named only in
// Japanese had the id ""): the plan still shows them, and what two plans could have had is given to neither, said.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recognisePlans } from '../../domain/contingency/contingency-plan';
import { activation } from '../../domain/contingency/switch';
import type { JsonObject } from '../../domain/json';
import type { ApplyItem, ApplyRun } from '../../operations/apply-plan';

// Fluent's page renders slowly on a busy machine.
vi.setConfig({ testTimeout: 20_000 });

const policy = (id: string, disruption: string, state = 'enabledForReportingButNotEnforced'): JsonObject => ({
  id,
  displayName: `EM0${id.slice(-1)} - ENABLE IN EMERGENCY: ${disruption} [1/1] - Require device`,
  state,
  conditions: { users: { includeUsers: ['All'] }, applications: { includeApplications: ['All'] } },
  grantControls: { operator: 'OR', builtInControls: ['compliantDevice'] },
});
const normal: JsonObject = { ...policy('ca1', 'x', 'enabled'), displayName: 'CA001 - Require MFA' };

const state = vi.hoisted(() => ({ policies: [] as JsonObject[], tenantId: '', run: null as ApplyRun | null }));

vi.mock('../../session/tenant-session', () => ({
  useTenantSession: () => ({
    account: { key: 'acct', tenantId: state.tenantId, name: 'Ada', username: 'ada@contoso' },
    context: { clock: { now: () => new Date('2026-12-02T10:00:00Z') } },
  }),
}));
vi.mock('../../session/organization-query', () => ({ useOrganizationName: () => 'Contoso' }));
vi.mock('../../session/emergency-access', () => ({ useEmergencyAccess: () => [{ users: [], groups: [] }] }));
vi.mock('../../policy-ui/queries', () => ({
  policiesQuery: () => ({ queryKey: ['policies'], queryFn: () => Promise.resolve(state.policies) }),
  // No policy here is excluded by most others: no candidate's name is looked up.
  namesQuery: () => ({ queryKey: ['names'], queryFn: () => Promise.resolve(null), enabled: false }),
}));
vi.mock('../../policy-ui/writes', () => ({ useApplyJournal: () => ({ load: () => state.run }) }));
vi.mock('../../policy-ui/plan/plan-and-apply', () => ({ PlanAndApply: () => null }));

const { ContingencyPage } = await import('./contingency-page');

afterEach(() => {
  cleanup();
  state.run = null;
  localStorage.clear();
});

function renderPage(tenantId: string, policies: JsonObject[], saved: unknown) {
  state.tenantId = tenantId;
  state.policies = policies;
  localStorage.setItem(`gatehouse.contingency.${tenantId}`, JSON.stringify(saved));
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <MemoryRouter>
        <ContingencyPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('ContingencyPage, choices kept under a plan’s earlier id', () => {
  it('still shows a switch recorded under the empty id as switched, with its way back, and keeps it under the plan’s id', async () => {
    const policies = [policy('em1', '多要素認証の障害'), normal];
    const [plan] = recognisePlans(policies);
    const { record } = activation({ ...plan!, id: '' }, policies, new Date('2026-12-01T10:00:00Z'));
    renderPage('tenant-switched', policies, { plans: {}, switches: { '': { ...record, by: 'Ada' } } });

    expect(await screen.findByRole('button', { name: 'Switch back… (多要素認証の障害)' })).toBeTruthy();
    expect(screen.getByText(/^Switched on/)).toBeTruthy();
    await waitFor(() =>
      expect(Object.keys(JSON.parse(localStorage.getItem('gatehouse.contingency.tenant-switched')!).switches)).toEqual([plan!.id]),
    );
  });

  it('gives choices two plans could have had to neither, and says so', async () => {
    const policies = [policy('em1', '多要素認証の障害'), policy('em2', 'フェデレーション障害'), normal];
    const edits = { suspend: [{ policyId: 'ca1', name: 'CA001 - Require MFA', to: 'disabled' }], exclusions: [] };
    renderPage('tenant-two', policies, { plans: { '': edits }, switches: {} });

    expect(await screen.findByText('Saved choices not given to a plan')).toBeTruthy();
    expect(
      screen.getByText(
        /belong to one of the plans for ‘フェデレーション障害’ and ‘多要素認証の障害’, which it cannot tell apart: neither plan was given them/,
      ),
    ).toBeTruthy();
  });

  it('does not show a deleted plan’s switch and choices on a plan made since with its name, and says so', async () => {
    const gone = [policy('em1', 'MFA Disruption'), normal];
    const [old] = recognisePlans(gone);
    const { record } = activation(old!, gone, new Date('2026-12-01T10:00:00Z'));
    const edits = { suspend: [{ policyId: 'ca1', name: 'CA001 - Require MFA', to: 'disabled' }], exclusions: [] };
    // Kept while the deleted plan was there (with its policies); its policies were deleted, and a plan of that name made since.
    const saved = { plans: { [old!.id]: edits }, switches: { [old!.id]: { ...record, by: 'Ada' } }, choicesFor: { [old!.id]: ['em1'] } };
    renderPage('tenant-remade', [policy('em7', 'MFA Disruption'), normal], saved);

    expect(await screen.findByText('Saved choices and switch records not given to a plan')).toBeTruthy();
    expect(
      screen.getByText(
        /The switch of 2026-12-01 by Ada, recorded on this device for a plan for ‘MFA Disruption’ that this tenant no longer has/,
      ),
    ).toBeTruthy();
    expect(screen.getByText(/Choices saved on this device for a plan this tenant no longer has were not given/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Switch to this plan… (MFA Disruption)' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Switch back/ })).toBeNull();
    expect(screen.queryByText(/^Switched on/)).toBeNull();
    // The new plan turns off nothing until the admin chooses.
    expect(screen.getByText('The only policy is not turned off.')).toBeTruthy();
  });

  it('keeps on the device, apart and said, a deleted plan’s choices once the plan made since with its name has its own', async () => {
    const own = { suspend: [{ policyId: 'ca1', name: 'CA001 - Require MFA', to: 'disabled' }], exclusions: [] };
    const theirs = { suspend: [{ policyId: 'ca1', name: 'CA001 - Require MFA', to: 'enabledForReportingButNotEnforced' }], exclusions: [] };
    const saved = {
      plans: { 'gone: mfa-disruption': theirs, 'mfa-disruption': own },
      switches: {},
      choicesFor: { 'gone: mfa-disruption': ['em1'], 'mfa-disruption': ['em7'] },
    };
    renderPage('tenant-own', [policy('em7', 'MFA Disruption'), normal], saved);

    expect(await screen.findByText('The only policy is turned off.')).toBeTruthy();
    expect(
      screen.getByText(
        /not given to the plan for ‘MFA Disruption’, which has choices of its own saved since: these are kept here, apart from them, until forgotten\. They were to put ‘CA001 - Require MFA’ in report-only\.$/,
      ),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Forget it' })).toBeTruthy();
    expect(JSON.parse(localStorage.getItem('gatehouse.contingency.tenant-own')!)).toEqual(saved);
  });

  it('keeps beside a plan’s choices the policies of that plan, which a plan made after it is deleted does not have', async () => {
    const policies = [policy('em1', 'MFA Disruption'), normal];
    const [plan] = recognisePlans(policies);
    const edits = { suspend: [{ policyId: 'ca1', name: 'CA001 - Require MFA', to: 'disabled' }], exclusions: [] };
    renderPage('tenant-kept', policies, { plans: { [plan!.id]: edits }, switches: {} });

    expect(await screen.findByText('The only policy is turned off.')).toBeTruthy();
    await waitFor(() =>
      expect(JSON.parse(localStorage.getItem('gatehouse.contingency.tenant-kept')!).choicesFor).toEqual({ [plan!.id]: ['em1'] }),
    );
  });

  it('still finds a switch left half done under the empty id, which can go on', async () => {
    const policies = [policy('em1', '多要素認証の障害'), normal];
    const [plan] = recognisePlans(policies);
    const { record } = activation({ ...plan!, id: '' }, policies, new Date('2026-12-01T10:00:00Z'));
    const item = (status: string) => ({ status }) as unknown as ApplyItem;
    state.run = {
      tenantId: 'tenant-half',
      startedAt: '2026-12-01T10:00:00Z',
      items: [item('done'), item('pending')],
      created: {},
      origin: { key: 'contingency:activate:', path: '/contingency', label: 'the switch' },
    };
    renderPage('tenant-half', policies, { plans: {}, switches: { '': record } });

    expect(await screen.findByText('Switch half done: step 1 of 2 written')).toBeTruthy();
  });
});

describe('ContingencyPage, what no plan was given, forgotten by the admin', () => {
  const gone = [policy('em1', 'MFA Disruption'), normal];
  const [old] = recognisePlans(gone);
  const { record } = activation(old!, gone, new Date('2026-12-01T10:00:00Z'));
  const edits = { suspend: [{ policyId: 'ca1', name: 'CA001 - Require MFA', to: 'disabled' }], exclusions: [] };
  const stored = (tenantId: string) => JSON.parse(localStorage.getItem(`gatehouse.contingency.${tenantId}`)!) as Record<string, object>;

  it('titles a switch record alone as such', async () => {
    renderPage('tenant-switch-only', [policy('em7', 'MFA Disruption'), normal], { plans: {}, switches: { [old!.id]: record } });
    expect(await screen.findByText('A switch record not given to a plan')).toBeTruthy();
    expect(screen.queryByText(/Saved choices/)).toBeNull();
  });

  it('forgets each after saying what is lost, from the device too, and the warning goes with the last', async () => {
    const saved = { plans: { [old!.id]: edits }, switches: { [old!.id]: { ...record, by: 'Ada' } }, choicesFor: { [old!.id]: ['em1'] } };
    renderPage('tenant-forget', [policy('em7', 'MFA Disruption'), normal], saved);
    await screen.findByText('Saved choices and switch records not given to a plan');
    const [forgetChoices, forgetSwitch] = screen.getAllByRole('button', { name: 'Forget it' });

    // Kept when the admin thinks again: the focus goes back to where it was.
    fireEvent.click(forgetSwitch!);
    const asked = await screen.findByRole('group', { name: /^Forget this switch record\? .*what a switch back would need/ });
    await waitFor(() => expect(document.activeElement).toBe(within(asked).getByRole('button', { name: 'Keep it' })));
    fireEvent.keyDown(asked, { key: 'Escape' });
    expect(screen.queryByRole('group', { name: /^Forget/ })).toBeNull();
    expect(document.activeElement).toBe(forgetSwitch);
    expect(Object.keys(stored('tenant-forget').switches!)).toEqual([`gone: ${old!.id}`]);

    fireEvent.click(forgetSwitch!);
    fireEvent.click(await screen.findByRole('button', { name: 'Forget the switch record' }));
    await waitFor(() => expect(stored('tenant-forget').switches).toEqual({}));
    expect(await screen.findByText('Saved choices not given to a plan')).toBeTruthy();
    expect(screen.queryByText(/The switch of 2026-12-01/)).toBeNull();
    expect(document.activeElement).toBe(forgetChoices);

    fireEvent.click(forgetChoices!);
    expect(await screen.findByRole('group', { name: /^Forget these choices\? .*cannot be recovered/ })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Forget the choices' }));
    await waitFor(() => expect(stored('tenant-forget')).toMatchObject({ plans: {}, switches: {}, choicesFor: {} }));
    expect(screen.queryByText(/not given to a plan/)).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Contingency plans' }));
  });
});

describe('ContingencyPage, choices an earlier version kept before their plan was deleted', () => {
  const edits = { suspend: [{ policyId: 'ca1', name: 'CA001 - Require MFA', to: 'disabled' }], exclusions: [] };
  // Kept by an earlier version, read while the plan had no policies: which policies it had is not known ([]).
  const saved = { plans: { 'gone: mfa-disruption': edits }, switches: {}, choicesFor: { 'gone: mfa-disruption': [] } };

  it('are given to the plan with their id, its policies restored, once the admin confirms it, and not before', async () => {
    renderPage('tenant-restored', [policy('em1', 'MFA Disruption'), normal], saved);
    const use = await screen.findByRole('button', { name: 'Use the choices kept before it was deleted' });
    expect(screen.getByText('The only policy is not turned off.')).toBeTruthy();

    fireEvent.click(use);
    const asked = await screen.findByRole('group', {
      name: /^Use these choices for the plan for ‘MFA Disruption’\? They turn off ‘CA001 - Require MFA’ while it is on\. .*restored from Deleted items, not if the plan was made anew/,
    });
    await waitFor(() => expect(document.activeElement).toBe(within(asked).getByRole('button', { name: 'Not now' })));
    fireEvent.keyDown(asked, { key: 'Escape' });
    expect(document.activeElement).toBe(use);
    expect(screen.getByText('The only policy is not turned off.')).toBeTruthy();

    fireEvent.click(use);
    fireEvent.click(await screen.findByRole('button', { name: 'Use the choices' }));
    expect(await screen.findByText('The only policy is turned off.')).toBeTruthy();
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContainEqual(
      expect.stringMatching(/^The plan for .*MFA Disruption.* has the choices kept before it was deleted\.$/),
    );
    expect(screen.queryByText(/not given to a plan/)).toBeNull();
    await waitFor(() =>
      expect(JSON.parse(localStorage.getItem('gatehouse.contingency.tenant-restored')!)).toEqual({
        plans: { 'mfa-disruption': edits },
        switches: {},
        choicesFor: { 'mfa-disruption': ['em1'] },
      }),
    );
  });
});
