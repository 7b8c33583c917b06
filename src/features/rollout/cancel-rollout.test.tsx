// @vitest-environment jsdom
// Cancelling a rollout from its page: offered only while it runs with no step pending, asked first in
// words (what the policy goes back to, the copy off, the ring groups kept), then handed to the plan flow
// as the cancel step. A cancelled rollout says so, offers no step, and offers deleting its copy, now off.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState, type ReactElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { policyJson, type JsonObject } from '../../domain/json';
import type { RolloutPlan } from '../../domain/rollout/rollout-plan';
import { afterStep, type StepWrite } from '../../domain/rollout/steps';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { RolloutHome } from './rollout-home';
import { RolloutList } from './rollout-list';
import { RolloutView } from './rollout-view';
import { at, noEmergency, original, planned, runningPlan } from './test-support';

vi.mock('../../session/write-access', () => ({
  useWriteAccess: () => ({ allowed: true, reason: null }),
  WriteAccessTooltip: ({ children }: { children: ReactElement }) => children,
}));
vi.mock('./use-gate', () => ({ useGate: () => ({ read: { kind: 'idle' }, reset: () => {}, check: async () => {} }) }));
vi.mock('./use-group-members', () => ({ useGroupMembers: () => new Map(), memberWords: () => '3 users' }));
const deleted = vi.fn(async () => {});
vi.mock('./restore-rollouts', () => ({ RestoreRollouts: () => null }));
vi.mock('../../policy-ui/writes', () => ({ useDeletePolicies: () => ({ mutateAsync: deleted }) }));

afterEach(() => {
  cleanup();
  deleted.mockClear();
});

/** Ring 1 (Pilot) in the copy "c1", ring 2 waiting. */
const running = (extra: Partial<RolloutPlan> = {}) => runningPlan({ copyId: 'c1', ...extra });
const copy = { id: 'c1', displayName: 'Require MFA [rollout]', state: 'enabled' } as ConditionalAccessPolicy;

function Stateful({
  start,
  copyNow = copy,
  onStep = () => {},
}: {
  start: RolloutPlan;
  copyNow?: ConditionalAccessPolicy;
  onStep?: (make: (original: JsonObject) => StepWrite) => void;
}) {
  const [plan, setPlan] = useState(start);
  return (
    <RolloutView
      plan={plan}
      original={original}
      copy={copyNow}
      emergency={noEmergency}
      now={() => at}
      onChange={(edit) => setPlan(edit)}
      onStep={onStep}
      onForget={() => {}}
    />
  );
}

const cancelButton = () => screen.queryByRole('button', { name: 'Cancel rollout…' });

// Dialogs in a view this size are slow to draw on a busy machine.
describe('Cancel rollout', { timeout: 20_000 }, () => {
  it('asks first, saying what the policy goes back to, that the copy is turned off and the ring groups kept', async () => {
    const onStep = vi.fn();
    render(<Stateful start={running()} onStep={onStep} />);
    fireEvent.click(cancelButton()!);
    const dialog = await screen.findByRole('dialog', { name: 'Cancel the rollout of “Require MFA”?' });
    expect(dialog.textContent).toContain(
      'The policy goes back to on, as it was before the rollout; who it applies to stays as it is now. ' +
        'The copy “Require MFA [rollout]” is turned off: it no longer enforces anything for the rings. The ring groups are kept in the tenant.',
    );
    // The way out is the dialog's first button: Enter on the opened dialog does not cancel the rollout.
    const buttons = within(dialog).getAllByRole('button');
    expect(buttons[0]!.textContent).toBe('Keep the rollout');
    fireEvent.click(buttons[0]!);
    expect(onStep).not.toHaveBeenCalled();
    expect(dialog.isConnected).toBe(false);

    // Confirmed, the cancel goes to the plan flow, made from the policy as read again then.
    fireEvent.click(cancelButton()!);
    fireEvent.click(await screen.findByRole('button', { name: 'Review the cancel' }));
    expect(onStep).toHaveBeenCalledTimes(1);
    const make = onStep.mock.calls[0]![0] as (original: JsonObject) => StepWrite;
    const write = make(policyJson(original));
    expect(write.step).toEqual({ kind: 'cancel', ring: null });
    expect(write.policies.map((p) => [p.id, p.state])).toEqual([
      ['p1', 'enabled'],
      ['c1', 'disabled'],
    ]);
  });

  it('says the policy goes back to off when it was off before the rollout', async () => {
    render(<Stateful start={running({ stateBefore: 'disabled' })} />);
    fireEvent.click(cancelButton()!);
    expect((await screen.findByRole('dialog')).textContent).toContain('The policy goes back to off, as it was before the rollout');
  });

  it('is not offered while a rollout is planned, a step is pending, or once it is finishing or finished', () => {
    for (const plan of [
      planned,
      running({ pending: { kind: 'advance', ring: 'ring-2' } }),
      running({ status: 'finishing' }),
      running({ status: 'finished' }),
    ]) {
      render(<Stateful start={plan} />);
      expect(cancelButton()).toBeNull();
      cleanup();
    }
    render(<Stateful start={running()} />);
    expect(cancelButton()).not.toBeNull();
  });
});

