// A backup written to disk: one bundle file (.json) or the git-friendly folder. Written
// deterministically: when the tenant is unchanged the files are not touched at all, so the
// manifest keeps the time of the backup that first saw this content (a nightly commit shows
// nothing, and an unchanged tenant makes no commit). Files of objects gone since are removed; what the
// backup there held that the tenant does not (plans, suppressions) is carried on. Text is compared with
// its line endings as equal (a checkout with core.autocrlf=true holds CRLF); every file (the one .json
// bundle, each file of the folder) is written beside itself and renamed over, so a cut write never
// leaves half a file; a file renamed
// only in case is renamed in place, so a disk that ignores case (Windows, macOS) does not lose it.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { bundleText, withRecords, type Bundle } from '../domain/bundle/bundle';
import { bundleFiles } from '../domain/bundle/folder';
import { isFolder, managed, readFolderFiles, readUserText } from './files';
import { keptRecords } from './kept-records';

export type WriteResult = { changed: false } | { changed: true; written: number; removed: number };

async function previousCapturedAt(out: string, folder: boolean): Promise<string | null> {
  try {
    const text = await readUserText(folder ? join(out, 'manifest.json') : out);
    const value = JSON.parse(text) as { capturedAt?: unknown; manifest?: { capturedAt?: unknown } };
    const at = folder ? value.capturedAt : value.manifest?.capturedAt;
    return typeof at === 'string' ? at : null;
  } catch {
    return null;
  }
}

/** The tenant as read, with the records the backup at `out` keeps wherever the read has none of that kind. */
async function withKept(read: Bundle, out: string, folder: boolean): Promise<Bundle> {
  const kept = await keptRecords(out, folder);
  return withRecords(read, {
    contingencyPlans: read.contingencyPlans.length > 0 ? read.contingencyPlans : kept.contingencyPlans,
    rolloutPlans: read.rolloutPlans.length > 0 ? read.rolloutPlans : kept.rolloutPlans,
    lintSuppressions: read.lintSuppressions.length > 0 ? read.lintSuppressions : kept.lintSuppressions,
  });
}

/** The text of each file Gatehouse manages in the folder, as it is now (a file that is not text reads as bytes, to be written over). */
async function managedFiles(out: string): Promise<Map<string, string>> {
  if (!(await isFolder(out))) return new Map();
  const files = (await readFolderFiles(out, managed, (path) => readFile(path, 'utf8'))).map((f) => [f.path, f.text] as const);
  return new Map(files);
}

/** Whether the text on disk is `text`, CRLF and LF line endings taken as the same. */
const sameText = (onDisk: string | null | undefined, text: string): boolean =>
  typeof onDisk === 'string' && onDisk.replace(/\r\n/g, '\n') === text.replace(/\r\n/g, '\n');

/** Writes `text` to a temporary file beside `path`, then renames it over: a write cut off leaves what was there. */
export async function writeWhole(path: string, text: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, text);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** Writes the backup as a folder, or as one file when `out` ends in .json; the plans and suppressions there are kept. */
export async function writeBackup(read: Bundle, out: string): Promise<WriteResult> {
  const folder = !out.endsWith('.json');
  const bundle = await withKept(read, out, folder);
  const previous = await previousCapturedAt(out, folder);
  const asBefore = previous ? { ...bundle, manifest: { ...bundle.manifest, capturedAt: previous } } : null;

  if (!folder) {
    const existing = await readUserText(out).catch(() => null);
    if (asBefore && sameText(existing, bundleText(asBefore))) return { changed: false };
    await mkdir(dirname(out), { recursive: true });
    await writeWhole(out, bundleText(bundle));
    return { changed: true, written: 1, removed: 0 };
  }

  const existing = await managedFiles(out);
  if (asBefore) {
    const same = bundleFiles(asBefore);
    if (same.length === existing.size && same.every((f) => sameText(existing.get(f.path), f.text))) return { changed: false };
  }
  const files = bundleFiles(bundle);
  const keep = new Set(files.map((f) => f.path));
  // A file whose object was renamed only in case: on a disk that ignores case the new name is the old file, which
  // removing the old name would delete. Renamed in place first, it carries the new name on every disk.
  for (const path of [...existing.keys()].filter((p) => !keep.has(p))) {
    const renamed = files.find((f) => f.path.toLowerCase() === path.toLowerCase() && !existing.has(f.path));
    if (!renamed) continue;
    await rename(join(out, ...path.split('/')), join(out, ...renamed.path.split('/')));
    existing.set(renamed.path, existing.get(path)!);
    existing.delete(path);
  }
  const changed = files.filter((f) => !sameText(existing.get(f.path), f.text));
  // Each file whole or not at all, the manifest last: a run cut off before it leaves the manifest of
  // the backup before, whose hashes name each object file it did not reach as changed since.
  const manifestLast = [...files.filter((f) => f.path !== 'manifest.json'), ...files.filter((f) => f.path === 'manifest.json')];
  for (const file of manifestLast) {
    const target = join(out, ...file.path.split('/'));
    await mkdir(dirname(target), { recursive: true });
    if (changed.includes(file)) await writeWhole(target, file.text);
  }
  const stale = [...existing.keys()].filter((path) => !keep.has(path));
  for (const path of stale) await rm(join(out, ...path.split('/')));
  return { changed: true, written: changed.length, removed: stale.length };
}
