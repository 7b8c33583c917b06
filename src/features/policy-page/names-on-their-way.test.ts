// While a policy's names are looked up, its summary names what is known and says the rest is on its way.
import { describe, expect, it } from 'vitest';
import { describePolicy } from '../../domain/describe-policy';
import type { NameDirectory } from '../../domain/references';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { namesOnTheirWay } from './names-on-their-way';

const ALICE = '11111111-1111-1111-1111-111111111111';
const BOB = '22222222-2222-2222-2222-222222222222';
const policy = {
  id: 'p1',
  displayName: 'Require MFA',
  state: 'enabled',
  conditions: { users: { includeUsers: ['All'], excludeUsers: [ALICE, BOB] }, applications: { includeApplications: ['All'] } },
  grantControls: { operator: 'OR', builtInControls: ['mfa'] },
} as ConditionalAccessPolicy;
const known: NameDirectory = { names: new Map([[`user:${ALICE}`, { id: ALICE, kind: 'user', displayName: 'Alice' }]]), failures: [] };
const excluded = (names: NameDirectory | undefined) =>
  namesOnTheirWay(describePolicy(policy, names))
    .find((s) => s.title === 'Users')!
    .lines.flatMap((l) => l.values)
    .filter((v) => v.id !== 'All');

describe('namesOnTheirWay', () => {
  it('keeps the names known and says the others are on their way, with their ids kept for the tooltip', () => {
    expect(excluded(known).map((v) => [v.label, v.id])).toEqual([
      ['Alice', ALICE],
      ['Resolving name…', BOB],
    ]);
  });

  it('with no names yet, shows no id as a label', () => {
    expect(excluded(undefined).map((v) => v.label)).toEqual(['Resolving name…', 'Resolving name…']);
    expect(excluded(undefined).every((v) => !v.pending)).toBe(true);
  });
});
