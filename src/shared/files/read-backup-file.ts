// A backup chosen from disk, read back into a bundle: one .json file, or a .zip of the folder form
// (as the Backup page saves it, or as git or an archiver zipped it). Every refusal names the file,
// and the place inside it when there is one.
import { BundleError, readBundle, readBundleFolder, type ReadBundle } from '../../domain/bundle/read-bundle';
import { notTextMessage } from '../../domain/file-signature';
import { isJsonObject } from '../../domain/json';
import { decodeText, JsonSyntaxError, parseJson } from '../../domain/policy-file';
import { readZip, ZipError } from '../zip';

export class BackupFileError extends Error {}

/** A zip by its name or, renamed, by its first bytes. */
export const isZipFile = (name: string, bytes: Uint8Array) =>
  /\.zip$/i.test(name) || (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04);

/** What a JSON file that is not a backup most likely is, to say what to do instead. */
function notABackup(value: unknown): string {
  const looksLikePolicy = (v: unknown) => isJsonObject(v) && 'conditions' in v && 'displayName' in v;
  if (
    looksLikePolicy(value) ||
    (Array.isArray(value) && value.some(looksLikePolicy)) ||
    (isJsonObject(value) && Array.isArray(value.value))
  )
    return 'it holds policies, not a Gatehouse backup. Backup › Back up this tenant makes one.';
  return 'it is not a Gatehouse backup (it has no manifest).';
}

async function read(name: string, bytes: Uint8Array): Promise<ReadBundle> {
  if (bytes.length === 0) throw new BackupFileError(`“${name}” is empty.`);
  if (isZipFile(name, bytes)) {
    const entries = await readZip(bytes);
    const decoder = new TextDecoder();
    return readBundleFolder(entries.map((entry) => ({ path: entry.path, text: decoder.decode(entry.bytes) })));
  }
  // A picture or a document chosen by mistake is named for what it is, not parsed as broken JSON.
  const notText = notTextMessage(bytes, `“${name}”`);
  if (notText) throw new BackupFileError(notText);
  // As a policy file is read: UTF-8 or UTF-16, and a syntax error named by line and column.
  let value: unknown;
  try {
    value = parseJson(decodeText(bytes), `“${name}”`);
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw new BackupFileError(error.message);
    throw error;
  }
  if (!isJsonObject(value) || !isJsonObject(value.manifest)) throw new BackupFileError(`“${name}”: ${notABackup(value)}`);
  return readBundle(value);
}

/** The bundle in a file, or a BackupFileError that names the file. */
export async function readBackupFile(name: string, bytes: Uint8Array): Promise<ReadBundle> {
  try {
    return await read(name, bytes);
  } catch (error) {
    if (error instanceof BackupFileError) throw error;
    if (error instanceof BundleError || error instanceof ZipError) throw new BackupFileError(`“${name}”: ${error.message}`);
    throw new BackupFileError(`“${name}” could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}
