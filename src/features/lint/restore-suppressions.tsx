// Lint suppressions brought back from a backup onto this device: each placed on its policy in this
// tenant (by id, or by name after a restore made the policies anew), what could not be placed said.
import { placeSuppressions, withSuppression, type TenantPolicies } from '../../domain/lint/suppressions';
import type { LintSuppression } from '../../domain/lint/types';
import { RestoreFromBackup } from '../../policy-ui/restore-from-backup';

export function RestoreSuppressions({
  policies,
  current,
  onChange,
}: {
  /** This tenant's policies; while they are being read or could not be read, those of single policies are not placed. */
  policies: TenantPolicies;
  current: readonly LintSuppression[];
  onChange(next: readonly LintSuppression[]): boolean;
}) {
  return (
    <RestoreFromBackup
      noun={{ one: 'suppression', many: 'suppressions' }}
      current={current}
      onChange={onChange}
      restore={(bundle, file) => {
        if (bundle.lintSuppressions.length === 0)
          return { none: `“${file}” holds no lint suppressions (backups made before suppressions were kept hold none).` };
        const { placed, notes } = placeSuppressions(bundle.lintSuppressions, bundle.policies, policies);
        if (placed.length === 0) return { none: notes.join(' ') };
        // One per rule and policy: the backup's reason replaces the device's for the same finding.
        return { next: placed.reduce<readonly LintSuppression[]>(withSuppression, current), placed: placed.length, notes };
      }}
    />
  );
}
