// The plan's tables drawn a part at a time (as every long list, see ../show-more), with one thing more: what
// blocks applying can ask a table to draw the rows up to one of its rows, so its link leads the keyboard to
// that row's choice rather than to the table's heading. Show more reads and behaves as everywhere else.
import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { flushSync } from 'react-dom';
import { ROWS_AT_ONCE, type ShownPart } from '../show-more';

export interface RowRevealer {
  /**
   * Draws the rows up to the one of this key (through the end of its part: "Showing rows 1–200"), at once, so its
   * choice is in the page when this returns. False when the table lists no row of this key.
   */
  reveal(key: string): boolean;
}

export function useRevealablePart<T, E extends HTMLElement>(
  items: readonly T[],
  keyOf: (item: T) => string,
  revealRef: Ref<RowRevealer> | undefined,
  step = ROWS_AT_ONCE,
): ShownPart<T, E> {
  const [drawn, setDrawn] = useState(step);
  const shown = items.length > drawn ? items.slice(0, drawn) : items;
  // "Show more" puts the keyboard on the first row it added; a row revealed for a link takes the focus itself.
  const [firstAdded, setFirstAdded] = useState<number | null>(null);
  const addedRef = useRef<E | null>(null);
  useEffect(() => {
    if (firstAdded !== null) addedRef.current?.focus();
  }, [firstAdded]);
  useImperativeHandle(
    revealRef,
    () => ({
      reveal: (key) => {
        const index = items.findIndex((item) => keyOf(item) === key);
        if (index < 0) return false;
        if (index >= drawn) flushSync(() => setDrawn(Math.ceil((index + 1) / step) * step));
        return true;
      },
    }),
    [items, keyOf, drawn, step],
  );
  return {
    shown,
    left: items.length - shown.length,
    firstAdded,
    addedRef,
    showMore: () => {
      setFirstAdded(shown.length);
      setDrawn(shown.length + step);
    },
    reset: () => {
      setFirstAdded(null);
      setDrawn(step);
    },
  };
}
