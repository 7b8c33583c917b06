// @vitest-environment jsdom
// The sign-ins a gate waits for: 20 unless changed, never fewer than 1 (a gate that waits for none
// judges nothing), and a small sample is said to judge little.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_THRESHOLDS, type GateThresholds } from '../../domain/rollout/rollout-plan';
import { ThresholdFields } from './threshold-fields';

afterEach(cleanup);

const field = () => screen.getByRole('spinbutton', { name: 'Sign-ins to wait for before judging' });
const type = (text: string) => {
  fireEvent.change(field(), { target: { value: text } });
  fireEvent.blur(field());
};

describe('ThresholdFields, sign-ins to wait for', () => {
  it('starts at 20 sign-ins, with no warning', () => {
    render(<ThresholdFields thresholds={DEFAULT_THRESHOLDS} onChange={() => undefined} />);
    expect(field()).toHaveProperty('value', '20');
    expect(screen.queryByText(/judges little/)).toBeNull();
  });

  it('refuses 0, keeps what was there and says why', () => {
    const onChange = vi.fn<(next: GateThresholds) => void>();
    render(<ThresholdFields thresholds={DEFAULT_THRESHOLDS} onChange={onChange} />);
    type('0');
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByText('At least 1: a gate that waits for no sign-in judges nothing. Kept at 20.')).toBeTruthy();
  });

  it('takes a small sample, and says how little it judges', () => {
    const onChange = vi.fn<(next: GateThresholds) => void>();
    const { rerender } = render(<ThresholdFields thresholds={DEFAULT_THRESHOLDS} onChange={onChange} />);
    type('2');
    expect(onChange).toHaveBeenCalledWith({ ...DEFAULT_THRESHOLDS, minSignIns: 2 });
    rerender(<ThresholdFields thresholds={{ ...DEFAULT_THRESHOLDS, minSignIns: 2 }} onChange={onChange} />);
    expect(screen.getByText('A small sample judges little: over 2 sign-ins, one blocked is already 50 %.')).toBeTruthy();
  });
});

/** The words that describe the field to a screen reader (aria-describedby), and whether it is said to be invalid. */
const heardAt = (input: HTMLElement) => ({
  invalid: input.getAttribute('aria-invalid') === 'true',
  described: (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' '),
});

describe('ThresholdFields, a share typed that cannot be taken', () => {
  const blocked = () => screen.getByRole('spinbutton', { name: 'Pause above this share blocked (%)' });
  const typeInto = (input: HTMLElement, text: string) => {
    fireEvent.change(input, { target: { value: text } });
    fireEvent.blur(input);
  };

  it('refuses a share above 100 %, keeps what was there and says why at the field', () => {
    const onChange = vi.fn<(next: GateThresholds) => void>();
    render(<ThresholdFields thresholds={DEFAULT_THRESHOLDS} onChange={onChange} />);
    typeInto(blocked(), '150');
    expect(onChange).not.toHaveBeenCalled();
    expect(heardAt(blocked())).toEqual({
      invalid: true,
      described: `A share is from 0 to 100 %: 150 is outside it. Kept at ${DEFAULT_THRESHOLDS.maxBlockedPercent} %.`,
    });
    expect(screen.getByRole('alert').textContent).toMatch(/150 is outside it/);
  });

  it('refuses words where a number goes, and says so at the field', () => {
    const onChange = vi.fn<(next: GateThresholds) => void>();
    render(<ThresholdFields thresholds={{ ...DEFAULT_THRESHOLDS, maxInterruptedPercent: 50 }} onChange={onChange} />);
    const interrupted = screen.getByRole('spinbutton', { name: 'Pause above this share interrupted (%)' });
    typeInto(interrupted, 'ten');
    expect(onChange).not.toHaveBeenCalled();
    expect(heardAt(interrupted)).toEqual({ invalid: true, described: 'Type a number from 0 to 100. Kept at 50 %.' });
  });

  it('refuses words for the sign-ins to wait for too', () => {
    const onChange = vi.fn<(next: GateThresholds) => void>();
    render(<ThresholdFields thresholds={DEFAULT_THRESHOLDS} onChange={onChange} />);
    type('many');
    expect(onChange).not.toHaveBeenCalled();
    expect(heardAt(field()).invalid).toBe(true);
    expect(heardAt(field()).described).toMatch(/^Type a whole number, 1 or more\. Kept at 20\./);
  });

  it('takes a share within 0–100 and clears the refusal', () => {
    const onChange = vi.fn<(next: GateThresholds) => void>();
    render(<ThresholdFields thresholds={DEFAULT_THRESHOLDS} onChange={onChange} />);
    typeInto(blocked(), '-5');
    expect(heardAt(blocked()).invalid).toBe(true);
    typeInto(blocked(), '25');
    expect(onChange).toHaveBeenCalledWith({ ...DEFAULT_THRESHOLDS, maxBlockedPercent: 25 });
    expect(heardAt(blocked()).invalid).toBe(false);
  });
});
