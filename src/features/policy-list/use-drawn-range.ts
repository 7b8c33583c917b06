// Which rows of the policies grid to draw: those near the viewport, followed as the window
// scrolls or resizes, with the viewport read only when one of those happens (never while rendering).
import { startTransition, useEffect, useLayoutEffect, useState, useSyncExternalStore } from 'react';
import type React from 'react';
import { whenIdle } from '../../shared/idle';
import { createValueStore } from '../../shared/value-store';
import { visibleRange, type RowRange } from './windowing';

// Up to this many rows are drawn whole: cheap, and find-in-page sees them all.
const DRAW_ALL_UP_TO = 60;
// Drawn beyond each edge of the viewport, so a scroll shows rows already drawn.
const OVERSCAN_PX = 600;

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
  const viewport = createValueStore('');
  const measure = () => viewport.set(viewportOf(list()));
  return {
    measure,
    get: viewport.get,
    subscribe(listener: () => void) {
      const unsubscribe = viewport.subscribe(listener);
      const stop = subscribeToViewport(measure);
      return () => {
        unsubscribe();
        stop();
      };
    },
  };
}

/** The rows to draw: those near the viewport, followed as it moves. */
export function useDrawnRange(body: React.RefObject<HTMLDivElement | null>, offsets: readonly number[]): RowRange {
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
    return whenIdle(() => startTransition(() => setReady(true)), { timeout: 300 });
  }, [ready]);
  return ready ? OVERSCAN_PX : 0;
}
