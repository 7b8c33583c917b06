// A Gatehouse backup brought back: the one-file form, or its folder form (manifest.json, a folder
// per section, references.json), loose or inside a zip's top folder. It goes into the import whole,
// with its references and origin; items edited since it was taken, or missing, are said in the
// result of manifest.json (or of the file), not refused.
import { BUNDLE_FORMAT, SECTIONS } from '../bundle/bundle';
import { SECTION_FOLDERS, type BundleFile } from '../bundle/folder';
import { isJsonObject, type Json } from '../json';
import type { ReadBundle } from '../bundle/read-bundle';
import type { ImportSet } from './import-set';

export const isBundleManifest = (value: Json): boolean =>
  isJsonObject(value) && value.format === BUNDLE_FORMAT && isJsonObject(value.tenant);

/** The root of a backup folder from its manifest's path ("backup.zip/manifest.json" → "backup.zip/"). */
export const bundleRoot = (manifestPath: string) => manifestPath.slice(0, manifestPath.length - 'manifest.json'.length);

/** Whether a file (by its path inside the root) is part of the backup folder. */
export const isBundleMember = (relative: string) =>
  relative === 'references.json' || SECTIONS.some((s) => relative.startsWith(`${SECTION_FOLDERS[s]}/`) && relative.endsWith('.json'));

export const bundleOrigin = (read: ReadBundle): Partial<ImportSet['origin']> => ({
  tenantId: read.bundle.manifest.tenant.id || null,
  tenantName: read.bundle.manifest.tenant.name,
  capturedAt: read.bundle.manifest.capturedAt || null,
});

export type { BundleFile };
