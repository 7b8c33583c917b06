// @vitest-environment jsdom
// The plan's counts ("1 to update … 1 is skipped by your choice") change when the admin changes a row's action or leaves a
// policy out: they sit in a polite status line that is there from the first draw, so the change is said.
// The progress before the plan and while it is made again is said too; "Find users again" reads the
// directory with the plan kept on screen and the focus on the button, and says what it found; a saved
// mapping applied after its directory read keeps a pick made meanwhile.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyImportSet } from '../../domain/import/import-set';
import { sourcePolicies } from '../../domain/plan/build-plan';
import { buildMapping } from '../../domain/plan/mapping';
import type { MappingChoice, MappingRow, Plan, PlanChoices, PlanRow } from '../../domain/plan/types';
import { PlanReview } from './plan-review';
import { emptyTarget, manyGroups, pilotImport } from './test-fixtures';

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

/**
 * The plan's inputs as the hook reads them: the directory is read per domain map (a map not read yet is a read
 * under way, no plan), the plan may still be being made, and a lookup of users waits for the test's gate.
 */
const fake = vi.hoisted(() => ({
  read: new Set<string>(),
  making: false,
  planning: false,
  gate: null as Promise<void> | null,
  planFor: null as ((choices: PlanChoices) => Plan) | null,
  onLoads: [] as ((mapping: Record<string, unknown>, domains: { from: string; to: string }[] | null) => void)[],
  fileButtons: null as { directoryBusy?: boolean; onReading?(reading: boolean): void } | null,
  found: { users: 2, found: 1, ambiguous: 0 },
}));
const domainsKey = (domains: PlanChoices['domains']) => JSON.stringify(domains ?? []);

vi.mock('./use-plan', () => ({
  usePlan: (_source: unknown, choices: PlanChoices) => {
    const loading = !fake.read.has(domainsKey(choices.domains));
    return {
      plan: loading || fake.making ? null : (fake.planFor ?? planFor)(choices),
      policies: [
        { rowKey: 'p1', name: 'CA001' },
        { rowKey: 'p2', name: 'CA002' },
      ],
      loading,
      planning: fake.planning,
      error: null,
      planError: null,
      retry: () => undefined,
      lookUpUsers: async (domains: PlanChoices['domains']) => {
        await fake.gate;
        fake.read.add(domainsKey(domains));
        return fake.found;
      },
    };
  },
}));
vi.mock('../../session/write-access', () => ({
  useWriteAccess: () => ({ allowed: true, reason: null }),
  WriteAccessTooltip: ({ children }: { children: unknown }) => children,
}));
vi.mock('../../session/directory-picker', () => ({ DirectoryPicker: () => null }));
vi.mock('./mapping-file-buttons', () => ({
  MappingFileButtons: (props: { onLoad: (typeof fake.onLoads)[number]; directoryBusy?: boolean; onReading?(reading: boolean): void }) => {
    fake.onLoads.push(props.onLoad);
    fake.fileButtons = props;
    return null;
  },
}));

beforeEach(() => {
  fake.read = new Set([domainsKey(undefined)]);
  fake.making = false;
  fake.planning = false;
  fake.gate = null;
  fake.planFor = null;
  fake.onLoads = [];
  fake.fileButtons = null;
  fake.found = { users: 2, found: 1, ambiguous: 0 };
});

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
    expect(line.textContent).toContain('Of the 2 policies chosen: 1 is updated, 1 is skipped by your choice.');
    // The choice says only which are chosen: what is done with them is the counts' to say.
    expect(screen.getByText('All 2 policies are chosen.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Apply: 1 change to Contoso…' })).toBeTruthy();
  });

  it('says the new counts when a policy is left out of the choice', () => {
    render(<PlanReview source={emptyImportSet()} targetName="Contoso" onApply={() => undefined} change />);
    const line = summary();
    fireEvent.click(screen.getByRole('button', { name: 'Choose policies…' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'CA002' }));
    expect(summary()).toBe(line);
    expect(line.textContent).toContain('1 to update');
    // The policy left out of the choice is not counted as skipped among the chosen.
    expect(line.textContent).toContain('Of the one policy chosen: 1 is updated.');
    expect(line.textContent).not.toContain('skipped');
    expect(screen.getByText('1 of 2 policies is chosen.')).toBeTruthy();
  });
});

