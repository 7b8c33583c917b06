// Rollouts brought back from a backup into this device: each plan's policy found in the tenant by id
// or, after a restore made the policies anew, by name, and its copy the same way. A plan whose policy
// is not in the tenant is left out, in words; a copy that is gone is said, since the next step of a
// rollout under way would then create it again.
import type { JsonObject } from '../json';
import type { RolloutPlan } from './rollout-plan';

export interface RestoredRollouts {
  plans: RolloutPlan[];
  notes: string[];
}

const idOf = (p: JsonObject) => (typeof p.id === 'string' ? p.id : null);
const nameOf = (p: JsonObject) => (typeof p.displayName === 'string' ? p.displayName.trim().toLowerCase() : null);

function find(policies: readonly JsonObject[], id: string | null, name: string): JsonObject | undefined {
  return (
    (id ? policies.find((p) => idOf(p)?.toLowerCase() === id.toLowerCase()) : undefined) ??
    policies.find((p) => nameOf(p) === name.trim().toLowerCase())
  );
}

export function restoreRollouts(plans: readonly RolloutPlan[], policies: readonly JsonObject[]): RestoredRollouts {
  const notes: string[] = [];
  const restored = plans.flatMap((plan): RolloutPlan[] => {
    const policy = find(policies, plan.policyId, plan.policyName);
    const id = policy && idOf(policy);
    if (!id) {
      notes.push(`“${plan.policyName}” is not in this tenant: its rollout was not restored.`);
      return [];
    }
    const underWay = plan.status === 'running' || plan.status === 'finishing';
    const copy = underWay ? find(policies, plan.copyId, plan.copyName) : undefined;
    if (underWay && !copy) notes.push(`The copy “${plan.copyName}” is not in this tenant: the rollout’s next step creates it again.`);
    return [{ ...plan, policyId: id, copyId: copy ? idOf(copy) : underWay ? null : plan.copyId, pending: null }];
  });
  return { plans: restored, notes };
}
