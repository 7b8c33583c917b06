// A plan's counts, made once and said once: of the chosen policies how many are created, updated,
// restored, already as planned or skipped by the admin's choice (and how many of those written wait
// on what blocks), and the other objects apart. Every number the review says comes from here, so
// "34 to create" and the policies' own counts add up instead of seeming to contradict each other.
import type { Plan, PlanAction, PlanRowKind } from './types';

type ObjectKind = Exclude<PlanRowKind, 'policy'>;

export interface PlanCounts {
  /** The chosen policies, each counted once below. */
  chosen: number;
  created: number;
  updated: number;
  restored: number;
  /** Already in the tenant as planned: nothing to write (the only action the row offers is skip). */
  unchanged: number;
  /** Skipped on its row by the admin, though the plan had something to write. */
  skippedByChoice: number;
  /** Of those to write, the ones a blocker holds back (their own, or one of a reference they use): not written until it is lifted. */
  blocked: number;
  /** The other objects (groups, named locations, strengths, contexts) by kind and action, in the order rows have them. */
  objects: { kind: ObjectKind; action: PlanAction; count: number }[];
}

/** What a change does to each policy it writes, said with their count: "2 get the emergency accounts excluded". */
export interface PlanPurpose {
  /** After "1": "gets the emergency accounts excluded". */
  one: string;
  /** After a count of several: "get the emergency accounts excluded". */
  many: string;
}

const WRITTEN: readonly PlanAction[] = ['create', 'update', 'restore'];

/** The counts of a plan whose policies are `selection` (absent: every policy the plan has a row for). */
export function countPlan(plan: Pick<Plan, 'rows' | 'mapping'>, selection?: readonly string[]): PlanCounts {
  const chosenKeys = selection && new Set(selection);
  // A plan made again for a new choice may still hold rows of the one before: only the chosen are counted.
  const policies = plan.rows.filter((row) => row.kind === 'policy' && (!chosenKeys || chosenKeys.has(row.key)));
  const heldByReference = new Set(
    plan.mapping
      .filter((row) => row.problems.some((p) => p.severity === 'blocker' && !p.confirmed))
      .flatMap((row) => row.uses.map((use) => use.rowKey)),
  );
  const counts: PlanCounts = {
    chosen: policies.length,
    created: 0,
    updated: 0,
    restored: 0,
    unchanged: 0,
    skippedByChoice: 0,
    blocked: 0,
    objects: [],
  };
  for (const row of policies) {
    if (row.action === 'create') counts.created++;
    else if (row.action === 'update') counts.updated++;
    else if (row.action === 'restore') counts.restored++;
    else if (row.options.some((option) => option !== 'skip' && option !== 'reuse')) counts.skippedByChoice++;
    else counts.unchanged++;
    const ownBlocker = row.problems.some((p) => p.severity === 'blocker' && !p.confirmed);
    if (WRITTEN.includes(row.action) && (ownBlocker || heldByReference.has(row.key))) counts.blocked++;
  }
  for (const row of plan.rows) {
    if (row.kind === 'policy') continue;
    const same = counts.objects.find((o) => o.kind === row.kind && o.action === row.action);
    if (same) same.count++;
    else counts.objects.push({ kind: row.kind, action: row.action, count: 1 });
  }
  return counts;
}

const number = (n: number) => n.toLocaleString('en-US');
const copula = (n: number) => (n === 1 ? 'is' : 'are');

const OBJECT_NOUNS: Record<ObjectKind, [one: string, many: string]> = {
  group: ['group', 'groups'],
  namedLocation: ['named location', 'named locations'],
  authenticationStrength: ['authentication strength', 'authentication strengths'],
  authenticationContext: ['authentication context', 'authentication contexts'],
};

const OBJECT_ACTIONS: Record<PlanAction, (n: number) => string> = {
  create: (n) => `${copula(n)} created`,
  update: (n) => `${copula(n)} updated`,
  restore: (n) => `${copula(n)} restored from deleted items`,
  reuse: (n) => `${copula(n)} used as ${n === 1 ? 'it is' : 'they are'}`,
  skip: (n) => `${copula(n)} left out`,
};

/**
 * The counts in words, one story: "Of the 35 policies chosen: 32 are created, 3 are already as planned. Besides
 * them, 2 groups are created." A caller that names its purpose has it said of the policies written instead of
 * created/updated; a part with nothing in it is not said (a fix of policies speaks of no reused objects).
 */
export function countWords(counts: PlanCounts, purpose?: PlanPurpose): string {
  if (counts.chosen === 0) return 'No policy is chosen.';
  const written = counts.created + counts.updated + counts.restored;
  const parts = purpose
    ? written > 0
      ? [`${number(written)} ${written === 1 ? purpose.one : purpose.many}`]
      : []
    : [
        ...(counts.created ? [`${number(counts.created)} ${copula(counts.created)} created`] : []),
        ...(counts.updated ? [`${number(counts.updated)} ${copula(counts.updated)} updated`] : []),
        ...(counts.restored ? [`${number(counts.restored)} ${copula(counts.restored)} restored from deleted items`] : []),
      ];
  if (counts.unchanged) parts.push(`${number(counts.unchanged)} ${copula(counts.unchanged)} already as planned`);
  if (counts.skippedByChoice) parts.push(`${number(counts.skippedByChoice)} ${copula(counts.skippedByChoice)} skipped by your choice`);
  const chosen = counts.chosen === 1 ? 'the one policy' : `the ${number(counts.chosen)} policies`;
  const sentences = [`Of ${chosen} chosen: ${parts.join(', ')}.`];
  if (counts.blocked)
    sentences.push(
      counts.blocked === written
        ? `${written === 1 ? 'It waits' : written === 2 ? 'Both wait' : 'They all wait'} on what blocks applying.`
        : `${number(counts.blocked)} of those written ${counts.blocked === 1 ? 'waits' : 'wait'} on what blocks applying.`,
    );
  if (counts.objects.length)
    sentences.push(
      `Besides the policies, ${counts.objects
        .map(({ kind, action, count }) => `${number(count)} ${OBJECT_NOUNS[kind][count === 1 ? 0 : 1]} ${OBJECT_ACTIONS[action](count)}`)
        .join(', ')}.`,
    );
  return sentences.join(' ');
}
