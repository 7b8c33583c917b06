// A backup on disk, read (one bundle file, or the git-friendly folder), and the files users hand
// over: UTF-8 or UTF-16, a picture or an archive named for what it is, JSON errors by line and column.
// Writing a backup is write-backup.ts.
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { CONTINGENCY_FILE, LINT_SUPPRESSIONS_FILE, ROLLOUT_FILE, SECTION_FOLDERS, type BundleFile } from '../domain/bundle/folder';
import type { ManifestItem } from '../domain/bundle/bundle';
import { BundleError, readBundle, readBundleFolder, type ReadBundle } from '../domain/bundle/read-bundle';
import { notTextMessage } from '../domain/file-signature';
import { decodeText, parseJson, PolicyFileError } from '../domain/policy-file';
import { CliError } from './cli-error';
import { fileInTheWayWords } from './file-errors';
import { isolatedText } from '../domain/isolate';

/** Whether `path` is a folder (false when it is a file or not there). */
export const isFolder = (path: string): Promise<boolean> =>
  stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );

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

const READ_REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

/** For a reader's catch: "Could not read <what> <path>: no such file." (Node's own text for a rarer failure). */
export const couldNotRead =
  (what: string, path: string) =>
  (error: unknown): string => {
    const code = (error as { code?: unknown } | null)?.code;
    const reason =
      typeof code === 'string' && READ_REASONS[code] ? READ_REASONS[code] : error instanceof Error ? error.message : String(error);
    return `Could not read ${what} ${path}: ${reason.replace(/\.$/, '')}.`;
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
// The working folder itself is '.', never '': a plan made there says "Plan again from ." rather than "from  against".
export const repoPath = (cwd: string, path: string) => relative(cwd, resolve(cwd, path)).split(sep).join('/') || '.';

/**
 * Refuses an --out that cannot take what the command writes (a folder where a file goes, a file where a
 * folder goes, a file where a folder of its path goes), before the command signs in and reads the tenant
 * only to fail at the end. A folder not made yet is accepted: the write makes it.
 */
export async function checkOut(
  cwd: string,
  out: string,
  writes: 'a file' | 'a folder',
  /** What the folder holds, for the words when --out is a file. */
  folderFor = "the backup's files, or a name ending in .json for one file",
): Promise<void> {
  const target = resolve(cwd, out);
  const info = await stat(target).catch(() => null);
  if (!info) {
    // notes.txt/x.md with notes.txt a file: said in the words the write would say it with.
    const inTheWay = fileInTheWayWords(writes === 'a file' ? dirname(target) : target, cwd);
    if (inTheWay) throw new CliError(inTheWay);
    return;
  }
  if (writes === 'a file' && info.isDirectory()) throw new CliError(`--out ${out} is a folder: give a file's name.`);
  if (writes === 'a folder' && !info.isDirectory()) throw new CliError(`--out ${out} is a file: give a folder for ${folderFor}.`);
}

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

/** The files a backup folder holds that Gatehouse wrote (others, a README or a workflow, are left alone). */
export const managed = (path: string) =>
  path === 'manifest.json' ||
  path === 'references.json' ||
  path === CONTINGENCY_FILE ||
  path === ROLLOUT_FILE ||
  path === LINT_SUPPRESSIONS_FILE ||
  Object.values(SECTION_FOLDERS).some((folder) => path.startsWith(`${folder}/`));

/** Managed in a backup at the top or in a folder below (a zip's top folder, one backup per tenant). */
const inSomeBackup = (path: string) => path.split('/').some((_, i, parts) => managed(parts.slice(i).join('/')));

/**
 * The folder's files a backup reads, by path relative to it: the team's own files (notes, a picture
 * saved as .json) are not read, so they cannot stop a backup, a lint or a diff.
 */
export async function readFolderFiles(
  path: string,
  which: (path: string) => boolean = inSomeBackup,
  read: (full: string) => Promise<string> = (full) => readUserText(full, full, 'a backup’s JSON file'),
): Promise<BundleFile[]> {
  const paths = (await listFiles(path)).map((full) => ({ full, path: relative(path, full).split(sep).join('/') }));
  return Promise.all(paths.filter((p) => which(p.path)).map(async (p) => ({ path: p.path, text: await read(p.full) })));
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

/**
 * A backup's lost items (listed in its manifest, their files gone), in words, with what that does to
 * the command's result: `${label} lost an item its manifest lists (“CA002 …”): ${consequence}`.
 */
export function lostWords(label: string, lost: readonly ManifestItem[], consequence: (one: boolean) => string): string | null {
  const n = lost.length;
  if (n === 0) return null;
  const names = lost.slice(0, 5).map((item) => `“${isolatedText(item.displayName)}”`);
  const more = n > 5 ? ` and ${n - 5} more` : '';
  return `${label} lost ${n === 1 ? 'an item' : `${n} items`} its manifest lists (${names.join(', ')}${more}): ${consequence(n === 1)}`;
}
