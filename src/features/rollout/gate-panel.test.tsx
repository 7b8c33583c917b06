// @vitest-environment jsdom
// Overriding the gate needs a reason (it is kept in the timeline): without one the button is off and says why.
// By keys and heard: the button that reads the gate keeps the focus while it reads (it was disabled, the
// focus fell to the page's start), the phase of the reading is said in a status, Try again leaves the
// focus on that button, and the override names the ring it lets through.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GatePanel } from './gate-panel';
import type { GateRead } from './use-gate';

afterEach(cleanup);

const panel = (onOverride: (reason: string) => void, read: GateRead = { kind: 'idle' }, onCheck = () => {}, writable = true) =>
  render(<GatePanel read={read} nextLabel="Ring 2 (Finance)" canOverride writable={writable} onCheck={onCheck} onOverride={onOverride} />);

describe('GatePanel, the override', () => {
  it('is off without a reason, and says why', () => {
    const onOverride = vi.fn();
    panel(onOverride);
    const button = screen.getByRole('button', { name: /^Override the gate/, description: /^Say why you go on/ });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    fireEvent.change(screen.getByRole('textbox', { name: /Reason to go on despite the gate/ }), { target: { value: '   ' } });
    fireEvent.click(button);
    expect(onOverride).not.toHaveBeenCalled();
  });

  it('goes on with the reason given', () => {
    const onOverride = vi.fn();
    panel(onOverride);
    fireEvent.change(screen.getByRole('textbox', { name: /Reason to go on despite the gate/ }), {
      target: { value: ' known travellers ' },
    });
    fireEvent.click(screen.getByRole('button', { name: /^Override the gate/ }));
    expect(onOverride).toHaveBeenCalledWith('known travellers');
  });

  it('is named for the ring it lets through', () => {
    panel(vi.fn());
    expect(screen.getByRole('button', { name: 'Override the gate before Ring 2 (Finance)' })).toBeTruthy();
  });

  it('says why it is off for an account that cannot write', () => {
    panel(vi.fn(), { kind: 'idle' }, () => {}, false);
    fireEvent.change(screen.getByRole('textbox', { name: /Reason to go on despite the gate/ }), { target: { value: 'a reason' } });
    const button = screen.getByRole('button', { name: /^Override the gate/, description: /cannot change policies/ });
    expect(button.getAttribute('aria-disabled')).toBe('true');
  });
});

describe('GatePanel, reading the gate by keys', () => {
  it('keeps the focus on its button while the gate is read, and says the phase in a status', () => {
    const { rerender } = panel(vi.fn());
    const button = screen.getByRole('button', { name: 'Read the gate' });
    button.focus();
    rerender(
      <GatePanel
        read={{ kind: 'reading', progress: 'Reading the sign-ins since the last ring started…', count: 300 }}
        nextLabel="Ring 2 (Finance)"
        canOverride
        writable
        onCheck={() => {}}
        onOverride={() => {}}
      />,
    );
    const again = screen.getByRole('button', { name: 'Read the gate again' });
    expect(again.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(again);
    expect(screen.getByRole('status').textContent).toBe('Reading the sign-ins since the last ring started…');
  });

  it('Try again leaves the focus on the gate’s button, not the page’s start', () => {
    const onCheck = vi.fn();
    panel(vi.fn(), { kind: 'failed', error: { title: 'Could not read the gate', message: 'Graph did not answer.' } }, onCheck);
    const retry = screen.getByRole('button', { name: 'Try again' });
    retry.focus();
    fireEvent.click(retry);
    expect(onCheck).toHaveBeenCalled();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Read the gate again' }));
  });
});
