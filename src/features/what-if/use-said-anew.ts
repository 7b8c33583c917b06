// A status that keeps its words says nothing: a second run with the same outcome, or a second save of
// the same scenario, was done and never heard. After each occasion the status is emptied a moment and
// its words put back, so they are said again, the same or not (as Compare does for a file chosen again).
import { useEffect, useState } from 'react';

/** How long the status stays empty: long enough for a screen reader to notice it changed. */
const EMPTY_MS = 100;

/** False for a moment after the occasion changes (the status's words are then left out), true otherwise. */
export function useSaidAnew(occasion: unknown): boolean {
  const [said, setSaid] = useState(occasion);
  useEffect(() => {
    const timer = setTimeout(() => setSaid(occasion), EMPTY_MS);
    return () => clearTimeout(timer);
  }, [occasion]);
  return said === occasion;
}
