// `npm run bench`: what a user of the console waits for, in the production build (MSAL against the
// local identity provider, the Graph emulator server with 100 ms per call) and in the demo (the
// in-browser emulator), with Contoso at 35, 100 and 195 policies. Medians of several runs with their
// spread, beside the targets of issue #11, printed and written to bench-results/bench.json. A
// benchmark, not a test: a missed target is reported, never failed. BENCH_QUICK=1 runs each measure once.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser } from '@playwright/test';
import { SEED_SIZES } from '../../src/emulator/seed/large-seed';
import { build, LATENCY_MS, launch, preview, tenantServices } from './env';
import { journey, openDiff, type Journey } from './measure-editor';
import { measureLoads } from './measure-load';
import { measureNamesWithoutDevTools } from './measure-names-bare';
import { corpusPolicies, measureExportAndPlan, measureSetDiff, tenantFacts } from './measure-node';
import { measureEvaluation, type EvaluationFigures } from './measure-evaluation';
import { measureTenants, type TenantsFigures } from './measure-tenants';
import { measureKeystrokes } from './measure-search';
import { printReport, type FlavourResults, type Results } from './report';
import { openContext, pause, signIn, type Flavour } from './session';
import { spread } from './stats';

const quick = process.env.BENCH_QUICK === '1';
const RUNS = quick ? 1 : 5;
const EDITOR_RUNS = quick ? 1 : 3;
const DWELL_MS = 3000;
// Production runs wait for the tenant's Conditional Access budget to refill; the demo's emulator
// starts afresh with each page.
const spacing = (flavour: Flavour) => (flavour === 'production' ? 4500 : 1500);
const outDirs: Record<Flavour, string> = { production: 'bench-results/build-e2e', demo: 'bench-results/build' };

async function measureFlavour(browser: Browser, flavour: Flavour, largestCorpusPolicy: string): Promise<FlavourResults> {
  const stopPreview = await preview(outDirs[flavour]);
  const sizes: FlavourResults['sizes'] = {};
  const journeys: Journey[] = [];
  const dwelled: Journey[] = [];
  const diff: number[] = [];
  try {
    for (const policies of SEED_SIZES) {
      console.log(`  ${flavour}, ${policies} policies…`);
      const facts = tenantFacts(policies);
      const teardown = flavour === 'production' ? await tenantServices(policies) : async () => {};
      try {
        const { context, page } = await openContext(browser);
        await signIn(page, flavour, policies);
        const load = await measureLoads(page, flavour, RUNS);
        const top = policies === SEED_SIZES.at(-1);
        const firstVisit = top ? await measureLoads(page, flavour, RUNS, { firstVisit: true }) : undefined;
        await pause(spacing(flavour));
        const normal = await measureKeystrokes(page, 1);
        await pause(spacing(flavour));
        const throttled = await measureKeystrokes(page, 4);
        if (policies === SEED_SIZES[0]) {
          for (let i = 0; i < EDITOR_RUNS; i++) {
            await pause(spacing(flavour));
            diff.push(await openDiff(page, facts.typicalId, largestCorpusPolicy));
          }
        }
        await context.close();
        // Alone: a second browser with a page open beside it would share the two cores with these loads.
        const withoutDevTools = top && flavour === 'production' ? await measureNamesWithoutDevTools(RUNS) : undefined;
        if (policies === SEED_SIZES.at(-1)) {
          for (let i = 0; i < EDITOR_RUNS * 2; i++) {
            await pause(spacing(flavour));
            const first = i < EDITOR_RUNS;
            const options = {
              policies,
              typicalId: facts.typicalId,
              largestId: facts.largest.id,
              dwellMs: first ? 0 : DWELL_MS,
              typing: first,
            };
            (i < EDITOR_RUNS ? journeys : dwelled).push(await journey(browser, flavour, outDirs[flavour], options));
          }
        }
        sizes[policies] = {
          ...facts,
          load,
          ...(firstVisit && { firstVisit }),
          ...(withoutDevTools && { withoutDevTools }),
          search: { normal, throttled },
        };
      } finally {
        await teardown();
      }
    }
  } finally {
    stopPreview();
  }
  const all = [...journeys, ...dwelled];
  const of = (list: Journey[], pick: (j: Journey) => number, digits = 0) => spread(list.map(pick), digits);
  return {
    weightKb: {
      signIn: of(journeys, (j) => j.weightKb.signIn, 1),
      firstRow: of(journeys, (j) => j.weightKb.firstRow, 1),
      editor: of(journeys, (j) => j.weightKb.editor, 1),
      editorAdds: of(journeys, (j) => j.weightKb.editor - j.weightKb.firstRow, 1),
    },
    assets: journeys[0]!.assets,
    sizes,
    editor: {
      coldMs: of(journeys, (j) => j.editorColdMs),
      coldAfterDwellMs: of(dwelled, (j) => j.editorColdMs),
      warmMs: of(all, (j) => j.editorWarmMs),
      warmLargestMs: of(all, (j) => j.editorWarmLargestMs),
      typingLargestMs: of(journeys, (j) => j.typingLargestMs ?? 0),
      largestReferences: tenantFacts(SEED_SIZES.at(-1)!).largest.references,
      dwellMs: DWELL_MS,
    },
    diffOpenMs: spread(diff),
  };
}

async function main() {
  console.log('Building the production bundle (served as the demo) and the end-to-end bundle (MSAL against localhost)…');
  build(outDirs.demo, 'production');
  build(outDirs.production, 'e2e');
  const corpus = corpusPolicies();
  const largest = corpus.reduce((a, b) => (JSON.stringify(b).length > JSON.stringify(a).length ? b : a));
  const browser = await launch();
  const results: Results & { evaluation?: EvaluationFigures; tenants?: TenantsFigures } = {
    date: new Date().toISOString(),
    latencyPerGraphCallMs: LATENCY_MS,
    runs: RUNS,
    flavours: {} as Results['flavours'],
    setDiff: measureSetDiff(corpus),
    exportPlan: await measureExportAndPlan(),
    largestCorpusPolicyChars: JSON.stringify(largest, null, 2).length,
  };
  try {
    for (const flavour of ['production', 'demo'] as const) {
      console.log(`Measuring the ${flavour === 'production' ? 'production build' : 'demo'}…`);
      results.flavours[flavour] = await measureFlavour(browser, flavour, JSON.stringify(largest));
    }
    console.log('Measuring a draft’s impact over 50,000 sign-ins in a worker…');
    results.evaluation = await measureEvaluation(browser);
    console.log('Backing up 200 tenants with the command line, then writing to each…');
    results.tenants = await measureTenants();
  } finally {
    await browser.close();
  }
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/bench.json', `${JSON.stringify(results, null, 2)}\n`);
  printReport(results);
}

await main();
