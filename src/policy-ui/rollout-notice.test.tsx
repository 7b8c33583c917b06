// @vitest-environment jsdom
// The editor's notice on a rollout's copy: said while the rollout runs (its next step undoes a change to
// the copy), not once the rollout is cancelled, when no step comes and the copy is the admin's to keep or delete.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newRolloutPlan, type RolloutPlan } from '../domain/rollout/rollout-plan';
import { RolloutFreezeNotice } from './rollout-notice';

let stored: RolloutPlan;
vi.mock('../session/tenant-session', () => ({ useTenantSession: () => ({ account: { tenantId: 't1' } }) }));
vi.mock('../session/rollout-store', () => ({
  useRolloutStore: () => [{ [stored.policyId]: stored }, () => true],
  useRunningRollout: (_: string, policyId: string) =>
    policyId === stored.policyId && (stored.status === 'running' || stored.status === 'finishing') ? stored : null,
}));

afterEach(cleanup);

const plan = (status: RolloutPlan['status']): RolloutPlan => ({
  ...newRolloutPlan({ id: 'p1', displayName: 'Require MFA', state: 'enabled' }, [{ id: 'g1', name: 'Pilot', created: false }], new Date()),
  copyId: 'c1',
  status,
});

describe('RolloutFreezeNotice on a rollout’s copy', () => {
  it('says a change to the copy is undone by the next step while the rollout runs', () => {
    stored = plan('running');
    render(<RolloutFreezeNotice policyId="c1" />);
    expect(screen.getByText('The copy of a staged rollout')).toBeTruthy();
  });

  it('says nothing once the rollout is cancelled: no step comes to undo it', () => {
    stored = plan('cancelled');
    const { container } = render(<RolloutFreezeNotice policyId="c1" />);
    expect(container.textContent).toBe('');
  });
});
