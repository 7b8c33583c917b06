// The references of a plan nothing is decided for yet (no match, several, none chosen), and the policies that need
// them: what the review's two choices for all of them at once act on, when an import leaves many such rows.
import type { MappingChoice, MappingRow } from './types';

export interface Unresolved {
  /** The mapping keys of the references nothing stands for yet. */
  references: string[];
  /** The row keys of the policies that name one of them, each once. */
  policies: string[];
}

export function unresolvedReferences(mapping: readonly MappingRow[]): Unresolved {
  const open = mapping.filter((row) => row.choice === null);
  return { references: open.map((row) => row.key), policies: [...new Set(open.flatMap((row) => row.uses.map((use) => use.rowKey)))] };
}

/** Each unresolved reference left out of the policies that name it: the choice its row's "Leave it out" makes. */
export const droppingAll = (unresolved: Unresolved): Record<string, MappingChoice> =>
  Object.fromEntries(unresolved.references.map((key) => [key, { action: 'drop' } satisfies MappingChoice]));

/** The choice of policies without those that need an unresolved reference (`selection` absent: every policy of `all`). */
export function withoutUnresolved(all: readonly string[], selection: readonly string[] | undefined, unresolved: Unresolved): string[] {
  const needing = new Set(unresolved.policies);
  return (selection ?? all).filter((key) => !needing.has(key));
}
