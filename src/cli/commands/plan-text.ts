// A plan in words for whoever reviews it (the log, and the job summary a pull request's reviewer
// reads): one count per outcome, each write with what it changes (in the words `diff` uses), and
// what stops the plan with what to do about it: a --confirm to paste, or how to place what the
// backup names in this tenant. Confirm keys are shell-quoted: they hold spaces and parentheses.
import { describeChanges } from '../../domain/describe-changes';
import { isolatedText } from '../../domain/isolate';
import { escapeMarkdown } from '../../domain/lint/markdown';
import { objectDifferences } from '../../domain/plan/object-rows';
import { writeWords } from '../../domain/plan/plan-words';
import type { Plan, PlanRow, PlanRowKind } from '../../domain/plan/types';
import type { NameDirectory } from '../../domain/references';

/** A word as a POSIX shell reads it back: quoted unless it is plainly one word. */
export const shellQuote = (value: string): string => (/^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`);

/** Inline code in Markdown, whatever it holds (a backtick included): nothing in it is escaped. */
const code = (value: string) => (value.includes('`') ? `\`\` ${value} \`\`` : `\`${value}\``);

const KIND_WORDS: Record<PlanRowKind, string> = {
  policy: 'policy',
  namedLocation: 'named location',
  authenticationStrength: 'authentication strength',
  authenticationContext: 'authentication context',
  group: 'group',
};

interface Item {
  head: string;
  details: string[];
}

interface Problem {
  text: string;
  confirmKey?: string;
}

/** How the plan's words name what it plans from: a backup, or policy files (an export, a template). */
export interface SourceWords {
  /** "the backup" */
  name: string;
  /** "has" (the backup has), "have" (the policy files have). */
  has: string;
  /** "the backup's" */
  possessive: string;
}
export const BACKUP_WORDS: SourceWords = { name: 'the backup', has: 'has', possessive: "the backup's" };
export const POLICY_FILES_WORDS: SourceWords = { name: 'the policy files', has: 'have', possessive: "the policy files'" };
/** A plan file that does not say what it was made from (written before that was recorded): named neutrally. */
export const PLANNED_SOURCE_WORDS: SourceWords = { name: "the plan's source", has: 'has', possessive: "the plan's source's" };

/** The words for what a plan file says it was made from; neutral when it does not say (or says what this version does not know). */
export const sourceWordsOf = (kind: unknown): SourceWords =>
  kind === 'backup' ? BACKUP_WORDS : kind === 'policyFiles' ? POLICY_FILES_WORDS : PLANNED_SOURCE_WORDS;

export interface PlanReport {
  source: SourceWords;
  /** One sentence: each row counted once, under what happens to it. */
  counts: string;
  items: Item[];
  /** Warnings of the mapping and what the mapping file said: worth reading, they do not stop the plan. */
  notes: string[];
  /** Problems a --confirm lifts once checked. */
  toConfirm: (Problem & { confirmKey: string })[];
  /** References the plan cannot place in this tenant: only a mapping (or a domain) does. */
  unplaced: Problem[];
  /** Problems no confirmation lifts: a policy Graph would refuse, the tenant's limit. */
  otherwise: Problem[];
}

const writes = (row: PlanRow) => row.action === 'create' || row.action === 'update' || row.action === 'restore';
const blocking = (problem: { severity: string; confirmed?: boolean }) => problem.severity === 'blocker' && !problem.confirmed;

/** How the tenant's object (or the deleted one) differs from what the plan writes, in words. */
function changesOf(row: PlanRow, names: NameDirectory | undefined, source: SourceWords): string[] {
  if (!row.before || !row.intended || row.kind === 'group') return [];
  if (row.kind === 'policy') return describeChanges(row.before, row.intended, names, { hideEmpty: true, sortIds: true }).map((c) => c.text);
  return objectDifferences(row.kind, row.intended, row.before, [`${source.name} ${source.has}`, 'the tenant has']);
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export function planReport(
  plan: Plan,
  names?: NameDirectory,
  mappingNotes: readonly string[] = [],
  source: SourceWords = BACKUP_WORDS,
): PlanReport {
  const items: Item[] = [];
  let same = 0;
  let kept = 0;
  let left = 0;
  for (const row of plan.rows) {
    const what = `${KIND_WORDS[row.kind]} '${isolatedText(row.displayName)}'`;
    const warnings = row.problems.filter((p) => p.severity === 'warning').map((p) => `Warning: ${p.text}`);
    if (writes(row)) {
      items.push({
        head: `${row.action} ${what}: ${row.why}`,
        details: [...(row.action === 'create' ? [] : changesOf(row, names, source)), ...warnings],
      });
    } else if (row.action === 'reuse') {
      const differences = changesOf(row, names, source);
      if (differences.length === 0) same++;
      else {
        kept++;
        items.push({ head: `keep ${what} as the tenant has it: ${row.why}`, details: differences });
      }
      // A policy is skipped without a choice only when it is already as planned.
    } else if (row.options.length === 1) same++;
    else {
      left++;
      items.push({ head: `leave out ${what}: ${row.why}`, details: [] });
    }
  }
  const counts = [
    writeWords(plan.counts),
    `${same.toLocaleString('en-US')} already as ${source.name} ${source.has} ${same === 1 ? 'it' : 'them'}`,
    ...(kept
      ? [
          `${plural(kept, 'kept as the tenant has it, though it differs', 'kept as the tenant has them, though they differ')} from ${source.name}`,
        ]
      : []),
    ...(left ? [`${left.toLocaleString('en-US')} left out`] : []),
  ].join('; ');

  // What stops the plan, by what lifts it. A reference blocks only for the policies written (as the planner counts).
  const written = new Map(plan.rows.filter((r) => r.kind === 'policy' && r.action !== 'skip').map((r) => [r.key, r.displayName]));
  const toConfirm: PlanReport['toConfirm'] = [];
  const unplaced: Problem[] = [];
  const otherwise: Problem[] = [];
  const said = new Set<string>();
  const sort = (problem: Problem) => {
    said.add(problem.text);
    if (problem.confirmKey) toConfirm.push({ text: problem.text, confirmKey: problem.confirmKey });
    else otherwise.push(problem);
  };
  for (const row of plan.mapping) {
    const users = [...new Set(row.uses.map((u) => written.get(u.rowKey)).filter((n): n is string => !!n))];
    if (users.length === 0) continue;
    for (const problem of row.problems.filter(blocking)) {
      said.add(problem.text);
      if (problem.confirmKey) toConfirm.push({ text: problem.text, confirmKey: problem.confirmKey });
      else unplaced.push({ text: `${problem.text.replace(/\.$/, '')} (used by ${users.map((n) => `'${isolatedText(n)}'`).join(', ')}).` });
    }
  }
  for (const row of plan.rows.filter((r) => r.action !== 'skip'))
    for (const problem of row.problems.filter(blocking)) sort({ ...problem, text: `${isolatedText(row.displayName)}: ${problem.text}` });
  for (const problem of plan.blockers.filter((b) => !b.confirmed && !said.has(b.text))) sort(problem);

  const notes = [
    ...mappingNotes,
    ...plan.mapping
      .filter((row) => row.uses.some((u) => written.has(u.rowKey)))
      .flatMap((row) => row.problems.filter((p) => p.severity === 'warning').map((p) => p.text)),
  ];
  return { source, counts: `${counts}.`, items, notes, toConfirm, unplaced, otherwise };
}

export const isBlocked = (report: PlanReport) => report.toConfirm.length + report.unplaced.length + report.otherwise.length > 0;

const HEADS = {
  toConfirm: (n: number) =>
    `${plural(n, 'problem stops', 'problems stop')} this plan until confirmed: ${n === 1 ? 'check it, then plan again with the same options and its --confirm' : 'check each, then plan again with the same options and the --confirm of each'}.`,
  unplaced: (n: number, source: SourceWords) =>
    `${plural(n, 'reference', 'references')} of ${source.name} cannot be placed in this tenant, and no --confirm lifts ${n === 1 ? 'it' : 'them'}: plan again with --mapping <file> (saved from the console's Import, where each is mapped to this tenant's object, created or left out) or, for users of another sign-in domain, --domain <from=to>; or correct ${source.name}.`,
  otherwise: (n: number, source: SourceWords) =>
    `${plural(n, 'problem stops', 'problems stop')} this plan that no --confirm lifts: correct ${source.possessive} ${n === 1 ? 'policy' : 'policies'} (or remove ${n === 1 ? 'it' : 'them'} from ${source.name}, or map what ${n === 1 ? 'it names' : 'they name'} with --mapping <file>), then plan again.`,
};

/** The plan for the log: counts, each write, then what stops it. */
export function planLines(report: PlanReport): string[] {
  const lines = [report.counts];
  for (const item of report.items) lines.push(`- ${item.head}`, ...item.details.map((d) => `    ${d}`));
  if (report.notes.length > 0) lines.push('Notes:', ...report.notes.map((n) => `- ${n}`));
  return [...lines, ...blockedLines(report)];
}

/** What stops the plan, grouped by what lifts it, each group headed by the next step (none when nothing does). */
export function blockedLines(report: PlanReport): string[] {
  const lines: string[] = [];
  if (report.toConfirm.length > 0) {
    lines.push(HEADS.toConfirm(report.toConfirm.length));
    for (const p of report.toConfirm) lines.push(`- ${p.text} [--confirm ${shellQuote(p.confirmKey)}]`);
  }
  if (report.unplaced.length > 0)
    lines.push(HEADS.unplaced(report.unplaced.length, report.source), ...report.unplaced.map((p) => `- ${p.text}`));
  if (report.otherwise.length > 0)
    lines.push(HEADS.otherwise(report.otherwise.length, report.source), ...report.otherwise.map((p) => `- ${p.text}`));
  return lines;
}

/** The plan for the job summary: what a reviewer approves, and how to apply it, or why it cannot be yet. */
export function planMarkdown(report: PlanReport, heading: string, apply: { out: string; hash: string }): string {
  const e = escapeMarkdown;
  const lines = ['### Conditional Access plan', '', e(heading), '', `**${e(report.counts)}**`, ''];
  for (const item of report.items) lines.push(`- ${e(item.head)}`, ...item.details.map((d) => `  - ${e(d)}`));
  if (report.notes.length > 0) lines.push('', 'Notes:', '', ...report.notes.map((n) => `- ${e(n)}`));
  if (!isBlocked(report)) {
    lines.push('', `Apply exactly this plan: ${code(`gatehouse apply --plan ${shellQuote(apply.out)} --sha256 ${apply.hash}`)}`);
    return lines.join('\n');
  }
  lines.push('', '**This plan cannot be applied**: `gatehouse apply` refuses it until nothing below stops it.');
  if (report.toConfirm.length > 0) {
    lines.push('', e(HEADS.toConfirm(report.toConfirm.length)), '', ...report.toConfirm.map((p) => `- ${e(p.text)}`));
    lines.push(
      '',
      'Once checked, add to the plan command:',
      '',
      '```',
      report.toConfirm.map((p) => `--confirm ${shellQuote(p.confirmKey)}`).join(' '),
      '```',
    );
  }
  if (report.unplaced.length > 0)
    lines.push('', e(HEADS.unplaced(report.unplaced.length, report.source)), '', ...report.unplaced.map((p) => `- ${e(p.text)}`));
  if (report.otherwise.length > 0)
    lines.push('', e(HEADS.otherwise(report.otherwise.length, report.source)), '', ...report.otherwise.map((p) => `- ${e(p.text)}`));
  return lines.join('\n');
}
