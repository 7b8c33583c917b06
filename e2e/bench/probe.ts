// What the benchmark records inside the page, installed before the console's own scripts run.
// "Painted" means: the element was found in the DOM (by a MutationObserver), then the next animation
// frame ran and a task queued from it ran too, which is after that frame's style, layout and paint.
// Elements are found by roles, labels and test ids, never by the console's CSS classes, and a
// virtualised grid counts as painted as soon as its first drawn row is.

export interface Mark {
  /** Found in the DOM, ms since navigation start. */
  dom: number;
  /** After the frame that drew it, ms since navigation start. */
  paint: number;
  /** The same moment as a wall-clock time (ms since 1970), to compare with network requests. */
  wall: number;
}

export interface ProbeState {
  marks: Partial<Record<Milestone, Mark>>;
  longTasks: { start: number; duration: number }[];
  fcp: number | null;
  /** When the DOM last changed: the grid is settled once this is old enough. */
  lastMutation: number;
  /** The grid's drawn result each time it changed, with when it was painted (only while watching). */
  gridChanges: { signature: string; at: number }[];
  keydowns: number[];
  clicks: { label: string; at: number }[];
  fileChosen: number | null;
  watchGrid: boolean;
}

export type Milestone = 'signIn' | 'firstRow' | 'names' | 'editor' | 'diff';

declare global {
  interface Window {
    __bench: ProbeState & { rearm(milestone: Milestone): void; watch(on: boolean): void };
  }
}

/** Runs in the page (serialised by addInitScript): it may use nothing from this module's scope. */
export function installProbe() {
  const state: ProbeState = {
    marks: {},
    longTasks: [],
    fcp: null,
    lastMutation: 0,
    gridChanges: [],
    keydowns: [],
    clicks: [],
    fileChosen: null,
    watchGrid: false,
  };
  const afterPaint = (then: (at: number) => void) => requestAnimationFrame(() => setTimeout(() => then(performance.now())));
  const grid = () => document.querySelector('[role="grid"]');
  const firstRow = () => grid()?.querySelector('[role="row"] [role="gridcell"]') ?? null;
  const found: Record<Milestone, () => boolean> = {
    signIn: () => [...document.querySelectorAll('button')].some((b) => /^Sign in (with Microsoft|as )/.test(b.textContent ?? '')),
    firstRow: () => !!firstRow(),
    // Every drawn row shows its names: no "Resolving names" indicator is left.
    names: () => !!firstRow() && !document.querySelector('[aria-label="Resolving names"]'),
    editor: () => !!document.querySelector('[data-testid="json-editor"]')?.textContent?.includes('"displayName"'),
    // Monaco's own decoration classes: the diff has been computed and drawn.
    diff: () => !!document.querySelector('[data-testid="diff-viewer"] :is(.line-insert, .char-insert)'),
  };
  // What a user sees of the grid's result: its drawn rows (count, first, last) and the result count.
  const signature = () => {
    const rows = [...(grid()?.querySelectorAll('[role="row"]') ?? [])].filter((r) => r.querySelector('[role="gridcell"]'));
    const status = [...document.querySelectorAll('[role="status"]')].map((s) => s.textContent).join('|');
    return `${rows.length}|${rows[0]?.textContent ?? 'none'}|${rows.at(-1)?.textContent ?? ''}|${status}`;
  };
  let framePending = false;
  const check = () => {
    state.lastMutation = performance.now();
    for (const name of Object.keys(found) as Milestone[]) {
      if (state.marks[name] || !found[name]()) continue;
      const mark: Mark = { dom: performance.now(), paint: 0, wall: 0 };
      state.marks[name] = mark;
      afterPaint((at) => Object.assign(mark, { paint: at, wall: performance.timeOrigin + at }));
    }
    if (state.watchGrid && !framePending) {
      framePending = true;
      requestAnimationFrame(() => {
        const drawn = signature();
        setTimeout(() => {
          framePending = false;
          if (drawn !== state.gridChanges.at(-1)?.signature) state.gridChanges.push({ signature: drawn, at: performance.now() });
        });
      });
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) state.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') state.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  performance.setResourceTimingBufferSize(2000);
  addEventListener('keydown', (e) => state.keydowns.push(e.timeStamp), true);
  addEventListener(
    'click',
    (e) => {
      const button = (e.target as Element | null)?.closest('button');
      if (button) state.clicks.push({ label: button.textContent ?? '', at: e.timeStamp });
    },
    true,
  );
  addEventListener(
    'change',
    (e) => {
      if ((e.target as HTMLInputElement | null)?.type === 'file') state.fileChosen = e.timeStamp;
    },
    true,
  );
  window.__bench = Object.assign(state, {
    rearm(milestone: Milestone) {
      delete state.marks[milestone];
      check();
    },
    /** Starts (with the grid as it is now) or stops recording the grid's painted results. */
    watch(on: boolean) {
      state.watchGrid = on;
      if (on) state.gridChanges.push({ signature: signature(), at: performance.now() });
    },
  });
}
