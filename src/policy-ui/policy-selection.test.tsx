// @vitest-environment jsdom
// The line above the choice of policies says how many are chosen, in words that agree with the
// count: "The only policy", "1 of 3 policies is", never "All 1 policies are".
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PolicySelection } from './policy-selection';

afterEach(cleanup);

const policies = (count: number) => Array.from({ length: count }, (_, i) => ({ rowKey: `p${i}`, name: `CA00${i}` }));
const line = (count: number, selection?: readonly string[]) => {
  render(
    <PolicySelection policies={policies(count)} selection={selection} onChange={() => undefined} verb="in the backup" label="Policies" />,
  );
  return screen.getByText(/in the backup\.$/).textContent;
};

describe('PolicySelection, the count in words', () => {
  it('says "the only policy" when there is one, not "All 1 policies"', () => {
    expect(line(1)).toBe('The only policy is in the backup.');
  });

  it('says "All 3 policies are" for all of several', () => {
    expect(line(3)).toBe('All 3 policies are in the backup.');
  });

  it('makes the verb agree with one chosen of several, and with several', () => {
    expect(line(3, ['p1'])).toBe('1 of 3 policies is in the backup.');
    cleanup();
    expect(line(3, ['p0', 'p2'])).toBe('2 of 3 policies are in the backup.');
  });

  it('says when none is chosen, or there is none to choose', () => {
    expect(line(3, [])).toBe('None of the 3 policies is in the backup.');
    cleanup();
    expect(line(0)).toBe('No policy is in the backup.');
  });
});
