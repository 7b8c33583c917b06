// The admin's mapping choices, set many at once: a row's choice, every missing group and its undo
// each go through one state update. Null takes a reference back to what the plan proposes.
import type { MappingChoice } from '../../domain/plan/types';

export type PickedChoices = Record<string, MappingChoice | null>;

export function withMappingChoices(mapping: Readonly<Record<string, MappingChoice>>, picked: PickedChoices): Record<string, MappingChoice> {
  const next = { ...mapping };
  for (const [key, choice] of Object.entries(picked)) {
    if (choice) next[key] = choice;
    else delete next[key];
  }
  return next;
}
