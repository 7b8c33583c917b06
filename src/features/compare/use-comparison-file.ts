// A policy export or backup file to compare with, kept for the browser tab (sessionStorage), so a
// reload keeps the comparison. Files cannot travel in a URL: a shared link opens without it.
import { useCallback, useState } from 'react';
import type { JsonObject } from '../../domain/policy-body';
import { parsePolicyFile, PolicyFileError } from '../../domain/policy-file';

export interface ComparisonFile {
  fileName: string;
  policies: { id: string | null; policy: JsonObject }[];
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
      // States as they were in the file: this is a comparison, nothing is created.
      const parsed = parsePolicyFile(new Uint8Array(await chosen.arrayBuffer()), chosen.name, { reportOnly: false });
      const next: ComparisonFile = { fileName: chosen.name, policies: parsed.map((p) => ({ id: p.sourceId, policy: p.body })) };
      setFile(next);
      setError(null);
      try {
        sessionStorage.setItem(KEY, JSON.stringify(next));
      } catch {
        // Too large to keep for a reload: the comparison still works in this page.
      }
      return next;
    } catch (cause) {
      setError(cause instanceof PolicyFileError ? cause.message : `${chosen.name} could not be read.`);
      return null;
    }
  }, []);
  const close = useCallback(() => {
    sessionStorage.removeItem(KEY);
    setFile(null);
  }, []);
  return { file, error, open, close };
}
