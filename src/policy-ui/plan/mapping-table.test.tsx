// @vitest-environment jsdom
// Creating every missing group is one action of the mapping table: one click sets each group nothing
// stands for to be created (in one update, leaving the admin's own choices alone), says how many, and
// Undo puts back what those rows held before.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emptyImportSet } from '../../domain/import/import-set';
import type { MappingChoice } from '../../domain/plan/types';
import type { PickedChoices } from './mapping-choices';
import { ChoosingTable, mappingOf, renderMappingTable } from './mapping-table-fixture';
import { emptyTarget, manyGroups, pilotImport } from './test-fixtures';

// The directory search needs a signed-in tenant; it plays no part here.
vi.mock('../../session/directory-picker', () => ({ DirectoryPicker: () => null }));

afterEach(cleanup);

const PILOT = 'aaaaaaaa-0000-0000-0000-000000000001';
const CONTRACTORS = 'aaaaaaaa-0000-0000-0000-000000000002';
const VENDORS = 'aaaaaaaa-0000-0000-0000-000000000003';

const source = pilotImport({ includeGroups: [PILOT, VENDORS], excludeGroups: [CONTRACTORS] }, [
  { kind: 'group', id: PILOT, displayName: 'MFA pilot', exists: true },
  { kind: 'group', id: CONTRACTORS, displayName: 'Contractors', exists: true },
  { kind: 'group', id: VENDORS, displayName: 'Vendors', exists: true },
]);
/** Another tenant, where none of the three groups is found. */
const target = emptyTarget([PILOT, CONTRACTORS, VENDORS]);

/** The table as the review holds it, of the pilot import in another tenant. */
const Review = (props: { initial: Record<string, MappingChoice>; updates: PickedChoices[] }) => (
  <ChoosingTable source={source} target={target} {...props} />
);

const choiceOf = (name: string) => screen.getByRole('combobox', { name: `In this tenant, ${name} becomes` }).textContent;
const status = () => screen.getByRole('status').textContent;
const CREATE = 'Create an empty group of this name';

describe('MappingTable: create every missing group', () => {
  // Vendors is decided already (left out): the action leaves it so.
  const start = () => {
    const updates: PickedChoices[] = [];
    render(<Review initial={{ [`group:${VENDORS}`]: { action: 'drop' } }} updates={updates} />);
    return updates;
  };

  it('sets every missing group to be created in one update, and says how many', () => {
    const updates = start();
    expect(choiceOf('MFA pilot')).not.toContain(CREATE);
    expect(screen.getByText("Choose what the group 'Contractors' becomes in this tenant.")).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Create every missing group (2)' }));

    expect(updates).toEqual([{ [`group:${PILOT}`]: { action: 'create' }, [`group:${CONTRACTORS}`]: { action: 'create' } }]);
    expect(choiceOf('MFA pilot')).toBe(CREATE);
    expect(choiceOf('Contractors')).toBe(CREATE);
    expect(choiceOf('Vendors')).toBe('Leave it out');
    expect(screen.queryByText(/^Choose what the group /)).toBeNull();
    expect(status()).toBe('2 groups set to be created empty. To change one, choose otherwise on its row.');
    // Kept at 0 rather than removed, so the focus stays where it was.
    expect(screen.getByRole('button', { name: 'Create every missing group (0)' })).toBeTruthy();
  });

  it('Undo puts back what those rows held, leaves the rest, and gives the focus back to the action', () => {
    const updates = start();
    fireEvent.click(screen.getByRole('button', { name: 'Create every missing group (2)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Undo creating every missing group' }));

    expect(updates).toHaveLength(2);
    expect(choiceOf('MFA pilot')).not.toContain(CREATE);
    expect(choiceOf('Contractors')).not.toContain(CREATE);
    expect(choiceOf('Vendors')).toBe('Leave it out');
    expect(screen.getByText("Choose what the group 'MFA pilot' becomes in this tenant.")).toBeTruthy();
    expect(screen.getByText("Choose what the group 'Contractors' becomes in this tenant.")).toBeTruthy();
    expect(status()).toBe('Undone: 2 groups no longer set to be created.');
    expect(screen.queryByRole('button', { name: /^Undo/ })).toBeNull();
    const again = screen.getByRole('button', { name: 'Create every missing group (2)' });
    expect(document.activeElement).toBe(again);
  });

  it('no longer offers Undo once one of those rows is chosen otherwise', () => {
    start();
    fireEvent.click(screen.getByRole('button', { name: 'Create every missing group (2)' }));
    expect(screen.getByRole('button', { name: 'Undo creating every missing group' })).toBeTruthy();
    fireEvent.click(screen.getByRole('combobox', { name: 'In this tenant, Contractors becomes' }));
    fireEvent.click(screen.getByRole('option', { name: 'Leave it out' }));
    expect(choiceOf('Contractors')).toBe('Leave it out');
    expect(screen.queryByRole('button', { name: /^Undo/ })).toBeNull();
  });
});

