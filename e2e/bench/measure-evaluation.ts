// A draft's impact over 50,000 sign-ins in Chromium, as the console computes it: in a Web Worker,
// from the log as Graph returns it (the pages' bytes posted, parsed, reduced to shapes, evaluated with
// the saved policy and with the draft against Contoso's 35 policies). The log is synthetic and the same
// on every run (src/domain/evaluation/bulk/sample-log.ts: 2,000 users drawn into Contoso's groups),
// made on the page before the clock starts. Reported: the worker's time, cold (first run) and warm, its parts,
// the page's longest task and longest frame gap meanwhile (the page must not freeze), and for
// comparison the same work on the main thread, which is one long task. A plain page served by
// Playwright's routing, no build of the console needed. `npx tsx e2e/bench/measure-evaluation.ts`
// runs this measure alone.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser } from '@playwright/test';
import { createSizedSeedState } from '../../src/emulator/seed/large-seed';
import type { SampleTenantSpec } from '../../src/domain/evaluation/bulk/sample-log';
import { launch } from './env';
import { spread, type Spread } from './stats';

export const SIGN_INS = 50_000;
const WARM_RUNS = process.env.BENCH_QUICK === '1' ? 1 : 4;
const ORIGIN = 'http://bench.localhost';

export interface EvaluationRun {
  /** The pages' bytes parsed (in the worker), or nothing when it was given objects. */
  parseMs: number;
  readMs: number;
  shapeMs: number;
  impactMs: number;
  totalMs: number;
  shapes: number;
  summary: string;
}

export interface EvaluationFigures {
  signIns: number;
  policies: number;
  shapes: number;
  summary: string;
  workerColdMs: number;
  workerWarmMs: Spread;
  parts: { parseMs: number; readMs: number; shapeMs: number; impactMs: number };
  /** The page's longest task and frame gap while the worker ran every run, posted the pages' bytes. */
  pageLongestTaskMs: number;
  pageLongestFrameGapMs: number;
  /** The page's longest task posting the sign-ins as objects instead (structured clone on the page's thread). */
  objectsLongestTaskMs: number;
  /** The same work on the main thread, cold: one task of this length. */
  mainThreadMs: number;
}

/**
 * What runs in the worker and, for comparison, on the page: the bulk modules and the synthetic log.
 * The page makes the log before the clock starts, as the console holds it once read: the bytes of
 * Graph's pages of 1,000. The worker is handed those as the console hands them (src/shared/worker-pages.ts:
 * a copy of each page, transferred, one a task, then the job), and parses them; posting the sign-ins as objects instead is measured once, for the pause it costs the page.
 */
const ENTRY = `
import { readLog, shapesFor } from './src/domain/evaluation/bulk/log-shapes';
import { draftImpact } from './src/domain/evaluation/bulk/impact';
import { sampleDirectory, sampleSignInLog, sampleTenant } from './src/domain/evaluation/bulk/sample-log';
import { postWithPages, receiveWithPages } from './src/shared/worker-pages';

let tenantOf;
const tenantFor = (spec) => (tenantOf?.spec === spec.tenantId ? tenantOf.tenant : (tenantOf = { spec: spec.tenantId, tenant: sampleTenant(spec) }).tenant);

function run(input, log, pages) {
  const tenant = tenantFor(input.spec);
  const t0 = performance.now();
  const signIns = log ?? (pages ? pages.flatMap((bytes) => JSON.parse(new TextDecoder().decode(bytes)).value) : input.signIns);
  const tParsed = performance.now();
  const read = readLog(signIns, sampleDirectory(tenant), input.spec.tenantId);
  const t1 = performance.now();
  const shapes = shapesFor(read, [...input.others, input.saved, input.draft], input.context);
  const t2 = performance.now();
  const impact = draftImpact({ saved: input.saved, draft: input.draft, others: input.others, shapes, context: input.context });
  const t3 = performance.now();
  return { parseMs: tParsed - t0, readMs: t1 - tParsed, shapeMs: t2 - t1, impactMs: t3 - t2, totalMs: t3 - t0, shapes: shapes.shapes.length, summary: impact.summary };
}
/** The log on the page, made once: the sign-ins, and the bytes of their pages as Graph sends them. */
let made;
function logOf(input) {
  if (!made || made.n !== input.n) {
    const signIns = sampleSignInLog(tenantFor(input.spec), input.n);
    const pages = [];
    for (let at = 0; at < signIns.length; at += 1000)
      pages.push(new TextEncoder().encode(JSON.stringify({ value: signIns.slice(at, at + 1000) })).buffer);
    made = { n: input.n, signIns, pages };
  }
  return made;
}
globalThis.__evaluationRun = (input) => run(input, logOf(input).signIns);
if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  const paged = receiveWithPages((input, pages) => self.postMessage(run(input, undefined, pages)));
  self.onmessage = (e) => ('objects' in e.data ? self.postMessage(run(e.data.objects)) : paged(e));
}

/** Runs in a worker, each handed its work by post(), watching the page's long tasks and frames meanwhile. */
async function inWorker(worker, post, runs) {
  const longTasks = [];
  const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration)));
  observer.observe({ type: 'longtask' });
  let gap = 0;
  let last = performance.now();
  let watching = true;
  const frame = () => {
    const now = performance.now();
    gap = Math.max(gap, now - last);
    last = now;
    if (watching) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  const results = [];
  for (let i = 0; i < runs; i++)
    results.push(
      await new Promise((resolve, reject) => {
        worker.onmessage = (e) => resolve(e.data);
        worker.onerror = (e) => reject(new Error(e.message));
        void post();
      }),
    );
  // Long tasks are reported after they end: one more frame lets the last one in.
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
  watching = false;
  observer.disconnect();
  return { results, longestTaskMs: Math.max(0, ...longTasks), longestFrameGapMs: gap };
}

globalThis.__measureInWorker = async (input, runs) => {
  const { signIns, pages } = logOf(input);
  const text = await (await fetch('/evaluation.js')).text();
  const worker = new Worker(URL.createObjectURL(new Blob([text], { type: 'text/javascript' })));
  const asBytes = await inWorker(worker, () => postWithPages(worker, pages, input, () => false), runs);
  const asObjects = await inWorker(worker, () => worker.postMessage({ objects: { ...input, signIns } }), 1);
  worker.terminate();
  return { ...asBytes, objectsLongestTaskMs: asObjects.longestTaskMs };
};
`;

