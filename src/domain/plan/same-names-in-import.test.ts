// Two files of one import holding different policies of the same name (CA Optics' demo data: "baseline" in
// policies.json and in extreme.json) planned two creates with nothing said: the tenant got two of the name.
// Each written row now warns, naming the files, without blocking (Graph accepts the name twice).
import { describe, expect, it } from 'vitest';
import { readImport } from '../import/read-import';
import type { JsonObject } from '../json';
import { buildPlan } from './build-plan';
import { mfaPolicyFor, targetTenant } from './test-fixtures';
import { defaultChoices, type PlanChoices, type PlanRow } from './types';

const fileOf = (path: string, policies: JsonObject[]) => ({ path, bytes: new TextEncoder().encode(JSON.stringify(policies)) });
const policy = (id: string, name: string, app: string) => mfaPolicyFor(`cccccccc-0000-0000-0000-00000000000${id}`, name, app);

const POLICIES = [policy('1', 'Handle macOs', 'Office365'), policy('2', 'baseline', 'All'), policy('3', 'Finland', 'Office365')];
const EXTREME = [policy('4', 'baseline', 'MicrosoftAdminPortals'), policy('5', 'Handle macOs', 'All'), policy('6', 'finski', 'All')];

const planOf = async (files: { path: string; bytes: Uint8Array }[], over: Partial<PlanChoices> = {}, tenant: JsonObject[] = []) =>
  buildPlan(await readImport(files), targetTenant({ policies: tenant }), { ...defaultChoices(), ...over });

const warnings = (row: PlanRow | undefined) => row?.problems.filter((p) => p.severity === 'warning').map((p) => p.text) ?? [];
const rowOf = (rows: PlanRow[], sourceId: string) => rows.find((r) => r.sourceId === `cccccccc-0000-0000-0000-00000000000${sourceId}`);