describe('PlanReview, a change in its caller’s words', () => {
  const purpose = { one: 'gets the emergency accounts excluded', many: 'get the emergency accounts excluded' };

  it('says what the change does to the policies, and shows no import’s references or reused counts', () => {
    render(<PlanReview source={emptyImportSet()} targetName="Contoso" onApply={() => undefined} change purpose={purpose} />);
    expect(summary().textContent).toContain('0 to create, 2 to update. Of the 2 policies chosen: 2 get the emergency accounts excluded.');
    expect(summary().textContent).not.toMatch(/reused|import/);
    expect(screen.queryByRole('heading', { name: 'References' })).toBeNull();
  });

  it('keeps the references of a change when one of them needs a choice, and of an import always', () => {
    const gone: MappingRow = {
      key: 'group:g1',
      kind: 'group',
      sourceValue: 'g1',
      sourceName: 'Contractors',
      sourceDetail: null,
      status: 'gone',
      why: 'Not in the tenant any more.',
      candidates: [],
      choice: null,
      chosen: false,
      uses: [{ rowKey: 'p1', policyName: 'CA001', place: 'excluded groups', exclusion: true }],
      canCreate: false,
      problems: [{ severity: 'blocker', text: "Choose what the group 'Contractors' becomes in this tenant." }],
    };
    fake.planFor = (choices) => ({ ...planFor(choices), mapping: [gone] });
    render(<PlanReview source={emptyImportSet()} targetName="Contoso" onApply={() => undefined} change purpose={purpose} />);
    expect(screen.getByRole('heading', { name: 'References' })).toBeTruthy();
    cleanup();
    fake.planFor = null;
    render(<PlanReview source={emptyImportSet()} targetName="Contoso" onApply={() => undefined} />);
    expect(screen.getByRole('heading', { name: 'References' })).toBeTruthy();
  });
});

/** A copy from another tenant whose users sign in as ...@contoso.example, with a group nothing stands for in the target. */
const GROUP = 'aaaaaaaa-0000-0000-0000-000000000002';
const USER = 'bbbbbbbb-0000-0000-0000-000000000001';
function copied() {
  const source = pilotImport({ includeUsers: [USER], excludeGroups: [GROUP] }, [
    { kind: 'group', id: GROUP, displayName: 'Contractors', exists: true },
    { kind: 'user', id: USER, displayName: 'Break Glass 01', userPrincipalName: 'bg01@contoso.example', exists: true },
  ]);
  source.origin.domain = 'contoso.example';
  return source;
}
const target = emptyTarget([GROUP, USER]);
/** The plan of a copy into another tenant: the mapping made from the choices, as the planner makes it. */
function copyPlanFor(source: ReturnType<typeof copied>) {
  return (choices: PlanChoices): Plan =>
    ({
      sameTenant: false,
      rows: [policy(1, 'create')],
      mapping: buildMapping(source, sourcePolicies(source), target, choices, new Map(), false),
      blockers: [],
      counts: { create: 1, update: 0, restore: 0, reuse: 0, skip: 0 },
    }) as unknown as Plan;
}
const statusSaying = (words: string) => screen.queryAllByRole('status').find((s) => s.textContent?.includes(words));

