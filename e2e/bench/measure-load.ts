// The policies list as a returning, signed-in user loads it (assets in the browser's cache, the
// token in MSAL's): time to the first row painted and to every name shown, the long tasks
// between the first contentful paint and every name shown, and the Graph calls, read from the
// page's resource timing. Runs are spaced so that the tenant's Conditional Access budget (1
// request per second, a burst of 4) has refilled: back-to-back loads would measure throttling.
import type { Page } from '@playwright/test';
import { blocking, spread } from './stats';
import type { ProbeState } from './probe';
import { graphBase, painted, pause, type Flavour } from './session';

export interface LoadRun {
  firstRowMs: number;
  /** When the first row entered the DOM, before it was painted (what the old benchmark reported). */
  firstRowInDomMs: number;
  namesShownMs: number;
  fcpMs: number;
  tbtMs: number;
  longestTaskMs: number;
  listArrivedMs: number;
  /** From the list's arrival to the names request leaving (negative: it left before the list arrived). */
  namesRequestAfterListMs: number;
  /** From the list's arrival to its first row in the DOM: the names request should leave before. */
  firstRowAfterListMs: number;
  namesRoundTripMs: number;
  namesShownAfterListMs: number;
  graphCalls: string[];
}

interface Entry {
  name: string;
  startTime: number;
  responseEnd: number;
}

/** What the page recorded of one load: the probe's marks and tasks, and its resource timing. */
export interface LoadRecord {
  state: ProbeState;
  entries: Entry[];
}

/** Read in the page once every name is painted (as source: it runs in the page). */
export const recordExpression = `({
  state: JSON.parse(JSON.stringify(window.__bench)),
  entries: performance.getEntriesByType('resource').map((e) => ({ name: e.name, startTime: e.startTime, responseEnd: e.responseEnd })),
})`;

/** Forgets the ids the last list referred to: the next load is the device's first (as source: it runs in the page). */
export const forgetListedExpression = `(() => {
  for (const key of Object.keys(localStorage)) if (key.startsWith('gatehouse.listed-references.')) localStorage.removeItem(key);
})()`;

async function loadOnce(page: Page, flavour: Flavour): Promise<LoadRun> {
  await page.goto('/policies');
  await painted(page, 'firstRow');
  await painted(page, 'names');
  await pause(300);
  return figuresOf(flavour, (await page.evaluate(recordExpression)) as LoadRecord);
}

/** A load's figures from what the page recorded. */
export function figuresOf(flavour: Flavour, { state, entries }: LoadRecord): LoadRun {
  const firstRow = state.marks.firstRow;
  const names = state.marks.names;
  if (!firstRow || !names) throw new Error('The load ended before every name was painted');
  const graph = entries.filter((e) => e.name.startsWith(graphBase(flavour)));
  const list = graph.find((e) => /\/identity\/conditionalAccess\/policies(\?|$)/.test(e.name));
  const batch = graph.find((e) => /\/\$batch$/.test(e.name) && e.startTime >= (list?.startTime ?? 0));
  if (!list || !batch) throw new Error(`No list or names request among ${graph.map((e) => e.name).join(', ')}`);
  const fcp = state.fcp ?? 0;
  const { tbt, longest } = blocking(state.longTasks, fcp, names.paint);
  return {
    firstRowMs: firstRow.paint,
    firstRowInDomMs: firstRow.dom,
    namesShownMs: names.paint,
    fcpMs: fcp,
    tbtMs: tbt,
    longestTaskMs: longest,
    listArrivedMs: list.responseEnd,
    namesRequestAfterListMs: batch.startTime - list.responseEnd,
    firstRowAfterListMs: firstRow.dom - list.responseEnd,
    namesRoundTripMs: batch.responseEnd - batch.startTime,
    namesShownAfterListMs: names.paint - list.responseEnd,
    graphCalls: graph.map((e) => new URL(e.name).pathname),
  };
}

/**
 * `firstVisit`: each load as the device's first (the ids the last list referred to are forgotten,
 * so the names are asked when the list arrives); otherwise a returning visit's, whose names' lookup
 * leaves with the list.
 */
export async function measureLoads(page: Page, flavour: Flavour, runs: number, { firstVisit = false } = {}) {
  const samples: LoadRun[] = [];
  for (let i = 0; i < runs; i++) {
    await pause(flavour === 'production' ? 4500 : 1500);
    if (firstVisit) await page.evaluate(forgetListedExpression);
    samples.push(await loadOnce(page, flavour));
  }
  return loadFigures(samples);
}

/** The loads' medians and spreads. */
export function loadFigures(samples: LoadRun[]) {
  const of = (pick: (r: LoadRun) => number) => spread(samples.map(pick));
  return {
    firstRowMs: of((r) => r.firstRowMs),
    firstRowInDomMs: of((r) => r.firstRowInDomMs),
    namesShownMs: of((r) => r.namesShownMs),
    fcpMs: of((r) => r.fcpMs),
    tbtMs: of((r) => r.tbtMs),
    longestTaskMs: of((r) => r.longestTaskMs),
    listArrivedMs: of((r) => r.listArrivedMs),
    namesRequestAfterListMs: of((r) => r.namesRequestAfterListMs),
    firstRowAfterListMs: of((r) => r.firstRowAfterListMs),
    /** In every run, the names request left before the list's first row was drawn (the "not after the first render"). */
    namesRequestBeforeFirstRow: samples.every((r) => r.namesRequestAfterListMs < r.firstRowAfterListMs),
    namesRoundTripMs: of((r) => r.namesRoundTripMs),
    namesShownAfterListMs: of((r) => r.namesShownAfterListMs),
    graphRoundTrips: of((r) => r.graphCalls.length),
    graphCalls: samples[0]!.graphCalls,
  };
}

export type LoadFigures = Awaited<ReturnType<typeof measureLoads>>;
