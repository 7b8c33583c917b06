import { describe, expect, it, vi } from 'vitest';
import type { NameDirectory } from '../../domain/references';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { toRow } from './policy-rows';
import { createRowCache } from './row-cache';

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
