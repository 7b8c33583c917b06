// A rollout step as the shared plan flow takes it: an import of the policies the step leaves behind,
// taken from this tenant (so every reference maps to itself), with the new rings' groups named.
import { emptyImportSet, type ImportSet } from '../../domain/import/import-set';
import type { StepWrite } from '../../domain/rollout/steps';

export function importOf(write: StepWrite, tenantId: string): ImportSet {
  const set = emptyImportSet();
  set.origin.tenantId = tenantId;
  set.sections.policies = write.policies;
  set.references = write.references;
  return set;
}
