// @vitest-environment jsdom
// A rollout whose policy is on and whose copy is left to delete. What the rings and the delete dialog say
// depends on whether the policy itself covers the rings: a guests-only policy does not cover a ring's
// members, and the copy is what enforces it for them. Ring groups named right to left stay isolated.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newRolloutPlan, type RolloutPlan } from '../../domain/rollout/rollout-plan';
import { afterStep } from '../../domain/rollout/steps';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { RolloutView } from './rollout-view';
import { noEmergency } from './test-support';

vi.mock('../../session/write-access', () => ({
  useWriteAccess: () => ({ allowed: true, reason: null }),
  WriteAccessTooltip: ({ children }: { children: ReactElement }) => children,
}));
vi.mock('./use-gate', () => ({ useGate: () => ({ read: { kind: 'idle' }, reset: () => {}, check: async () => {} }) }));
vi.mock('./use-group-members', () => ({ useGroupMembers: () => new Map(), memberWords: () => '3 members' }));
vi.mock('../../policy-ui/writes', () => ({ useDeletePolicies: () => ({ mutateAsync: async () => {} }) }));

afterEach(cleanup);

const RTL = 'צוות 3 <i>pilot</i>';
const at = new Date('2026-01-05T10:00:00Z');

/** Both rings in, the finish written: the copy is left to delete. */
const finishing: RolloutPlan = (() => {
  const planned = newRolloutPlan(
    { id: 'p1', displayName: 'Guests MFA', state: 'disabled' },
    [
      { id: 'g1', name: 'CA - Service accounts', created: false },
      { id: 'g2', name: RTL, created: false },
    ],
    at,
  );
  const started = afterStep({ ...planned, copyId: 'c1' }, { kind: 'start', ring: 'ring-1' }, { copyId: 'c1', groupIds: {} }, at);
  const advanced = afterStep(started, { kind: 'advance', ring: 'ring-2' }, { copyId: 'c1', groupIds: {} }, at);
  return afterStep(advanced, { kind: 'finish', ring: null }, { copyId: 'c1', groupIds: {} }, at);
})();

const policy = (users: Record<string, unknown>) =>
  ({ id: 'p1', displayName: 'Guests MFA', state: 'enabled', conditions: { users } }) as unknown as ConditionalAccessPolicy;
const guestsOnly = policy({
  includeUsers: [],
  includeGroups: [],
  includeGuestsOrExternalUsers: { guestOrExternalUserTypes: 'b2bCollaborationGuest' },
});
const everyone = policy({ includeUsers: ['All'] });
const copy = { id: 'c1', displayName: 'Guests MFA [rollout]', state: 'enabled' } as ConditionalAccessPolicy;

const view = (original: ConditionalAccessPolicy) =>
  render(
    <RolloutView
      plan={finishing}
      original={original}
      copy={copy}
      emergency={noEmergency}
      now={() => at}
      onChange={() => {}}
      onStep={() => {}}
      onForget={() => {}}
    />,
  );

const ringRows = () =>
  within(screen.getByRole('table', { name: 'Rings' }))
    .getAllByRole('row')
    .slice(1);

describe('RolloutView, the copy left to delete', () => {
  it('says the copy is what enforces the policy for the members a guests-only policy leaves out', async () => {
    view(guestsOnly);
    for (const row of ringRows()) {
      expect(row.textContent).not.toContain('the policy covers it');
      expect(row.textContent).toContain(
        'the policy does not include this group or all users: for members it leaves out, only the copy enforces it',
      );
    }
    fireEvent.click(screen.getByRole('button', { name: 'Delete the copy…' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).not.toContain('enforces nothing');
    expect(dialog.textContent).toContain(
      `The policy it copies does not include all users, nor Ring 1 (CA - Service accounts), Ring 2 (\u2068${RTL}\u2069): for the members it leaves out, the copy is what enforces it, and deleting the copy stops that.`,
    );
  });

  it('says the policy covers the rings when it includes all users', async () => {
    view(everyone);
    for (const row of ringRows()) expect(row.textContent).toContain('Done: the policy covers it');
    fireEvent.click(screen.getByRole('button', { name: 'Delete the copy…' }));
    expect((await screen.findByRole('dialog')).textContent).toContain('so the copy enforces nothing they do not already meet');
  });

  it('isolates a ring group named right to left in the rings and the timeline', () => {
    view(everyone);
    expect(ringRows()[1]!.textContent).toContain(`Ring 2 (\u2068${RTL}\u2069)`);
    const timeline = within(screen.getByRole('table', { name: 'Timeline' }));
    const joined = timeline.getByText(`Ring 2 (\u2068${RTL}\u2069) joined the copy.`);
    expect(joined.closest('tr')!.textContent).toContain(`Ring 2 (\u2068${RTL}\u2069)Ring 2`);
  });
});
