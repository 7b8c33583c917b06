// The whole text of a policies grid cell that its column cuts with …: one tooltip for the whole grid, shown for
// the cell the keyboard focuses or the mouse rests on, and only when its text is cut (a text shown whole is not
// told twice). One tooltip mounted only while shown, beside its cell rather than around it: a Tooltip in each row
// cost every keystroke's new rows its hooks, and one mounted around a focused link would draw the link anew and
// drop the keyboard's focus. Inaccessible to screen readers: the cell's text is whole for them already.
import { Tooltip } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type React from 'react';

/** Where the tooltip shows: the element that cuts the text, and the cell's place in the grid's keyboard model. */
interface Tip {
  target: HTMLElement;
  row: number;
  col: number;
  by: 'focus' | 'pointer';
  /** The row's key: a new list (a keystroke in search) may have put another row in its place. */
  key: string;
}

// As Fluent's tooltips wait under the mouse, and after it leaves (time to move onto the tooltip).
const HOVER_DELAY_MS = 250;

/** The element that cuts a cell's text (marked data-clip), from the focused cell or from inside it. */
function clipOf(element: EventTarget | null, within: boolean) {
  if (!(element instanceof HTMLElement)) return null;
  const target = element.closest<HTMLElement>('[data-clip]') ?? (within ? element.querySelector<HTMLElement>('[data-clip]') : null);
  const cell = target && (target.closest<HTMLElement>('[data-row][data-col]') ?? target.querySelector<HTMLElement>('[data-row][data-col]'));
  if (!target || !cell) return null;
  return { target, row: Number(cell.dataset.row), col: Number(cell.dataset.col) };
}

const isCut = (element: HTMLElement) => element.scrollWidth > element.clientWidth;

/**
 * The grid's tooltip: the handlers the grid spreads on itself, and the tooltip to render.
 * wholeText gives a cell's text as its row shows it.
 */
export function useCutTextTip<Row>(
  rows: readonly Row[],
  keyOf: (row: Row) => string,
  wholeText: (row: Row, col: number) => string | undefined,
) {
  const [tip, setTip] = useState<Tip | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const later = (run: () => void) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(run, HOVER_DELAY_MS);
  };
  useEffect(() => () => clearTimeout(timer.current), []);

  // The list is made anew as names arrive or a refresh lands: the tip stays while its row is where it was.
  const keyAt = (row: number) => (rows[row] === undefined ? undefined : keyOf(rows[row]!));
  const shown = tip && keyAt(tip.row) === tip.key && tip.target.isConnected ? tip : null;
  const text = shown && rows[shown.row] !== undefined ? wholeText(rows[shown.row]!, shown.col) : undefined;

  const onFocus = (event: React.FocusEvent) => {
    clearTimeout(timer.current);
    const at = clipOf(event.target, true);
    const key = at ? keyAt(at.row) : undefined;
    if (at && key !== undefined && isCut(at.target)) setTip({ ...at, by: 'focus', key });
    else if (tip) setTip(null);
  };
  const onBlur = () => {
    if (tip?.by === 'focus') setTip(null);
  };
  const onPointerOver = (event: React.PointerEvent) => {
    const at = clipOf(event.target, false);
    if (at && at.target === shown?.target) return clearTimeout(timer.current);
    if (!at || !isCut(at.target)) return;
    const key = keyAt(at.row);
    if (key !== undefined) later(() => setTip({ ...at, by: 'pointer', key }));
  };
  const onPointerOut = (event: React.PointerEvent) => {
    const at = clipOf(event.target, false);
    if (!at || (event.relatedTarget instanceof Node && at.target.contains(event.relatedTarget))) return;
    // The mouse's tooltip hides a moment later (time to reach it, or another cell's to replace it); a show not yet
    // done is dropped.
    if (shown?.by === 'pointer') later(() => setTip(null));
    else clearTimeout(timer.current);
  };

  const element =
    shown && text ? (
      <Tooltip
        content={{ children: text, onPointerEnter: () => clearTimeout(timer.current) }}
        relationship="inaccessible"
        withArrow
        visible
        positioning={{ target: shown.target }}
        // Escape, the tooltip left by the mouse, or the page hidden.
        onVisibleChange={(_, data) => {
          if (!data.visible) setTip(null);
        }}
      />
    ) : null;
  return { handlers: { onFocus, onBlur, onPointerOver, onPointerOut }, element };
}
