// A backup on disk, read and written: one bundle file (.json) or the git-friendly folder. Written
// deterministically: when the tenant is unchanged the files are not touched at all, so the
// manifest keeps the time of the backup that first saw this content (a nightly commit shows
// nothing, and an unchanged tenant makes no commit). Files of objects gone since are removed.
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { bundleText, withLintSuppressions, type Bundle } from '../domain/bundle/bundle';
import {
  bundleFiles,
  CONTINGENCY_FILE,
  LINT_SUPPRESSIONS_FILE,
  ROLLOUT_FILE,
  SECTION_FOLDERS,
  type BundleFile,
} from '../domain/bundle/folder';
import { BundleError, readBundle, readBundleFolder, type ReadBundle } from '../domain/bundle/read-bundle';
import { notTextMessage } from '../domain/file-signature';
import { decodeText, parseJson, PolicyFileError } from '../domain/policy-file';
import { CliError } from './cli-error';

/**
 * A file the user gives, as text: UTF-8 with or without a byte order mark, or UTF-16 (as PowerShell 5.1 writes).
 * A picture or an archive given instead is named for what it is (`shown` is the file as the user named it,
 * `expected` what was asked for), not read as JSON broken at line 1.
 */
export async function readUserText(path: string, shown = path, expected = 'a JSON file'): Promise<string> {
  const bytes = new Uint8Array(await readFile(path));
  const notText = notTextMessage(bytes, shown, expected);
  if (notText) throw new CliError(notText);
  return decodeText(bytes);
}

/** For a reader's catch: a failure already said in words (a file that is not text) is kept; any other becomes `words`. */
export const keepSaid =
  (words: (error: unknown) => string) =>
  (error: unknown): never => {
    throw error instanceof CliError ? error : new CliError(words(error));
  };

/** JSON the user gives: a syntax error names the file, the line and the column. */
export function parseUserJson(text: string, path: string): unknown {
  try {
    return parseJson(text, path);
  } catch (error) {
    if (error instanceof PolicyFileError) throw new CliError(error.message);
    throw error;
  }
}

/** A path as the repository sees it: relative to the working folder, with forward slashes (code scanning's uri, a plan's source). */
export const repoPath = (cwd: string, path: string) => relative(cwd, resolve(cwd, path)).split(sep).join('/');

/** Writes a command's output to `path` (from the working folder), making its folder as backup does. */
export async function writeOutputFile(cwd: string, path: string, content: string): Promise<void> {
  const target = resolve(cwd, path);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, content);
}

export interface BackupOnDisk extends ReadBundle {
  /** For a folder: each file, by its path relative to the folder (for code-scanning locations). */
  files: BundleFile[] | null;
  path: string;
}

async function listFiles(root: string, dir = root): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) =>
      e.isDirectory() ? listFiles(root, join(dir, e.name)) : Promise.resolve(e.name.endsWith('.json') ? [join(dir, e.name)] : []),
    ),
  );
  return nested.flat();
}

async function readFolderFiles(path: string): Promise<BundleFile[]> {
  const paths = await listFiles(path);
  return Promise.all(
    paths.map(async (p) => ({ path: relative(path, p).split(sep).join('/'), text: await readUserText(p, p, 'a backup’s JSON file') })),
  );
}

/** Reads the backup at `path`, from `cwd` when given (a command's working folder); messages name `path` as given. */
export async function readBackup(path: string, cwd?: string): Promise<BackupOnDisk> {
  const at = cwd === undefined ? path : resolve(cwd, path);
  const info = await stat(at).catch(() => {
    throw new CliError(`${path}: no such file or folder.`);
  });
  try {
    if (info.isDirectory()) {
      const files = await readFolderFiles(at);
      return { ...(await readBundleFolder(files)), files, path };
    }
    const value = parseUserJson(await readUserText(at, path, 'a Gatehouse backup'), path);
    return { ...(await readBundle(value)), files: null, path };
  } catch (error) {
    // The cause is kept: a caller can tell a folder of several backups from a broken one.
    if (error instanceof BundleError) throw new CliError(`${path}: ${error.message}`, { cause: error });
    throw error;
  }
}

/** The files a backup folder holds that Gatehouse wrote (others, a README or a workflow, are left alone). */
const managed = (path: string) =>
  path === 'manifest.json' ||
  path === 'references.json' ||
  path === CONTINGENCY_FILE ||
  path === ROLLOUT_FILE ||
  path === LINT_SUPPRESSIONS_FILE ||
  Object.values(SECTION_FOLDERS).some((folder) => path.startsWith(`${folder}/`));

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

export type WriteResult = { changed: false } | { changed: true; written: number; removed: number };

/**
 * The lint suppressions the backup at `out` holds (the team's decisions, with their reasons, kept
 * beside the backup in git): a new backup carries them on, since the tenant does not hold them.
 */
async function keptSuppressions(bundle: Bundle, out: string): Promise<Bundle> {
  const exists = await stat(out).then(
    () => true,
    () => false,
  );
  if (!exists) return bundle;
  const previous = await readBackup(out).catch(() => null);
  return previous && previous.bundle.lintSuppressions.length > 0 ? withLintSuppressions(bundle, previous.bundle.lintSuppressions) : bundle;
}

/** Writes the backup as a folder, or as one file when `out` ends in .json; the lint suppressions there are kept. */
export async function writeBackup(read: Bundle, out: string): Promise<WriteResult> {
  const bundle = await keptSuppressions(read, out);
  const folder = !out.endsWith('.json');
  const previous = await previousCapturedAt(out, folder);
  const asBefore = previous ? { ...bundle, manifest: { ...bundle.manifest, capturedAt: previous } } : null;

  if (!folder) {
    const existing = await readUserText(out).catch(() => null);
    if (asBefore && existing === bundleText(asBefore)) return { changed: false };
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, bundleText(bundle));
    return { changed: true, written: 1, removed: 0 };
  }

  const existing = new Map(
    (await stat(out).then(
      (s) => s.isDirectory(),
      () => false,
    ))
      ? (await readFolderFiles(out)).filter((f) => managed(f.path)).map((f) => [f.path, f.text] as const)
      : [],
  );
  if (asBefore) {
    const same = bundleFiles(asBefore);
    if (same.length === existing.size && same.every((f) => existing.get(f.path) === f.text)) return { changed: false };
  }
  const files = bundleFiles(bundle);
  for (const file of files) {
    const target = join(out, ...file.path.split('/'));
    await mkdir(dirname(target), { recursive: true });
    if (existing.get(file.path) !== file.text) await writeFile(target, file.text);
  }
  const keep = new Set(files.map((f) => f.path));
  const stale = [...existing.keys()].filter((path) => !keep.has(path));
  for (const path of stale) await rm(join(out, ...path.split('/')));
  return { changed: true, written: files.filter((f) => existing.get(f.path) !== f.text).length, removed: stale.length };
}
