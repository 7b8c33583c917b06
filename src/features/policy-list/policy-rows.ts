// The policies list as rows: short summaries for each column, searchable text that includes the
// resolved names, the controls a policy uses (for filtering), and sorting.
import type { NameDirectory } from '../../domain/references';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { describePolicy, lastChanged, type NameRef, type SummarySection } from '../../domain/describe-policy';
import { isolatedText } from '../../domain/isolate';
import { shortControlLabels, stateLabels } from '../../domain/labels';
import { matchablesOf, type Matchable } from '../../domain/search-match';
import { compareFindings, type PolicyFindings } from '../../policy-ui/lint-summary';

export type PolicyState = 'enabled' | 'disabled' | 'enabledForReportingButNotEnforced';

export interface PolicyRow {
  readonly id: string;
  readonly name: string;
  readonly state: PolicyState;
  readonly users: string;
  readonly targets: string;
  readonly grant: string;
  readonly session: string;
  readonly modified: string | null;
  readonly controls: Set<string>;
  /** Lower-case text that search matches: name, id, and every resolved name. */
  readonly searchText: string;
  /** The names and settings search can match, to say why a row matched. */
  readonly matchables: Matchable[];
  /** Why search kept this row, when its name does not say (set by the list). */
  readonly matchHint?: string | null;
  /** Names still resolving, for a subtle "resolving" state in cells. */
  readonly pending: boolean;
  /** References to objects that no longer exist. */
  readonly missingReferences: number;
}

// Each name isolated: one holding a direction control (U+202E) cannot reorder the names and words after it.
const summarize = (values: NameRef[], max = 2) => {
  const shown = values
    .slice(0, max)
    .map((v) => isolatedText(v.label))
    .join(', ');
  return values.length <= max ? shown : `${shown} +${values.length - max}`;
};

function sectionValues(sections: SummarySection[], title: SummarySection['title'], labels: string[]): NameRef[] {
  const section = sections.find((s) => s.title === title);
  return section?.lines.filter((l) => labels.includes(l.label)).flatMap((l) => l.values) ?? [];
}

export function controlsOf(policy: ConditionalAccessPolicy): Set<string> {
  const controls = new Set<string>((policy.grantControls?.builtInControls ?? []).map(String));
  if (policy.grantControls?.authenticationStrength?.id) controls.add('authenticationStrength');
  if (policy.grantControls?.termsOfUse?.length) controls.add('termsOfUse');
  if (policy.grantControls?.customAuthenticationFactors?.length) controls.add('customAuthenticationFactors');
  const session = (policy.sessionControls ?? {}) as Record<string, unknown>;
  if (
    Object.values(session).some(
      (v) =>
        v === true || (typeof v === 'object' && v !== null && ((v as { isEnabled?: boolean }).isEnabled || (v as { mode?: string }).mode)),
    )
  )
    controls.add('session');
  return controls;
}

/** What a row shows and searches of a policy in words: the costly part, built when first read. */
function describedParts(policy: ConditionalAccessPolicy, names: NameDirectory | undefined) {
  const sections = describePolicy(policy, names);
  const included = sectionValues(sections, 'Users', ['Include', 'Workload identities', 'Agent identities']);
  // "None" beside workload or agent identities says only that no user is targeted: the identities are who is.
  const include = included.length > 1 ? included.filter((v) => !(v.kind === 'special' && v.id === 'None')) : included;
  const exclude = sectionValues(sections, 'Users', ['Exclude', 'Excluded workload identities', 'Excluded agent identities']);
  const targets = sectionValues(sections, 'Target resources', ['Include', 'User actions', 'Authentication context']);
  const excludedTargets = sectionValues(sections, 'Target resources', ['Exclude']);
  const sessionLines = sections.find((s) => s.title === 'Session')?.lines.filter((l) => l.label !== 'Session') ?? [];
  const allRefs = sections.flatMap((s) => s.lines.flatMap((l) => l.values));
  const searchable = [
    policy.displayName ?? '',
    policy.id ?? '',
    ...allRefs.map((r) => r.label),
    ...sections.flatMap((s) => s.lines.map((l) => l.text ?? '')),
  ];
  return {
    users: `${summarize(include) || 'Nobody'}${exclude.length ? ` (excluding ${exclude.length})` : ''}`,
    targets: `${summarize(targets) || 'None'}${excludedTargets.length ? ` (excluding ${excludedTargets.length})` : ''}`,
    session: sessionLines.map((l) => (l.text ? `${l.label}: ${l.text}` : l.label)).join('; '),
    searchText: searchable.join('\n').toLowerCase(),
    matchables: matchablesOf(sections),
    pending: allRefs.some((r) => r.pending),
    missingReferences: allRefs.filter((r) => r.missing).length,
  };
}

