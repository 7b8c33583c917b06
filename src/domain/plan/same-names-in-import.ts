// Two policies of one import with the same name: Graph takes both, and the tenant is left with two
// policies an admin cannot tell apart by name. Not a blocker (it may be meant), but each written row
// says so, with the file each came from, since the rows themselves show only the name; and where the
// mapping lists the policies a reference is used in, such a policy's use carries its file.
import { isolatedText } from '../isolate';
import type { JsonObject } from '../json';
import type { MappingRow, PlanProblem, PlanRow } from './types';

const nameOf = (policy: JsonObject | null) => (policy && typeof policy.displayName === 'string' ? policy.displayName.trim() : '');
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

/**
 * Adds a warning to each written policy row whose name another row of the import leaves in the tenant too.
 * `files` lines up with `rows` (the file each policy was read from, when known); `tenant` is the tenant's
 * policies, for those of the name no row touches, which stay beside them.
 */
export function warnSameNamesInImport(rows: PlanRow[], files: readonly (string | undefined)[], tenant: readonly JsonObject[]): PlanRow[] {
  const groups = new Map<string, Group>();
  rows.forEach((row, i) => {
    const name = nameLeft(row);
    if (!name) return;
    const key = name.toLowerCase();
    const group: Group = groups.get(key) ?? { rows: [], names: new Set(), files: new Map() };
    group.rows.push(i);
    group.names.add(name);
    const file = files[i];
    if (file !== undefined) group.files.set(file, (group.files.get(file) ?? 0) + 1);
    groups.set(key, group);
  });
  const touched = new Set(rows.map((row) => row.before));
  const untouched = new Map<string, number>();
  for (const policy of tenant) {
    const key = nameOf(policy).toLowerCase();
    if (key && !touched.has(policy) && groups.get(key)?.rows.length) untouched.set(key, (untouched.get(key) ?? 0) + 1);
  }
  for (const [key, group] of groups) {
    if (group.rows.length < 2) continue;
    const total = group.rows.length + (untouched.get(key) ?? 0);
    for (const i of group.rows) {
      const row = rows[i]!;
      if (row.action === 'skip') continue;
      const problem: PlanProblem = { severity: 'warning', text: sameNameWords(row, group, files[i], total) };
      rows[i] = { ...row, problems: [...row.problems, problem] };
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
 * The mapping's uses, each of a policy sharing its name with another of the import from another file given its
 * file (“baseline: excluded users” twice told nothing apart); the rest as they are.
 */
export function withFilesOnUses(
  mapping: MappingRow[],
  policies: readonly { rowKey: string; name: string; file?: string | undefined }[],
): MappingRow[] {
  const filesOfName = new Map<string, Set<string>>();
  for (const { name, file } of policies) {
    if (file === undefined) continue;
    const key = name.trim().toLowerCase();
    filesOfName.set(key, (filesOfName.get(key) ?? new Set()).add(file));
  }
  const fileOf = new Map<string, string>();
  for (const { rowKey, name, file } of policies)
    if (file !== undefined && (filesOfName.get(name.trim().toLowerCase())?.size ?? 0) > 1) fileOf.set(rowKey, file);
  if (fileOf.size === 0) return mapping;
  return mapping.map((row) =>
    row.uses.some((use) => fileOf.has(use.rowKey))
      ? {
          ...row,
          uses: row.uses.map((use) => {
            const file = fileOf.get(use.rowKey);
            return file === undefined ? use : { ...use, file };
          }),
        }
      : row,
  );
}
