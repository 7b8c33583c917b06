// A what-if suite's results (domain/evaluation/scenario-suite.ts runs it, as the console does): each
// scenario's outcome with the saved policies and with the drafts in place, its change in words,
// whether it still gets the outcome the admin expects, or why it was not run. Said as text,
// Markdown (job summary) or JSON.
import type { Decision } from '../../domain/evaluation/scenario';
import { suiteResultsSummary, type RunScenario, type SuiteResult, type SuiteRow } from '../../domain/evaluation/scenario-suite';
import { uncertaintyInWords } from '../../domain/evaluation/scenario-words';
import { escapeMarkdown } from '../../domain/lint/markdown';
import { isolatedText } from '../../domain/isolate';

export const DECISION_WORDS: Record<Decision, string> = { block: 'blocked', controls: 'asked for a control', allow: 'allowed' };

const EXPECTATION_WORDS: Record<NonNullable<SuiteRow['expectation']>, string> = {
  met: 'met',
  notMet: 'NOT MET',
  cannotTell: 'CANNOT TELL (the outcome is not certain)',
};
/** The line's mark: FAIL not met, ???? cannot tell, ok met, - no expectation. */
const MARKS: Record<NonNullable<SuiteRow['expectation']>, string> = { met: 'ok  ', notMet: 'FAIL', cannotTell: '????' };

function expectation(row: SuiteRow): string {
  if (!row.expected || !row.expectation) return '';
  return ` Expected ${DECISION_WORDS[row.expected]}: ${EXPECTATION_WORDS[row.expectation]}.`;
}

/** One scenario in a sentence or two: its outcome, its change with the drafts, and its expectation (or why it was not run). */
export function scenarioLine(result: SuiteResult, drafts: boolean): string {
  if ('notRun' in result) return `SKIP ${isolatedText(result.scenario.name)}: not run: ${result.notRun}`;
  const { scenario, row, after } = result;
  const why = uncertaintyInWords(after);
  const uncertain = why ? ` (not certain: ${why})` : '';
  const change = drafts ? ` ${row.change.words}.` : '';
  return `${row.expectation ? MARKS[row.expectation] : '-   '} ${isolatedText(scenario.name)}: ${after.summary.replace(/\.$/, '')}${uncertain}.${change}${expectation(row)}`;
}

export function suiteText(results: readonly SuiteResult[], heading: string, drafts: boolean): string {
  return `${[heading, ...results.map((r) => scenarioLine(r, drafts)), suiteResultsSummary(results)].join('\n')}\n`;
}

export function suiteMarkdown(results: readonly SuiteResult[], heading: string, drafts: boolean): string {
  const cell = (text: string) => escapeMarkdown(text).replace(/\|/g, '\\|');
  return [
    `### ${escapeMarkdown(heading)}`,
    '',
    `**${escapeMarkdown(suiteResultsSummary(results))}**`,
    '',
    `| Scenario | Outcome |${drafts ? ' Change |' : ''} Expected |`,
    `| --- | --- |${drafts ? ' --- |' : ''} --- |`,
    ...results.map((result) => {
      const expected = result.scenario.expected ? DECISION_WORDS[result.scenario.expected] : null;
      if ('notRun' in result)
        return `| ${cell(result.scenario.name)} | ⚠️ Not run: ${cell(result.notRun)} |${drafts ? ' — |' : ''} ${expected ?? '—'} |`;
      const { scenario, row, after } = result;
      return `| ${cell(scenario.name)} | ${cell(after.summary)} |${drafts ? ` ${cell(row.change.words)} |` : ''} ${
        expected ? `${row.expectation === 'met' ? '✅' : row.expectation === 'cannotTell' ? '❔ cannot tell:' : '❌'} ${expected}` : '—'
      } |`;
    }),
  ].join('\n');
}

export function suiteJson(results: readonly SuiteResult[], drafts: readonly string[]): string {
  const run = results.filter((r): r is RunScenario => 'row' in r);
  const rows = run.map((r) => r.row);
  return `${JSON.stringify(
    {
      format: 'gatehouse.what-if-results',
      version: 1,
      drafts,
      summary: suiteResultsSummary(results),
      failing: rows.filter((r) => r.meetsExpectation === false).length,
      cannotTell: rows.filter((r) => r.expectation === 'cannotTell').length,
      notRun: results.length - run.length,
      scenarios: results.map((result) =>
        'notRun' in result
          ? {
              id: result.scenario.id,
              name: result.scenario.name,
              notRun: result.notRun,
              expected: result.scenario.expected ?? null,
              meetsExpectation: null,
              expectation: null,
            }
          : {
              id: result.scenario.id,
              name: result.scenario.name,
              saved: { decision: result.saved.decision, summary: result.saved.summary, certain: result.saved.certain },
              result: { decision: result.after.decision, summary: result.after.summary, certain: result.after.certain },
              change: {
                kind: result.row.change.kind,
                words: result.row.change.words,
                lost: result.row.change.lost,
                gained: result.row.change.gained,
              },
              expected: result.row.expected ?? null,
              meetsExpectation: result.row.meetsExpectation,
              expectation: result.row.expectation ?? null,
            },
      ),
    },
    null,
    2,
  )}\n`;
}
