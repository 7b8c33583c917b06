// Two policies of one import with the same name: Graph takes both, and the tenant is left with two
// policies an admin cannot tell apart by name. Not a blocker (it may be meant), but each written row
// says so, with the file each came from, since the rows themselves show only the name; and where the
// mapping lists the policies a reference is used in, such a policy's use carries its file.
// Graph keeps a name as written, white space at its ends too: ' baseline' and 'baseline' are two names, which
// look the same in a list. Such a pair is said apart from "the same name", as what it is: which white space
// differs (spaces, tabs, line breaks…).
import { isolatedText } from '../isolate';
import type { JsonObject } from '../json';
import type { PlanProblem, PlanRow, ReferenceUse } from './types';

/** The name as Graph stores it; none for a blank one (Graph refuses it, and the checks say so). */
const nameOf = (policy: JsonObject | null) =>
  policy && typeof policy.displayName === 'string' && policy.displayName.trim() ? policy.displayName : '';
/** Names alike to Graph, letter case aside (the admin center finds a name in any case). */
const sameKey = (name: string) => name.toLowerCase();
/** Names that look alike in a list: the same but for white space at their ends (spaces, tabs, line breaks…). */
const lookKey = (name: string) => name.trim().toLowerCase();
const FILES_LISTED = 3;
const NUMBER_WORDS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const inWords = (n: number) => NUMBER_WORDS[n] ?? n.toLocaleString('en-US');

/** The name a row leaves in the tenant: what it writes, or what it keeps; none for a policy left out that the tenant lacks. */
const nameLeft = (row: PlanRow) => (row.action === 'skip' ? nameOf(row.before) : nameOf(row.intended));

interface Group {
  rows: number[];
  names: Set<string>;
  /** How many of the group's rows came from each file, in the order first met. */
  files: Map<string, number>;
}

const groupOf = (indices: readonly number[], rows: readonly PlanRow[], files: readonly (string | undefined)[]): Group => {
  const group: Group = { rows: [], names: new Set(), files: new Map() };
  for (const i of indices) {
    group.rows.push(i);
    group.names.add(nameLeft(rows[i]!));
    const file = files[i];
    if (file !== undefined) group.files.set(file, (group.files.get(file) ?? 0) + 1);
  }
  return group;
};

/**
 * Adds a warning to each written policy row whose name another row of the import leaves in the tenant too,
 * and to each whose name differs from another's only by white space at its ends. `files` lines up with `rows`
 * (the file each policy was read from, when known); `tenant` is the tenant's policies, for those of the
 * name no row touches, which stay beside them.
 */
export function warnSameNamesInImport(rows: PlanRow[], files: readonly (string | undefined)[], tenant: readonly JsonObject[]): PlanRow[] {
  const same = new Map<string, number[]>();
  const alike = new Map<string, Set<string>>();
  rows.forEach((row, i) => {
    const name = nameLeft(row);
    if (!name) return;
    const indices = same.get(sameKey(name)) ?? [];
    indices.push(i);
    same.set(sameKey(name), indices);
    alike.set(lookKey(name), (alike.get(lookKey(name)) ?? new Set()).add(sameKey(name)));
  });
  const touched = new Set(rows.map((row) => row.before));
  const untouched = new Map<string, number>();
  for (const policy of tenant) {
    const key = sameKey(nameOf(policy));
    if (nameOf(policy) && !touched.has(policy) && same.has(key)) untouched.set(key, (untouched.get(key) ?? 0) + 1);
  }
  for (const [key, indices] of same) {
    const group = groupOf(indices, rows, files);
    const total = indices.length + (untouched.get(key) ?? 0);
    // The rows of the names that differ from this one only by white space at the ends.
    const others = [...alike.get(lookKey(nameLeft(rows[indices[0]!]!)))!].filter((k) => k !== key).flatMap((k) => same.get(k)!);
    for (const i of indices) {
      const row = rows[i]!;
      if (row.action === 'skip') continue;
      const problems: PlanProblem[] = [];
      if (indices.length > 1) problems.push({ severity: 'warning', text: sameNameWords(row, group, files[i], total) });
      if (others.length > 0) problems.push({ severity: 'warning', text: alikeWords(row, groupOf([i, ...others], rows, files), files[i]) });
      if (problems.length > 0) rows[i] = { ...row, problems: [...row.problems, ...problems] };
    }
  }
  return rows;
}

function sameNameWords(row: PlanRow, group: Group, file: string | undefined, total: number): string {
  const others = group.rows.length - 1;
  const lead = others === 1 ? 'Another policy of this import has' : `${others.toLocaleString('en-US')} other policies of this import have`;
  const name = `'${isolatedText(nameLeft(row))}'${group.names.size > 1 ? ' (letter case aside)' : ''}`;
  return `${lead} the same name${fromWords(group, file, others)}: the tenant would have ${inWords(total)} policies named ${name}.`;
}

