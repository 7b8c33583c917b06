// A backup of a tenant's Conditional Access: the policies as read from beta, what they use, and the
// directory objects they name, made into a bundle with its manifest. Reads only, two round trips
// for most tenants (the policies, then one $batch), paced like every Conditional Access read.
import { createBundle, type Bundle } from '../domain/bundle/bundle';
import { recognisePlans, withEdits } from '../domain/contingency/contingency-plan';
import { findSavedChoices, type SavedChoices } from '../domain/contingency/saved-choices';
import { policyJson, type JsonObject } from '../domain/json';
import type { RolloutPlan } from '../domain/rollout/rollout-plan';
import { readForBackup } from '../graph/backup-reads';
import { listPolicies } from '../graph/policies';
import type { OperationContext } from './ports';

export async function exportTenant(
  context: Pick<OperationContext, 'client' | 'scope' | 'clock'>,
  tenantName: string | null,
  onProgress: (step: string) => void = () => {},
  /**
   * The admin's edits of the contingency plans (kept on the device), so the backup holds the plans as they stand, with
   * the policies of the plan each was saved for: a plan that took a deleted plan's id does not take its edits.
   */
  saved: Pick<SavedChoices, 'plans' | 'choicesFor'> = { plans: {} },
  /** The staged rollouts kept on the device, whatever stage they are at. */
  rolloutPlans: readonly RolloutPlan[] = [],
): Promise<Bundle> {
  onProgress('Reading the policies…');
  const policies = await listPolicies(context.client);
  onProgress('Reading named locations, authentication strengths and contexts, terms of use and the objects the policies name…');
  const reads = await readForBackup(context.client, policies);
  const { references, ...sections } = reads;
  const json = policies.map(policyJson);
  return createBundle(
    { ...sections, policies: json },
    references,
    { tenantId: context.scope, tenantName, capturedAt: context.clock.now() },
    plansAsEdited(json, saved),
    [...rolloutPlans],
  );
}

/** The tenant's plans with the edits kept on the device, those an earlier version kept under a plan's old id too. */
function plansAsEdited(json: JsonObject[], saved: Pick<SavedChoices, 'plans' | 'choicesFor'>) {
  const plans = recognisePlans(json);
  return withEdits(plans, findSavedChoices({ ...saved, switches: {} }, plans).plans);
}
