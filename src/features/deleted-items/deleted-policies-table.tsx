// The deleted policies, newest deletion first: name, state at deletion, when, by whom, days left,
// and the actions on each; a selection column for working on several at once. On a phone each row
// stacks its cells under the name, each with its column's name, so Restore is never past the edge.
import {
  Button,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TableSelectionCell,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { daysLeft, type DeletedPolicy, type DeletionRecord } from '../../graph/deleted-items';
import { useWriteAccess, WriteAccessTooltip } from '../../session/write-access';
import { formatDateTime } from '../../shared/ui/format';
import { StateBadge } from '../../policy-ui/state-badge';
import { TableScroll } from '../../shared/ui/table-scroll';
import { useStackedTableStyles } from '../../shared/ui/stacked-table';
import { Isolated, isolatedText } from '../../shared/ui/isolated-text';

const useStyles = makeStyles({
  // The two buttons stack when the window is narrow, rather than push the table past its edge.
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  soon: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  name: { textAlign: 'start', justifyContent: 'flex-start', paddingLeft: 0 },
});

export interface DeletedPoliciesTableProps {
  policies: DeletedPolicy[];
  deletions: Map<string, DeletionRecord> | undefined;
  now: Date;
  selected: ReadonlySet<string>;
  onSelect(ids: string[], selected: boolean): void;
  opened: string | null;
  onOpen(id: string | null): void;
  onRestore(policy: DeletedPolicy): void;
  onPurge(policy: DeletedPolicy): void;
  disabled?: boolean;
}

export function DeletedPoliciesTable({
  policies,
  deletions,
  now,
  selected,
  onSelect,
  opened,
  onOpen,
  onRestore,
  onPurge,
  disabled,
}: DeletedPoliciesTableProps) {
  const styles = useStyles();
  // Six columns do not fit a phone: there a row is the selection box beside its cells, one under the other.
  const stacked = useStackedTableStyles();
  const write = useWriteAccess();
  // The dialogs these buttons open are focus-restore sources: focus comes back to the button on Esc or Cancel.
  const restoreFocusTarget = useRestoreFocusTarget();
  const sorted = [...policies].sort((a, b) => String(b.deletedDateTime).localeCompare(String(a.deletedDateTime)));
  const all = sorted.map((p) => p.id!);
  const allSelected = all.length > 0 && all.every((id) => selected.has(id));
  const someSelected = all.some((id) => selected.has(id));
  return (
    <TableScroll label="Deleted policies">
      <Table aria-label="Deleted policies" className={stacked.withSelection}>
        <TableHeader>
          <TableRow>
            <TableSelectionCell
              checked={allSelected ? true : someSelected ? 'mixed' : false}
              onClick={() => onSelect(all, !allSelected)}
              checkboxIndicator={{ 'aria-label': 'Select all deleted policies' }}
              invisible={disabled}
            />
            {/* scope: after the selection cell (a td), the browser would take the first th for a row header. */}
            <TableHeaderCell scope="col">Name</TableHeaderCell>
            <TableHeaderCell scope="col">State when deleted</TableHeaderCell>
            <TableHeaderCell scope="col">Deleted</TableHeaderCell>
            <TableHeaderCell scope="col">By</TableHeaderCell>
            <TableHeaderCell scope="col">Days left</TableHeaderCell>
            <TableHeaderCell scope="col">Actions</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {sorted.map((policy) => {
            const left = daysLeft(policy.deletedDateTime, now);
            return (
              <TableRow key={policy.id} aria-selected={selected.has(policy.id!)}>
                <TableSelectionCell
                  checked={selected.has(policy.id!)}
                  onClick={() => onSelect([policy.id!], !selected.has(policy.id!))}
                  checkboxIndicator={{ 'aria-label': `Select ${isolatedText(policy.displayName ?? '')}` }}
                  invisible={disabled}
                />
                <TableCell>
                  <Button
                    appearance="transparent"
                    className={styles.name}
                    onClick={() => onOpen(opened === policy.id ? null : policy.id!)}
                    aria-expanded={opened === policy.id}
                  >
                    <Isolated>{policy.displayName}</Isolated>
                  </Button>
                </TableCell>
                <TableCell>
                  <span className={stacked.cellLabel}>State when deleted: </span>
                  <StateBadge state={policy.state ?? 'disabled'} />
                </TableCell>
                <TableCell>
                  <span className={stacked.cellLabel}>Deleted: </span>
                  {formatDateTime(policy.deletedDateTime)}
                </TableCell>
                <TableCell>
                  <span className={stacked.cellLabel}>By: </span>
                  {deletions?.get(policy.id!)?.by ?? '—'}
                </TableCell>
                <TableCell>
                  <span className={stacked.cellLabel}>Days left: </span>
                  <span className={left <= 3 ? styles.soon : undefined}>{left <= 1 ? 'Last day' : `${left} days`}</span>
                </TableCell>
                <TableCell>
                  <div className={styles.actions}>
                    <WriteAccessTooltip access={write}>
                      <Button
                        {...restoreFocusTarget}
                        appearance="primary"
                        disabled={disabled}
                        disabledFocusable={!write.allowed}
                        onClick={() => onRestore(policy)}
                      >
                        Restore…
                      </Button>
                    </WriteAccessTooltip>
                    <WriteAccessTooltip access={write}>
                      <Button
                        {...restoreFocusTarget}
                        data-purge={policy.id}
                        disabled={disabled}
                        disabledFocusable={!write.allowed}
                        onClick={() => onPurge(policy)}
                      >
                        Delete permanently…
                      </Button>
                    </WriteAccessTooltip>
                  </div>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableScroll>
  );
}