/** “Its name, ' baseline', differs from that of another policy of this import, 'baseline', only by spaces at the start or end …” */
function alikeWords(row: PlanRow, group: Group, file: string | undefined): string {
  const name = nameLeft(row);
  const theirs = [...group.names].filter((other) => other !== name);
  const others = group.rows.length - 1;
  const whose = others === 1 ? 'that of another policy' : `those of ${others.toLocaleString('en-US')} other policies`;
  const listed = joinWords(theirs.map((other) => `'${isolatedText(other)}'`));
  // Letter case is said only where it differs too: "only by spaces" would not be true.
  const by = [...(theirs.some((other) => other.trim() !== name.trim()) ? ['letter case'] : []), ...whiteSpaceWords([name, ...theirs])];
  return `Its name, '${isolatedText(name)}', differs from ${whose} of this import, ${listed}, only by ${joinWords(by)} at the start or end${fromWords(group, file, others)}: Graph keeps names as written, so the tenant would have policies whose names look the same but differ.`;
}

const WHITE_SPACE_KINDS: { words: string; is: (c: string) => boolean }[] = [
  { words: 'spaces', is: (c) => c === ' ' },
  { words: 'tabs', is: (c) => c === '\t' },
  { words: 'line breaks', is: (c) => '\n\r\u2028\u2029'.includes(c) },
  // Looks like a space: said with its code, as the name shows none.
  { words: 'non-breaking spaces (U+00A0)', is: (c) => c === '\u00A0' },
];
const codeOf = (c: string) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * The kinds of white space (what trim() takes off) by which these names differ at their ends, in words:
 * "spaces", "tabs", "line breaks"… A kind both names end with alike is not said; when only the order differs, every kind there is.
 */
function whiteSpaceWords(names: readonly string[]): string[] {
  const endsOf = (name: string) => [name.slice(0, name.length - name.trimStart().length), name.slice(name.trimEnd().length)];
  const all = names.flatMap((name) => [...endsOf(name).join('')]);
  const kinds = [
    ...WHITE_SPACE_KINDS,
    // Any other (a vertical tab, an ideographic space, a byte order mark…), each by its code.
    ...[...new Set(all.filter((c) => !WHITE_SPACE_KINDS.some((k) => k.is(c))))].map((o) => ({
      words: `white space ${codeOf(o)}`,
      is: (c: string) => c === o,
    })),
  ];
  const present = kinds.filter((k) => all.some(k.is));
  // A kind differs when the names' ends, kept to that kind alone, are not all the same.
  const kept = (name: string, kind: (typeof kinds)[number]) =>
    endsOf(name)
      .map((end) => [...end].filter(kind.is).join(''))
      .join('|');
  const differing = present.filter((kind) => new Set(names.map((name) => kept(name, kind))).size > 1);
  return (differing.length > 0 ? differing : present).map((k) => k.words);
}

/** “(this one from a.json, the other from b.json)”: where this row and the others of its name were read. */
function fromWords(group: Group, file: string | undefined, others: number): string {
  // The files of the other rows: this row's own counts only when another row came from it too.
  const theirs = [...group.files].filter(([path, count]) => path !== file || count > 1).map(([path]) => path);
  if (file === undefined || theirs.length === 0) return '';
  const listed = theirs.slice(0, FILES_LISTED).map((path) => (path === file ? 'the same file' : isolatedText(path)));
  const more = theirs.length - listed.length;
  const list = more > 0 ? `${listed.join(', ')} and ${more.toLocaleString('en-US')} more files` : joinWords(listed);
  return ` (this one from ${isolatedText(file)}, ${others === 1 ? 'the other' : 'the others'} from ${list})`;
}

const joinWords = (items: readonly string[]) =>
  items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;

/**
 * The file of each policy that shares its name with another of the import from another file, by its row key:
 * what tells the two apart where the mapping lists the policies a reference is used in, and where its words
 * name them (“baseline: excluded users” twice told nothing apart). Names that differ only by white space at their
 * ends count as one here, as they look it.
 */
export function filesTellingApart(policies: readonly { rowKey: string; name: string; file?: string | undefined }[]): Map<string, string> {
  const filesOfName = new Map<string, Set<string>>();
  for (const { name, file } of policies) {
    if (file === undefined) continue;
    filesOfName.set(lookKey(name), (filesOfName.get(lookKey(name)) ?? new Set()).add(file));
  }
  const fileOf = new Map<string, string>();
  for (const { rowKey, name, file } of policies)
    if (file !== undefined && (filesOfName.get(lookKey(name))?.size ?? 0) > 1) fileOf.set(rowKey, file);
  return fileOf;
}

/** A use, with its policy's file where `filesTellingApart` found one. */
export const withFileOf = (use: ReferenceUse, fileOf: ReadonlyMap<string, string>): ReferenceUse => {
  const file = fileOf.get(use.rowKey);
  return file === undefined ? use : { ...use, file };
};

/** The policy of a use as words name it: “'baseline'”, or “'baseline' (from a.json)” where another of the name came from another file. */
export const policyWordsOf = (use: Pick<ReferenceUse, 'policyName' | 'file'>) =>
  `'${isolatedText(use.policyName)}'${use.file ? ` (from ${isolatedText(use.file)})` : ''}`;
