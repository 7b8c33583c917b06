// How a row's object in the target differs from what the plan writes: the compare view for a
// policy (words and side-by-side JSON, names across two tenants), and a list in words for a named
// location, strength or context.
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { asPolicies } from '../../domain/json';
import { applyPatch } from '../../domain/policy-body';
import { objectDifferences } from '../../domain/plan/object-rows';
import type { PlanRow } from '../../domain/plan/types';
import { PolicyDiff, useDiffView } from '../policy-diff';
import { useNames } from '../queries';
import { useTenantSession } from '../../session/tenant-session';
import { Isolated, isolatedText } from '../../shared/ui/isolated-text';

const useStyles = makeStyles({ list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL } });

export function RowDifference({ row, targetName }: { row: PlanRow; targetName: string }) {
  const styles = useStyles();
  const [view, setView] = useDiffView();
  const tenant = useTenantSession();
  const after = useMemo(
    () =>
      row.kind !== 'policy' || !row.before
        ? null
        : (row.action === 'update' || row.action === 'restore') && row.body
          ? applyPatch(row.before, row.body)
          : (row.intended ?? row.before),
    [row],
  );
  // Both sides name the target's objects (the plan mapped the import's ids to them): the target's names.
  const names = useNames(tenant, row.before && after ? asPolicies([row.before, after]) : undefined).data;
  if (!row.before) return null;
  if (row.kind === 'policy' && after) {
    return (
      <PolicyDiff
        // The count's heading is under an h2 in both places: the plan's rows and the run's next step.
        headingLevel={3}
        before={row.before}
        after={after}
        names={names}
        beforeLabel={
          row.action === 'restore'
            ? `${isolatedText(row.displayName)} as deleted`
            : `${isolatedText(row.displayName)} in ${isolatedText(targetName)} now`
        }
        afterLabel={row.action === 'update' || row.action === 'restore' ? 'After the plan' : 'In the plan'}
        view={view}
        onViewChange={setView}
        height="360px"
      />
    );
  }
  if (row.kind === 'group' || row.kind === 'policy' || !row.intended) return null;
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
