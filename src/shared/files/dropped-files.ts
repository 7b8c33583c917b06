// What the admin brings, as files with their paths: chosen files, a chosen folder, or files and
// folders dropped on the page (folders walked to the last file). A zip is opened and its files take
// its name as their first folder, so a result can name "backup.zip/policies/CA001.json".
import type { ImportFile } from '../../domain/import/import-set';
import { readZip } from '../zip';
import { isZipFile } from './read-backup-file';

export class ZipUnreadable extends Error {}

async function expand(path: string, bytes: Uint8Array): Promise<ImportFile[]> {
  // By its name too: a .zip that is not one is said to be so, as Compare and Backup say, not set aside as "not a policy file".
  if (!isZipFile(path, bytes)) return [{ path, bytes }];
  try {
    const entries = await readZip(bytes);
    return entries.filter((e) => !e.path.endsWith('/')).map((e) => ({ path: `${path}/${e.path}`, bytes: e.bytes }));
  } catch (error) {
    throw new ZipUnreadable(`${path} could not be opened as a zip: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const pathOf = (file: File) => (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name;

/** Files from an input (several files, or a folder with webkitdirectory). */
export async function filesFromList(list: FileList | readonly File[]): Promise<ImportFile[]> {
  const out: ImportFile[] = [];
  for (const file of Array.from(list)) out.push(...(await expand(pathOf(file), new Uint8Array(await file.arrayBuffer()))));
  return out;
}

const entriesOf = (reader: FileSystemDirectoryReader) =>
  new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));

async function walk(entry: FileSystemEntry, into: File[], paths: string[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    into.push(file);
    paths.push(entry.fullPath.replace(/^\//, ''));
    return;
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries answers in batches until an empty one.
  for (let batch = await entriesOf(reader); batch.length > 0; batch = await entriesOf(reader)) {
    for (const child of batch) await walk(child, into, paths);
  }
}

/** Files and folders dropped on the page. */
export async function filesFromDrop(transfer: DataTransfer): Promise<ImportFile[]> {
  const entries = Array.from(transfer.items)
    .map((item) => item.webkitGetAsEntry?.())
    .filter((e): e is FileSystemEntry => !!e);
  if (entries.length === 0) return filesFromList(transfer.files);
  const files: File[] = [];
  const paths: string[] = [];
  for (const entry of entries) await walk(entry, files, paths);
  const out: ImportFile[] = [];
  for (const [i, file] of files.entries()) out.push(...(await expand(paths[i]!, new Uint8Array(await file.arrayBuffer()))));
  return out;
}
