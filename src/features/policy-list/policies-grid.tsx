// The policies as an ARIA grid with the look of Fluent's DataGrid, drawing only the rows near the
// viewport once the list is long (the whole list stays searchable and sortable: the rows are data,
// drawing is not). Assistive technology learns the full size from aria-rowcount and each row's
// aria-rowindex. One tab stop; arrow keys, Home/End, Page Up/Down and Ctrl+Home/End move the focus,
// also to rows not drawn yet (they are scrolled into view and drawn), and sideways when the grid is wider
// than its box; Enter opens the policy.
// Headers sort by click or Enter, said through aria-sort; columns resize by dragging their edge.
import { createFocusOutlineStyle, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownRegular, ArrowUpRegular } from '@fluentui/react-icons';
import { memo, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type React from 'react';
import { findingsOf, type PolicyFindings } from '../../policy-ui/lint-summary';
import { useCutTextTip } from './cut-text-tip';
import { moveFocus, type CellPosition } from './grid-keys';
import { focusAttributes, GridRow, keyOfRow, useRowStyles, wholeText } from './grid-row';
import type { PolicyRow, SortColumn } from './policy-rows';
import { useDrawnRange } from './use-drawn-range';
import { drawnRows, rowOffsets, scrollToReveal } from './windowing';

/** A row's height: one line, or two when search says why the row matched. */
const ROW_HEIGHT = 44;
const HINT_ROW_HEIGHT = 58;

const useStyles = makeStyles({
  grid: { color: tokens.colorNeutralForeground1 },
  body: { position: 'relative' },
  headerCell: {
    position: 'relative',
    display: 'flex',
    alignItems: 'center',
    minWidth: 0,
    minHeight: '32px',
    padding: `0 ${tokens.spacingHorizontalS}`,
    fontWeight: tokens.fontWeightRegular,
    whiteSpace: 'nowrap',
    ...createFocusOutlineStyle(),
  },
  sortButton: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    flexGrow: 1,
    minWidth: 0,
    minHeight: '32px',
    padding: 0,
    border: 'none',
    background: 'none',
    color: 'inherit',
    font: 'inherit',
    textAlign: 'start',
    cursor: 'pointer',
    position: 'relative',
    ...createFocusOutlineStyle(),
  },
  resizeHandle: {
    position: 'absolute',
    top: 0,
    bottom: 0,
    right: 0,
    width: '8px',
    zIndex: 1,
    cursor: 'col-resize',
    touchAction: 'none',
    '::after': {
      content: '""',
      position: 'absolute',
      top: '6px',
      bottom: '6px',
      right: 0,
      width: '2px',
      backgroundColor: 'transparent',
    },
    ':hover::after': { backgroundColor: tokens.colorNeutralStroke1Hover },
  },
});

type ColumnId = SortColumn | 'users' | 'targets' | 'grant' | 'session';
interface Column {
  id: ColumnId;
  label: string;
  sortable: boolean;
  /** The width it starts from, shared with the others in proportion, and the least it gets. */
  idealWidth: number;
  minWidth: number;
  /** The order of a first click: dates newest first, as an admin looking for a recent change expects. */
  firstSort?: 'descending';
}

const columns: Column[] = [
  { id: 'name', label: 'Name', sortable: true, idealWidth: 340, minWidth: 180 },
  { id: 'state', label: 'State', sortable: true, idealWidth: 110, minWidth: 100 },
  // The most findings first on the first click: what an admin sorts this column for.
  { id: 'findings', label: 'Findings', sortable: true, idealWidth: 100, minWidth: 88, firstSort: 'descending' },
  { id: 'users', label: 'Users', sortable: false, idealWidth: 220, minWidth: 100 },
  // Wide enough for its header's words.
  { id: 'targets', label: 'Target resources', sortable: false, idealWidth: 200, minWidth: 132 },
  { id: 'grant', label: 'Grant', sortable: false, idealWidth: 170, minWidth: 84 },
  { id: 'session', label: 'Session', sortable: false, idealWidth: 170, minWidth: 84 },
  // Wide enough for a date ("Nov 25, 2026", 83 px) and its padding at any window the grid fits.
  { id: 'modified', label: 'Modified', sortable: true, idealWidth: 130, minWidth: 108, firstSort: 'descending' },
];
// The least the grid takes: its columns' least (876 px), inside the 908 px box of a 1000 px window (below it
// the box scrolls sideways). The less telling columns (grant, session, users) give up the most.
const GRID_MIN_WIDTH = columns.reduce((sum, c) => sum + c.minWidth, 0);

