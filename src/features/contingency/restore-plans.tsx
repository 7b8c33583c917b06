// Contingency plans brought back from a backup: the edits the naming cannot carry (what to turn off,
// which exclusions to add first) are kept on this device again, their steps found in this tenant by
// id or, after a restore made the policies anew, by name. What cannot be placed is said.
import { restoreEdits, type PlanEdits } from '../../domain/contingency/contingency-plan';
import type { JsonObject } from '../../domain/json';
import { RestoreFromBackup } from '../../policy-ui/restore-from-backup';
import { isolatedText } from '../../shared/ui/isolated-text';

export function RestorePlans({
  policies,
  edits,
  onChange,
}: {
  policies: readonly JsonObject[];
  edits: Record<string, PlanEdits>;
  onChange: (next: Record<string, PlanEdits>) => boolean;
}) {
  return (
    <RestoreFromBackup
      noun={{ one: 'plan', many: 'plans' }}
      current={edits}
      onChange={onChange}
      restore={(bundle, file) => {
        if (bundle.contingencyPlans.length === 0)
          return { none: `“${isolatedText(file)}” holds no contingency plans (backups made before plans were kept hold none).` };
        const restored = restoreEdits(bundle.contingencyPlans, policies);
        const notes = [
          ...restored.absentPlans.map(
            (plan) => `This tenant has no contingency policies for “${isolatedText(plan)}”: that plan was not restored.`,
          ),
          ...restored.unmatched.map((step) => `${step} is not in this tenant: left out of its plan.`),
        ];
        const placed = Object.keys(restored.edits).length;
        return placed === 0 ? { none: notes.join(' ') } : { next: { ...edits, ...restored.edits }, placed, notes };
      }}
    />
  );
}