describe('PlanReview, progress said', () => {
  it('says the directory read and the planning in a status that was in the page before it', async () => {
    fake.read = new Set();
    fake.making = true;
    const { rerender } = render(<PlanReview source={emptyImportSet()} targetName="Contoso" onApply={() => undefined} change />);
    const before = screen.getAllByRole('status');
    await waitFor(() => expect(statusSaying('Reading Contoso to plan against it…')).toBeTruthy());
    expect(before).toContain(statusSaying('Reading Contoso to plan against it…'));

    fake.read = new Set([domainsKey(undefined)]);
    rerender(<PlanReview source={emptyImportSet()} targetName="Contoso" onApply={() => undefined} change />);
    expect(statusSaying('Making the plan for 2 policies…')).toBeTruthy();
    expect(before).toContain(statusSaying('Making the plan for 2 policies…'));
  });

  it('says that the plan is being made again for a choice', () => {
    render(<PlanReview source={emptyImportSet()} targetName="Contoso" onApply={() => undefined} change />);
    fake.planning = true;
    fireEvent.click(screen.getByRole('combobox', { name: 'Action for CA001' }));
    fireEvent.click(screen.getByRole('option', { name: 'Skip' }));
    expect(statusSaying('Making the plan again for your choice…')).toBeTruthy();
  });
});

describe('PlanReview, Apply while the plan is made again', () => {
  it('waits for the plan of the last choice: Apply is disabled, says why, and applies nothing', () => {
    const onApply = vi.fn();
    const { rerender } = render(<PlanReview source={emptyImportSet()} targetName="Contoso" onApply={onApply} change />);
    fake.planning = true;
    fireEvent.click(screen.getByRole('combobox', { name: 'Action for CA001' }));
    fireEvent.click(screen.getByRole('option', { name: 'Skip' }));
    const apply = screen.getByRole('button', { name: /^Apply/ });
    expect(apply.getAttribute('aria-disabled')).toBe('true');
    expect(
      apply
        .getAttribute('aria-describedby')
        ?.split(' ')
        .map((id) => document.getElementById(id)?.textContent),
    ).toEqual(['Wait for the plan of your last choice.']);
    fireEvent.click(apply);
    expect(onApply).not.toHaveBeenCalled();

    fake.planning = false;
    rerender(<PlanReview source={emptyImportSet()} targetName="Contoso" onApply={onApply} change />);
    fireEvent.click(screen.getByRole('button', { name: /^Apply/ }));
    expect(onApply).toHaveBeenCalledTimes(1);
  });
});

describe('PlanReview, a policy’s name that holds a direction control', () => {
  it('isolates it in the lock-out confirmation’s label', () => {
    const risky: PlanRow = {
      ...policy(1, 'update'),
      displayName: '\u202Eevil',
      problems: [{ severity: 'blocker', text: 'It may lock you out.', confirmKey: 'lockout:p1' }],
    };
    fake.planFor = () =>
      ({
        sameTenant: true,
        rows: [risky],
        mapping: [],
        blockers: [risky.problems[0]],
        counts: { create: 0, update: 1, restore: 0, reuse: 0, skip: 0 },
      }) as unknown as Plan;
    render(<PlanReview source={emptyImportSet()} targetName="Contoso" onApply={() => undefined} change />);
    expect(screen.getByRole('checkbox', { name: "I understand the risk for '\\u202Eevil': It may lock you out." })).toBeTruthy();
  });
});

describe('PlanReview, Find users again', () => {
  it('keeps the plan and the focus while the directory is read, says the read, then what it found', async () => {
    const source = copied();
    fake.planFor = copyPlanFor(source);
    let open = () => undefined as void;
    fake.gate = new Promise<void>((resolve) => (open = resolve));
    render(<PlanReview source={source} targetName="Fabrikam" onApply={() => undefined} />);
    fireEvent.change(screen.getByRole('textbox', { name: 'are found in this tenant as' }), { target: { value: 'fabrikam.example' } });
    const find = screen.getByRole('button', { name: 'Find users again' });
    find.focus();
    fireEvent.click(find);

    // The review stays, the button keeps the focus (waiting, not taking a second click), and the read is said.
    expect(screen.getByRole('heading', { name: 'The plan for Fabrikam' })).toBeTruthy();
    expect(screen.getByRole('table', { name: 'How references map to this tenant' })).toBeTruthy();
    expect(document.activeElement).toBe(find);
    expect(find.getAttribute('aria-disabled')).toBe('true');
    expect(statusSaying('Finding the users…')).toBeTruthy();

    await act(async () => open());
    await waitFor(() =>
      expect(
        statusSaying('Looked up the users again with sign-in names ending in fabrikam.example: 1 of 2 found in Fabrikam.'),
      ).toBeTruthy(),
    );
    expect(screen.getByRole('heading', { name: 'The plan for Fabrikam' })).toBeTruthy();
    expect(document.activeElement).toBe(find);
    expect(find.getAttribute('aria-disabled')).toBeNull();
  });
});

