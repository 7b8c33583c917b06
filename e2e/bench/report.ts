// The benchmark's results, and their table printed to the terminal and written as Markdown
// (bench-results/bench.md) for the README. Targets are reported, never enforced.
import { writeFileSync } from 'node:fs';
import type { Journey } from './measure-editor';
import type { LoadFigures } from './measure-load';
import type { KeystrokeFigures } from './measure-search';
import type { Flavour } from './session';
import type { Spread } from './stats';
import { rows, type Cell, type Row } from './report-rows';

export interface FlavourResults {
  weightKb: { signIn: Spread; firstRow: Spread; editor: Spread; editorAdds: Spread };
  assets: Journey['assets'];
  sizes: Record<
    number,
    {
      policies: number;
      references: number;
      minimumRoundTrips: number;
      /** A returning visit's loads (the names' lookup leaves with the list). */
      load: LoadFigures;
      /** At the largest size: loads as a device's first visit (names asked when the list arrives). */
      firstVisit?: LoadFigures;
      /** At the largest size, the production build's loads in a browser without DevTools' network agent. */
      withoutDevTools?: { returning: LoadFigures; firstVisit: LoadFigures };
      search: { normal: KeystrokeFigures; throttled: KeystrokeFigures };
    }
  >;
  editor: {
    coldMs: Spread;
    coldAfterDwellMs: Spread;
    warmMs: Spread;
    warmLargestMs: Spread;
    typingLargestMs: Spread;
    largestReferences: number;
    dwellMs: number;
  };
  diffOpenMs: Spread;
}

export interface Results {
  date: string;
  latencyPerGraphCallMs: number;
  runs: number;
  flavours: Record<Flavour, FlavourResults>;
  setDiff: { matchMs: number; withWordsMs: number };
  exportPlan: Awaited<ReturnType<typeof measureExportAndPlan>>;
  largestCorpusPolicyChars: number;
}

import type { measureExportAndPlan } from './measure-node';

const mark = (c: Cell) => (c.met === undefined ? c.text : `${c.text} ${c.met ? '✓' : '✗'}`);

export function printReport(r: Results) {
  const table = rows(r);
  const markdown = [
    '| Measure | Production build | Demo | Target |',
    '|---|---|---|---|',
    ...table.map((row) => `| ${row.measure} | ${mark(row.production)} | ${mark(row.demo)} | ${row.target} |`),
  ].join('\n');
  writeFileSync('bench-results/bench.md', `${markdown}\n`);
  const width = (pick: (row: Row) => string) => Math.max(...table.map((row) => pick(row).length));
  const [w1, w2, w3] = [width((row) => row.measure), width((row) => mark(row.production)), width((row) => mark(row.demo))];
  console.log(
    `\nGatehouse benchmark (${r.date}), ${r.runs} runs each, ${r.latencyPerGraphCallMs} ms per Graph call in production; median (min–max); ✓/✗ against the target`,
  );
  console.log(`${'Measure'.padEnd(w1)}  ${'Production build'.padEnd(w2)}  ${'Demo'.padEnd(w3)}  Target`);
  for (const row of table)
    console.log(`${row.measure.padEnd(w1)}  ${mark(row.production).padEnd(w2)}  ${mark(row.demo).padEnd(w3)}  ${row.target}`);
  console.log('Written to bench-results/bench.json and bench-results/bench.md');
}