describe('MappingTable: a file that names hundreds of objects', () => {
  // One policy that names 150 groups this tenant lacks: every row needs a look.
  const { source: many, ids } = manyGroups();
  const rows = mappingOf(many, { ...target, directory: new Map(ids.map((id) => [id, []])) });

  it('draws a hundred rows; Show more adds the rest and puts the keyboard on the first added', () => {
    renderMappingTable(rows);
    const table = screen.getByRole('table', { name: 'How references map to this tenant' });
    // Counted by element, not by role: role queries over hundreds of rows take seconds in jsdom.
    expect(table.querySelectorAll('tbody tr')).toHaveLength(100);
    expect(screen.getByText('Showing rows 1–100 of 150.')).toBeTruthy();
    fireEvent.click(screen.getByText('Show 50 more').closest('button')!);
    expect(table.querySelectorAll('tbody tr')).toHaveLength(150);
    expect(document.activeElement).toBe(screen.getByText('Group 100').closest('tr'));
    expect(screen.queryByText(/^Showing rows/)).toBeNull();
  }, 30_000);
});

/** What an element's aria-describedby points at, as a screen reader reads it after the name. */
const description = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

describe('MappingTable: leaving out an exclusion', () => {
  const WIDENS = "Leaving out the group 'Contractors' widens 'CA001 Pilot MFA'";
  const leaveOut = (name: string) => {
    fireEvent.click(screen.getByRole('combobox', { name: `In this tenant, ${name} becomes` }));
    fireEvent.click(screen.getByRole('option', { name: 'Leave it out' }));
  };

  it('describes the choice by the risk, in a live region that was there before, and names the confirmation by its object and policy', () => {
    render(<Review initial={{ [`group:${PILOT}`]: { action: 'create' }, [`group:${VENDORS}`]: { action: 'create' } }} updates={[]} />);
    const choice = screen.getByRole('combobox', { name: 'In this tenant, Contractors becomes' });
    const live = choice.closest('td')!.querySelector('[aria-live="polite"]');
    expect(live).not.toBeNull();

    leaveOut('Contractors');

    const risk = screen.getByText((text) => text.startsWith(WIDENS));
    expect(live!.contains(risk)).toBe(true);
    expect(choice.closest('td')!.querySelector('[aria-live="polite"]')).toBe(live);
    expect(choice.getAttribute('aria-invalid')).toBe('true');
    expect(description(choice)).toContain(WIDENS);
    const box = screen.getByRole('checkbox', {
      name: "I understand: leave it out (the group 'Contractors', which widens 'CA001 Pilot MFA')",
    });
    expect(box).toBeTruthy();
  });

  it('gives each row its own confirmation', () => {
    render(<Review initial={{ [`group:${PILOT}`]: { action: 'create' }, [`group:${VENDORS}`]: { action: 'drop' } }} updates={[]} />);
    // Vendors is included, not excluded: leaving it out narrows, and asks nothing.
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0);
    leaveOut('Contractors');
    expect(screen.getAllByRole('checkbox').map((box) => box.getAttribute('aria-label'))).toEqual([
      "I understand: leave it out (the group 'Contractors', which widens 'CA001 Pilot MFA')",
    ]);
  });
});

describe('MappingTable: what a keyboard and a screen reader are told', () => {
  it('keeps Create every missing group reachable at 0, and says why it does nothing', () => {
    render(<Review initial={{ [`group:${VENDORS}`]: { action: 'drop' } }} updates={[]} />);
    fireEvent.click(screen.getByRole('button', { name: 'Create every missing group (2)' }));
    const none = screen.getByRole('button', { name: 'Create every missing group (0)' });
    expect(none.getAttribute('aria-disabled')).toBe('true');
    expect(description(none)).toBe('No group is missing: each is matched, chosen on its row, or set to be created.');
  });

  it('tells apart two references of the same name by their kind and id', () => {
    const twins = emptyImportSet();
    twins.sections.policies = source.sections.policies;
    twins.references = [
      { kind: 'group', id: PILOT, displayName: 'MFA pilot', exists: true },
      { kind: 'group', id: CONTRACTORS, displayName: 'Contractors', exists: true },
      { kind: 'group', id: VENDORS, displayName: 'Contractors', exists: true },
    ];
    const rows = mappingOf(twins, target);
    renderMappingTable(rows);
    expect(screen.getByRole('combobox', { name: `In this tenant, Contractors (group ${CONTRACTORS}) becomes` })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: `In this tenant, Contractors (group ${VENDORS}) becomes` })).toBeTruthy();
    // A name said once stays as it was.
    expect(screen.getByRole('combobox', { name: 'In this tenant, MFA pilot becomes' })).toBeTruthy();
  });
});

