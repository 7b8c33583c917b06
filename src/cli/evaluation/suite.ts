// A what-if suite run as the console's suite runs it (features/what-if/scenario-suite-panel.tsx):
// each scenario evaluated by the engine with the saved policies and with the drafts in place, its
// change in words, and whether it still gets the outcome the admin expects. Then said as text,
// Markdown (job summary) or JSON.
import { evaluatePolicies, type Requirements } from '../../domain/evaluation/evaluate-policies';
import { scenarioFacts, type Decision, type Scenario, type SubjectFacts } from '../../domain/evaluation/scenario';
import { outcomeChange, suiteSummary, type SuiteRow } from '../../domain/evaluation/scenario-suite';
import { missingInWords } from '../../domain/evaluation/scenario-words';
import type { EvaluationContext } from '../../domain/evaluation/sign-in';
import type { JsonObject } from '../../domain/json';
import { escapeMarkdown } from '../../domain/lint/markdown';

export interface SuiteResult {
  scenario: Scenario;
  row: SuiteRow;
  saved: Requirements;
  /** With the drafts; the saved result when there is none. */
  after: Requirements;
}

export function runSuite(
  scenarios: readonly Scenario[],
  saved: readonly JsonObject[],
  withDrafts: readonly JsonObject[] | null,
  subjects: ReadonlyMap<string, SubjectFacts>,
  context: EvaluationContext,
): SuiteResult[] {
  return scenarios.map((scenario) => {
    const facts = scenarioFacts(scenario, (scenario.identity.kind === 'user' && subjects.get(scenario.identity.id)) || {});
    const before = evaluatePolicies(saved, facts, context).enforced;
    const after = withDrafts ? evaluatePolicies(withDrafts, facts, context).enforced : before;
    return {
      scenario,
      saved: before,
      after,
      row: {
        scenarioId: scenario.id,
        change: outcomeChange(before, after),
        ...(scenario.expected && { expected: scenario.expected }),
        actual: after.decision,
        meetsExpectation: scenario.expected ? scenario.expected === after.decision : null,
      },
    };
  });
}

export const DECISION_WORDS: Record<Decision, string> = { block: 'blocked', controls: 'asked for a control', allow: 'allowed' };

function expectation(row: SuiteRow): string {
  if (!row.expected) return '';
  return row.meetsExpectation ? ` Expected ${DECISION_WORDS[row.expected]}: met.` : ` Expected ${DECISION_WORDS[row.expected]}: NOT MET.`;
}

/** One scenario in a sentence or two: its outcome, its change with the drafts, and its expectation. */
export function scenarioLine(result: SuiteResult, drafts: boolean): string {
  const { scenario, row, after } = result;
  const uncertain = after.certain
    ? ''
    : ` (not certain: ${after.indeterminate.map((p) => `${p.displayName} needs ${missingInWords(p.missing).join(', ')}`).join('; ')})`;
  const change = drafts ? ` ${row.change.words}.` : '';
  return `${row.meetsExpectation === false ? 'FAIL' : row.meetsExpectation ? 'ok  ' : '-   '} ${scenario.name}: ${after.summary.replace(/\.$/, '')}${uncertain}.${change}${expectation(row)}`;
}

export function suiteText(results: readonly SuiteResult[], heading: string, drafts: boolean): string {
  return `${[heading, ...results.map((r) => scenarioLine(r, drafts)), suiteSummary(results.map((r) => r.row))].join('\n')}\n`;
}

export function suiteMarkdown(results: readonly SuiteResult[], heading: string, drafts: boolean): string {
  const cell = (text: string) => escapeMarkdown(text).replace(/\|/g, '\\|');
  return [
    `### ${escapeMarkdown(heading)}`,
    '',
    `**${escapeMarkdown(suiteSummary(results.map((r) => r.row)))}**`,
    '',
    `| Scenario | Outcome |${drafts ? ' Change |' : ''} Expected |`,
    `| --- | --- |${drafts ? ' --- |' : ''} --- |`,
    ...results.map(
      ({ scenario, row, after }) =>
        `| ${cell(scenario.name)} | ${cell(after.summary)} |${drafts ? ` ${cell(row.change.words)} |` : ''} ${
          row.expected ? `${row.meetsExpectation ? '✅' : '❌'} ${DECISION_WORDS[row.expected]}` : '—'
        } |`,
    ),
  ].join('\n');
}

export function suiteJson(results: readonly SuiteResult[], drafts: readonly string[]): string {
  const rows = results.map((r) => r.row);
  return `${JSON.stringify(
    {
      format: 'gatehouse.what-if-results',
      version: 1,
      drafts,
      summary: suiteSummary(rows),
      failing: rows.filter((r) => r.meetsExpectation === false).length,
      scenarios: results.map(({ scenario, row, saved, after }) => ({
        id: scenario.id,
        name: scenario.name,
        saved: { decision: saved.decision, summary: saved.summary, certain: saved.certain },
        result: { decision: after.decision, summary: after.summary, certain: after.certain },
        change: { kind: row.change.kind, words: row.change.words, lost: row.change.lost, gained: row.change.gained },
        expected: row.expected ?? null,
        meetsExpectation: row.meetsExpectation,
      })),
    },
    null,
    2,
  )}\n`;
}