describe('policies of one name in the same import', () => {
  it('each written one warns, naming its file and the other’s; nothing blocks and the others say nothing', async () => {
    const plan = await planOf([fileOf('demodata/policies.json', POLICIES), fileOf('demodata/extreme.json', EXTREME)]);
    expect(plan.counts.create).toBe(6);
    expect(warnings(rowOf(plan.rows, '2'))).toEqual([
      "Another policy of this import has the same name (this one from demodata/policies.json, the other from demodata/extreme.json): the tenant would have two policies named 'baseline'.",
    ]);
    expect(warnings(rowOf(plan.rows, '4'))).toEqual([
      "Another policy of this import has the same name (this one from demodata/extreme.json, the other from demodata/policies.json): the tenant would have two policies named 'baseline'.",
    ]);
    expect(warnings(rowOf(plan.rows, '1'))).toHaveLength(1);
    expect(warnings(rowOf(plan.rows, '5'))).toHaveLength(1);
    for (const other of ['3', '6']) expect(rowOf(plan.rows, other)!.problems).toEqual([]);
    expect(plan.blockers).toEqual([]);
  });

  it('two of one file, letter case aside: "the same file"', async () => {
    const plan = await planOf([fileOf('one.json', [policy('1', 'Baseline', 'Office365'), policy('2', 'baseline', 'All')])]);
    expect(warnings(rowOf(plan.rows, '1'))).toEqual([
      "Another policy of this import has the same name (this one from one.json, the other from the same file): the tenant would have two policies named 'Baseline' (letter case aside).",
    ]);
  });

  // Graph keeps a name as written: ' baseline' is not 'baseline', though the two look the same in a list.
  it('two whose names differ only by a space at an end are not "the same name": each says how they differ', async () => {
    const plan = await planOf([
      fileOf('a.json', [policy('1', ' baseline', 'Office365')]),
      fileOf('b.json', [policy('2', 'baseline', 'All')]),
    ]);
    expect(warnings(rowOf(plan.rows, '1'))).toEqual([
      "Its name, ' baseline', differs from that of another policy of this import, 'baseline', only by spaces at the start or end (this one from a.json, the other from b.json): Graph keeps names as written, so the tenant would have policies whose names look the same but differ.",
    ]);
    expect(warnings(rowOf(plan.rows, '2'))).toEqual([
      "Its name, 'baseline', differs from that of another policy of this import, ' baseline', only by spaces at the start or end (this one from b.json, the other from a.json): Graph keeps names as written, so the tenant would have policies whose names look the same but differ.",
    ]);
    expect(plan.blockers).toEqual([]);
  });

  // trim() takes off tabs, line breaks and other white space too: the words say which, not "spaces".
  it.each([
    ['a tab', 'baseline\t', 'baseline', "'baseline\\t'", 'tabs'],
    ['a line break', '\nbaseline', 'baseline', "'\\nbaseline'", 'line breaks'],
    ['a space and a tab', ' baseline', 'baseline\t', "' baseline'", 'spaces and tabs'],
    ['a space, a tab both have aside', ' baseline\t', 'baseline\t', "' baseline\\t'", 'spaces'],
    ['a non-breaking space', 'baseline\u00A0', 'baseline', "'baseline\u00A0'", 'non-breaking spaces (U+00A0)'],
    ['an ideographic space', '\u3000baseline', 'baseline', "'\u3000baseline'", 'white space U+3000'],
    ['letter case and a line break', 'Baseline\r\n', 'baseline', "'Baseline\\r\\n'", 'letter case and line breaks'],
  ])('two whose names differ only by %s at an end say so', async (_, mine, theirs, shown, by) => {
    const plan = await planOf([fileOf('a.json', [policy('1', mine, 'Office365')]), fileOf('b.json', [policy('2', theirs, 'All')])]);
    const alike = warnings(rowOf(plan.rows, '1')).filter((w) => w.startsWith('Its name'));
    expect(alike).toHaveLength(1);
    expect(alike[0]).toContain(`Its name, ${shown}, differs from that of another policy of this import, `);
    expect(alike[0]).toContain(`, only by ${by} at the start or end (this one from a.json, the other from b.json)`);
  });

  it('two of one name and a third differing by case and a space: the two say the same name, all three the look-alike', async () => {
    const plan = await planOf([
      fileOf('a.json', [policy('1', 'baseline', 'Office365'), policy('2', 'baseline', 'All')]),
      fileOf('b.json', [policy('3', 'Baseline ', 'MicrosoftAdminPortals')]),
    ]);
    expect(warnings(rowOf(plan.rows, '1'))).toEqual([
      "Another policy of this import has the same name (this one from a.json, the other from the same file): the tenant would have two policies named 'baseline'.",
      "Its name, 'baseline', differs from that of another policy of this import, 'Baseline ', only by letter case and spaces at the start or end (this one from a.json, the other from b.json): Graph keeps names as written, so the tenant would have policies whose names look the same but differ.",
    ]);
    expect(warnings(rowOf(plan.rows, '3'))).toEqual([
      "Its name, 'Baseline ', differs from those of 2 other policies of this import, 'baseline', only by letter case and spaces at the start or end (this one from b.json, the others from a.json): Graph keeps names as written, so the tenant would have policies whose names look the same but differ.",
    ]);
  });

  it('one already in the tenant as planned is not written and does not warn; the one created beside it does', async () => {
    const theirs = { ...POLICIES[1]!, state: 'enabledForReportingButNotEnforced' };
    const plan = await planOf([fileOf('demodata/policies.json', POLICIES), fileOf('demodata/extreme.json', EXTREME)], {}, [theirs]);
    expect(rowOf(plan.rows, '2')).toMatchObject({ action: 'skip' });
    expect(rowOf(plan.rows, '2')!.problems).toEqual([]);
    expect(warnings(rowOf(plan.rows, '4'))).toEqual([
      "Another policy of this import has the same name (this one from demodata/extreme.json, the other from demodata/policies.json): the tenant would have two policies named 'baseline'.",
    ]);
  });

  it('policies of the name in the tenant that no row touches are counted too', async () => {
    const tenant = [
      mfaPolicyFor('dddddddd-0000-0000-0000-000000000001', 'baseline', 'Office'),
      mfaPolicyFor('dddddddd-0000-0000-0000-000000000002', 'baseline', 'SharePoint'),
    ];
    const plan = await planOf([fileOf('demodata/policies.json', POLICIES), fileOf('demodata/extreme.json', EXTREME)], {}, tenant);
    expect(warnings(rowOf(plan.rows, '2'))).toEqual([expect.stringContaining('the tenant would have four policies named')]);
  });

  it('left out, a policy of the tenant does not have the name: the other no longer warns', async () => {
    const files = [fileOf('demodata/policies.json', POLICIES), fileOf('demodata/extreme.json', EXTREME)];
    const plan = await planOf(files, { rows: { 'policy:cccccccc-0000-0000-0000-000000000004': { action: 'skip' } } });
    expect(warnings(rowOf(plan.rows, '2'))).toEqual([]);
    expect(warnings(rowOf(plan.rows, '4'))).toEqual([]);
  });

  it('three of a name across three files: each names the other two files', async () => {
    const plan = await planOf([
      fileOf('a.json', [policy('1', 'Same', 'All')]),
      fileOf('b.json', [policy('2', 'Same', 'Office365')]),
      fileOf('c.json', [policy('3', 'Same', 'MicrosoftAdminPortals')]),
    ]);
    expect(warnings(rowOf(plan.rows, '2'))).toEqual([
      "2 other policies of this import have the same name (this one from b.json, the others from a.json and c.json): the tenant would have three policies named 'Same'.",
    ]);
  });
});

