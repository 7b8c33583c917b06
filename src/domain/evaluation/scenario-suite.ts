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

/**
 * A scenario's expectation against its outcome: met, not met, or cannot tell (the outcome is not
 * certain, and a policy that may apply could make it what is expected or something else).
 */
export type ExpectationState = 'met' | 'notMet' | 'cannotTell';

export interface SuiteRow {
  scenarioId: string;
  change: OutcomeChange;
  expected?: Decision;
  /** The draft's decision, or the saved one when there is no draft. */
  actual: Decision;
  /**
   * True when the expectation is met for certain, false when the outcome no longer meets it; null when
   * there is none, or when it cannot be told (see `expectation`): an uncertain answer does not pass.
   */
  meetsExpectation: boolean | null;
  /** With an expectation: met, not met, or cannot tell. */
  expectation?: ExpectationState;
}

/**
 * Whether an outcome meets what is expected. Policies that may apply (indeterminate) only add to an
 * outcome: a grant, or a block when they would block. So an uncertain "allow" may still become
 * "controls" or "block", an uncertain "controls" may become "block", and the answer is "cannot tell"
 * only when one of them could move the outcome onto, or off, what is expected.
 */
export function expectationState(expected: Decision, outcome: Requirements): ExpectationState {
  const met = expected === outcome.decision;
  if (outcome.certain) return met ? 'met' : 'notMet';
  const couldBlock = outcome.indeterminate.some((p) => p.wouldBlock);
  const couldAskControls = outcome.indeterminate.some((p) => !p.wouldBlock);
  if (outcome.decision === 'allow') {
    if (expected === 'allow') return 'cannotTell';
    return (expected === 'block' ? couldBlock : couldAskControls) ? 'cannotTell' : 'notMet';
  }
  // 'controls' (a block is always certain): only a block could still change it.
  if (expected === 'allow') return 'notMet';
  return couldBlock ? 'cannotTell' : met ? 'met' : 'notMet';
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
 * directory's facts for who signs in from `subjects`, by the scenario's identity id (a user's groups,
 * roles and guest kind; a workload identity's `workload` facts), and the tenant owning each target
 * application from `applicationOwners`, by appId, as the What if page reads them (missing: not read,
 * so what depends on them is uncertain).
 */
export function runSuite(
  scenarios: readonly Scenario[],
  saved: readonly unknown[],
  withDrafts: readonly unknown[] | null,
  subjects: ReadonlyMap<string, SubjectFacts | undefined>,
  context: EvaluationContext,
  applicationOwners: ReadonlyMap<string, string | null | undefined> = new Map(),
): SuiteResult[] {
  return scenarios.map((scenario) => {
    const problem = ipAddressProblem(scenario.conditions);
    if (problem) return { scenario, notRun: problem };
    const owner = scenario.target.kind === 'application' ? applicationOwners.get(scenario.target.appId) : undefined;
    const facts = scenarioFacts(scenario, {
      ...subjects.get(scenario.identity.id),
      ...(owner && { applicationOwnerTenantId: owner }),
    });
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
        ...expectationOf(scenario.expected, after),
      },
    };
  });
}

function expectationOf(expected: Decision | undefined, after: Requirements): Pick<SuiteRow, 'meetsExpectation' | 'expectation'> {
  if (!expected) return { meetsExpectation: null };
  const expectation = expectationState(expected, after);
  return { meetsExpectation: expectation === 'cannotTell' ? null : expectation === 'met', expectation };
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
  const untold = rows.filter((r) => r.expectation === 'cannotTell').length;
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
  const cannotTell = untold
    ? ` For ${plural(untold, 'scenario')} it cannot be told whether ${untold === 1 ? 'it gets' : 'they get'} what is expected: ${untold === 1 ? 'its outcome is' : 'their outcomes are'} not certain.`
    : '';
  return `${head}.${failing ? ` ${plural(failing, 'scenario')} no longer get${failing === 1 ? 's' : ''} what is expected.` : ''}${cannotTell}`;
}

/** "2 lose multifactor authentication", per control lost. */
function lossesByControl(changed: readonly SuiteRow[]): string[] {
  const byControl = new Map<string, number>();
  for (const row of changed.filter((r) => r.change.kind === 'losesControls'))
    for (const control of row.change.lost) byControl.set(control, (byControl.get(control) ?? 0) + 1);
  return [...byControl].map(([control, n]) => `${n} lose${n === 1 ? 's' : ''} ${control}`);
}
