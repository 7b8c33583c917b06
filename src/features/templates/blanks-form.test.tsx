// @vitest-environment jsdom
// A blank emptied in the form is as a blank never filled: the form says the plan will ask, and the
// plan's mapping does ask (the blank stays in the policy), rather than the exclusion being dropped.
// The names of the tags' remove buttons isolate a name holding a direction control (U+202E).
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, expect, it, vi } from 'vitest';
import type { JsonObject } from '../../domain/json';
import { baselineTemplates } from '../../domain/templates/baselines';
import { findBlanks } from '../../domain/templates/blanks';
import { templatesImport } from '../../domain/templates/template-import';
import { BlanksForm, type Fills } from './blanks-form';

vi.mock('../../session/directory-picker', () => ({ DirectoryPicker: () => null }));

afterEach(cleanup);

const guests = baselineTemplates().filter((t) => t.name === 'Template 3 - Require MFA for Guest Access');
const groupName = 'Guests \u202eyrev';

function Form({ seen }: { seen: (fills: Fills) => void }) {
  const [fills, setFills] = useState<Fills>(new Map([['<EXCLUDED GROUP>', [{ kind: 'group', id: 'g1', displayName: groupName }]]]));
  seen(fills);
  return (
    <BlanksForm
      blanks={findBlanks(guests.map((t) => t.policy))}
      fills={fills}
      onChange={setFills}
      admin={{ id: 'a1', name: 'Ada' }}
      emergency={{ users: [], groups: [], members: [] }}
    />
  );
}

it('asks for a blank whose chosen group was removed, keeping it in the policy', () => {
  let fills: Fills = new Map();
  render(<Form seen={(f) => (fills = f)} />);
  const remove = screen.getByRole('button', { name: /Remove/ });
  fireEvent.click(remove);
  expect(screen.getByText(/Nothing chosen: the plan will ask what it stands for/)).toBeTruthy();
  const set = templatesImport(guests, fills);
  expect(set.references.map((r) => r.id)).toContain('<EXCLUDED GROUP>');
  const users = ((set.sections.policies[0] as JsonObject).conditions as JsonObject).users as JsonObject;
  expect(users.excludeGroups).toEqual(['<EXCLUDED GROUP>']);
});

it('isolates a chosen object’s name in its remove button’s name', () => {
  render(<Form seen={() => {}} />);
  // As shown: the override as an escape, in the order stored.
  const shown = 'Guests \\u202Eyrev';
  const tag = screen.getByRole('button', { name: /Remove Guests \\u202Eyrev$/ });
  expect(tag.querySelector('bdi')?.textContent).toBe(shown);
});