/**
 * A policy's row. What sorting and the state and control filters read is computed at once; the
 * words (describing the policy with its names) when a cell or a search first reads them, so the
 * list's first render describes only the rows it draws, not all 195.
 */
export function toRow(policy: ConditionalAccessPolicy, names: NameDirectory | undefined): PolicyRow {
  let parts: ReturnType<typeof describedParts> | undefined;
  const described = () => (parts ??= describedParts(policy, names));
  const grantControls = policy.grantControls;
  const builtIn = grantControls?.builtInControls ?? [];
  const grantParts = [
    ...builtIn.map((c) => shortControlLabels[c as string] ?? String(c)),
    ...(grantControls?.authenticationStrength?.displayName ? [isolatedText(grantControls.authenticationStrength.displayName)] : []),
    ...(grantControls?.termsOfUse?.length ? ['Terms of use'] : []),
  ];
  return {
    id: policy.id ?? '',
    name: policy.displayName ?? '(no name)',
    state: (policy.state ?? 'disabled') as PolicyState,
    grant: grantParts.length === 0 ? '' : grantParts.join(grantControls?.operator === 'AND' ? ' and ' : ' or '),
    modified: lastChanged(policy),
    controls: controlsOf(policy),
    get users() {
      return described().users;
    },
    get targets() {
      return described().targets;
    },
    get session() {
      return described().session;
    },
    get searchText() {
      return described().searchText;
    },
    get matchables() {
      return described().matchables;
    },
    get pending() {
      return described().pending;
    },
    get missingReferences() {
      return described().missingReferences;
    },
  };
}

export interface RowFilter {
  search: string;
  states: ReadonlySet<PolicyState>;
  control: string | null;
}

export function filterRows(rows: PolicyRow[], filter: RowFilter): PolicyRow[] {
  const terms = filter.search.toLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter(
    (row) =>
      (filter.states.size === 0 || filter.states.has(row.state)) &&
      (!filter.control || row.controls.has(filter.control)) &&
      terms.every((term) => row.searchText.includes(term)),
  );
}

export type SortColumn = 'name' | 'state' | 'modified' | 'findings';
/** A policy's lint findings, for the Findings column's order. */
export type FindingsLookup = (policyId: string) => PolicyFindings;
const stateOrder: Record<PolicyState, number> = { enabled: 0, enabledForReportingButNotEnforced: 1, disabled: 2 };
// One collator for every comparison: localeCompare with options builds one per call, which made
// sorting 195 rows cost tens of milliseconds.
const collator = new Intl.Collator(undefined, { numeric: true });
const byName = (a: PolicyRow, b: PolicyRow) => collator.compare(a.name, b.name);

export function compareRows(column: SortColumn, findings?: FindingsLookup): (a: PolicyRow, b: PolicyRow) => number {
  switch (column) {
    case 'findings':
      // Until the lint is in, by name.
      // Ascending is the mildest first (none, then suggestions…), so descending is the worst first: an error before three suggestions.
      return findings ? (a, b) => compareFindings(findings(b.id), findings(a.id)) || byName(a, b) : byName;
    case 'name':
      return byName;
    case 'state':
      return (a, b) => stateOrder[a.state] - stateOrder[b.state] || byName(a, b);
    case 'modified':
      // Oldest first; a policy without any date sorts first, ties by name.
      return (a, b) => (a.modified ? Date.parse(a.modified) : 0) - (b.modified ? Date.parse(b.modified) : 0) || byName(a, b);
  }
}

/** The rows in this order, as a new array (descending is ascending reversed, ties included). */
export function sortRows(
  rows: readonly PolicyRow[],
  column: SortColumn,
  direction: 'ascending' | 'descending',
  findings?: FindingsLookup,
): PolicyRow[] {
  const sorted = [...rows].sort(compareRows(column, findings));
  return direction === 'descending' ? sorted.reverse() : sorted;
}

export { stateLabels };
