// @vitest-environment jsdom
// The plan's counts ("1 to update, … skipped") change when the admin changes a row's action or leaves a
// policy out: they sit in a polite status line that is there from the first draw, so the change is said.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emptyImportSet } from '../../domain/import/import-set';
import type { Plan, PlanChoices, PlanRow } from '../../domain/plan/types';
import { PlanReview } from './plan-review';

afterEach(cleanup);

const policy = (n: number, action: PlanRow['action']): PlanRow => ({
  key: `p${n}`,
  kind: 'policy',
  displayName: `CA00${n}`,
  action,
  options: ['update', 'skip'],
  why: 'Differs from this tenant’s',
  sourceId: `s${n}`,
  targetId: `t${n}`,
  body: {},
  intended: {},
  before: null,
  problems: [],
});

/** The plan as the planner would make it of two policies to update: a row's chosen action, and the choice of policies, change it. */
function planFor(choices: PlanChoices): Plan {
  const chosen = choices.selection ? new Set(choices.selection) : null;
  const rows = [1, 2].map((n) => policy(n, chosen && !chosen.has(`p${n}`) ? 'skip' : (choices.rows[`p${n}`]?.action ?? 'update')));
  const counts = { create: 0, update: 0, restore: 0, reuse: 0, skip: 0 };
  for (const row of rows) counts[row.action]++;
  return { sameTenant: true, rows, mapping: [], blockers: [], counts } as unknown as Plan;
}

vi.mock('./use-plan', () => ({
  usePlan: (_source: unknown, choices: PlanChoices) => ({
    plan: planFor(choices),
    policies: [
      { rowKey: 'p1', name: 'CA001' },
      { rowKey: 'p2', name: 'CA002' },
    ],
    loading: false,
    planning: false,
    error: null,
    planError: null,
    retry: () => undefined,
  }),
}));
vi.mock('../../session/write-access', () => ({
  useWriteAccess: () => ({ allowed: true, reason: null }),
  WriteAccessTooltip: ({ children }: { children: unknown }) => children,
}));
vi.mock('../../session/directory-picker', () => ({ DirectoryPicker: () => null }));
vi.mock('./mapping-file-buttons', () => ({ MappingFileButtons: () => null }));

const summary = () => screen.getAllByRole('status').find((s) => s.textContent?.includes('Nothing is written until you apply it'))!;

describe('PlanReview, the counts said when they change', () => {
  it('says the new counts in the status line that was there when a row is skipped', () => {
    render(<PlanReview source={emptyImportSet()} targetName="Contoso" onApply={() => undefined} change />);
    const line = summary();
    expect(line.textContent).toContain('2 to update');
    expect(screen.getByRole('button', { name: 'Apply: 2 changes to Contoso…' })).toBeTruthy();

    fireEvent.click(screen.getByRole('combobox', { name: 'Action for CA001' }));
    fireEvent.click(screen.getByRole('option', { name: 'Skip' }));

    expect(summary()).toBe(line);
    expect(line.textContent).toContain('1 to update');
    expect(line.textContent).toContain('1 skipped');
    expect(screen.getByRole('button', { name: 'Apply: 1 change to Contoso…' })).toBeTruthy();
  });

  it('says the new counts when a policy is left out of the choice', () => {
    render(<PlanReview source={emptyImportSet()} targetName="Contoso" onApply={() => undefined} change />);
    const line = summary();
    fireEvent.click(screen.getByRole('button', { name: 'Choose policies…' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'CA002' }));
    expect(summary()).toBe(line);
    expect(line.textContent).toContain('1 to update');
    expect(line.textContent).toContain('1 skipped');
  });
});
