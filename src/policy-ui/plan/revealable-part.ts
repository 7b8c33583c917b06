// The plan's tables drawn a part at a time (as every long list, see ../show-more), with one thing more: what
// blocks applying can ask a table to draw the rows up to one of its rows, so its link leads the keyboard to
// that row's choice rather than to the table's heading.
import { useImperativeHandle, type Ref } from 'react';
import { ROWS_AT_ONCE, useShownPart, type ShownPart } from '../show-more';

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
  const part = useShownPart<T, E>(items, step);
  useImperativeHandle(revealRef, () => ({
    reveal: (key) => {
      const index = items.findIndex((item) => keyOf(item) === key);
      if (index < 0) return false;
      part.revealThrough(index);
      return true;
    },
  }));
  return part;
}
