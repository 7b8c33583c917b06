// @vitest-environment jsdom
// Names in the summary's cards are isolated: a direction control in a deleted group's name (read from
// another tenant's file) or in a terms of use cannot reorder the id or the words around it.
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PolicySummaryView } from './policy-summary-view';
import type { SummarySection } from '../domain/describe-policy';
import { isolatedText } from '../domain/isolate';

afterEach(cleanup);

describe('PolicySummaryView, names isolated', () => {
  it('isolates a name shown with the id of an object this tenant does not hold', () => {
    const sections: SummarySection[] = [
      {
        title: 'Users',
        lines: [{ label: 'Include', values: [{ id: 'g1', label: '\u202Eevil', kind: 'group', missing: true, elsewhere: true }] }],
      },
    ];
    render(<PolicySummaryView sections={sections} />);
    const tag = within(screen.getByRole('list', { name: 'Users: Include' })).getByRole('listitem');
    expect(tag.querySelector('bdi')?.textContent).toBe('\\u202Eevil');
    expect(tag.textContent).toBe('\\u202Eevil (g1)');
  });

  it('shows a right-to-left strength named in its label as written, not its isolate as "\\u2068"', () => {
    const label = `Authentication strength: ${isolatedText('חזק')}`;
    render(<PolicySummaryView sections={[{ title: 'Grant', lines: [{ label: 'Require', values: [{ id: 's', label }] }] }]} />);
    const tag = within(screen.getByRole('list', { name: 'Grant: Require' })).getByRole('listitem');
    expect(tag.textContent).toBe('Authentication strength: \u2068חזק\u2069');
  });
});
