// Scenarios run as a suite: each one's outcome with the saved policies and with a draft, how it
// changes ("newly blocked", "loses MFA"), and whether it still gets what the admin expects. The
// summary is one sentence a reviewer can act on: "7 scenarios change: 3 newly blocked, 2 lose MFA".
import { evaluatePolicies, grantInWords, type Requirements } from './evaluate-policies';
import { ipAddressProblem, scenarioFacts, type Decision, type Scenario, type SubjectFacts } from './scenario';
import type { EvaluationContext } from './sign-in';

export type ChangeKind = 'newlyBlocked' | 'unblocked' | 'gainsControls' | 'losesControls' | 'controlsChange' | 'unchanged';

export interface OutcomeChange {
  kind: ChangeKind;
  /** In words, for the scenario's row. */
  words: string;
  /** Grant controls no longer required (for "loses MFA"). */
  lost: string[];
  gained: string[];
}

const controls = (r: Requirements): Set<string> => new Set(r.grants.map((g) => grantInWords(g.grant)));

/** How a scenario's outcome moves from the saved policies to the draft. */
export function outcomeChange(saved: Requirements, draft: Requirements): OutcomeChange {
  const before = controls(saved);
  const after = controls(draft);
  const lost = [...before].filter((c) => !after.has(c));
  const gained = [...after].filter((c) => !before.has(c));
  if (saved.decision !== 'block' && draft.decision === 'block')
    return { kind: 'newlyBlocked', words: `Newly blocked (${draft.blockedBy.map((p) => p.displayName).join(', ')})`, lost, gained };
  if (saved.decision === 'block' && draft.decision !== 'block') return { kind: 'unblocked', words: 'No longer blocked', lost, gained };
  if (saved.decision === 'block') return { kind: 'unchanged', words: 'Blocked, as before', lost: [], gained: [] };
  if (lost.length > 0 && gained.length === 0) return { kind: 'losesControls', words: `Loses ${lost.join('; ')}`, lost, gained };
  if (gained.length > 0 && lost.length === 0) return { kind: 'gainsControls', words: `Newly requires ${gained.join('; ')}`, lost, gained };
  if (gained.length > 0)
    return { kind: 'controlsChange', words: `Requires ${gained.join('; ')} instead of ${lost.join('; ')}`, lost, gained };
  return { kind: 'unchanged', words: 'Unchanged', lost, gained };
}

export interface SuiteRow {
  scenarioId: string;
  change: OutcomeChange;
  expected?: Decision;
  /** The draft's decision, or the saved one when there is no draft. */
  actual: Decision;
  /** False when the scenario has an expectation the outcome no longer meets. */
  meetsExpectation: boolean | null;
}

/** A scenario's run, or why it was not run (an address that is not one: no answer would be true). */
export type SuiteResult = RunScenario | { scenario: Scenario; notRun: string };

export interface RunScenario {
  scenario: Scenario;
  row: SuiteRow;
  saved: Requirements;
  /** With the drafts; the saved result when there is none. */
  after: Requirements;
}

/**
 * Each scenario evaluated with the saved policies and with the drafts in place (null: no draft), the
 * directory's facts for its user from `subjects` (missing: not read, so what depends on them is uncertain).
 */
export function runSuite(
  scenarios: readonly Scenario[],
  saved: readonly unknown[],
  withDrafts: readonly unknown[] | null,
  subjects: ReadonlyMap<string, SubjectFacts | undefined>,
  context: EvaluationContext,
): SuiteResult[] {
  return scenarios.map((scenario) => {
    const problem = ipAddressProblem(scenario.conditions);
    if (problem) return { scenario, notRun: problem };
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

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The suite's results in one sentence, with the scenarios not run named at its end. */
export function suiteResultsSummary(results: readonly SuiteResult[]): string {
  const rows = results.flatMap((r) => ('row' in r ? [r.row] : []));
  const notRun = results.filter((r) => 'notRun' in r).map((r) => `“${r.scenario.name}”`);
  if (notRun.length === 0) return suiteSummary(rows);
  const tail = `${plural(notRun.length, 'scenario')} not run (${notRun.join(', ')}): ${notRun.length === 1 ? 'its IP address is' : 'their IP addresses are'} not one.`;
  return rows.length === 0 ? tail : `${suiteSummary(rows)} ${tail}`;
}

/** The suite in one sentence. */
export function suiteSummary(rows: readonly SuiteRow[]): string {
  const changed = rows.filter((r) => r.change.kind !== 'unchanged');
  const failing = rows.filter((r) => r.meetsExpectation === false).length;
  const count = (kind: ChangeKind) => changed.filter((r) => r.change.kind === kind).length;
  const parts = [
    count('newlyBlocked') && `${count('newlyBlocked')} newly blocked`,
    count('unblocked') && `${count('unblocked')} no longer blocked`,
    count('gainsControls') && `${count('gainsControls')} newly asked for a control`,
    ...lossesByControl(changed),
    count('controlsChange') && `${count('controlsChange')} asked for other controls`,
  ].filter(Boolean);
  const head =
    changed.length === 0
      ? `No scenario changes (${plural(rows.length, 'scenario')} run)`
      : `${plural(changed.length, 'scenario')} change${changed.length === 1 ? 's' : ''}: ${parts.join(', ')}`;
  return `${head}.${failing ? ` ${plural(failing, 'scenario')} no longer get${failing === 1 ? 's' : ''} what is expected.` : ''}`;
}

/** "2 lose multifactor authentication", per control lost. */
function lossesByControl(changed: readonly SuiteRow[]): string[] {
  const byControl = new Map<string, number>();
  for (const row of changed.filter((r) => r.change.kind === 'losesControls'))
    for (const control of row.change.lost) byControl.set(control, (byControl.get(control) ?? 0) + 1);
  return [...byControl].map(([control, n]) => `${n} lose${n === 1 ? 's' : ''} ${control}`);
}
