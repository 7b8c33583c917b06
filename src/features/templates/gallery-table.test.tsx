// @vitest-environment jsdom
// A template saved from the tenant, or the policy it matches, may hold a direction control (U+202E): the
// names of the row's actions isolate it, so "Forget <name>" is not heard and shown turned around.
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, expect, it } from 'vitest';
import { GalleryTable } from './gallery-table';

afterEach(cleanup);

const name = 'Block \u202eyrev';
const policyName = 'Mine \u202eenim';

it('isolates the template’s and the policy’s names in its buttons’ names', () => {
  render(
    <MemoryRouter>
      <GalleryTable
        matches={[
          {
            template: { key: 'tenant:t1', source: 'tenant', templateId: null, name, description: '', scenarios: [], policy: {} },
            status: { kind: 'similar', policy: { id: 'p1', displayName: policyName }, same: [], differ: ['state'] },
          },
        ]}
        selected={new Set()}
        onSelect={() => {}}
        onDifference={() => {}}
        onForget={() => {}}
      />
    </MemoryRouter>,
  );
  // As shown: each override as an escape, in the order stored.
  const shown = 'Block \\u202Eyrev';
  expect(screen.getByRole('button', { name: `Forget ${shown}` })).toBeTruthy();
  expect(screen.getByRole('button', { name: `Difference between Mine \\u202Eenim and ${shown}` })).toBeTruthy();
  // Every column is named, the buttons' one too (axe: empty-table-header).
  expect(screen.getAllByRole('columnheader').map((header) => header.textContent)).toEqual([
    'Deploy',
    'Template',
    'In this tenant',
    'Needs',
    'Difference',
  ]);
});
