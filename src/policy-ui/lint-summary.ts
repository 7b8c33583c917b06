// The findings of the tenant per policy, as the policies page counts and filters them: a suppressed
// finding is accepted and not counted; the worst severity names the count ("2 errors", "1 warning").
import type { ExternalId, LintFinding, LintSeverity } from '../domain/lint/types';

export interface PolicyFindings {
  /** The findings that are not suppressed. */
  count: number;
  worst: LintSeverity | null;
  bySeverity: Record<LintSeverity, number>;
  suppressed: number;
  /** The rules that found something (not suppressed). */
  rules: ReadonlySet<string>;
}

export const SEVERITY_RANK: Record<LintSeverity, number> = { error: 0, warning: 1, info: 2 };
const NONE: PolicyFindings = { count: 0, worst: null, bySeverity: { error: 0, warning: 0, info: 0 }, suppressed: 0, rules: new Set() };

export function findingsByPolicy(findings: readonly LintFinding[]): ReadonlyMap<string, PolicyFindings> {
  const byPolicy = new Map<string, { bySeverity: Record<LintSeverity, number>; suppressed: number; rules: Set<string> }>();
  for (const f of findings) {
    if (!f.policyId) continue;
    let entry = byPolicy.get(f.policyId);
    if (!entry) byPolicy.set(f.policyId, (entry = { bySeverity: { error: 0, warning: 0, info: 0 }, suppressed: 0, rules: new Set() }));
    if (f.suppressed) entry.suppressed++;
    else {
      entry.bySeverity[f.severity]++;
      entry.rules.add(f.ruleId);
    }
  }
  const summaries = new Map<string, PolicyFindings>();
  for (const [id, e] of byPolicy) {
    const count = e.bySeverity.error + e.bySeverity.warning + e.bySeverity.info;
    const worst = e.bySeverity.error ? 'error' : e.bySeverity.warning ? 'warning' : e.bySeverity.info ? 'info' : null;
    summaries.set(id, { count, worst, ...e });
  }
  return summaries;
}

export const findingsOf = (summaries: ReadonlyMap<string, PolicyFindings> | undefined, policyId: string) =>
  summaries?.get(policyId) ?? NONE;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "2 errors, 1 warning", "No findings", "No findings (1 suppressed)": what the count says to a screen reader. */
export function describeFindings(f: PolicyFindings): string {
  const parts = [
    f.bySeverity.error && plural(f.bySeverity.error, 'error'),
    f.bySeverity.warning && plural(f.bySeverity.warning, 'warning'),
    f.bySeverity.info && plural(f.bySeverity.info, 'suggestion'),
  ].filter(Boolean);
  const text = parts.length ? parts.join(', ') : 'No findings';
  return f.suppressed ? `${text} (${f.suppressed} suppressed)` : text;
}

/** What the findings filter keeps: policies with an error, with a warning or worse, with any finding, or found by one rule. */
export type FindingsFilter = 'errors' | 'warnings' | 'any' | `rule:${string}`;

export function matchesFindings(f: PolicyFindings, filter: FindingsFilter | null): boolean {
  if (!filter) return true;
  if (filter === 'errors') return f.bySeverity.error > 0;
  if (filter === 'warnings') return f.bySeverity.error + f.bySeverity.warning > 0;
  if (filter === 'any') return f.count > 0;
  return f.rules.has(filter.slice('rule:'.length));
}

/** Worst first, then more findings first: the policies page's Findings column sorted descending (its first click). */
export function compareFindings(a: PolicyFindings, b: PolicyFindings): number {
  const rank = (f: PolicyFindings) => (f.worst ? SEVERITY_RANK[f.worst] : 3);
  return rank(a) - rank(b) || b.count - a.count;
}

const SOURCES: Record<ExternalId['source'], string> = { maester: 'Maester', scubagear: 'ScubaGear' };

/** "Maester MT.1005, ScubaGear MS.AAD.3.2v1": the other tools' ids for the same question. */
export const externalIds = (external: readonly ExternalId[]) => external.map((e) => `${SOURCES[e.source]} ${e.id}`).join(', ');