describe('PlanReview, Find users again says a user found more than once apart', () => {
  it.each([
    [1, 'One of them matches more than one user there: choose which on its row.'],
    [2, '2 of them match more than one user there: choose which on their rows.'],
  ])('%i found more than once', async (ambiguous, words) => {
    const source = copied();
    fake.planFor = copyPlanFor(source);
    fake.found = { users: 14, found: 12, ambiguous };
    render(<PlanReview source={source} targetName="Fabrikam" onApply={() => undefined} />);
    fireEvent.change(screen.getByRole('textbox', { name: 'are found in this tenant as' }), { target: { value: 'fabrikam.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Find users again' }));
    await waitFor(() =>
      expect(
        statusSaying(`Looked up the users again with sign-in names ending in fabrikam.example: 12 of 14 found in Fabrikam. ${words}`),
      ).toBeTruthy(),
    );
  });
});

describe('PlanReview, a saved mapping applied after its directory read', () => {
  it('keeps a choice made on a row while the file was being read', () => {
    const source = copied();
    fake.planFor = copyPlanFor(source);
    fake.read.add(domainsKey([{ from: 'contoso.example', to: 'fabrikam.example' }]));
    render(<PlanReview source={source} targetName="Fabrikam" onApply={() => undefined} />);
    // The file was chosen now: its load applies through the handler of this moment, once the directory is read.
    const applyLater = fake.onLoads.at(-1)!;

    const contractors = screen.getByRole('combobox', { name: 'In this tenant, Contractors becomes' });
    fireEvent.click(contractors);
    fireEvent.click(screen.getByRole('option', { name: 'Create an empty group of this name' }));
    expect(contractors.textContent).toBe('Create an empty group of this name');

    const saved: Record<string, MappingChoice> = { [`user:${USER}`]: { action: 'drop' } };
    act(() => applyLater(saved, [{ from: 'contoso.example', to: 'fabrikam.example' }]));
    expect(screen.getByRole('combobox', { name: 'In this tenant, Contractors becomes' }).textContent).toBe(
      'Create an empty group of this name',
    );
    expect(screen.getByRole('combobox', { name: 'In this tenant, Break Glass 01 becomes' }).textContent).toBe('Leave it out');
  });
});

describe('PlanReview, a saved mapping whose domain map could not be read', () => {
  it('applies its choices and keeps the domain map in use', () => {
    const source = copied();
    fake.planFor = copyPlanFor(source);
    render(<PlanReview source={source} targetName="Fabrikam" onApply={() => undefined} />);
    const to = screen.getByRole('textbox', { name: 'are found in this tenant as' });
    fireEvent.change(to, { target: { value: 'fabrikam.example' } });

    act(() => fake.onLoads.at(-1)!({ [`user:${USER}`]: { action: 'drop' } }, null));
    expect(screen.getByRole('combobox', { name: 'In this tenant, Break Glass 01 becomes' }).textContent).toBe('Leave it out');
    expect((screen.getByRole('textbox', { name: 'are found in this tenant as' }) as HTMLInputElement).value).toBe('fabrikam.example');
  });
});

