import { describe, expect, it } from 'vitest';
import type { NamedReference } from '../import/import-set';
import { buildPlan, sourcePolicies } from './build-plan';
import { countPlan, countWords, type PlanCounts } from './plan-counts';
import { writeWords } from './plan-words';
import { importOf, ipLocation, mfaPolicyFor, targetTenant } from './test-fixtures';
import { defaultChoices, type MappingRow, type PlanAction, type PlanRow } from './types';

const row = (key: string, action: PlanAction, options: PlanAction[], over: Partial<PlanRow> = {}): PlanRow => ({
  key,
  kind: 'policy',
  displayName: key,
  action,
  options,
  why: '',
  sourceId: null,
  targetId: null,
  body: null,
  intended: null,
  before: null,
  problems: [],
  ...over,
});

const counted = (over: Partial<PlanCounts>): PlanCounts => ({
  chosen: 0,
  created: 0,
  updated: 0,
  restored: 0,
  unchanged: 0,
  skippedByChoice: 0,
  blocked: 0,
  objects: [],
  ...over,
});

describe('countPlan, each chosen policy counted once', () => {
  it('tells created, updated, restored, already as planned and skipped by choice apart, and the other objects apart', () => {
    const counts = countPlan({
      rows: [
        row('group:new', 'create', ['create'], { kind: 'group' }),
        row('location:office', 'reuse', ['reuse'], { kind: 'namedLocation' }),
        row('new', 'create', ['create', 'skip']),
        row('changed', 'update', ['update', 'skip']),
        row('deleted', 'restore', ['restore', 'create', 'skip']),
        row('same', 'skip', ['skip']),
        row('not wanted', 'skip', ['update', 'skip']),
      ],
      mapping: [],
    });
    expect(counts).toEqual(
      counted({
        chosen: 5,
        created: 1,
        updated: 1,
        restored: 1,
        unchanged: 1,
        skippedByChoice: 1,
        objects: [
          { kind: 'group', action: 'create', count: 1 },
          { kind: 'namedLocation', action: 'reuse', count: 1 },
        ],
      }),
    );
  });

  it('counts a policy to write that a blocker holds back, its own or a reference’s, and not one skipped', () => {
    const blocker = { severity: 'blocker' as const, text: 'Could lock out Ada' };
    const reference = {
      key: 'group:g1',
      uses: [{ rowKey: 'uses group' }, { rowKey: 'skipped' }],
      problems: [{ severity: 'blocker', text: 'Choose what the group becomes' }],
    } as unknown as MappingRow;
    const counts = countPlan({
      rows: [
        row('own blocker', 'create', ['create', 'skip'], { problems: [blocker] }),
        row('confirmed', 'create', ['create', 'skip'], { problems: [{ ...blocker, confirmKey: 'k', confirmed: true }] }),
        row('uses group', 'update', ['update', 'skip']),
        row('skipped', 'skip', ['update', 'skip']),
      ],
      mapping: [reference],
    });
    expect(counts.blocked).toBe(2);
    expect(counts.skippedByChoice).toBe(1);
  });

  it('counts only the chosen policies when a plan still holds the rows of an earlier choice', () => {
    const rows = [row('a', 'update', ['update', 'skip']), row('b', 'skip', ['update', 'skip'])];
    expect(countPlan({ rows, mapping: [] }, ['a'])).toEqual(counted({ chosen: 1, updated: 1 }));
  });
});

describe('countWords, one story', () => {
  it('says every part that has something in it, the policies adding up to those chosen', () => {
    expect(
      countWords(
        counted({
          chosen: 35,
          created: 30,
          updated: 1,
          restored: 1,
          unchanged: 2,
          skippedByChoice: 1,
          objects: [
            { kind: 'group', action: 'create', count: 2 },
            { kind: 'namedLocation', action: 'reuse', count: 1 },
          ],
        }),
      ),
    ).toBe(
      'Of the 35 policies chosen: 30 are created, 1 is updated, 1 is restored from deleted items, 2 are already as planned, 1 is skipped by your choice. ' +
        'Besides the policies, 2 groups are created, 1 named location is used as it is.',
    );
  });

  it('says what the caller’s plan does in its own words, and nothing of objects it has none of', () => {
    const purpose = { one: 'gets the emergency accounts excluded', many: 'get the emergency accounts excluded' };
    expect(countWords(counted({ chosen: 3, updated: 2, unchanged: 1 }), purpose)).toBe(
      'Of the 3 policies chosen: 2 get the emergency accounts excluded, 1 is already as planned.',
    );
    expect(countWords(counted({ chosen: 1, updated: 1 }), purpose)).toBe(
      'Of the one policy chosen: 1 gets the emergency accounts excluded.',
    );
  });

  it('says how many of those written wait on what blocks, and when none is chosen', () => {
    expect(countWords(counted({ chosen: 3, created: 3, blocked: 1 }))).toBe(
      'Of the 3 policies chosen: 3 are created. 1 of those written waits on what blocks applying.',
    );
    expect(countWords(counted({ chosen: 2, updated: 2, blocked: 2 }))).toBe(
      'Of the 2 policies chosen: 2 are updated. Both wait on what blocks applying.',
    );
    expect(countWords(counted({ chosen: 0 }))).toBe('No policy is chosen.');
  });
});

describe('the counts of a planned import agree with its writes', () => {
  it('says as many created as "to create" counts, the objects apart from the policies', () => {
    const GROUP = 'aaaaaaaa-0000-0000-0000-000000000009';
    const references: NamedReference[] = [{ kind: 'group', id: GROUP, displayName: 'Pilot', exists: true }];
    const set = importOf(
      [
        mfaPolicyFor('cccccccc-0000-0000-0000-000000000001', 'CA001 New', 'All', { users: { includeGroups: [GROUP] } }),
        mfaPolicyFor('cccccccc-0000-0000-0000-000000000002', 'CA002 Same', 'All'),
        mfaPolicyFor('cccccccc-0000-0000-0000-000000000003', 'CA003 Left out', 'All'),
      ],
      [ipLocation('bbbbbbbb-0000-0000-0000-000000000001', 'Office', '10.0.0.0/8')],
    );
    set.references = references;
    const [, same, leftOut] = sourcePolicies(set);
    const tenant = targetTenant({
      policies: [
        { ...mfaPolicyFor('cccccccc-0000-0000-0000-000000000002', 'CA002 Same', 'All'), state: 'enabledForReportingButNotEnforced' },
      ],
      directory: new Map([[GROUP, []]]),
    });
    const choices = {
      ...defaultChoices(),
      mapping: { [`group:${GROUP}`]: { action: 'create' as const } },
      rows: { [leftOut!.rowKey]: { action: 'skip' as const } },
    };
    const plan = buildPlan(set, tenant, choices);
    expect(plan.rows.find((r) => r.key === same!.rowKey)?.action).toBe('skip');
    expect(writeWords(plan.counts)).toBe('3 to create, 0 to update');
    expect(countWords(countPlan(plan))).toBe(
      'Of the 3 policies chosen: 1 is created, 1 is already as planned, 1 is skipped by your choice. ' +
        'Besides the policies, 1 group is created, 1 named location is created.',
    );
  });
});
