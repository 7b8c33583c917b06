// @vitest-environment jsdom
// The notice above the policy list says a recorded switch as far as it got: a switch recorded at its start whose
// first write was refused switched nothing, and is not said to be "switched on".
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recognisePlans } from '../../domain/contingency/contingency-plan';
import { activation, type SwitchRecord } from '../../domain/contingency/switch';
import type { JsonObject } from '../../domain/json';
import type { ConditionalAccessPolicy } from '../../domain/types';
import type { ApplyRun } from '../../operations/apply-plan';

const base = { conditions: { users: { includeUsers: ['All'] }, applications: { includeApplications: ['All'] } } };
const policies: JsonObject[] = [
  {
    ...base,
    id: 'em1',
    displayName: 'EM01 - ENABLE IN EMERGENCY: MFA Disruption [1/1] - Require device',
    state: 'enabledForReportingButNotEnforced',
  },
  { ...base, id: 'ca1', displayName: 'CA001 - Require MFA', state: 'enabled' },
];
const plan = { ...recognisePlans(policies)[0]!, suspend: [{ policyId: 'ca1', name: 'CA001 - Require MFA', to: 'disabled' as const }] };
const switched = activation(plan, policies, new Date('2026-12-01T10:00:00Z'));

const state = vi.hoisted(() => ({
  switches: {} as Record<string, SwitchRecord>,
  run: null as ApplyRun | null,
}));
vi.mock('../../session/tenant-session', () => ({ useTenantSession: () => ({ account: { key: 'acct', tenantId: 'tenant-1' } }) }));
vi.mock('../../session/emergency-access', () => ({
  useEmergencyAccess: () => [{ users: [], groups: [{ id: 'g', name: 'Break glass' }] }],
}));
vi.mock('../../session/contingency-store', () => ({
  useContingencyStore: () => [{ plans: { [plan.id]: { suspend: plan.suspend, exclusions: [] } }, switches: state.switches }],
}));
vi.mock('../../policy-ui/writes', () => ({ useApplyJournal: () => ({ load: () => state.run }) }));

const { ContingencyNotice } = await import('./contingency-notice');

afterEach(cleanup);

const titles = () => [...document.querySelectorAll('.fui-MessageBarTitle')].map((t) => t.textContent);

const show = (now: JsonObject[]) =>
  render(
    <MemoryRouter>
      <ContingencyNotice policies={now as unknown as ConditionalAccessPolicy[]} />
    </MemoryRouter>,
  );

describe('ContingencyNotice, of a recorded switch', () => {
  it('does not say "switched on" when every policy the switch touches is as it was (its first write was refused)', async () => {
    state.switches = { [plan.id]: switched.record };
    show(policies);
    await waitFor(() => expect(titles()).toEqual(['MFA Disruption: nothing of the switch is in place']));
    expect(screen.queryByText(/switched on/)).toBeNull();
  });

  it('says "switched on" when the switch is in place', async () => {
    state.switches = { [plan.id]: switched.record };
    show(policies.map((p) => switched.steps.filter((s) => s.policyId === p.id).at(-1)?.after ?? p));
    await waitFor(() => expect(titles()).toEqual([expect.stringMatching(/^MFA Disruption: switched on /)]));
  });

  it('isolates the tenant’s names: the plan’s in its title and its link, a policy’s in the reason it is not ready', () => {
    state.switches = {};
    const name = 'EM01 - ENABLE IN EMERGENCY: MFA \u202Eevil [1/1] - Block all';
    show([
      { ...base, id: 'x1', displayName: name, state: 'enabledForReportingButNotEnforced', grantControls: { builtInControls: ['block'] } },
    ]);
    const title = document.querySelector('.fui-MessageBarTitle')!;
    expect(title.querySelector('bdi')?.textContent).toBe('MFA \\u202Eevil');
    expect(title.textContent).toBe('MFA \\u202Eevil: the contingency plan is not ready');
    expect(screen.getByRole('link', { name: 'Open the contingency plans at MFA \\u202Eevil' })).toBeTruthy();
    expect(
      screen.getByText(
        `'EM01 - ENABLE IN EMERGENCY: MFA \\u202Eevil [1/1] - Block all' blocks and excludes none of the emergency accounts (Break glass).`,
        { exact: false },
      ),
    ).toBeTruthy();
  });
});
