// @vitest-environment jsdom
// Overriding the gate needs a reason (it is kept in the timeline): without one the button is off and says why.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GatePanel } from './gate-panel';

afterEach(cleanup);

const panel = (onOverride: (reason: string) => void) =>
  render(
    <GatePanel read={{ kind: 'idle' }} nextLabel="Ring 2 (Finance)" canOverride writable onCheck={() => {}} onOverride={onOverride} />,
  );

describe('GatePanel, the override', () => {
  it('is off without a reason, and says why', () => {
    const onOverride = vi.fn();
    panel(onOverride);
    const button = screen.getByRole('button', { name: 'Override the gate' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(button.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(button.getAttribute('aria-describedby')!)!.textContent).toMatch(/^Say why you go on/);
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
    fireEvent.click(screen.getByRole('button', { name: 'Override the gate' }));
    expect(onOverride).toHaveBeenCalledWith('known travellers');
  });
});
