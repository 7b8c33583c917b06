// @vitest-environment jsdom
// During a disruption the switched notice's code may fail to arrive (a new deploy replaced it, the network
// dropped): the recorded switch is still said (not as "switched on": it may have switched nothing), and the policy
// list around it is not replaced by an error.
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recognisePlans } from '../../domain/contingency/contingency-plan';
import { activation } from '../../domain/contingency/switch';
import type { JsonObject } from '../../domain/json';
import type { ConditionalAccessPolicy } from '../../domain/types';

const base = { conditions: { users: { includeUsers: ['All'] }, applications: { includeApplications: ['All'] } } };
const policies: JsonObject[] = [
  { ...base, id: 'em1', displayName: 'EM01 - ENABLE IN EMERGENCY: MFA Disruption [1/1] - Require device', state: 'enabled' },
];
const plan = recognisePlans(policies)[0]!;
const switched = activation(plan, policies, new Date('2026-12-01T10:00:00Z'));

vi.mock('../../session/tenant-session', () => ({ useTenantSession: () => ({ account: { key: 'acct', tenantId: 'tenant-1' } }) }));
vi.mock('../../session/emergency-access', () => ({ useEmergencyAccess: () => [{ users: [], groups: [] }] }));
vi.mock('../../session/contingency-store', () => ({
  useContingencyStore: () => [{ plans: {}, switches: { [plan.id]: switched.record } }],
}));
vi.mock('./switched-notice', () => {
  throw new TypeError('Failed to fetch dynamically imported module');
});

const { ContingencyNotice } = await import('./contingency-notice');

afterEach(cleanup);

describe('ContingencyNotice, when the switched notice cannot be loaded', () => {
  it('still says a switch is recorded, with its link, and the page around it stays', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <MemoryRouter>
        <p>The policy list</p>
        <ContingencyNotice policies={policies as unknown as ConditionalAccessPolicy[]} />
      </MemoryRouter>,
    );
    expect((await screen.findByText(/How far it got could not be loaded here/)).textContent).toBeTruthy();
    expect(document.querySelector('.fui-MessageBarTitle')?.textContent).toBe(
      'MFA Disruption: a switch of the contingency plan is recorded',
    );
    expect(screen.getByRole('link', { name: 'Open the contingency plans at MFA Disruption' })).toBeTruthy();
    expect(screen.getByText('The policy list')).toBeTruthy();
  });
});