describe('the mapping’s uses of policies of one name', () => {
  const USER = 'aaaaaaaa-0000-0000-0000-000000000001';
  const excluding = (id: string, name: string, app: string) => ({
    ...policy(id, name, app),
    conditions: {
      clientAppTypes: ['all'],
      applications: { includeApplications: [app] },
      users: { includeUsers: ['All'], excludeUsers: [USER] },
    },
  });
  const including = (id: string, name: string, app: string) => ({
    ...policy(id, name, app),
    conditions: {
      clientAppTypes: ['all'],
      applications: { includeApplications: [app] },
      users: { includeUsers: [USER, 'GuestsOrExternalUsers'] },
    },
  });
  const leftOut = { mapping: { [`user:${USER}`]: { action: 'drop' as const } } };
  const textsOf = (plan: { mapping: { sourceValue: string; problems: { text: string }[] }[] }) =>
    plan.mapping.find((row) => row.sourceValue === USER)!.problems.map((p) => p.text);

  it('carry the file where two of the name came from different files, and only there', async () => {
    const plan = await planOf([
      fileOf('demodata/policies.json', [excluding('1', 'baseline', 'All'), excluding('2', 'Finland', 'All')]),
      fileOf('demodata/extreme.json', [excluding('3', 'baseline', 'Office365')]),
    ]);
    const uses = plan.mapping.find((row) => row.sourceValue === USER)!.uses;
    expect(uses.map((use) => [use.policyName, use.file])).toEqual([
      ['baseline', 'demodata/policies.json'],
      ['Finland', undefined],
      ['baseline', 'demodata/extreme.json'],
    ]);
  });

  it('the blocker of a dropped exclusion names each policy of the name with its file', async () => {
    const plan = await planOf(
      [
        fileOf('demodata/policies.json', [excluding('1', 'baseline', 'All'), excluding('2', 'Finland', 'All')]),
        fileOf('demodata/extreme.json', [excluding('3', 'baseline', 'Office365')]),
      ],
      leftOut,
    );
    expect(textsOf(plan)).toEqual([
      `Leaving out the user ${USER} widens 'baseline' (from demodata/policies.json), 'Finland', 'baseline' (from demodata/extreme.json): it is in the excluded users, so the policy would then apply where it did not.`,
    ]);
  });

  it('the warning of a dropped inclusion names each policy of the name with its file; of one file, once and without', async () => {
    const plan = await planOf(
      [fileOf('a.json', [including('1', 'baseline', 'All'), including('2', 'Finland', 'All'), including('3', 'Finland', 'All')])],
      leftOut,
    );
    expect(textsOf(plan)[0]).toContain("narrows 'baseline', 'Finland':");
    const split = await planOf(
      [fileOf('a.json', [including('1', 'baseline', 'All')]), fileOf('b.json', [including('2', 'baseline', 'All')])],
      leftOut,
    );
    expect(textsOf(split)).toEqual([
      `Leaving out the user ${USER} narrows 'baseline' (from a.json), 'baseline' (from b.json): it is in the included users, so the policy no longer applies to this user.`,
    ]);
  });
});
