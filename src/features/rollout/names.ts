// A ring or a policy named in the console's own words (a button, a status, a notice): the tenant's
// name isolated, so a direction control in it cannot reorder the words around it.
import type { RolloutPlan } from '../../domain/rollout/rollout-plan';
import { isolatedText } from '../../shared/ui/isolated-text';

/** "Ring 2 (Finance)", as the domain's ringLabel, with the group's name isolated. */
export const ringName = (plan: Pick<RolloutPlan, 'rings'>, key: string | null): string => {
  const index = plan.rings.findIndex((r) => r.key === key);
  return index < 0 ? 'A ring' : `Ring ${index + 1} (${isolatedText(plan.rings[index]!.group.name)})`;
};
