// @vitest-environment jsdom
// Names from the tenant may hold a direction control (U+202E): the check's table and the candidates
// show it as an escape, in the order stored, so "Fix <policy>" or "through the group '<name>'" is never shown or heard turned around.
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { analyzeEmergencyAccess } from '../../domain/emergency/exclusion-analysis';
import { Candidates } from './candidates';
import { CoverageTable } from './coverage-table';

afterEach(cleanup);

const policyName = 'Block \u202eyrev';
const groupName = 'Break \u202essalg';
// As shown: the overrides as escapes.
const policyShown = 'Block \\u202Eyrev';
const groupShown = 'Break \\u202Essalg';

it('isolates the policy’s and the group’s names in the table, its cells and its checkbox’s name', () => {
  const group = { id: 'g1', name: groupName };
  const policy = {
    id: 'p1',
    displayName: policyName,
    state: 'enabled',
    conditions: { applications: { includeApplications: ['All'] }, users: { includeGroups: ['g1'] } },
    grantControls: { operator: 'OR', builtInControls: ['block'] },
  };
  const emergency = { users: [{ id: 'u1', name: 'Ada' }], groups: [group], members: [{ user: { id: 'u1', name: 'Ada' }, group }] };
  const { policies, subjects } = analyzeEmergencyAccess([policy], emergency, new Map([['u1', { groups: [group], roles: [] }]]));
  render(<CoverageTable rows={policies} subjects={subjects} chosen={new Set()} onChoose={() => {}} />);
  expect(screen.getByRole('checkbox', { name: `Fix ${policyShown}` })).toBeTruthy();
  const table = screen.getByRole('table', { name: 'Emergency access by policy' });
  const bdis = Array.from(table.querySelectorAll('bdi')).map((b) => b.textContent);
  expect(bdis).toContain(policyShown);
  expect(within(table).getByText(`Reached through the group '${groupShown}'; it blocks access to all resources.`)).toBeTruthy();
});

it('isolates a candidate’s name in its button’s name', () => {
  render(
    <Candidates
      candidates={[{ kind: 'group', id: 'g1', name: groupName, excludedFrom: 2, of: 2, why: 'Excluded from 2 of the 2 policies.' }]}
      settings={{ users: [], groups: [] }}
      onUse={() => {}}
    />,
  );
  expect(screen.getByRole('button', { name: `Use ${groupShown} as emergency access` })).toBeTruthy();
});
