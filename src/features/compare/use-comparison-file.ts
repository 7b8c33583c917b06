// A policy export or backup file to compare with, kept for the browser tab (sessionStorage), so a
// reload keeps the comparison. Files cannot travel in a URL: a shared link opens without it.
// A backup's folder form (.zip) is read by the same reader as Documentation and restore.
import { useCallback, useState } from 'react';
import { isBundle } from '../../domain/bundle/read-bundle';
import type { JsonObject } from '../../domain/policy-body';
import { policiesFrom, PolicyFileError, policiesIn, readJsonFile, type ImportedPolicy } from '../../domain/policy-file';
import { BackupFileError, isZipFile, readBackupFile } from '../../shared/files/read-backup-file';

export interface ComparisonFile {
  fileName: string;
  /** A Gatehouse backup (a whole tenant), or a file of policies; unknown for a file kept before this was noted. */
  backup?: boolean;
  policies: { id: string | null; policy: JsonObject }[];
}

const found = (policies: ImportedPolicy[]) => policies.map((p) => ({ id: p.sourceId, policy: p.body }));

/** States as they were in the file: this is a comparison, nothing is created. */
async function readComparisonFile(fileName: string, bytes: Uint8Array): Promise<ComparisonFile> {
  if (isZipFile(fileName, bytes)) {
    const { bundle } = await readBackupFile(fileName, bytes);
    return { fileName, backup: true, policies: found(policiesIn(bundle.policies, { reportOnly: false })) };
  }
  const parsed = readJsonFile(bytes, fileName);
  return { fileName, backup: isBundle(parsed), policies: found(policiesFrom(parsed, fileName, { reportOnly: false })) };
}

const KEY = 'gatehouse.compare.file';

function load(): ComparisonFile | null {
  try {
    const text = sessionStorage.getItem(KEY);
    return text ? (JSON.parse(text) as ComparisonFile) : null;
  } catch {
    return null;
  }
}

export function useComparisonFile() {
  const [file, setFile] = useState<ComparisonFile | null>(load);
  const [error, setError] = useState<string | null>(null);
  const open = useCallback(async (chosen: File) => {
    try {
      const next = await readComparisonFile(chosen.name, new Uint8Array(await chosen.arrayBuffer()));
      setFile(next);
      setError(null);
      try {
        sessionStorage.setItem(KEY, JSON.stringify(next));
      } catch {
        // Too large to keep for a reload: the comparison still works in this page.
      }
      return next;
    } catch (cause) {
      setError(cause instanceof PolicyFileError || cause instanceof BackupFileError ? cause.message : `${chosen.name} could not be read.`);
      return null;
    }
  }, []);
  const close = useCallback(() => {
    sessionStorage.removeItem(KEY);
    setFile(null);
  }, []);
  return { file, error, open, close };
}
