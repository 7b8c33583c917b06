import { describe, expect, it, vi } from 'vitest';
import type { NameDirectory } from '../../domain/references';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { toRow } from './policy-rows';
import { createHintedRows, createRowCache, describeWhenIdle } from './row-cache';

const policy = (id: string): ConditionalAccessPolicy => ({ id, displayName: `Policy ${id}`, state: 'enabled' }) as ConditionalAccessPolicy;
const names = (): NameDirectory => ({ names: new Map(), failures: [] });

describe('the row cache', () => {
  it('builds a policy’s row once per set of names', () => {
    const build = vi.fn(toRow);
    const cache = createRowCache(build);
    const a = policy('a');
    const resolved = names();
    const first = cache.rowOf(a, undefined);
    expect(cache.rowOf(a, undefined)).toBe(first);
    expect(build).toHaveBeenCalledTimes(1);

    const named = cache.rowOf(a, resolved);
    expect(named).not.toBe(first);
    expect(cache.rowOf(a, resolved)).toBe(named);
    expect(build).toHaveBeenCalledTimes(2);
  });

  it('rebuilds only the policies a refetch replaced', () => {
    const build = vi.fn(toRow);
    const cache = createRowCache(build);
    const resolved = names();
    const list = [policy('a'), policy('b'), policy('c')];
    list.forEach((p) => cache.rowOf(p, resolved));
    const refetched = [list[0]!, { ...list[1]!, state: 'disabled' } as ConditionalAccessPolicy, list[2]!];
    const rows = refetched.map((p) => cache.rowOf(p, resolved));
    expect(build).toHaveBeenCalledTimes(4);
    expect(rows[1]!.state).toBe('disabled');
  });
});

describe('describing rows while idle', () => {
  it('reads every row’s words once, in slices, and stops when cancelled', () => {
    vi.useFakeTimers();
    try {
      const reads: number[] = [];
      const rows = Array.from({ length: 195 }, (_, i) => {
        const row = toRow(policy(String(i)), names());
        return {
          ...row,
          get searchText() {
            reads.push(i);
            return row.searchText;
          },
        };
      });
      describeWhenIdle(rows);
      vi.runAllTimers();
      expect(reads).toEqual(rows.map((_, i) => i));

      reads.length = 0;
      const cancel = describeWhenIdle(rows);
      cancel();
      vi.runAllTimers();
      expect(reads).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('rows with the reason search kept them', () => {
  it('keeps a row’s object while its reason stays the same, so its drawn row is not redrawn', () => {
    const hinted = createHintedRows();
    const row = toRow(policy('a'), names());
    expect(hinted(row, null)).toBe(row);
    const byGroup = hinted(row, 'Matches group “Sales”');
    expect(byGroup).not.toBe(row);
    expect(byGroup.matchHint).toBe('Matches group “Sales”');
    expect(byGroup.name).toBe(row.name);
    expect(hinted(row, 'Matches group “Sales”')).toBe(byGroup);
    const byUser = hinted(row, 'Matches user “Sam”');
    expect(byUser).not.toBe(byGroup);
    expect(byUser.matchHint).toBe('Matches user “Sam”');
    expect(hinted(row, null)).toBe(row);
  });
});
