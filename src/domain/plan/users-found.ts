// What "Find users again" found, counted as the plan will use it: only the users the chosen policies name (a
// policy left out of the choice writes none of its users), and a user found more than once told apart, since
// the plan cannot use it until the admin chooses which one on its row.
import type { ImportSet } from '../import/import-set';
import { sourcePolicies } from './build-plan';
import { referencesToLookUp } from './mapping';
import type { PlanChoices, TargetCandidate } from './types';

export interface UsersFound {
  /** The users the chosen policies name. */
  users: number;
  /** Of them, those the directory has at least one match for. */
  found: number;
  /** Of those found, those with more than one match (and none by the same id): the admin chooses one on its row. */
  ambiguous: number;
}

export function countUsersFound(
  source: ImportSet,
  choices: Pick<PlanChoices, 'selection' | 'domains'>,
  directory: ReadonlyMap<string, readonly Pick<TargetCandidate, 'by'>[]>,
): UsersFound {
  const chosen = choices.selection && new Set(choices.selection);
  const policies = sourcePolicies(source).filter((p) => !chosen || chosen.has(p.rowKey));
  const users = referencesToLookUp(source, policies, choices.domains).filter((ref) => ref.kind === 'user');
  const matches = users.map((ref) => directory.get(ref.id) ?? []);
  return {
    users: users.length,
    found: matches.filter((m) => m.length > 0).length,
    ambiguous: matches.filter((m) => m.length > 1 && !m.some((c) => c.by === 'id')).length,
  };
}
