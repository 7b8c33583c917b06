// A Gatehouse backup brought back: the one-file form, or its folder form (manifest.json, a folder
// per section, references.json), loose or inside a zip's top folder. It goes into the import whole,
// with its references and origin; items edited since it was taken, or missing, are said in the
// result of manifest.json (or of the file), not refused.
import { BUNDLE_FORMAT, SECTIONS } from '../bundle/bundle';
import { SECTION_FOLDERS, type BundleFile } from '../bundle/folder';
import { devicePartNotes, devicePartOfFile, devicePartsOf } from './device-parts';
import { isJsonObject, type Json } from '../json';
import type { ReadBundle } from '../bundle/read-bundle';
import { emptyContent, type FileContent } from './file-content';
import type { ImportSet } from './import-set';
import { addPolicies } from './policy-names';
import { plural } from './words';

export const isBundleManifest = (value: Json): boolean =>
  isJsonObject(value) && value.format === BUNDLE_FORMAT && isJsonObject(value.tenant);

/** The root of a backup folder from its manifest's path ("backup.zip/manifest.json" → "backup.zip/"). */
export const bundleRoot = (manifestPath: string) => manifestPath.slice(0, manifestPath.length - 'manifest.json'.length);

/** Whether a file (by its path inside the root) is part of the backup folder. */
export const isBundleMember = (relative: string) =>
  relative === 'references.json' ||
  devicePartOfFile(relative) !== null ||
  SECTIONS.some((s) => relative.startsWith(`${SECTION_FOLDERS[s]}/`) && relative.endsWith('.json'));

export const bundleOrigin = (read: ReadBundle): Partial<ImportSet['origin']> => ({
  tenantId: read.bundle.manifest.tenant.id || null,
  tenantName: read.bundle.manifest.tenant.name,
  capturedAt: read.bundle.manifest.capturedAt || null,
});

export const bundleNotes = (problems: readonly string[]): string[] =>
  problems.length === 0
    ? ['Every item is as the manifest says.']
    : [
        `${plural(problems.length, 'item')} ${problems.length === 1 ? 'differs' : 'differ'} from the manifest: ${problems.slice(0, 3).join(' ')}${problems.length > 3 ? ` And ${problems.length - 3} more.` : ''}`,
      ];

/** A backup as read, as the content of the file (or folder) that held it. */
export function bundleContent(read: ReadBundle): FileContent {
  const { bundle } = read;
  const content = emptyContent('gatehouse-bundle');
  content.sections = {
    policies: [],
    namedLocations: bundle.namedLocations,
    authenticationStrengths: bundle.authenticationStrengths,
    authenticationContexts: bundle.authenticationContexts,
    termsOfUse: bundle.termsOfUse,
  };
  addPolicies(content, bundle.policies);
  content.references.push(...bundle.references);
  content.origin = bundleOrigin(read);
  if (bundle.references.length > 0) content.holds.push(`the names of ${plural(bundle.references.length, 'directory object')}`);
  content.notes.unshift(...bundleNotes(read.problems));
  // Not the tenant's: said with where each is restored, after the integrity notes.
  content.deviceParts = devicePartsOf(bundle);
  content.notes.push(...devicePartNotes(content.deviceParts));
  return content;
}

export type { BundleFile };