describe('PlanReview, what blocks applying leads to the choice that lifts it', () => {
  it('moves the focus to the reference’s choice, or to the policy’s state, from each entry', () => {
    const source = copied();
    const copy = copyPlanFor(source);
    fake.planFor = (choices) => {
      const plan = copy(choices);
      const row: PlanRow = {
        ...policy(1, 'create'),
        state: { choice: 'source', value: 'enabled', options: ['reportOnly', 'source'] },
        problems: [{ severity: 'blocker', text: 'Could lock out Ada Lindqvist (you)' }],
      };
      const blockers = [
        ...plan.mapping.flatMap((r) =>
          r.problems
            .filter((p) => p.severity === 'blocker' && !p.confirmed)
            .map((p) => ({ ...p, at: { table: 'mapping' as const, key: r.key } })),
        ),
        {
          severity: 'blocker' as const,
          text: `${row.displayName}: Could lock out Ada Lindqvist (you)`,
          at: { table: 'rows' as const, key: row.key },
        },
      ];
      return { ...plan, rows: [row], blockers };
    };
    render(<PlanReview source={source} targetName="Fabrikam" onApply={() => undefined} />);
    const blockers = screen.getByRole('list', { name: 'What blocks applying' });

    // Each says what to do here, after the link (whose name stays the problem).
    const user = within(blockers).getByRole('link', { name: "Choose what the user 'Break Glass 01' becomes in this tenant." });
    expect(user.closest('li')?.textContent).toBe(
      "Choose what the user 'Break Glass 01' becomes in this tenant. What to do: Choose on its row what stands for it in this tenant, or leave out the policies that use it.",
    );
    fireEvent.click(user);
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'In this tenant, Break Glass 01 becomes' }));

    fireEvent.click(within(blockers).getByRole('link', { name: 'CA001: Could lock out Ada Lindqvist (you)' }));
    const state = screen.getByRole('combobox', { name: 'State for CA001' });
    expect(document.activeElement).toBe(state);
    // The choice says the problem it lifts.
    expect(
      state
        .getAttribute('aria-describedby')
        ?.split(' ')
        .map((id) => document.getElementById(id)?.textContent),
    ).toEqual(['Could lock out Ada Lindqvist (you)']);
  });

  it('leads each of two policies of one name to its own row, and a policy Graph would refuse to its action', () => {
    const twin = (n: number, text: string): PlanRow => ({
      ...policy(n, 'create'),
      key: `policy key ${n}`,
      displayName: 'CA900 Block all',
      options: ['create', 'skip'],
      state: { choice: 'source', value: 'enabled', options: ['reportOnly', 'source'] },
      problems: [{ severity: 'blocker', text }],
    });
    const rows = [twin(1, 'Could lock out Ada Lindqvist (you)'), twin(2, 'Graph would refuse it: Include users.')];
    fake.planFor = (choices) => ({
      ...planFor(choices),
      rows,
      blockers: rows.map((row) => ({
        severity: 'blocker' as const,
        text: `${row.displayName}: ${row.problems[0]!.text}`,
        at: { table: 'rows' as const, key: row.key },
      })),
    });
    render(<PlanReview source={emptyImportSet()} targetName="Fabrikam" onApply={() => undefined} />);
    const blockers = screen.getByRole('list', { name: 'What blocks applying' });
    const links = within(blockers).getAllByRole('link');
    // Each its own link, to a valid anchor (no spaces), in order.
    expect(links.map((a) => /^#\S+$/.test(a.getAttribute('href') ?? ''))).toEqual([true, true]);

    fireEvent.click(links[0]!);
    const [firstState, secondState] = screen.getAllByRole('combobox', { name: 'State for CA900 Block all' });
    expect(document.activeElement).toBe(firstState);

    fireEvent.click(links[1]!);
    const secondAction = screen.getAllByRole('combobox', { name: 'Action for CA900 Block all' })[1]!;
    expect(document.activeElement).not.toBe(secondState);
    expect(document.activeElement).toBe(secondAction);
    expect(document.getElementById(secondAction.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Graph would refuse it: Include users.',
    );
  });
});

describe('PlanReview, one read of the directory at a time', () => {
  it('Find users again waits while a saved domain map is read, its domains read-only, and a file waits while Find reads', async () => {
    const source = copied();
    fake.planFor = copyPlanFor(source);
    render(<PlanReview source={source} targetName="Fabrikam" onApply={() => undefined} />);
    const find = screen.getByRole('button', { name: 'Find users again' });
    const to = screen.getByRole('textbox', { name: 'are found in this tenant as' });

    // A saved mapping's domain map is being read: Find waits, and the domains it would read cannot change meanwhile.
    act(() => fake.fileButtons!.onReading!(true));
    expect(find.getAttribute('aria-disabled')).toBe('true');
    // …and says why to the keyboard that reaches it.
    expect(document.getElementById(find.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Waiting for the users of the saved mapping to be found.',
    );
    expect(to.hasAttribute('readonly')).toBe(true);
    fireEvent.click(find);
    expect(statusSaying('Finding the users…')).toBeFalsy();
    act(() => fake.fileButtons!.onReading!(false));
    expect(find.getAttribute('aria-disabled')).toBeNull();
    expect(find.getAttribute('aria-describedby')).toBeNull();
    expect(to.hasAttribute('readonly')).toBe(false);

    // Find reads: a saved mapping waits for it.
    let open = () => undefined as void;
    fake.gate = new Promise<void>((resolve) => (open = resolve));
    fireEvent.change(to, { target: { value: 'fabrikam.example' } });
    fireEvent.click(find);
    expect(fake.fileButtons!.directoryBusy).toBe(true);
    expect(to.hasAttribute('readonly')).toBe(true);
    await act(async () => open());
    await waitFor(() => expect(fake.fileButtons!.directoryBusy).toBe(false));
  });
});

describe('PlanReview, what blocks applying leads to a row past the rows drawn', () => {
  it('draws the plan’s rows up to a blocked policy past the first hundred, and puts the focus on its state', () => {
    const rows = Array.from({ length: 150 }, (_, i) => ({
      ...policy(i + 1, 'create'),
      state: { choice: 'source' as const, value: 'enabled', options: ['reportOnly' as const, 'source' as const] },
      problems: i === 129 ? [{ severity: 'blocker' as const, text: 'Could lock out Ada Lindqvist (you)' }] : [],
    }));
    fake.planFor = (choices) => ({
      ...planFor(choices),
      rows,
      blockers: [{ severity: 'blocker', text: 'CA00130: Could lock out Ada Lindqvist (you)', at: { table: 'rows', key: 'p130' } }],
    });
    render(<PlanReview source={emptyImportSet()} targetName="Fabrikam" onApply={() => undefined} />);
    expect(screen.getByText('Showing rows 1–100 of 150.')).toBeTruthy();

    fireEvent.click(within(screen.getByRole('list', { name: 'What blocks applying' })).getByRole('link'));

    // The focus is on the blocked row's state (not the table's heading), described by what blocks it.
    expect(document.activeElement?.getAttribute('aria-label')).toBe('State for CA00130');
    expect(document.getElementById(document.activeElement?.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Could lock out Ada Lindqvist (you)',
    );
    expect(screen.queryByText(/^Showing rows/)).toBeNull();
  }, 30_000);

  it('draws the references up to a blocked one past the first hundred, and puts the focus on its choice', () => {
    const { source: many, ids } = manyGroups();
    fake.planFor = (choices) => {
      const mapping = buildMapping(
        many,
        sourcePolicies(many),
        { ...target, directory: new Map(ids.map((id) => [id, []])) },
        choices,
        new Map(),
        false,
      );
      const blocked = mapping.find((row) => row.sourceName === 'Group 120')!;
      return {
        ...copyPlanFor(copied())(choices),
        mapping,
        blockers: [{ ...blocked.problems[0]!, at: { table: 'mapping' as const, key: blocked.key } }],
      };
    };
    render(<PlanReview source={many} targetName="Fabrikam" onApply={() => undefined} />);

    fireEvent.click(within(screen.getByRole('list', { name: 'What blocks applying' })).getByRole('link'));

    expect(document.activeElement?.getAttribute('aria-label')).toBe('In this tenant, Group 120 becomes');
  }, 30_000);
});

describe('PlanReview, every unresolved reference chosen for at once', () => {
  /** Two references of CA001 nothing stands for (the mapping's choice, once made, in force), and CA002 needing none. */
  const unresolvedFor = (choices: PlanChoices): Plan => {
    const reference = (key: string, name: string): MappingRow => ({
      key,
      kind: 'group',
      sourceValue: key,
      sourceName: name,
      sourceDetail: null,
      status: 'none',
      why: 'Nothing of this name in the tenant.',
      candidates: [],
      choice: choices.mapping[key] ?? null,
      chosen: key in choices.mapping,
      uses: [{ rowKey: 'p1', policyName: 'CA001', place: 'included groups', exclusion: false }],
      canCreate: false,
      problems: [],
    });
    const plan = planFor(choices);
    const chosen = !choices.selection || choices.selection.includes('p1');
    return { ...plan, sameTenant: false, mapping: chosen ? [reference('group:a', 'Sales'), reference('group:b', 'Finance')] : [] };
  };

  it('leaves out every policy that needs one: the choice of policies says so, and the buttons stay', () => {
    fake.planFor = unresolvedFor;
    render(<PlanReview source={emptyImportSet()} targetName="Fabrikam" onApply={() => undefined} />);
    const leaveOut = screen.getByRole('button', { name: 'Leave out every policy that needs an unresolved reference (1)' });
    fireEvent.click(leaveOut);
    expect(screen.getByText('1 of 2 policies is chosen.')).toBeTruthy();
    expect(
      screen.getByText('1 policy left out of the choice. Undo chooses it again; to bring one back, tick it under Choose policies….'),
    ).toBeTruthy();
    // None left: disabled, but still there for the focus it holds.
    expect(
      screen.getByRole('button', { name: 'Leave out every policy that needs an unresolved reference (0)' }).getAttribute('aria-disabled'),
    ).toBe('true');
  });

  it('Undo chooses the policies left out again, and the focus stays on the button it undid', () => {
    fake.planFor = unresolvedFor;
    render(<PlanReview source={emptyImportSet()} targetName="Fabrikam" onApply={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Leave out every policy that needs an unresolved reference (1)' }));
    expect(screen.getByText('1 of 2 policies is chosen.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(screen.getByText('All 2 policies are chosen.')).toBeTruthy();
    expect(screen.getByText('1 policy chosen again.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    expect(document.activeElement?.textContent).toBe('Leave out every policy that needs an unresolved reference (1)');
  });

  it('offers no Undo once the choice of policies was changed otherwise: it would take that change back too', () => {
    fake.planFor = unresolvedFor;
    render(<PlanReview source={emptyImportSet()} targetName="Fabrikam" onApply={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Leave out every policy that needs an unresolved reference (1)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Choose policies…' }));
    fireEvent.click(screen.getByRole('button', { name: 'All' }));
    expect(screen.getByText('All 2 policies are chosen.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    // Nor is it promised in words.
    expect(screen.getByText('1 policy left out of the choice. To bring one back, tick it under Choose policies….')).toBeTruthy();
  });

  it('removes every unresolved reference from the policies: each row says Leave it out', () => {
    fake.planFor = unresolvedFor;
    render(<PlanReview source={emptyImportSet()} targetName="Fabrikam" onApply={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove unresolved references from the policies (2)' }));
    for (const name of ['Sales', 'Finance'])
      expect(screen.getByRole('combobox', { name: `In this tenant, ${name} becomes` }).textContent).toBe('Leave it out');
    expect(screen.getByText(/^2 references set to be left out of the policies that name them\./)).toBeTruthy();
  });

  it('offers neither for a single unresolved reference: its own menu is enough', () => {
    fake.planFor = (choices) => ({ ...unresolvedFor(choices), mapping: unresolvedFor(choices).mapping.slice(0, 1) });
    render(<PlanReview source={emptyImportSet()} targetName="Fabrikam" onApply={() => undefined} />);
    expect(screen.queryByRole('button', { name: /^Remove unresolved references/ })).toBeNull();
  });
});
