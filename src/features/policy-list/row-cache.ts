// A policy's row is built once per policy and set of names: typing, sorting or filtering reuses it,
// and a refetch that leaves a policy unchanged (TanStack Query keeps its object) rebuilds only
// the policies that changed. Entries go with their policy objects (a WeakMap).
import type { NameDirectory } from '../../domain/references';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { whenIdle } from '../../shared/idle';
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

/** Builds the words of rows not built yet, a few at a time while the browser is idle: the first search then finds them ready. */
export function describeWhenIdle(rows: readonly PolicyRow[]): () => void {
  let next = 0;
  let cancel: () => void;
  const work = (deadline?: IdleDeadline) => {
    const until = performance.now() + 8;
    while (next < rows.length && (deadline ? deadline.timeRemaining() > 1 : performance.now() < until)) void rows[next++]!.searchText;
    if (next < rows.length) schedule();
  };
  const schedule = () => (cancel = whenIdle(work, { timeout: 2000 }));
  schedule();
  return () => cancel();
}

/**
 * A row with the reason search kept it. The same object comes back while the reason stays the
 * same (a row whose name holds the words is the row itself), so a keystroke that leaves a drawn
 * row's words as they were does not redraw it.
 */
export function createHintedRows(): (row: PolicyRow, hint: string | null) => PolicyRow {
  const last = new WeakMap<PolicyRow, PolicyRow>();
  return (row, hint) => {
    if (!hint) return row;
    const previous = last.get(row);
    if (previous?.matchHint === hint) return previous;
    const hinted = { ...row, matchHint: hint };
    last.set(row, hinted);
    return hinted;
  };
}
