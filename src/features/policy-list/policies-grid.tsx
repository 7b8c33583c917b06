// The policies as an ARIA grid with the look of Fluent's DataGrid, drawing only the rows near the
// viewport once the list is long (the whole list stays searchable and sortable: the rows are data,
// drawing is not). Assistive technology learns the full size from aria-rowcount and each row's
// aria-rowindex. One tab stop; arrow keys, Home/End, Page Up/Down and Ctrl+Home/End move the focus,
// also to rows not drawn yet (they are scrolled into view and drawn); Enter opens the policy.
// Headers sort by click or Enter, said through aria-sort; columns resize by dragging their edge.
import { createFocusOutlineStyle, Link, makeStyles, mergeClasses, tokens, Tooltip } from '@fluentui/react-components';
import { ArrowDownRegular, ArrowUpRegular, ErrorCircleRegular, InfoRegular, WarningRegular } from '@fluentui/react-icons';
import {
  memo,
  startTransition,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import type React from 'react';
import { useNavigate } from 'react-router';
import { formatDate } from '../../shared/ui/format';
import { StateBadge } from '../../policy-ui/state-badge';
import { describeFindings, findingsOf, type PolicyFindings } from '../../policy-ui/lint-summary';
import { paths } from '../../shared/routes/paths';
import { moveFocus, type CellPosition } from './grid-keys';
import type { PolicyRow, SortColumn } from './policy-rows';
import { drawnRows, rowOffsets, scrollToReveal, visibleRange, type RowRange } from './windowing';

/** A row's height: one line, or two when search says why the row matched. */
const ROW_HEIGHT = 44;
const HINT_ROW_HEIGHT = 58;
// Up to this many rows are drawn whole: cheap, and find-in-page sees them all.
const DRAW_ALL_UP_TO = 60;
// Drawn beyond each edge of the viewport, so a scroll shows rows already drawn.
const OVERSCAN_PX = 600;

const useStyles = makeStyles({
  grid: { minWidth: '960px', color: tokens.colorNeutralForeground1 },
  row: {
    display: 'grid',
    gridTemplateColumns: 'var(--policies-grid-columns)',
    boxSizing: 'border-box',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  bodyRow: {
    position: 'absolute',
    top: 0,
    left: 0,
    right: 0,
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':active': { backgroundColor: tokens.colorSubtleBackgroundPressed },
  },
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
  cell: {
    position: 'relative',
    display: 'flex',
    alignItems: 'center',
    minWidth: 0,
    padding: `0 ${tokens.spacingHorizontalS}`,
    overflow: 'hidden',
    // Drawn inside the cell, which clips what overflows it.
    ...createFocusOutlineStyle({ style: { outlineOffset: '-2px' } }),
  },
  name: { fontWeight: tokens.fontWeightSemibold },
  nameCell: { display: 'flex', flexDirection: 'column', minWidth: 0, paddingBlock: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground3 },
  hint: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  cellText: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', display: 'block' },
  // A small dotted ring (3:1 against the row, as a meaningful graphic needs): one shared class.
  pending: {
    display: 'inline-block',
    width: '10px',
    height: '10px',
    marginLeft: tokens.spacingHorizontalXS,
    verticalAlign: 'middle',
    // Still, not spinning: thirty spinners at once start thirty animations (each an event the page
    // handles) just as the names arrive; the status above the grid says they are on their way.
    border: `2px dotted ${tokens.colorNeutralStrokeAccessible}`,
    borderRadius: tokens.borderRadiusCircular,
  },
  warning: { color: tokens.colorPaletteRedForeground1, marginLeft: tokens.spacingHorizontalXS, verticalAlign: 'middle' },
  findings: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  findingError: { color: tokens.colorPaletteRedForeground1 },
  findingWarning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  findingInfo: { color: tokens.colorNeutralForeground3 },
});

type ColumnId = SortColumn | 'users' | 'targets' | 'grant' | 'session';
interface Column {
  id: ColumnId;
  label: string;
  sortable: boolean;
  /** The width it starts from, shared with the others in proportion, and the least it gets. */
  idealWidth: number;
  minWidth: number;
}

const columns: Column[] = [
  { id: 'name', label: 'Name', sortable: true, idealWidth: 340, minWidth: 200 },
  { id: 'state', label: 'State', sortable: true, idealWidth: 110, minWidth: 100 },
  { id: 'findings', label: 'Findings', sortable: true, idealWidth: 100, minWidth: 96 },
  { id: 'users', label: 'Users', sortable: false, idealWidth: 220, minWidth: 120 },
  { id: 'targets', label: 'Target resources', sortable: false, idealWidth: 200, minWidth: 120 },
  { id: 'grant', label: 'Grant', sortable: false, idealWidth: 170, minWidth: 100 },
  { id: 'session', label: 'Session', sortable: false, idealWidth: 170, minWidth: 100 },
  { id: 'modified', label: 'Modified', sortable: true, idealWidth: 120, minWidth: 100 },
];

/** A tooltip mounted on first hover or focus only: a few hundred of them delay the first rows. */
function HoverTooltip({
  content,
  relationship,
  children,
}: {
  content: string;
  relationship: 'label' | 'description';
  children: (arm: { onMouseEnter?: () => void }) => React.ReactElement;
}) {
  const [shown, setShown] = useState(false);
  if (!shown) return children({ onMouseEnter: () => setShown(true) });
  return (
    <Tooltip content={content} relationship={relationship} withArrow visible onVisibleChange={(_, data) => setShown(data.visible)}>
      {children({})}
    </Tooltip>
  );
}

/** Text cut to its cell, in full on hover. */
function Truncated({ text, pending }: { text: string; pending?: boolean }) {
  const styles = useStyles();
  if (!text) return <span className={styles.muted}>—</span>;
  return (
    <HoverTooltip content={text} relationship="description">
      {(arm) => (
        <span className={styles.cellText} {...arm}>
          {text}
          {pending && <span role="img" aria-label="Resolving names" className={styles.pending} />}
        </span>
      )}
    </HoverTooltip>
  );
}

const focusAttributes = (row: number, col: number, active: boolean) => ({
  'data-row': row,
  'data-col': col,
  tabIndex: active ? 0 : -1,
});

/** The count of a policy's findings, with the worst severity's icon; "…" until the lint is in. */
function FindingsCount({ findings }: { findings: PolicyFindings | undefined }) {
  const styles = useStyles();
  if (!findings) return <span className={styles.muted}>…</span>;
  const words = describeFindings(findings);
  if (findings.count === 0)
    return (
      <span className={styles.muted} role="img" aria-label={words}>
        —
      </span>
    );
  const [Icon, className] =
    findings.worst === 'error'
      ? [ErrorCircleRegular, styles.findingError]
      : findings.worst === 'warning'
        ? [WarningRegular, styles.findingWarning]
        : [InfoRegular, styles.findingInfo];
  return (
    <HoverTooltip content={words} relationship="description">
      {(arm) => (
        <span className={styles.findings} role="img" aria-label={words} {...arm}>
          <Icon className={className} aria-hidden />
          {findings.count}
        </span>
      )}
    </HoverTooltip>
  );
}

interface RowProps {
  row: PolicyRow;
  /** Undefined until the lint is in. */
  findings: PolicyFindings | undefined;
  index: number;
  top: number;
  height: number;
  /** The column holding the grid's tab stop, when this row holds it. */
  activeCol: number | null;
  onOpen(row: PolicyRow): void;
}

// Memoised: a keystroke or a scroll redraws only rows whose data or position changed.
const GridRow = memo(function GridRow({ row, findings, index, top, height, activeCol, onOpen }: RowProps) {
  const styles = useStyles();
  const cell = (col: number, content: ReactNode) => (
    <div role="gridcell" className={styles.cell} {...focusAttributes(index, col, activeCol === col)}>
      {content}
    </div>
  );
  const missing = `Refers to ${row.missingReferences} deleted object${row.missingReferences === 1 ? '' : 's'}`;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className={mergeClasses(styles.row, styles.bodyRow)}
      style={{ height, transform: `translateY(${top}px)` }}
    >
      <div role="gridcell" className={styles.cell}>
        <div className={styles.nameCell}>
          <span className={styles.cellText}>
            <Link
              className={styles.name}
              href={paths.policy(row.id)}
              {...focusAttributes(index, 0, activeCol === 0)}
              onClick={(event) => {
                event.preventDefault();
                onOpen(row);
              }}
            >
              {row.name}
            </Link>
            {row.missingReferences > 0 && (
              <HoverTooltip content={missing} relationship="label">
                {(arm) => <WarningRegular role="img" aria-label={missing} className={styles.warning} {...arm} />}
              </HoverTooltip>
            )}
          </span>
          {row.matchHint && (
            <span className={mergeClasses(styles.muted, styles.hint, styles.cellText)} title={row.matchHint}>
              {row.matchHint}
            </span>
          )}
        </div>
      </div>
      {cell(1, <StateBadge state={row.state} />)}
      {cell(2, <FindingsCount findings={findings} />)}
      {cell(3, <Truncated text={row.users} pending={row.pending} />)}
      {cell(4, <Truncated text={row.targets} pending={row.pending} />)}
      {cell(5, <Truncated text={row.grant} />)}
      {cell(6, <Truncated text={row.session} />)}
      {cell(7, <span className={styles.cellText}>{formatDate(row.modified)}</span>)}
    </div>
  );
});

const positionOf = (element: Element | null): CellPosition | null => {
  const target = element?.closest<HTMLElement>('[data-row][data-col]');
  return target ? { row: Number(target.dataset.row), col: Number(target.dataset.col) } : null;
};

// The viewport is read in steps of this many pixels: a scroll redraws the grid only when it
// moves a step, well within the overscan.
const SCROLL_STEP_PX = 100;

/** The viewport's place over the list starting at this element: "top:height" in pixels, top in steps. */
function viewportOf(element: HTMLElement | null): string {
  if (!element) return '';
  const top = -element.getBoundingClientRect().top;
  return `${Math.floor(top / SCROLL_STEP_PX) * SCROLL_STEP_PX}:${window.innerHeight}`;
}

// The window scrolls and resizes, and the page above the list may change height: each moves the
// viewport over the list.
function subscribeToViewport(changed: () => void) {
  window.addEventListener('scroll', changed, { passive: true });
  window.addEventListener('resize', changed);
  const resized = new ResizeObserver(changed);
  resized.observe(document.body);
  return () => {
    window.removeEventListener('scroll', changed);
    window.removeEventListener('resize', changed);
    resized.disconnect();
  };
}

/** The viewport over the list, read when one of those happens and once drawn, never while rendering (a forced layout). */
function createViewportStore(list: () => HTMLElement | null) {
  let viewport = '';
  const listeners = new Set<() => void>();
  const measure = () => {
    const next = viewportOf(list());
    if (next === viewport) return;
    viewport = next;
    for (const listener of listeners) listener();
  };
  return {
    measure,
    get: () => viewport,
    subscribe(listener: () => void) {
      listeners.add(listener);
      const stop = subscribeToViewport(measure);
      return () => {
        listeners.delete(listener);
        stop();
      };
    },
  };
}

/** The rows to draw: those near the viewport, followed as it moves. */
function useDrawnRange(body: React.RefObject<HTMLDivElement | null>, offsets: readonly number[]): RowRange {
  const [store] = useState(() => createViewportStore(() => body.current));
  useLayoutEffect(() => store.measure(), [store]);
  const viewport = useSyncExternalStore(store.subscribe, store.get);
  const overscan = useOverscanWhenIdle();
  const [top, height] = viewport ? viewport.split(':').map(Number) : [0, window.innerHeight];
  return visibleRange(offsets, top!, top! + SCROLL_STEP_PX + height!, overscan, DRAW_ALL_UP_TO);
}

/**
 * The first frame draws the rows in view alone (its style and layout are the list's costliest
 * work, and the names arrive around then); the rows beyond the edges follow at the first idle
 * moment, in a render that the names or a keystroke may interrupt.
 */
function useOverscanWhenIdle(): number {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (ready) return;
    const show = () => startTransition(() => setReady(true));
    if (typeof requestIdleCallback !== 'function') {
      const timer = setTimeout(show, 0);
      return () => clearTimeout(timer);
    }
    const handle = requestIdleCallback(show, { timeout: 300 });
    return () => cancelIdleCallback(handle);
  }, [ready]);
  return ready ? OVERSCAN_PX : 0;
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

