// Search keystroke latency: from the keydown in the search box (the event's own time stamp) to the
// grid painted with the filtered result, i.e. the first painted frame whose drawn rows and result
// count are those the grid settles on. A keystroke that leaves the result as it was has nothing
// to wait for and is left out (counted). Measured at normal CPU and at 4x CPU throttling (CDP).
import type { Page } from '@playwright/test';
import { painted, pause, probe } from './session';
import { spread } from './stats';

// Words typed and erased letter by letter: narrowing steps, widening steps, and the last erase
// that brings every policy back (the heaviest step for a grid that draws every row).
const KEYS = [...'sales', ...Array<string>(5).fill('Backspace'), ...'pilot', ...Array<string>(5).fill('Backspace')];
const QUIET_MS = 600;

export interface Keystroke {
  key: string;
  latencyMs: number | null;
  rowsDrawn: number;
}

async function typeAndMeasure(page: Page): Promise<Keystroke[]> {
  const box = page.getByRole('searchbox', { name: /^Search policies/ });
  await box.click();
  await pause(QUIET_MS);
  await page.evaluate(() => window.__bench.watch(true));
  const results: Keystroke[] = [];
  for (const key of KEYS) {
    await page.keyboard.press(key);
    // Past the URL update (300 ms after typing), then until the DOM has been still for a while.
    await pause(400);
    await page.waitForFunction((quiet) => performance.now() - window.__bench.lastMutation > quiet, QUIET_MS, { polling: 100 });
    const state = await probe(page);
    const at = state.keydowns.at(-1)!;
    const before = state.gridChanges.filter((c) => c.at <= at).at(-1)?.signature;
    const after = state.gridChanges.filter((c) => c.at > at);
    const final = after.at(-1)?.signature ?? before;
    const first = after.find((c) => c.signature === final);
    results.push({
      key,
      latencyMs: first && final !== before ? Math.round(first.at - at) : null,
      rowsDrawn: Number(final?.split('|')[0] ?? 0),
    });
  }
  await page.evaluate(() => window.__bench.watch(false));
  return results;
}

/** Loads the list, then types at the given CPU slowdown (1 = none). */
export async function measureKeystrokes(page: Page, cpuSlowdown: number) {
  await page.goto('/policies');
  await painted(page, 'names');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
  try {
    const keys = await typeAndMeasure(page);
    const measured = keys.filter((k) => k.latencyMs !== null).map((k) => k.latencyMs!);
    return { cpuSlowdown, latencyMs: spread(measured), unchanged: keys.length - measured.length, keys };
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await cdp.detach();
  }
}

export type KeystrokeFigures = Awaited<ReturnType<typeof measureKeystrokes>>;
