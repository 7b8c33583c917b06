// The record behind "Revert the last fix", in words, and the two kinds of run the page writes. A fix
// and its revert resume on the same page (one key) but say which they are; the revert's run is known
// by it when it ends, even after the page was reloaded and the run resumed.
import { Text } from '@fluentui/react-components';
import type { EmergencyFixRecord } from '../../domain/emergency/fix';
import type { RunOrigin } from '../../operations/apply-plan';
import { paths } from '../../shared/routes/paths';
import { Isolated } from '../../shared/ui/isolated-text';

/** A run written from this page resumes here. */
export const FIX_ORIGIN: RunOrigin = { key: 'emergency-access', path: paths.emergencyAccess, label: 'Emergency access, a fix' };
export const REVERT_ORIGIN: RunOrigin = { ...FIX_ORIGIN, label: 'Emergency access, the revert of the last fix' };

export const isRevertRun = (run: { origin?: RunOrigin }) =>
  run.origin?.key === REVERT_ORIGIN.key && run.origin.label === REVERT_ORIGIN.label;

/** What the revert will take out: the last fix, or the fixes made one after another since the last revert. */
export function LastFixNote({ record }: { record: EmergencyFixRecord }) {
  const started = new Date(record.at).toLocaleString();
  const names = record.policies.map((p, i) => (
    <span key={p.id}>
      {i > 0 ? ', ' : ''}
      <Isolated>{p.name}</Isolated>
    </span>
  ));
  return (record.fixes ?? 1) > 1 ? (
    <Text>
      The last {record.fixes} fixes, not reverted in between, the first started {started}, added exclusions to {names}. The revert takes out
      exactly what each added and nothing else.
    </Text>
  ) : (
    <Text>
      The last fix, started {started}, added exclusions to {names}. Its revert takes out exactly those and nothing else.
    </Text>
  );
}
