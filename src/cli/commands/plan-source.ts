// What `gatehouse plan` plans from: a Gatehouse backup, or, as the console's Import takes them, a folder or file of
// policies in another shape (an export, an IntuneManagement export, a template). Either becomes the import set the
// console's planner takes (domain/import), so the plan is the one the Import page would make. A path that is neither
// keeps the backup reader's words.
import { isAbsolute, join } from 'node:path';
import type { ManifestItem } from '../../domain/bundle/bundle';
import { importSetOfBundle } from '../../domain/import/bundle-import';
import type { ImportSet } from '../../domain/import/import-set';
import { readImport } from '../../domain/import/read-import';
import { isolatedText } from '../../domain/isolate';
import { sourcePolicies } from '../../domain/plan/build-plan';
import { CliError } from '../cli-error';
import type { CliIo } from '../io';
import type { PlanSourceKind } from './plan-file';
import { filesUnder } from './baseline-diff';
import { BACKUP_WORDS, POLICY_FILES_WORDS, type SourceWords } from './plan-text';
import { fromDisk } from './source';

export interface PlanSource {
  set: ImportSet;
  /** What it is, as the plan file records it (apply's words name it so). */
  kind: PlanSourceKind;
  /** In words: "the backup in ./ca" or "the policy files in ./export". */
  label: string;
  /** How the plan's words name it. */
  words: SourceWords;
  /** What a backup's manifest lists and its file lost (none for policy files). */
  lost: ManifestItem[];
  /** Where it was taken, when the files say so (a backup's manifest); null otherwise. */
  origin: { tenantId: string | null; tenantName: string | null; capturedAt: string | null };
}

export async function planSourceOf(path: string, io: CliIo): Promise<PlanSource> {
  try {
    const backup = await fromDisk(path, io);
    const { tenant, capturedAt } = backup.bundle.manifest;
    return {
      set: importSetOfBundle(backup.bundle),
      kind: 'backup',
      label: backup.label,
      words: BACKUP_WORDS,
      lost: backup.lost,
      origin: { tenantId: tenant.id, tenantName: tenant.name, capturedAt },
    };
  } catch (error) {
    const set = await policyFilesAt(path, io.cwd);
    if (!set) throw error;
    return policyFiles(path, set, io);
  }
}

/** The path read as the console's Import reads files; null when it holds no policy, or holds a backup (its own error stands). */
async function policyFilesAt(path: string, cwd: string): Promise<ImportSet | null> {
  let set: ImportSet;
  try {
    set = await readImport(await filesUnder(isAbsolute(path) ? path : join(cwd, path)));
  } catch {
    return null;
  }
  // A damaged backup is said as the backup reader says it, not as policy files.
  if (set.files.some((f) => f.format === 'gatehouse-bundle')) return null;
  if (sourcePolicies(set).length === 0 && !set.files.some((f) => f.status === 'error')) return null;
  return set;
}

function policyFiles(path: string, set: ImportSet, io: CliIo): PlanSource {
  const shown = isolatedText(path);
  // Planned without a file it cannot read, the plan would write less than the folder holds: an error, not a smaller plan.
  const unread = set.files.filter((f) => f.status === 'error');
  if (unread.length > 0)
    throw new CliError(
      `${shown}: ${unread.length === 1 ? 'a file' : `${unread.length} files`} of these policy files could not be read, so nothing was planned (correct ${unread.length === 1 ? 'it' : 'them'}, or move ${unread.length === 1 ? 'it' : 'them'} out):\n${unread
        // A message names its file ("x.json is empty."): shown whole, so a file's name cannot forge a line of the log.
        .map((f) => `${shown}: ${isolatedText(f.message.startsWith(f.path) ? f.message : `${f.path}: ${f.message}`)}`)
        .join('\n')}`,
    );
  const count = sourcePolicies(set).length;
  io.err(
    `${shown} is not a Gatehouse backup (it has no manifest): read as the console's Import reads policy files, ${count} Conditional Access polic${count === 1 ? 'y' : 'ies'} in it (an export or a template).\n`,
  );
  for (const f of set.files.filter((r) => r.status === 'ignored')) io.err(`${shown}: ${isolatedText(`${f.path}: ${f.message}`)}\n`);
  const { tenantId, tenantName, capturedAt } = set.origin;
  return {
    set,
    kind: 'policyFiles',
    label: `the policy files in ${shown}`,
    words: POLICY_FILES_WORDS,
    lost: [],
    origin: { tenantId, tenantName, capturedAt },
  };
}