const positionOf = (element: Element | null): CellPosition | null => {
  const target = element?.closest<HTMLElement>('[data-row][data-col]');
  return target ? { row: Number(target.dataset.row), col: Number(target.dataset.col) } : null;
};

/**
 * Focuses a cell without the browser's own scroll (the window's is done by the row's known offset),
 * then scrolls the box around the grid sideways to show it: in a narrow window the grid is wider
 * than its box, and arrowing right would otherwise put the focus out of sight.
 */
function focusCell(grid: HTMLElement | null, row: number, col: number) {
  const cell = grid?.querySelector<HTMLElement>(`[data-row="${row}"][data-col="${col}"]`);
  if (!cell) return;
  cell.focus({ preventScroll: true });
  const box = grid!.parentElement;
  if (!box || box.scrollWidth <= box.clientWidth) return;
  // The cell itself, not the link or button inside it, which is narrower than its column.
  const target = cell.closest<HTMLElement>('[role="gridcell"], [role="columnheader"]') ?? cell;
  const boxLeft = box.getBoundingClientRect().left;
  const { left, right } = target.getBoundingClientRect();
  const x = scrollToReveal(
    box.scrollLeft,
    box.scrollLeft + box.clientWidth,
    left - boxLeft + box.scrollLeft,
    right - boxLeft + box.scrollLeft,
  );
  if (x !== null) box.scrollLeft = x;
}

/** Column widths: each shares the space in proportion to its ideal width, until dragged to a width of its own. */
function useColumnWidths() {
  const [fixed, setFixed] = useState<Partial<Record<ColumnId, number>>>({});
  const template = columns
    .map((c) => (fixed[c.id] !== undefined ? `${fixed[c.id]}px` : `minmax(${c.minWidth}px, ${c.idealWidth}fr)`))
    .join(' ');
  const startResize = (column: Column, event: React.PointerEvent<HTMLElement>) => {
    const handle = event.currentTarget;
    const startX = event.clientX;
    const startWidth = handle.parentElement!.getBoundingClientRect().width;
    handle.setPointerCapture(event.pointerId);
    const move = (e: PointerEvent) =>
      setFixed((f) => ({ ...f, [column.id]: Math.max(column.minWidth, Math.round(startWidth + e.clientX - startX)) }));
    const end = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', end);
      handle.removeEventListener('pointercancel', end);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', end);
    handle.addEventListener('pointercancel', end);
    event.preventDefault();
  };
  return { template, startResize };
}