export function PoliciesGrid({
  rows,
  findings,
  sort,
  direction,
  onSort,
}: {
  rows: PolicyRow[];
  /** Each policy's lint findings; undefined until the lint is in. */
  findings?: ReadonlyMap<string, PolicyFindings>;
  sort: SortColumn;
  direction: 'ascending' | 'descending';
  onSort(column: SortColumn, direction: 'ascending' | 'descending'): void;
}) {
  const styles = useStyles();
  const navigate = useNavigate();
  const open = useCallback((row: PolicyRow) => navigate(paths.policy(row.id)), [navigate]);
  const body = useRef<HTMLDivElement>(null);
  const grid = useRef<HTMLDivElement>(null);
  const heights = useMemo(() => rows.map((row) => (row.matchHint ? HINT_ROW_HEIGHT : ROW_HEIGHT)), [rows]);
  const offsets = useMemo(() => rowOffsets(heights), [heights]);
  const range = useDrawnRange(body, offsets);
  const { template, startResize } = useColumnWidths();

  // The grid's one tab stop; it stays on a row that exists when the list shrinks.
  const [active, setActive] = useState<CellPosition>({ row: 0, col: 0 });
  const activeRow = Math.min(active.row, rows.length - 1);
  const focusPending = useRef(false);

  useLayoutEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    grid.current?.querySelector<HTMLElement>(`[data-row="${activeRow}"][data-col="${active.col}"]`)?.focus({ preventScroll: true });
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
      grid.current?.querySelector<HTMLElement>(`[data-row="${next.row}"][data-col="${next.col}"]`)?.focus({ preventScroll: true });
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
      if (row) open(row);
    }
  };

  // A click or a screen reader moving the focus moves the tab stop with it.
  const onFocus = (event: React.FocusEvent<HTMLDivElement>) => {
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
      style={{ '--policies-grid-columns': template } as React.CSSProperties}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
    >
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className={styles.row}>
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
                    onClick={() => onSort(column.id as SortColumn, sorted && direction === 'ascending' ? 'descending' : 'ascending')}
                  >
                    <span className={styles.cellText}>{column.label}</span>
                    {sorted && (direction === 'ascending' ? <ArrowUpRegular aria-hidden /> : <ArrowDownRegular aria-hidden />)}
                  </button>
                ) : (
                  <span className={styles.cellText}>{column.label}</span>
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
              onOpen={open}
            />
          );
        })}
      </div>
    </div>
  );
}