async function bundle(): Promise<string> {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const result = await build({
    stdin: { contents: ENTRY, loader: 'ts', resolveDir: root, sourcefile: 'evaluation-bench-entry.ts' },
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'warning',
  });
  return result.outputFiles[0]!.text;
}

/** Contoso at 35 policies, the saved CA001 and a draft of it that drops its exclusions. */
function input() {
  const tenant = createSizedSeedState(35).tenants[0]!;
  const policies = tenant.policies as Record<string, unknown>[];
  const saved = policies.find((p) => String(p.displayName).startsWith('CA001')) ?? policies[0]!;
  const conditions = saved.conditions as Record<string, unknown>;
  const draft = { ...saved, conditions: { ...conditions, users: { includeUsers: ['All'] } } };
  const spec: SampleTenantSpec = {
    tenantId: tenant.id,
    users: 2000,
    groupIds: tenant.groups.map((g) => g.id),
    roleTemplateIds: ['62e90394-69f5-4237-9190-012177145e10', '194ae4cb-b126-40b2-bd5b-6091b380977d'],
    appIds: [
      '00000002-0000-0ff1-ce00-000000000000',
      '00000003-0000-0ff1-ce00-000000000000',
      'cc15fd57-2c6c-4117-a88c-83b1d56b4bbe',
      '4765445b-32c6-49b0-83e6-1d93765276ca',
      'c44b4083-3bb0-49c1-b47d-974e53cbdf3c',
      '797f4846-ba00-4fd7-ba43-dac1f8f63013',
      ...tenant.servicePrincipals.slice(0, 10).map((sp) => sp.appId),
    ],
    officePrefix: '203.0.113',
    homeCountries: ['NL', 'DE', 'GB', 'US', 'SE'],
    travelCountries: ['FR', 'BR', 'JP', 'CN'],
  };
  return {
    n: SIGN_INS,
    spec,
    saved,
    draft,
    others: policies.filter((p) => p !== saved),
    context: { namedLocations: tenant.namedLocations ?? [], mfaTrustedIps: [] },
  };
}

export async function measureEvaluation(browser: Browser): Promise<EvaluationFigures> {
  const code = await bundle();
  const data = input();
  // As text: Playwright's types for a structured argument of this depth overwhelm the compiler.
  const json = JSON.stringify(data);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route(`${ORIGIN}/**`, (route) =>
    route.request().url().endsWith('/evaluation.js')
      ? route.fulfill({ contentType: 'text/javascript', body: code })
      : route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Evaluation bench</title><p>Evaluating…</p>' }),
  );
  try {
    await page.goto(`${ORIGIN}/`);
    // The page's side lives in the bundle: functions written here would reach the page with tsx's helpers in them.
    await page.addScriptTag({ url: `${ORIGIN}/evaluation.js` });
    const inWorker = (await page.evaluate(
      ({ json, runs }) =>
        (globalThis as unknown as { __measureInWorker(d: unknown, n: number): Promise<unknown> }).__measureInWorker(JSON.parse(json), runs),
      { json, runs: 1 + WARM_RUNS },
    )) as { results: EvaluationRun[]; longestTaskMs: number; longestFrameGapMs: number; objectsLongestTaskMs: number };
    // The main thread, cold, in a fresh page: what the page would suffer without the worker.
    await page.goto(`${ORIGIN}/`);
    await page.addScriptTag({ url: `${ORIGIN}/evaluation.js` });
    const onPage = (await page.evaluate(
      (json) => (globalThis as unknown as { __evaluationRun(d: unknown): EvaluationRun }).__evaluationRun(JSON.parse(json)),
      json,
    )) as EvaluationRun;
    const runs = inWorker.results;
    const cold = runs[0]!;
    const warm = runs.slice(1);
    const mid = (pick: (r: EvaluationRun) => number) => spread(warm.map(pick)).median;
    return {
      signIns: SIGN_INS,
      policies: data.others.length + 1,
      shapes: cold.shapes,
      summary: cold.summary,
      workerColdMs: Math.round(cold.totalMs),
      workerWarmMs: spread(warm.map((r) => r.totalMs)),
      parts: {
        parseMs: mid((r) => r.parseMs),
        readMs: mid((r) => r.readMs),
        shapeMs: mid((r) => r.shapeMs),
        impactMs: mid((r) => r.impactMs),
      },
      pageLongestTaskMs: Math.round(inWorker.longestTaskMs),
      pageLongestFrameGapMs: Math.round(inWorker.longestFrameGapMs),
      objectsLongestTaskMs: Math.round(inWorker.objectsLongestTaskMs),
      mainThreadMs: Math.round(onPage.totalMs),
    };
  } finally {
    await context.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const browser = await launch();
  try {
    console.log(JSON.stringify(await measureEvaluation(browser), null, 2));
  } finally {
    await browser.close();
  }
}