describe('MappingTable, a group’s name that holds a direction control', () => {
  it('isolates it in its cell and in the name of its choice', () => {
    const EVIL = 'aaaaaaaa-0000-0000-0000-000000000009';
    const evilSource = pilotImport({ includeGroups: [EVIL] }, [{ kind: 'group', id: EVIL, displayName: '\u202Eevil', exists: true }]);
    const rows = mappingOf(evilSource, emptyTarget([EVIL]));
    renderMappingTable(rows);
    expect(screen.getByRole('combobox', { name: 'In this tenant, \\u202Eevil becomes' })).toBeTruthy();
    expect([...document.querySelectorAll('bdi')].map((b) => b.textContent)).toContain('\\u202Eevil');
  });
});

describe('MappingTable, candidates named in a right-to-left script', () => {
  it('finds a candidate by its first letters typed in the open list, though its shown name is isolated', () => {
    const GROUP = 'aaaaaaaa-0000-0000-0000-000000000010';
    const source = pilotImport({ includeGroups: [GROUP] }, [{ kind: 'group', id: GROUP, displayName: 'Pilot', exists: true }]);
    const candidate = (id: string, displayName: string) => ({ id, kind: 'group' as const, displayName, by: 'displayName' as const });
    const target = {
      ...emptyTarget([]),
      directory: new Map([[GROUP, [candidate('t-1', 'אלפא'), candidate('t-2', 'בטא')]]]),
    };
    const rows = mappingOf(source, target);
    renderMappingTable(rows);
    const choice = screen.getByRole('combobox', { name: 'In this tenant, Pilot becomes' });
    fireEvent.click(choice);
    fireEvent.keyDown(choice, { key: 'ב' });
    const active = document.getElementById(choice.getAttribute('aria-activedescendant') ?? '');
    expect(active?.textContent).toBe('\u2068בטא\u2069');
  });
});

describe('MappingTable: a group the import knows only by its id', () => {
  // As the seed template 'Require MFA for privileged accounts' has it: an excluded group with no name in the file.
  const UNNAMED = 'f753047e-de31-4c74-a6fb-c38589047723';
  const bare = pilotImport({ includeGroups: [PILOT], excludeGroups: [CONTRACTORS, UNNAMED] }, [
    { kind: 'group', id: PILOT, displayName: 'MFA pilot', exists: true },
    { kind: 'group', id: CONTRACTORS, displayName: 'Contractors', exists: true },
  ]);
  const where = emptyTarget([PILOT, CONTRACTORS, UNNAMED]);

  const Bare = ({ updates }: { updates: PickedChoices[] }) => <ChoosingTable source={bare} target={where} initial={{}} updates={updates} />;

  it('is not offered to be created under its id: its row says to choose a group of this tenant or leave it out', () => {
    render(<Bare updates={[]} />);
    const choice = screen.getByRole('combobox', { name: `In this tenant, ${UNNAMED} becomes` });
    expect(description(choice)).toBe(
      `Choose what the group ${UNNAMED} becomes in this tenant. Its name is not in the import, so it cannot be created: choose a group of this tenant, or leave it out.`,
    );
    fireEvent.click(choice);
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Leave it out']);
  });

  it('is skipped by Create every missing group, which says it is left to choose', () => {
    const updates: PickedChoices[] = [];
    render(<Bare updates={updates} />);
    const button = screen.getByRole('button', { name: 'Create every missing group (2)' });
    const left = '1 group is left to choose on its row: its name is not in the import, so it cannot be created.';
    expect(description(button)).toBe(left);
    fireEvent.click(button);
    expect(updates).toEqual([{ [`group:${PILOT}`]: { action: 'create' }, [`group:${CONTRACTORS}`]: { action: 'create' } }]);
    expect(choiceOf(UNNAMED)).not.toContain(CREATE);
    expect(status()).toBe(`2 groups set to be created empty. To change one, choose otherwise on its row. ${left}`);
    // At 0 it does not claim that no group is missing: the one it cannot create still is.
    expect(description(screen.getByRole('button', { name: 'Create every missing group (0)' }))).toBe(left);
  });
});
