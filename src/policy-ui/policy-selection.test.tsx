// @vitest-environment jsdom
// The line above the choice of policies says how many are chosen, in words that agree with the
// count: "The only policy", "1 of 3 policies is", never "All 1 policies are".
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type * as Fluent from '@fluentui/react-components';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PolicySelection, selectionWords } from './policy-selection';

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

  it('reads a large count with its thousands apart', () => {
    expect(selectionWords(2, 9000, 'brought in')).toBe('2 of 9,000 policies are brought in.');
    expect(selectionWords(9000, 9000, 'brought in')).toBe('All 9,000 policies are brought in.');
  });

  it('says when none is chosen, or there is none to choose', () => {
    expect(line(3, [])).toBe('None of the 3 policies is in the backup.');
    cleanup();
    expect(line(0)).toBe('No policy is in the backup.');
    cleanup();
    expect(line(1, [])).toBe('The only policy is not in the backup.');
  });
});

// The count is a polite status from the first draw: ticking a policy off says the new count.
describe('PolicySelection, the count said when it changes', () => {
  function Held() {
    const [selection, setSelection] = useState<readonly string[] | undefined>(undefined);
    return <PolicySelection policies={policies(3)} selection={selection} onChange={setSelection} verb="in the backup" label="Policies" />;
  }

  it('is one status line, there before the change, whose words change with a tick', () => {
    render(<Held />);
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('All 3 policies are in the backup.');
    fireEvent.click(screen.getByRole('button', { name: 'Choose policies…' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'CA001' }));
    expect(screen.getByRole('status')).toBe(status);
    expect(status.textContent).toBe('2 of 3 policies are in the backup.');
  });
});

// An oversized import (thousands of policies): the list draws a hundred at a time, a filter finds the
// few wanted, and a tick redraws its own checkbox only (every one redrawn froze the page).
const renders = vi.hoisted(() => ({ checkbox: 0 }));
vi.mock('@fluentui/react-components', async (original) => {
  const fluent = await original<typeof Fluent>();
  const Checkbox: typeof fluent.Checkbox = ((props: Parameters<typeof fluent.Checkbox>[0]) => {
    renders.checkbox++;
    return <fluent.Checkbox {...props} />;
  }) as typeof fluent.Checkbox;
  return { ...fluent, Checkbox };
});

function Chooser({ count, onChange }: { count: number; onChange?(selection: readonly string[] | undefined): void }) {
  const [selection, setSelection] = useState<readonly string[] | undefined>(undefined);
  const [all] = useState(() => policies(count));
  return (
    <PolicySelection
      policies={all}
      selection={selection}
      onChange={(next) => {
        setSelection(next);
        onChange?.(next);
      }}
      verb="brought in"
      label="Policies to bring in"
    />
  );
}

// Found by label and text, not by role: role queries over hundreds of checkboxes take seconds in jsdom.
const boxes = () => screen.getByRole('group', { name: 'Policies to bring in' }).querySelectorAll('input[type="checkbox"]');
const showMore = (count: number) => screen.getByText(`Show ${count} more`).closest('button')!;

describe('PolicySelection, a file of thousands of policies', () => {
  it('lists a hundred at a time; Show more adds the next and puts the keyboard on the first added', () => {
    render(<Chooser count={150} />);
    fireEvent.click(screen.getByRole('button', { name: 'Choose policies…' }));
    expect(boxes()).toHaveLength(100);
    expect(screen.getByText('Showing 100 of 150 policies.')).toBeTruthy();
    fireEvent.click(showMore(50));
    expect(boxes()).toHaveLength(150);
    expect(document.activeElement).toBe(screen.getByLabelText('CA00100'));
    expect(screen.queryByText(/^Show \d+ more$/)).toBeNull();
  }, 30_000);

  it('filters by name, from the first part again, and adds what the filter found in one click', () => {
    const onChange = vi.fn();
    render(<Chooser count={250} onChange={onChange} />);
    fireEvent.click(screen.getByRole('button', { name: 'Choose policies…' }));
    fireEvent.click(screen.getByRole('button', { name: 'None' }));
    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter the policies' }), { target: { value: 'ca0012' } });
    // CA0012 and CA00120–CA00129
    expect(boxes()).toHaveLength(11);
    expect(screen.queryByText(/^Show \d+ more$/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Add the 11 that match' }));
    expect(onChange).toHaveBeenLastCalledWith(['p12', ...Array.from({ length: 10 }, (_, i) => `p12${i}`)]);
    expect(screen.getByText('11 of 250 policies are brought in.')).toBeTruthy();
    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter the policies' }), { target: { value: 'nothing like it' } });
    expect(screen.getByText('No policy’s name holds “nothing like it”.')).toBeTruthy();
  }, 30_000);

  it('redraws only the ticked checkbox', () => {
    render(<Chooser count={250} />);
    fireEvent.click(screen.getByRole('button', { name: 'Choose policies…' }));
    fireEvent.click(screen.getByRole('button', { name: 'None' }));
    renders.checkbox = 0;
    fireEvent.click(screen.getByLabelText('CA003'));
    expect(renders.checkbox).toBe(1);
    expect(screen.getByText('1 of 250 policies is brought in.')).toBeTruthy();
    expect((screen.getByLabelText('CA003') as HTMLInputElement).checked).toBe(true);
  }, 30_000);

  it('shows a usual list whole, with no Show more', () => {
    render(<Chooser count={40} />);
    fireEvent.click(screen.getByRole('button', { name: 'Choose policies…' }));
    expect(boxes()).toHaveLength(40);
    expect(screen.queryByText(/^Showing /)).toBeNull();
  });
});

// Two choices on one page (two contingency plans' cards): each button says whose choice it opens.
describe('PolicySelection, several on one page', () => {
  it('names its button for whose choice it is, after the words it shows', () => {
    render(
      <>
        {['MFA Disruption', 'Compliance service disruption'].map((plan) => (
          <PolicySelection
            key={plan}
            policies={policies(2)}
            selection={undefined}
            onChange={() => undefined}
            verb="turned off"
            label={`Normal policies ${plan} turns off`}
            of={plan}
          />
        ))}
      </>,
    );
    const buttons = screen.getAllByRole('button', { name: /^Choose policies…/ });
    expect(buttons.map((b) => b.textContent)).toEqual(['Choose policies…', 'Choose policies…']);
    expect(screen.getByRole('button', { name: 'Choose policies… (MFA Disruption)' })).toBe(buttons[0]);
    fireEvent.click(buttons[1]!);
    expect(screen.getByRole('button', { name: 'Hide the list (Compliance service disruption)' }).textContent).toBe('Hide the list');
    expect(screen.getByRole('group', { name: 'Normal policies Compliance service disruption turns off' })).toBeTruthy();
  });
});
