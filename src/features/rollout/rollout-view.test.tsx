// @vitest-environment jsdom
// A rollout whose policy is not in the list read so far: while the list is still being read, no
// verdict (the policy may well be there); once it is read, the policy is said to be gone.
import { cleanup, render, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EmergencyAccess } from '../../domain/lockout';
import { newRolloutPlan } from '../../domain/rollout/rollout-plan';
import { RolloutView } from './rollout-view';

vi.mock('../../session/write-access', () => ({
  useWriteAccess: () => ({ allowed: true, reason: null }),
  WriteAccessTooltip: ({ children }: { children: ReactElement }) => children,
}));
vi.mock('./use-gate', () => ({ useGate: () => ({ read: { kind: 'idle' }, reset: () => {}, check: async () => {} }) }));
vi.mock('./use-group-members', () => ({ useGroupMembers: () => new Map(), memberWords: () => '3 members' }));

afterEach(cleanup);

const plan = newRolloutPlan(
  { id: 'p1', displayName: 'Require MFA', state: 'disabled' },
  [{ id: 'g1', name: 'Pilot', created: false }],
  new Date(),
);

const view = (policiesRead?: boolean) =>
  render(
    <RolloutView
      plan={plan}
      original={undefined}
      copy={undefined}
      emergency={{} as EmergencyAccess}
      now={() => new Date()}
      onChange={() => {}}
      onStep={() => {}}
      onForget={() => {}}
      policiesRead={policiesRead}
    />,
  );

describe('RolloutView, a policy not found', () => {
  it('says nothing of the policy being gone while the policies are still being read', () => {
    view(false);
    expect(screen.queryByText('The policy is not in the tenant')).toBeNull();
  });

  it('says the policy is not in the tenant once the policies are read', () => {
    view(true);
    expect(screen.getByText('The policy is not in the tenant')).toBeTruthy();
  });
});
