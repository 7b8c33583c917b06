// Rollouts brought back from a backup onto this device: each placed on its policy in this tenant (by
// id, or by name after a restore made the policies anew), what could not be placed said.
import type { JsonObject } from '../../domain/json';
import { restoreRollouts } from '../../domain/rollout/restore';
import { RestoreFromBackup } from '../../policy-ui/restore-from-backup';
import type { RolloutStore } from '../../session/rollout-store';

export function RestoreRollouts({
  policies,
  store,
  onChange,
}: {
  policies: readonly JsonObject[];
  store: RolloutStore;
  onChange(next: RolloutStore): boolean;
}) {
  return (
    <RestoreFromBackup
      noun={{ one: 'rollout', many: 'rollouts' }}
      current={store}
      onChange={onChange}
      restore={(bundle, file) => {
        if (bundle.rolloutPlans.length === 0)
          return { none: `“${file}” holds no rollouts (backups made before rollouts were kept hold none).` };
        const { plans, notes } = restoreRollouts(bundle.rolloutPlans, policies);
        if (plans.length === 0) return { none: notes.join(' ') };
        return { next: { ...store, ...Object.fromEntries(plans.map((plan) => [plan.policyId, plan])) }, placed: plans.length, notes };
      }}
    />
  );
}
