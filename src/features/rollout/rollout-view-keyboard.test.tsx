// @vitest-environment jsdom
// A rollout by keys, as heard: the override puts the focus on the step it let through and says so (its
// field and button left, the focus fell to the page's start, and only the timeline said it); the step the
// gate holds back and each rollback that is off say why; removing a plan or a finished rollout asks first;
// recording the finish says it and leaves the focus on the rollout's title.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState, type ReactElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RolloutPlan } from '../../domain/rollout/rollout-plan';
import { RolloutView } from './rollout-view';
import { at, noEmergency, original, planned, runningPlan } from './test-support';

vi.mock('../../session/write-access', () => ({
  useWriteAccess: () => ({ allowed: true, reason: null }),
  WriteAccessTooltip: ({ children }: { children: ReactElement }) => children,
}));
vi.mock('./use-gate', () => ({ useGate: () => ({ read: { kind: 'idle' }, reset: () => {}, check: async () => {} }) }));
vi.mock('./use-group-members', () => ({ useGroupMembers: () => new Map(), memberWords: () => '3 users' }));

afterEach(cleanup);

/** Running, with the gate holding Ring 2 (Finance) back. */
const running = (extra: Partial<RolloutPlan> = {}): RolloutPlan =>
  runningPlan({
    events: [
      ...planned.events,
      { at: at.toISOString(), kind: 'gate', ring: planned.rings[1]!.key, text: 'Paused: 50 % blocked.', decision: 'pause' },
    ],
    ...extra,
  });

function Stateful({ start, onForget = () => {} }: { start: RolloutPlan; onForget?: () => void }) {
  const [plan, setPlan] = useState(start);
  return (
    <RolloutView
      plan={plan}
      original={original}
      copy={undefined}
      emergency={noEmergency}
      now={() => at}
      onChange={(edit) => setPlan(edit)}
      onStep={() => {}}
      onForget={onForget}
    />
  );
}

describe('RolloutView by keys', () => {
  it('after an override, the focus is on the step let through and the override is said', () => {
    render(<Stateful start={running()} />);
    const add = screen.getByRole('button', { name: 'Add Ring 2 (Finance)…', description: /^The gate has not let this step through yet/ });
    expect(add.getAttribute('aria-disabled')).toBe('true');
    fireEvent.change(screen.getByRole('textbox', { name: /Reason to go on despite the gate/ }), { target: { value: 'known travellers' } });
    const override = screen.getByRole('button', { name: /^Override the gate/ });
    override.focus();
    fireEvent.click(override);
    expect(screen.queryByRole('button', { name: /^Override the gate/ })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add Ring 2 (Finance)…' }));
    expect(document.activeElement!.getAttribute('aria-disabled')).toBeNull();
    expect(screen.getByRole('group', { name: 'The gate was overridden' }).textContent).toMatch(/Ring 2 \(Finance\) can be added/);
  });

  it('a rollback that is off says why', () => {
    render(<Stateful start={running({ pending: { kind: 'advance', ring: planned.rings[1]!.key } })} />);
    const rollback = screen.getByRole('button', { name: 'Roll back ring 1… (Pilot)', description: /a step is unfinished/ });
    expect(rollback.getAttribute('aria-disabled')).toBe('true');
  });

  it('each rollback is named by its ring’s group as well as its number, its visible words first', () => {
    const both = running();
    render(<Stateful start={{ ...both, rings: both.rings.map((ring) => ({ ...ring, state: 'active', startedAt: at.toISOString() })) }} />);
    const names = screen.getAllByRole('button', { name: /^Roll back ring/ }).map((button) => button.getAttribute('aria-label') ?? '');
    expect(names).toEqual(['Roll back ring 1… (Pilot)', 'Roll back ring 2… (Finance)']);
    // What is seen is where what is heard starts (a voice command says what it sees).
    for (const button of screen.getAllByRole('button', { name: /^Roll back ring/ }))
      expect(button.getAttribute('aria-label')!.startsWith(button.textContent!)).toBe(true);
  });

  it('a rollback’s name keeps its group’s name apart: a direction control in it cannot reorder the words heard', () => {
    const evil = 'Pilot \u202Eevil';
    const plan = running();
    render(
      <Stateful
        start={{ ...plan, rings: plan.rings.map((ring, i) => (i === 0 ? { ...ring, group: { ...ring.group, name: evil } } : ring)) }}
      />,
    );
    expect(screen.getByRole('button', { name: /^Roll back ring 1/ }).getAttribute('aria-label')).toBe(
      'Roll back ring 1… (Pilot \\u202Eevil)',
    );
  });

  it('removing a plan asks first; Cancel keeps it', async () => {
    const onForget = vi.fn();
    render(<Stateful start={planned} onForget={onForget} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove this plan' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove the plan for “Require MFA”?' });
    expect(onForget).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onForget).not.toHaveBeenCalled();
    expect(dialog.isConnected).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Remove this plan' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Remove the plan' }));
    expect(onForget).toHaveBeenCalledTimes(1);
  });

  it('removing a finished rollout from the device asks first', async () => {
    const onForget = vi.fn();
    render(<Stateful start={running({ status: 'finished' })} onForget={onForget} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove this rollout from the device' }));
    await screen.findByRole('dialog', { name: /^Remove the rollout of “Require MFA” from this device\?/ });
    expect(onForget).not.toHaveBeenCalled();
  });

  it('recording the finish says it, and the focus goes to the rollout’s title', async () => {
    render(<Stateful start={running({ status: 'finishing' })} />);
    const record = screen.getByRole('button', { name: 'Record the rollout as finished' });
    record.focus();
    fireEvent.click(record);
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Rollout of “Require MFA”' }));
    expect(screen.getByRole('group', { name: 'Recorded as finished' })).toBeTruthy();
  });
});
