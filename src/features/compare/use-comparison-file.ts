// A policy export or backup file to compare with, kept for the browser tab (sessionStorage), so a
// reload keeps the comparison. Files cannot travel in a URL: a shared link opens without it.
// A backup's folder form (.zip) is read by the same reader as Documentation and restore, and a
// Microsoft365DSC configuration (.ps1) by Import's. A file that cannot be read leaves the one before
// open, and its comparison on screen: the refusal says so (see ComparisonFileNotices).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Bundle } from '../../domain/bundle/bundle';
import { isBundle } from '../../domain/bundle/read-bundle';
import { namesFromBundle } from '../../domain/documentation/bundle-names';
import type { FileOrigin } from '../../domain/names-beside-a-file';
import type { JsonObject } from '../../domain/policy-body';
import { policiesFrom, PolicyFileError, policiesIn, readJsonFile, type ImportedPolicy } from '../../domain/policy-file';
import type { ResolvedName } from '../../domain/references';
import { BackupFileError, isZipFile, readBackupFile } from '../../shared/files/read-backup-file';
import { readFile } from '../../domain/import/read-file';
import { isolatedText } from '../../shared/ui/isolated-text';

export interface ComparisonFile {
  fileName: string;
  /** A Gatehouse backup (a whole tenant), or a file of policies; unknown for a file kept before this was noted. */
  backup?: boolean;
  /** A backup's tenant and when it was taken (a file of policies does not say). */
  origin?: { tenantId: string; tenantName: string | null; capturedAt: string };
  /** The names a backup records for what its policies refer to. */
  names?: ResolvedName[];
  policies: { id: string | null; policy: JsonObject }[];
  /** What a backup's reader found amiss (items missing or edited since it was taken): said beside the comparison. */
  problems?: string[];
}

const found = (policies: ImportedPolicy[]) => policies.map((p) => ({ id: p.sourceId, policy: p.body }));

function fromBackup(fileName: string, { bundle, problems }: { bundle: Bundle; problems: string[] }): ComparisonFile {
  const { tenant, capturedAt } = bundle.manifest;
  return {
    ...(problems.length > 0 && { problems }),
    fileName,
    backup: true,
    origin: { tenantId: tenant.id, tenantName: tenant.name, capturedAt },
    names: [...namesFromBundle(bundle).names.values()].filter((name) => !name.missing),
    policies: found(policiesIn(bundle.policies, { reportOnly: false })),
  };
}

const POWERSHELL = /\.ps[dm]?1$/i;

/** A Microsoft365DSC configuration, read as Import reads it: each AADConditionalAccessPolicy block a policy. */
async function fromPowerShell(fileName: string, bytes: Uint8Array): Promise<ComparisonFile> {
  const outcome = await readFile(fileName, bytes, null);
  if (outcome.status !== 'read')
    throw new PolicyFileError(outcome.message.startsWith(fileName) ? outcome.message : `${fileName}: ${outcome.message}`);
  const policies = outcome.content.sections.policies;
  if (policies.length === 0) throw new PolicyFileError(`${fileName} holds no Conditional Access policy.`);
  return {
    fileName,
    backup: false,
    policies: policies.map((policy) => ({ id: typeof policy.id === 'string' ? policy.id : null, policy })),
  };
}

/** States as they were in the file: this is a comparison, nothing is created. */
export async function readComparisonFile(fileName: string, bytes: Uint8Array): Promise<ComparisonFile> {
  if (isZipFile(fileName, bytes)) return fromBackup(fileName, await readBackupFile(fileName, bytes));
  if (POWERSHELL.test(fileName)) return fromPowerShell(fileName, bytes);
  const parsed = readJsonFile(bytes, fileName);
  if (isBundle(parsed)) {
    // A backup that its own reader refuses (a newer format) is still compared by its policies.
    const read = await readBackupFile(fileName, bytes).catch(() => null);
    if (read) return fromBackup(fileName, read);
  }
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
  // The name of the file the error is about (the open file, if any, is the one before it).
  const [refused, setRefused] = useState<string | null>(null);
  // The browser refused to keep it (sessionStorage holds about 5 MB): a reload would lose it, so the page says so.
  const [notKept, setNotKept] = useState(false);
  // Each file chosen counts, the same one again included: what the page says of it is said anew
  // (a notice left in place with new words is not read out again).
  const [choice, setChoice] = useState(0);
  // The file being read, said while it is (a large backup takes a moment).
  const [reading, setReading] = useState<string | null>(null);
  // Each choice (and each close, each other side chosen) is numbered: a read that ends after a newer
  // choice changes nothing. Gone from the page (the admin went elsewhere), a read still under way
  // changes nothing either: no state, nothing kept for the tab, and open() says so to its caller.
  const latest = useRef(0);
  useEffect(() => {
    const choices = latest;
    return () => {
      choices.current += 1;
    };
  }, []);
  /** The file read; null when it could not be read (the file before stays); undefined when a newer choice came first, or the page is gone. */
  const open = useCallback(async (chosen: File): Promise<ComparisonFile | null | undefined> => {
    const mine = ++latest.current;
    setReading(chosen.name);
    try {
      const next = await readComparisonFile(chosen.name, new Uint8Array(await chosen.arrayBuffer()));
      if (mine !== latest.current) return undefined;
      setReading(null);
      setFile(next);
      setError(null);
      setRefused(null);
      setChoice((count) => count + 1);
      try {
        sessionStorage.setItem(KEY, JSON.stringify(next));
        setNotKept(false);
      } catch {
        // Too large to keep for a reload: the comparison still works in this page.
        sessionStorage.removeItem(KEY);
        setNotKept(true);
      }
      return next;
    } catch (cause) {
      if (mine !== latest.current) return undefined;
      setReading(null);
      // The file before (if any) stays open, kept for the tab as it was: bad input loses nothing.
      setChoice((count) => count + 1);
      setRefused(chosen.name);
      setError(
        cause instanceof PolicyFileError || cause instanceof BackupFileError
          ? cause.message
          : `${isolatedText(chosen.name)} could not be read.`,
      );
      return null;
    }
  }, []);
  /** Something else was chosen to compare with (a tenant, a policy): the file being read is no longer wanted. */
  const abandon = useCallback(() => {
    latest.current += 1;
    setReading(null);
  }, []);
  const close = useCallback(() => {
    latest.current += 1;
    setReading(null);
    sessionStorage.removeItem(KEY);
    setFile(null);
    setNotKept(false);
  }, []);
  const dismissError = useCallback(() => {
    setError(null);
    setRefused(null);
  }, []);
  return { file, error, refused, notKept, choice, reading, open, abandon, close, dismissError };
}

/** The file is a backup of this tenant (tenant ids are GUIDs, which may come in either case). */
export const isBackupOf = (file: ComparisonFile | null | undefined, tenantId: string) =>
  !!file?.origin && file.origin.tenantId.toLowerCase() === tenantId.toLowerCase();

/** What the comparison knows of where the file's ids come from, seen from this tenant. */
export const fileOrigin = (file: ComparisonFile, tenantId: string): FileOrigin => ({
  tenant: !file.origin ? 'unsaid' : isBackupOf(file, tenantId) ? 'this' : 'another',
  names: file.names,
});
