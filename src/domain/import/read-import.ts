// The import's entry point: every file an admin brings (loose files, a dropped folder, a zip the
// caller has expanded, paths kept) read into one ImportSet, each file with its result. Files are
// recognised by their shape; a file's place in the drop only names the tool that wrote it
// (IntuneManagement beside a MigrationTable.json, EntraExporter under Identity/Conditional/) and
// gathers a Gatehouse backup's folder around its manifest.json.
import { readBundleFolder, BundleError } from '../bundle/read-bundle';
import type { Json } from '../json';
import { decodeText, parseJson, PolicyFileError } from '../policy-file';
import { bundleContent, bundleRoot, isBundleManifest, isBundleMember, type BundleFile } from './bundle-files';
import { devicePartOfFile, devicePartSentence } from './device-parts';
import { entraExporterRoots } from './entra-exporter';
import { emptyImportSet, type FileResult, type ImportFile, type ImportSet } from './import-set';
import { intuneRoots } from './intune-management';
import { ImportMerger } from './merge';
import { readFile, type ToolHint } from './read-file';

const textOf = (file: ImportFile) => decodeText(file.bytes).replace(/^\uFEFF/, '');

function tryParse(file: ImportFile): { value: Json } | { error: string } {
  try {
    return { value: parseJson(textOf(file), file.path) as Json };
  } catch (error) {
    if (error instanceof PolicyFileError) return { error: error.message };
    throw error;
  }
}

/** Backup folders in the drop: each manifest.json of a Gatehouse backup, with the files around it. */
function findBundleFolders(files: readonly ImportFile[]) {
  return files.flatMap((manifest) => {
    if (!/(^|\/)manifest\.json$/.test(manifest.path)) return [];
    const parsed = tryParse(manifest);
    if (!('value' in parsed) || !isBundleManifest(parsed.value)) return [];
    const root = bundleRoot(manifest.path);
    const members = files.filter((f) => f !== manifest && f.path.startsWith(root) && isBundleMember(f.path.slice(root.length)));
    return [{ root, manifest, members }];
  });
}

async function readBundleFolderFiles(
  folder: ReturnType<typeof findBundleFolders>[number],
  merger: ImportMerger,
  results: Map<ImportFile, FileResult>,
) {
  const usable: BundleFile[] = [{ path: 'manifest.json', text: textOf(folder.manifest) }];
  for (const member of folder.members) {
    const parsed = tryParse(member);
    if ('error' in parsed) results.set(member, { path: member.path, status: 'error', format: 'gatehouse-bundle', message: parsed.error });
    else usable.push({ path: member.path.slice(folder.root.length), text: textOf(member) });
  }
  try {
    const read = await readBundleFolder(usable);
    const content = bundleContent(read);
    content.notes.unshift(`The backup in ${folder.root || 'this folder'}, read whole.`);
    results.set(folder.manifest, {
      path: folder.manifest.path,
      status: 'read',
      format: 'gatehouse-bundle',
      message: merger.add(folder.manifest.path, content),
    });
    for (const member of folder.members) {
      if (results.has(member)) continue;
      // Contingency plans, rollouts, suppressions: read with the backup, restored elsewhere.
      const part = devicePartOfFile(member.path.slice(folder.root.length));
      results.set(member, {
        path: member.path,
        status: 'read',
        format: 'gatehouse-bundle',
        message: part
          ? devicePartSentence(part, read.bundle[part].length)
          : `Part of the backup in ${folder.root || 'this folder'} (see its manifest.json).`,
      });
    }
  } catch (error) {
    if (!(error instanceof BundleError)) throw error;
    results.set(folder.manifest, {
      path: folder.manifest.path,
      status: 'error',
      format: 'gatehouse-bundle',
      message: `${folder.manifest.path}: ${error.message}`,
    });
    for (const member of folder.members)
      if (!results.has(member))
        results.set(member, {
          path: member.path,
          status: 'ignored',
          format: 'gatehouse-bundle',
          message: 'Part of a backup whose manifest could not be read.',
        });
  }
}

const under = (roots: readonly string[], path: string) => roots.some((root) => path.startsWith(root));

/** Reads every file into one import; each file gets a result (read, ignored or error), in the order given. */
export async function readImport(files: readonly ImportFile[]): Promise<ImportSet> {
  const set = emptyImportSet();
  set.sectionReferences = [];
  const merger = new ImportMerger(set);
  const results = new Map<ImportFile, FileResult>();
  const paths = files.map((f) => f.path);
  const intune = intuneRoots(paths);
  const entra = entraExporterRoots(paths);

  for (const folder of findBundleFolders(files)) await readBundleFolderFiles(folder, merger, results);

  for (const file of files) {
    if (results.has(file)) continue;
    const hint: ToolHint = under(intune, file.path) ? 'intune-management' : under(entra, file.path) ? 'entra-exporter' : null;
    const outcome = await readFile(file.path, file.bytes, hint);
    if (outcome.status !== 'read') {
      results.set(file, { path: file.path, status: outcome.status, format: outcome.format, message: outcome.message });
      continue;
    }
    const { content } = outcome;
    results.set(file, { path: file.path, status: 'read', format: content.format, message: merger.add(file.path, content) });
  }
  set.files = files.map((file) => results.get(file)!);
  return set;
}
