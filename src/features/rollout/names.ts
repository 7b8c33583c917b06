// A ring or a policy named in the console's own words (a button, a status, a notice): the tenant's
// name isolated, so a direction control in it cannot reorder the words around it.
import { ringLabel, type RolloutPlan } from '../../domain/rollout/rollout-plan';

/** "Ring 2 (Finance)": the domain's ringLabel (the group's name isolated). */
export const ringName = (plan: Pick<RolloutPlan, 'rings'>, key: string | null): string => ringLabel(plan, key);
