// @vitest-environment jsdom
// The start's plan, reviewed as any plan is: the group it creates for a new first ring is a row of the
// plan ("Created now for ring 1 …"), not a reference to map. So no saved-mapping buttons, no reference
// said to need a look, and never the internal value the copy names it by until it exists.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildPlan } from '../../domain/plan/build-plan';
import { defaultChoices, type PlanTarget } from '../../domain/plan/types';
import type { JsonObject } from '../../domain/json';
import { newRolloutPlan } from '../../domain/rollout/rollout-plan';
import { startStep, stepImport } from '../../domain/rollout/steps';
import { MappingTable } from '../../policy-ui/plan/mapping-table';

vi.mock('../../session/directory-picker', () => ({ DirectoryPicker: () => null }));

afterEach(cleanup);

const TENANT = 'tenant-1';
const GLASS = '11111111-0000-4000-8000-00000000000b';
const policy: JsonObject = {
  id: '4273d4a1-0000-4000-8000-000000000001',
  displayName: 'CA008: Guests MFA',
  state: 'disabled',
  conditions: {
    users: { includeUsers: ['All'], excludeGroups: [GLASS] },
    applications: { includeApplications: ['All'] },
    clientAppTypes: ['all'],
  },
  grantControls: { operator: 'OR', builtInControls: ['mfa'] },
};
const target: PlanTarget = {
  tenantId: TENANT,
  policies: [policy],
  namedLocations: [],
  authenticationStrengths: [],
  authenticationContexts: [],
  termsOfUse: [],
  directory: new Map([[GLASS, [{ id: GLASS, kind: 'group', displayName: 'Emergency', by: 'id' }]]]),
};

const rollout = newRolloutPlan(
  { id: String(policy.id), displayName: 'CA008: Guests MFA', state: 'disabled' },
  [
    { id: null, name: 'Rollout wave 1', created: true },
    { id: null, name: 'Rollout wave 2', created: true },
  ],
  new Date('2026-11-30T10:00:00Z'),
);
const plan = buildPlan(stepImport(startStep(rollout, policy), TENANT), target, { ...defaultChoices(), states: 'source' });

describe('the start’s plan, with new ring groups', () => {
  it('creates the first ring’s group as a row of the plan, with nothing to map', () => {
    const groups = plan.rows.filter((row) => row.kind === 'group');
    expect(groups.map((row) => [row.displayName, row.action, row.why])).toEqual([
      ['Rollout wave 1', 'create', 'Created now for ring 1 (Rollout wave 1) of the rollout of “CA008: Guests MFA”.'],
      [
        'Rollout wave 2',
        'create',
        'Created now for ring 2 (Rollout wave 2) of the rollout of “CA008: Guests MFA”, to be filled before it joins.',
      ],
    ]);
    // Within one tenant, references all the same or planned: the review shows no saved-mapping buttons.
    expect(plan.sameTenant).toBe(true);
    expect(plan.mapping.map((row) => row.status).sort()).toEqual(['planned', 'same']);
    expect(plan.mapping.some((row) => row.chosen)).toBe(false);
    expect(plan.blockers).toEqual([]);
  });

  it('lists no reference to look at, counts only what maps, and never shows the value standing for a group to create', () => {
    const { container } = render(
      <MappingTable
        rows={plan.mapping}
        sourceLabel="In the policies"
        targetName="Contoso"
        confirmed={new Set()}
        onChoose={() => {}}
        onConfirm={() => {}}
      />,
    );
    expect(screen.getByRole('switch', { name: 'Show all 1 references (0 need a look)' })).toBeTruthy();
    expect(screen.getByText('Every reference maps to the same or a matching object in Contoso.')).toBeTruthy();
    fireEvent.click(screen.getByRole('switch'));
    expect(container.textContent).not.toContain('rollout-group:');
    expect(container.textContent).toContain('Emergency');
  });
});
