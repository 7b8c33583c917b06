// Where each lint finding lies, as the repository sees it, for SARIF's code-scanning locations:
// shared by `lint` and `lint --tenants`.
import { posix } from 'node:path';
import type { BundleFile } from '../domain/bundle/folder';
import { sarifLocationIn, type LintFinding, type SarifOptions } from '../domain/lint';
import { repoPath } from './files';

/**
 * A policy's finding on its file in the folder read, any other on the file linted (the folder's
 * manifest, or the .json bundle). Linting the tenant itself has no file.
 */
export function sarifLocator(files: BundleFile[] | null, path: string | null, cwd: string): Pick<SarifOptions, 'locate' | 'artifact'> {
  if (!path) return {};
  if (!files) return { artifact: repoPath(cwd, path) };
  const byId = new Map<string, BundleFile>();
  for (const file of files) {
    if (!file.path.startsWith('policies/')) continue;
    try {
      const id = (JSON.parse(file.text) as { id?: unknown }).id;
      if (typeof id === 'string') byId.set(id, file);
    } catch {
      // an unreadable file was reported when the folder was read
    }
  }
  const base = repoPath(cwd, path);
  const manifest = files.find((f) => /(^|\/)manifest\.json$/.test(f.path))?.path ?? 'manifest.json';
  return {
    artifact: posix.join(base, manifest),
    locate: (finding: LintFinding) => {
      const file = finding.policyId ? byId.get(finding.policyId) : undefined;
      return file && sarifLocationIn(posix.join(base, file.path), file.text, finding.path ?? []);
    },
  };
}
