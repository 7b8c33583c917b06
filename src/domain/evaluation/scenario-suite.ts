// Scenarios run as a suite: each one's outcome with the saved policies and with a draft, how it
// changes ("newly blocked", "loses MFA"), and whether it still gets what the admin expects. The
// summary is one sentence a reviewer can act on: "7 scenarios change: 3 newly blocked, 2 lose MFA".
import { grantInWords, type Requirements } from './evaluate-policies';
import type { Decision } from './scenario';

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

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

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
