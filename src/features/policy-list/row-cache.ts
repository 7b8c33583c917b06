// A policy's row is built once per policy and set of names: typing, sorting or filtering reuses it,
// and a refetch that leaves a policy unchanged (TanStack Query keeps its object) rebuilds only
// the policies that changed. Entries go with their policy objects (a WeakMap).
import type { NameDirectory } from '../../domain/references';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { toRow, type PolicyRow } from './policy-rows';

export interface RowCache {
  rowOf(policy: ConditionalAccessPolicy, names: NameDirectory | undefined): PolicyRow;
}

export function createRowCache(build: typeof toRow = toRow): RowCache {
  const built = new WeakMap<ConditionalAccessPolicy, { names: NameDirectory | undefined; row: PolicyRow }>();
  return {
    rowOf(policy, names) {
      const cached = built.get(policy);
      if (cached && cached.names === names) return cached.row;
      const row = build(policy, names);
      built.set(policy, { names, row });
      return row;
    },
  };
}
