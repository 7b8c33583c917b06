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