describe('A cancelled rollout', { timeout: 20_000 }, () => {
  const cancelled = afterStep(running(), { kind: 'cancel', ring: null }, { copyId: 'c1', groupIds: {} }, at);

  it('says so, offers no step, and offers deleting its copy, now off, saying that changes no sign-in', async () => {
    render(<Stateful start={cancelled} copyNow={{ ...copy, state: 'disabled' }} />);
    expect(screen.getByText('Cancelled: the policy was put back as it was before the rollout.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Add Ring/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Roll back ring/ })).toBeNull();
    expect(cancelButton()).toBeNull();
    expect(within(screen.getByRole('table', { name: 'Timeline' })).getByText(/^Cancelled: the policy was put back to on/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Delete the copy…' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('The rollout was cancelled and this copy is off: deleting it changes no sign-in.');
    expect(dialog.textContent).not.toContain('enforces');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete the copy' }));
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
    expect(deleted).toHaveBeenCalledWith([{ ...copy, state: 'disabled' }]);
    expect(screen.getByText('Cancelled: the policy was put back as it was before the rollout.')).toBeTruthy();
    expect(within(screen.getByRole('table', { name: 'Timeline' })).getByText('“Require MFA [rollout]” was deleted.')).toBeTruthy();
  });

  it('shows as cancelled in the rollouts on this device, its copy left to delete or deleted', () => {
    render(<RolloutList plans={[cancelled, { ...cancelled, policyId: 'p2', copyId: null }]} policies={[]} onOpen={() => {}} />);
    const rows = within(screen.getByRole('table', { name: 'Rollouts on this device' }))
      .getAllByRole('row')
      .slice(1);
    expect(rows.map((row) => row.children[1]!.textContent)).toEqual(['Cancelled; the copy is off, left to delete', 'Cancelled']);
  });

  it('lets its policy be planned again once its copy is deleted, not before (a second copy would take its name)', () => {
    const policy = {
      id: 'p1',
      displayName: 'Require MFA',
      state: 'enabled',
      conditions: { users: { includeUsers: ['All'] }, applications: { includeApplications: ['All'] } },
      grantControls: { operator: 'OR', builtInControls: ['mfa'] },
    } as ConditionalAccessPolicy;
    const home = (plan: RolloutPlan) => (
      <RolloutHome
        store={{ p1: plan }}
        policies={[policy]}
        policiesRead
        choice=""
        onChoose={() => {}}
        onOpen={() => {}}
        onPlan={() => {}}
        onRestore={() => true}
      />
    );
    const options = () =>
      within(screen.getByRole('combobox', { name: 'Policy to roll out' }))
        .queryAllByRole('option')
        .map((o) => o.textContent);
    const { rerender } = render(home(cancelled));
    expect(options()).toEqual(['Choose a policy…']);
    rerender(home({ ...cancelled, copyId: null }));
    expect(options()).toEqual(['Choose a policy…', 'Require MFA']);
  });
});
