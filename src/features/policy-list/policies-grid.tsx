// The policies as a Fluent DataGrid: sortable by name, state and date (click or Enter on a header,
// announced through aria-sort), navigable by keyboard (arrow keys move between cells, Enter opens
// the policy), names in every cell once they resolve.
import {
  createTableColumn,
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  Link,
  makeStyles,
  mergeClasses,
  Text,
  tokens,
  Tooltip,
  type TableColumnDefinition,
} from '@fluentui/react-components';
import { WarningRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type React from 'react';
import { useNavigate } from 'react-router';
import { formatDate } from '../../shared/ui/format';
import { compareRows, type PolicyRow, type SortColumn } from './policy-rows';
import { StateBadge } from '../../policy-ui/state-badge';
import { paths } from '../../shared/routes/paths';

const useStyles = makeStyles({
  grid: { minWidth: '960px' },
  name: { fontWeight: tokens.fontWeightSemibold },
  nameCell: { display: 'flex', flexDirection: 'column', minWidth: 0, paddingBlock: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground3 },
  cellText: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', display: 'block' },
  // A small turning ring: one shared class, far lighter than a Spinner in every cell.
  pending: {
    display: 'inline-block',
    width: '10px',
    height: '10px',
    marginLeft: tokens.spacingHorizontalXS,
    verticalAlign: 'middle',
    border: `2px solid ${tokens.colorNeutralStroke2}`,
    borderTopColor: tokens.colorBrandStroke1,
    borderRadius: tokens.borderRadiusCircular,
    animationName: { to: { transform: 'rotate(360deg)' } },
    animationDuration: '0.8s',
    animationIterationCount: 'infinite',
    animationTimingFunction: 'linear',
    '@media (prefers-reduced-motion: reduce)': { animationName: 'none' },
  },
  warning: { color: tokens.colorPaletteRedForeground1, marginLeft: tokens.spacingHorizontalXS, verticalAlign: 'middle' },
});

/** Text cut to its cell, in full on hover. The tooltip is mounted on first hover only: a grid of a
 * few hundred tooltips costs a visible delay before the first row is drawn. */
function Truncated({ text, pending }: { text: string; pending?: boolean }) {
  const styles = useStyles();
  const [hovered, setHovered] = useState(false);
  if (!text) return <Text className={styles.muted}>—</Text>;
  const content = (
    <Text className={styles.cellText} onMouseEnter={hovered ? undefined : () => setHovered(true)}>
      {text}
      {pending && <span role="img" aria-label="Resolving names" className={styles.pending} />}
    </Text>
  );
  if (!hovered) return content;
  return (
    <Tooltip content={text} relationship="description" withArrow visible={hovered} onVisibleChange={(_, data) => setHovered(data.visible)}>
      {content}
    </Tooltip>
  );
}

// Fluent counts a column as sortable only when its compare function declares two parameters.
const byColumn = (column: SortColumn) => (a: PolicyRow, b: PolicyRow) => compareRows(column)(a, b);

export function PoliciesGrid({
  rows,
  sort,
  direction,
  onSort,
}: {
  rows: PolicyRow[];
  sort: SortColumn;
  direction: 'ascending' | 'descending';
  onSort(column: SortColumn, direction: 'ascending' | 'descending'): void;
}) {
  const styles = useStyles();
  const navigate = useNavigate();
  const open = (row: PolicyRow) => navigate(paths.policy(row.id));

  const columns: TableColumnDefinition<PolicyRow>[] = [
    createTableColumn<PolicyRow>({
      columnId: 'name',
      compare: byColumn('name'),
      renderHeaderCell: () => 'Name',
      renderCell: (row) => (
        <div className={styles.nameCell}>
          <span className={styles.cellText}>
            <Link
              className={styles.name}
              href={paths.policy(row.id)}
              onClick={(event) => {
                event.preventDefault();
                open(row);
              }}
            >
              {row.name}
            </Link>
            {row.missingReferences > 0 && (
              <Tooltip
                content={`Refers to ${row.missingReferences} deleted object${row.missingReferences === 1 ? '' : 's'}`}
                relationship="label"
              >
                <WarningRegular className={styles.warning} />
              </Tooltip>
            )}
          </span>
          {row.matchHint && (
            <Text size={200} className={mergeClasses(styles.muted, styles.cellText)} title={row.matchHint}>
              {row.matchHint}
            </Text>
          )}
        </div>
      ),
    }),
    createTableColumn<PolicyRow>({
      columnId: 'state',
      compare: byColumn('state'),
      renderHeaderCell: () => 'State',
      renderCell: (row) => <StateBadge state={row.state} />,
    }),
    createTableColumn<PolicyRow>({
      columnId: 'users',
      renderHeaderCell: () => 'Users',
      renderCell: (row) => <Truncated text={row.users} pending={row.pending} />,
    }),
    createTableColumn<PolicyRow>({
      columnId: 'targets',
      renderHeaderCell: () => 'Target resources',
      renderCell: (row) => <Truncated text={row.targets} pending={row.pending} />,
    }),
    createTableColumn<PolicyRow>({
      columnId: 'grant',
      renderHeaderCell: () => 'Grant',
      renderCell: (row) => <Truncated text={row.grant} />,
    }),
    createTableColumn<PolicyRow>({
      columnId: 'session',
      renderHeaderCell: () => 'Session',
      renderCell: (row) => <Truncated text={row.session} />,
    }),
    createTableColumn<PolicyRow>({
      columnId: 'modified',
      compare: byColumn('modified'),
      renderHeaderCell: () => 'Modified',
      renderCell: (row) => <Text>{formatDate(row.modified)}</Text>,
    }),
  ];

  return (
    <DataGrid
      className={styles.grid}
      items={rows}
      columns={columns}
      getRowId={(row: PolicyRow) => row.id}
      sortable
      sortState={{ sortColumn: sort, sortDirection: direction }}
      onSortChange={(_, state) => onSort(state.sortColumn as SortColumn, state.sortDirection)}
      focusMode="cell"
      aria-label="Conditional Access policies"
      resizableColumns
      columnSizingOptions={{
        name: { idealWidth: 340, minWidth: 200 },
        state: { idealWidth: 110, minWidth: 100 },
        users: { idealWidth: 220, minWidth: 120 },
        targets: { idealWidth: 200, minWidth: 120 },
        grant: { idealWidth: 170, minWidth: 100 },
        session: { idealWidth: 170, minWidth: 100 },
        modified: { idealWidth: 120, minWidth: 100 },
      }}
    >
      <DataGridHeader>
        <DataGridRow>{({ renderHeaderCell }) => <DataGridHeaderCell>{renderHeaderCell()}</DataGridHeaderCell>}</DataGridRow>
      </DataGridHeader>
      <DataGridBody<PolicyRow>>
        {({ item, rowId }) => (
          <DataGridRow<PolicyRow>
            key={rowId}
            onKeyDown={(event: React.KeyboardEvent<HTMLDivElement>) => {
              // Enter on a focused row or cell opens the policy; the name link handles its own Enter.
              if (event.key === 'Enter' && !(event.target as HTMLElement).closest('a')) open(item);
            }}
          >
            {({ renderCell }) => <DataGridCell>{renderCell(item)}</DataGridCell>}
          </DataGridRow>
        )}
      </DataGridBody>
    </DataGrid>
  );
}
