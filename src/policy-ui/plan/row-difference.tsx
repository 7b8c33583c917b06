// How a row's object in the target differs from what the plan writes: the compare view for a
// policy (words and side-by-side JSON, names across two tenants), and a list in words for a named
// location, strength or context. A create is shown too (every write is seen before it is made): a policy as a
// difference against nothing, any other object as the JSON that will be sent.
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { asPolicies } from '../../domain/json';
import { applyPatch } from '../../domain/policy-body';
import { objectDifferences } from '../../domain/plan/object-rows';
import { pendingNames, type PlanRow } from '../../domain/plan/types';
import { nameKey, type NameDirectory } from '../../domain/references';
import { PolicyDiff, useDiffView } from '../policy-diff';
import { useNames } from '../queries';
import { useTenantSession } from '../../session/tenant-session';
import { Isolated, isolatedText } from '../../shared/ui/isolated-text';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  json: { margin: 0, maxHeight: '360px', overflow: 'auto', fontFamily: tokens.fontFamilyMonospace, whiteSpace: 'pre-wrap' },
});

const NOTHING = {};

/** The target's names, and the plan's own names for the objects it creates (their ids are not known yet). */
function withPending(names: NameDirectory | undefined, planned: readonly PlanRow[]): NameDirectory | undefined {
  const pending = pendingNames(planned);
  if (pending.length === 0) return names;
  const all = new Map(names?.names);
  for (const name of pending) all.set(nameKey(name.kind, name.id), name);
  return { ...(names ?? { failures: [] }), names: all };
}

export function RowDifference({ row, targetName, planned = [] }: { row: PlanRow; targetName: string; planned?: readonly PlanRow[] }) {
  const styles = useStyles();
  const [view, setView] = useDiffView();
  const tenant = useTenantSession();
  const created = row.action === 'create' ? (row.intended ?? row.body) : null;
  const before = created ? NOTHING : row.before;
  const after = useMemo(
    () =>
      row.kind !== 'policy'
        ? null
        : created
          ? created
          : !row.before
            ? null
            : (row.action === 'update' || row.action === 'restore') && row.body
              ? applyPatch(row.before, row.body)
              : (row.intended ?? row.before),
    [row, created],
  );
  // Both sides name the target's objects (the plan mapped the import's ids to them): the target's names.
  const targetNames = useNames(tenant, before && after ? asPolicies([before, after]) : undefined).data;
  const names = useMemo(() => withPending(targetNames, planned), [targetNames, planned]);
  if (!before) return null;
  if (row.kind === 'policy' && after) {
    return (
      <PolicyDiff
        // The count's heading is under an h2 in both places: the plan's rows and the run's next step.
        headingLevel={3}
        before={before}
        after={after}
        names={names}
        beforeLabel={
          created
            ? `Not in ${isolatedText(targetName)} now`
            : row.action === 'restore'
              ? `${isolatedText(row.displayName)} as deleted`
              : `${isolatedText(row.displayName)} in ${isolatedText(targetName)} now`
        }
        afterLabel={
          created ? 'Created by the plan' : row.action === 'update' || row.action === 'restore' ? 'After the plan' : 'In the plan'
        }
        view={view}
        onViewChange={setView}
        height="360px"
      />
    );
  }
  if (created) {
    return (
      <pre className={styles.json} aria-label={`${isolatedText(row.displayName)} as the plan creates it`} tabIndex={0}>
        {JSON.stringify(created, null, 2)}
      </pre>
    );
  }
  if (row.kind === 'group' || row.kind === 'policy' || !row.intended || !row.before) return null;
  const differences = objectDifferences(row.kind, row.intended, row.before);
  return differences.length === 0 ? (
    <Text>
      The same in the import and in <Isolated>{targetName}</Isolated>.
    </Text>
  ) : (
    <ul className={styles.list} aria-label={`How ${isolatedText(row.displayName)} differs`}>
      {differences.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}
