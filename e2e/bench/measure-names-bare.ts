// The policies list's names in a browser without DevTools' network agent (see bare-browser.ts):
// the production build, signed in through the local identity provider, loaded as a returning
// visit and as the device's first, spaced as the other loads are.
import { urls } from '../support/ports';
import { launchBare, type BarePage } from './bare-browser';
import { figuresOf, forgetListedExpression, loadFigures, recordExpression, type LoadRecord, type LoadRun } from './measure-load';
import { pause, probeScript } from './session';

const painted = (milestone: string) => `window.__bench?.marks.${milestone}?.paint > 0`;

async function signIn(page: BarePage) {
  await page.goto(`${urls.app}/`);
  await page.waitFor(`[...document.querySelectorAll('button')].some((b) => b.textContent === 'Sign in with Microsoft')`);
  await page.evaluate(`[...document.querySelectorAll('button')].find((b) => b.textContent === 'Sign in with Microsoft').click()`);
  await page.waitFor(`!!document.querySelector('[role="grid"] [role="row"] [role="gridcell"]')`);
}

async function loadOnce(page: BarePage): Promise<LoadRun> {
  await page.goto(`${urls.app}/policies`);
  await page.waitFor(painted('names'));
  await pause(300);
  return figuresOf('production', await page.evaluate<LoadRecord>(recordExpression));
}

/**
 * Returning and first visits of the production build, `runs` of each; undefined (said, not thrown) when the
 * bare browser could not measure them: the benchmark reports, it does not fail.
 */
export async function measureNamesWithoutDevTools(runs: number) {
  try {
    return await measure(runs);
  } catch (error) {
    console.warn(`  (names without DevTools' network agent not measured: ${error instanceof Error ? error.message : String(error)})`);
    return undefined;
  }
}

async function measure(runs: number) {
  const browser = await launchBare();
  try {
    const page = await browser.newPage(probeScript);
    await signIn(page);
    const returning: LoadRun[] = [];
    const first: LoadRun[] = [];
    for (let i = 0; i < runs * 2; i++) {
      // Alternated, so that a slow stretch of the machine weighs on both alike.
      const firstVisit = i % 2 === 1;
      await pause(4500);
      if (firstVisit) await page.evaluate(forgetListedExpression);
      (firstVisit ? first : returning).push(await loadOnce(page));
    }
    return { returning: loadFigures(returning), firstVisit: loadFigures(first) };
  } finally {
    await browser.close();
  }
}
