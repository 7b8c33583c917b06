// What a file chosen on the all-tenant report page is when it is not a report, recognised as Import and
// Compare recognise files (a backup, its folder's manifest, a policy export), and Gatehouse's other
// files by their format: said with where it opens, so the admin has a next step, not a format name.
import { isBundle } from '../../domain/bundle/read-bundle';
import { SCENARIO_FILE_FORMAT } from '../../domain/evaluation/scenario';
import { isBundleManifest } from '../../domain/import/bundle-files';
import { isolatedText } from '../../domain/isolate';
import { isJsonObject } from '../../domain/json';
import { MAPPING_FORMAT } from '../../domain/plan/mapping-file';
import { PLAN_FORMAT } from '../../domain/plan/plan-file-format';
import { describeContents, findPolicies } from '../../domain/policy-file-contents';

const SIGNED_IN = 'once signed in';

const named = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? isolatedText(value) : null);

/** "a Gatehouse backup of Contoso" (its name, else its id, else nothing). */
function backupOf(tenant: unknown): string {
  const name = isJsonObject(tenant) ? (named(tenant.name) ?? named(tenant.id)) : null;
  return name ? `a Gatehouse backup of ${name}` : 'a Gatehouse backup';
}

/** The words for a parsed file that is not an all-tenant report: what it is, and where it belongs. */
export function notAReportWords(fileName: string, value: unknown): string {
  const file = isolatedText(fileName);
  if (isJsonObject(value)) {
    if (isBundle(value) && isJsonObject(value.manifest))
      return `${file} is ${backupOf(value.manifest.tenant)}: open it on Import or Compare ${SIGNED_IN}.`;
    if (isBundleManifest(value))
      return `${file} is the manifest of ${backupOf(value.tenant)} kept as a folder: open the folder on Import ${SIGNED_IN}.`;
    if (value.format === PLAN_FORMAT) {
      const tenant = isJsonObject(value.tenant) ? named(value.tenant.id) : null;
      return `${file} is a plan written by “gatehouse plan”${tenant ? ` for tenant ${tenant}` : ''}: “gatehouse apply” runs it; the console does not open it.`;
    }
    if (value.format === MAPPING_FORMAT)
      return `${file} is a saved mapping: choose it with “Use a saved mapping…” in the plan of an import, on Import ${SIGNED_IN}.`;
    if (value.format === SCENARIO_FILE_FORMAT)
      return `${file} holds What if scenarios: choose it with “Import scenarios…” on What if ${SIGNED_IN}.`;
  }
  const policies = findPolicies(value).length;
  if (policies > 0)
    return `${file} is a policy export (${policies === 1 ? '1 Conditional Access policy' : `${policies} Conditional Access policies`}): open it on Import or Compare ${SIGNED_IN}.`;
  return `${file} holds ${describeContents(value)}, not an all-tenant report.`;
}
