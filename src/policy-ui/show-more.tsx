// A long list drawn a part at a time: every item at once froze the page for an oversized import
// (9,000 policies). Lists of a usual size show whole and look as before. One piece for the plan's
// tables and the choice of policies, so "Show more" reads and behaves the same everywhere.
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

const useStyles = makeStyles({
  more: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap', marginTop: tokens.spacingVerticalS },
});

/** Items drawn at first and added by each "Show more". */
export const ROWS_AT_ONCE = 100;

export const countWords = (count: number) => count.toLocaleString('en-US');

export interface ShownPart<T, E extends HTMLElement> {
  shown: readonly T[];
  /** How many are not drawn yet. */
  left: number;
  /** The index of the first item the last "Show more" added: give it `addedRef` so the keyboard lands there. */
  firstAdded: number | null;
  addedRef: RefObject<E | null>;
  showMore(): void;
  /** Back to the first part (a new filter). */
  reset(): void;
  /** Draws every part up to the one holding this index, at once: its item is in the page when this returns. */
  revealThrough(index: number): void;
}

export function useShownPart<T, E extends HTMLElement = HTMLElement>(items: readonly T[], step = ROWS_AT_ONCE): ShownPart<T, E> {
  const [drawn, setDrawn] = useState(step);
  const shown = items.length > drawn ? items.slice(0, drawn) : items;
  // "Show more" puts the keyboard on the first item it added, where reading and tabbing go on (the button may go).
  const [firstAdded, setFirstAdded] = useState<number | null>(null);
  const addedRef = useRef<E | null>(null);
  useEffect(() => {
    if (firstAdded !== null) addedRef.current?.focus();
  }, [firstAdded]);
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
    revealThrough: (index) => {
      if (index >= drawn) flushSync(() => setDrawn(Math.ceil((index + 1) / step) * step));
    },
  };
}

export interface ShowMoreProps {
  /** What is shown so far, e.g. "Showing rows 1–100 of 1,500." */
  words: string;
  left: number;
  step?: number;
  onMore(): void;
}

/** The line under a list drawn in parts; nothing once every item is drawn. */
export function ShowMore({ words, left, step = ROWS_AT_ONCE, onMore }: ShowMoreProps) {
  const styles = useStyles();
  if (left <= 0) return null;
  return (
    <div className={styles.more}>
      <Text>{words}</Text>
      <Button onClick={onMore}>Show {countWords(Math.min(left, step))} more</Button>
    </div>
  );
}

/** "Showing rows 1–100 of 1,500." */
export const rowsWords = (shown: number, total: number) => `Showing rows 1–${countWords(shown)} of ${countWords(total)}.`;
