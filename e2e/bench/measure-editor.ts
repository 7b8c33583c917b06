// A first visit in a fresh browser (empty cache): the sign-in page, signing in, the policies list,
// a policy's page, Edit. Records which JS and CSS files were fetched before each step was usable
// (their gzip sizes summed: what a user downloads), the editor's open time cold (Monaco not yet
// downloaded) and warm (a second Edit in the same page), and the diff view's open time.
import { join } from 'node:path';
import { expect, type Browser, type Page } from '@playwright/test';
import { urls } from '../support/ports';
import { openContext, painted, pause, probe, seedDemo, signInButton, type Flavour } from './session';
import { gzipSize, kb } from './stats';

export interface Journey {
  weightKb: { signIn: number; firstRow: number; editor: number };
  assets: { signIn: string[]; firstRow: string[]; editor: string[] };
  editorColdMs: number;
  editorWarmMs: number;
  editorWarmLargestMs: number;
  /** Main-thread time per keystroke typed in the largest policy's editor (null when not measured). */
  typingLargestMs: number | null;
}

const TYPED = 20;

/**
 * What a keystroke in the open editor costs the page: the main thread's busy time over keystrokes
 * typed into the policy's name, 400 ms apart (past the lint's pause, so each brings its lint), divided
 * by their number. Busy time, not latency: Monaco paints the letter at once, and the rest (checks,
 * summary, pickers, marks) is what makes the next keystrokes wait.
 */
async function typingCost(browser: Browser, page: Page): Promise<number> {
  await page.getByTestId('json-editor').locator('.view-lines').click();
  // Line 4 is "displayName" in the console's JSON (after "{", "id" and "templateId"): inside its value.
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await pause(1500);
  await browser.startTracing(page, { categories: ['toplevel'] });
  for (let i = 0; i < TYPED; i++) {
    await page.keyboard.press(String.fromCharCode(97 + (i % 26)));
    await pause(400);
  }
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  const threads = new Map(trace.traceEvents.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args?.name]));
  const busyUs = trace.traceEvents
    .filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && threads.get(`${e.pid}:${e.tid}`) === 'CrRendererMain')
    .reduce((sum, e) => sum + (e.dur ?? 0), 0);
  return Math.round(busyUs / 1000 / TYPED);
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  args?: { name?: string };
}

/** Clicks Edit on the policy page shown and returns the time from the click to the editor painted. */
async function openEditor(page: Page, dwellMs: number) {
  // "Continue editing" when this device keeps a draft of the policy.
  const edit = page.getByRole('button', { name: /^(Edit|Continue editing)$/ });
  await expect(edit).toBeEnabled({ timeout: 30_000 });
  await pause(dwellMs);
  await page.evaluate(() => window.__bench.rearm('editor'));
  await edit.click();
  const mark = await painted(page, 'editor');
  const click = (await probe(page)).clicks.filter((c) => /^(Edit|Continue editing)$/.test(c.label.trim())).at(-1)!;
  return { ms: Math.round(mark.paint - click.at), wall: mark.wall };
}

/** Goes to another page of the console without reloading it, as its own links do. */
const navigateInPage = (page: Page, path: string) =>
  page.evaluate((to) => {
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);

export async function journey(
  browser: Browser,
  flavour: Flavour,
  outDir: string,
  options: { policies: number; typicalId: string; largestId: string; dwellMs: number; typing: boolean },
): Promise<Journey> {
  const { context, page } = await openContext(browser);
  const fetched: { path: string; start: number }[] = [];
  context.on('requestfinished', (request) => {
    const url = new URL(request.url());
    if (url.origin === urls.app && /\.(m?js|css)$/.test(url.pathname))
      fetched.push({ path: url.pathname, start: request.timing().startTime });
  });
  try {
    await page.goto('/');
    const signIn = await painted(page, 'signIn');
    if (flavour === 'demo') {
      await seedDemo(page, options.policies);
      await page.reload();
    }
    await signInButton(page, flavour).click();
    await page.getByRole('grid').waitFor({ timeout: 30_000 });
    const firstRow = await painted(page, 'firstRow');
    await page.goto(`/policies/${options.typicalId}`);
    const cold = await openEditor(page, options.dwellMs);
    await page.goBack();
    const warm = await openEditor(page, 1000);
    await navigateInPage(page, `/policies/${options.largestId}`);
    const warmLargest = await openEditor(page, 1000);
    const typingLargestMs = options.typing ? await typingCost(browser, page) : null;

    const before = (wall: number) => [...new Set(fetched.filter((f) => f.start <= wall).map((f) => f.path))].sort();
    const assets = { signIn: before(signIn.wall), firstRow: before(firstRow.wall), editor: before(cold.wall) };
    const weigh = (paths: string[]) => kb(paths.reduce((sum, path) => sum + gzipSize(join(outDir, path)), 0));
    return {
      weightKb: { signIn: weigh(assets.signIn), firstRow: weigh(assets.firstRow), editor: weigh(assets.editor) },
      assets,
      editorColdMs: cold.ms,
      editorWarmMs: warm.ms,
      editorWarmLargestMs: warmLargest.ms,
      typingLargestMs,
    };
  } finally {
    await context.close();
  }
}

/** From choosing a policy file on the compare page to its diff drawn (Monaco loads as the page opens). */
export async function openDiff(page: Page, policyId: string, file: string) {
  await page.evaluate(() => sessionStorage.removeItem('gatehouse.compare.file'));
  await page.goto(`/compare?a=${policyId}`);
  await page.getByRole('combobox', { name: 'Policy A (left)' }).waitFor();
  await page
    .getByLabel('Policy file to compare with')
    .setInputFiles({ name: 'largest.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  const mark = await painted(page, 'diff');
  return Math.round(mark.paint - (await probe(page)).fileChosen!);
}
