// While the names are looked up, a history's sentences name what is known and say the rest is on its way.
import { describe, expect, it } from 'vitest';
import { describeChanges } from '../../domain/describe-changes';
import type { NameDirectory } from '../../domain/references';
import { withNamesOnTheirWay } from './names-on-their-way';

const ALICE = '11111111-1111-1111-1111-111111111111';
const BOB = '22222222-2222-2222-2222-222222222222';
const CAROL = '33333333-3333-3333-3333-333333333333';
const usersExcluded = (...ids: string[]) => ({ conditions: { users: { includeUsers: ['All'], excludeUsers: ids } } });
const known: NameDirectory = { names: new Map([[`user:${ALICE}`, { id: ALICE, kind: 'user', displayName: 'Alice' }]]), failures: [] };

describe('withNamesOnTheirWay', () => {
  it('names the known ids and says the others are on their way, never showing an id', () => {
    const before = usersExcluded(ALICE);
    const after = usersExcluded(ALICE, BOB);
    const text = describeChanges(before, after, withNamesOnTheirWay(known, [before, after])).map((c) => c.text);
    expect(text).toEqual(["Excluded user 'resolving name…' added"]);
    expect(describeChanges(after, before, withNamesOnTheirWay(known, [before, after])).map((c) => c.text)).toEqual([
      "Excluded user 'resolving name…' removed",
    ]);
  });

  it('does not read two names on their way as one object replaced by another of the same name', () => {
    const before = usersExcluded(ALICE, BOB);
    const after = usersExcluded(ALICE, CAROL);
    const [change] = describeChanges(before, after, withNamesOnTheirWay(known, [before, after])).map((c) => c.text);
    expect(change).toBe("Excluded user 'resolving name…' added; 'resolving name…' removed");
    expect(change).not.toContain(BOB);
  });

  it('with no names known yet, says every id is on its way', () => {
    const before = usersExcluded();
    const after = usersExcluded(ALICE);
    expect(describeChanges(before, after, withNamesOnTheirWay(undefined, [before, after])).map((c) => c.text)).toEqual([
      "Excluded user 'resolving name…' added",
    ]);
  });
});