// Memoised: the page's renders that change none of its props (the search written to the address)
// leave the grid as it is.
export const PoliciesGrid = memo(function PoliciesGrid({
  rows,
  findings,
  sort,
  direction,
  onSort,
  onOpen,
}: {
  rows: PolicyRow[];
  /** Each policy's lint findings; undefined until the lint is in. */
  findings?: ReadonlyMap<string, PolicyFindings>;
  sort: SortColumn;
  direction: 'ascending' | 'descending';
  onSort(column: SortColumn, direction: 'ascending' | 'descending'): void;
  /** Opens a policy (Enter on a row, or its name clicked). */
  onOpen(row: PolicyRow): void;
}) {
  const styles = useStyles();
  const rowClasses = useRowStyles();
  const body = useRef<HTMLDivElement>(null);
  const grid = useRef<HTMLDivElement>(null);
  const heights = useMemo(() => rows.map((row) => (row.matchHint ? HINT_ROW_HEIGHT : ROW_HEIGHT)), [rows]);
  const offsets = useMemo(() => rowOffsets(heights), [heights]);
  const range = useDrawnRange(body, offsets);
  const { template, startResize } = useColumnWidths();
  const tip = useCutTextTip(rows, keyOfRow, wholeText);

  // The grid's one tab stop; it stays on a row that exists when the list shrinks.
  const [active, setActive] = useState<CellPosition>({ row: 0, col: 0 });
  const activeRow = Math.min(active.row, rows.length - 1);
  const focusPending = useRef(false);

  useLayoutEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    focusCell(grid.current, activeRow, active.col);
  }, [activeRow, active.col]);

  const moveTo = (next: CellPosition) => {
    if (next.row >= 0 && body.current) {
      const listTop = body.current.getBoundingClientRect().top + window.scrollY;
      const y = scrollToReveal(
        window.scrollY,
        window.scrollY + window.innerHeight,
        listTop + offsets[next.row]!,
        listTop + offsets[next.row + 1]!,
        8,
      );
      if (y !== null) window.scrollTo({ top: y });
    }
    focusPending.current = true;
    setActive(next);
    // Already drawn and active: the layout effect will not run again, so focus it here.
    if (next.row === activeRow && next.col === active.col) {
      focusPending.current = false;
      focusCell(grid.current, next.row, next.col);
    }
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    const from = positionOf(event.target as Element);
    if (!from) return;
    const page = Math.max(1, Math.floor(window.innerHeight / ROW_HEIGHT) - 2);
    const next = moveFocus(event.key, event.ctrlKey || event.metaKey, from, { rows: rows.length, cols: columns.length, page });
    if (next) {
      event.preventDefault();
      moveTo(next);
      return;
    }
    // Enter on a cell opens its policy; the name link and the header buttons handle their own.
    if (event.key === 'Enter' && from.row >= 0 && !(event.target as HTMLElement).closest('a, button')) {
      const row = rows[from.row];
      if (row) onOpen(row);
    }
  };

  // A click or a screen reader moving the focus moves the tab stop with it.
  const onFocus = (event: React.FocusEvent<HTMLDivElement>) => {
    tip.handlers.onFocus(event);
    const at = positionOf(event.target);
    if (at && (at.row !== active.row || at.col !== active.col)) setActive(at);
  };

  const drawn = drawnRows(range, activeRow >= 0 ? activeRow : null, rows.length);
  return (
    <div
      ref={grid}
      role="grid"
      aria-label="Conditional Access policies"
      aria-rowcount={rows.length + 1}
      aria-colcount={columns.length}
      className={styles.grid}
      style={{ '--policies-grid-columns': template, minWidth: `${GRID_MIN_WIDTH}px` } as React.CSSProperties}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      onBlur={tip.handlers.onBlur}
      onPointerOver={tip.handlers.onPointerOver}
      onPointerOut={tip.handlers.onPointerOut}
    >
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className={rowClasses.row}>
          {columns.map((column, col) => {
            const tabStop = activeRow === -1 && active.col === col;
            const sorted = column.id === sort;
            return (
              <div
                key={column.id}
                role="columnheader"
                aria-sort={column.sortable ? (sorted ? direction : 'none') : undefined}
                className={styles.headerCell}
                {...(column.sortable ? {} : focusAttributes(-1, col, tabStop))}
              >
                {column.sortable ? (
                  <button
                    type="button"
                    className={styles.sortButton}
                    {...focusAttributes(-1, col, tabStop)}
                    onClick={() =>
                      onSort(
                        column.id as SortColumn,
                        sorted ? (direction === 'ascending' ? 'descending' : 'ascending') : (column.firstSort ?? 'ascending'),
                      )
                    }
                  >
                    <span className={rowClasses.cellText}>{column.label}</span>
                    {sorted && (direction === 'ascending' ? <ArrowUpRegular aria-hidden /> : <ArrowDownRegular aria-hidden />)}
                  </button>
                ) : (
                  <span className={rowClasses.cellText}>{column.label}</span>
                )}
                {/* Pointer only, as Fluent's DataGrid had it; hidden from assistive technology. */}
                <div aria-hidden className={styles.resizeHandle} onPointerDown={(event) => startResize(column, event)} />
              </div>
            );
          })}
        </div>
      </div>
      <div role="rowgroup" ref={body} className={styles.body} style={{ height: offsets[rows.length] }}>
        {drawn.map((index) => {
          const row = rows[index]!;
          return (
            <GridRow
              key={row.id}
              row={row}
              findings={findings && findingsOf(findings, row.id)}
              index={index}
              top={offsets[index]!}
              height={heights[index]!}
              activeCol={index === activeRow ? active.col : null}
              classes={rowClasses}
              onOpen={onOpen}
            />
          );
        })}
      </div>
      {tip.element}
    </div>
  );
});
