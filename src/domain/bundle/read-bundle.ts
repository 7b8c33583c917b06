// Reading a bundle back, from its one-file form or its folder: what it holds, and whether each item
// is still what the manifest says (a file edited by hand, or cut short, is named, not refused: the
// admin decides whether to use it).
import { readPlans } from '../contingency/contingency-plan';
import { isJsonObject, objectIn, type JsonObject } from '../json';
import { JsonSyntaxError, parseJson } from '../policy-file';
import { isolatedText } from '../isolate';
import { readSuppressions } from '../lint/suppressions';
import type { LintSuppression } from '../lint/types';
import { readRolloutPlans } from '../rollout/rollout-plan';
import { canonicalJson, sha256Hex } from './canonical-json';
import {
  BUNDLE_FORMAT,
  SECTIONS,
  type Bundle,
  type BundleManifest,
  type ManifestItem,
  type ReferenceEntry,
  type ReferenceKind,
  type SectionName,
} from './bundle';
import { CONTINGENCY_FILE, LINT_SUPPRESSIONS_FILE, ROLLOUT_FILE, SECTION_FOLDERS, type BundleFile } from './folder';

export class BundleError extends Error {}

/** A folder holding several backups (as a backup of many tenants writes), not one. */
export class SeveralBackupsError extends BundleError {}

export interface ReadBundle {
  bundle: Bundle;
  /** Items whose content no longer matches the manifest, or that it does not list, in words. */
  problems: string[];
  /**
   * What the manifest lists and the file no longer holds (cut short, or removed by hand): unlike an edit,
   * which can be a change meant for the tenant, it makes any comparison with the backup wrong.
   */
  lost: ManifestItem[];
}

export const isBundle = (value: unknown): boolean =>
  isJsonObject(value) && isJsonObject(value.manifest) && value.manifest.format === BUNDLE_FORMAT;

const objects = (value: unknown): JsonObject[] => (Array.isArray(value) ? value.filter(isJsonObject) : []);

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function readManifest(value: unknown): BundleManifest {
  const manifest = objectIn(value);
  if (manifest.version !== 1)
    throw new BundleError(`This backup is format version ${String(manifest.version)}; this console reads version 1.`);
  const tenant = objectIn(manifest.tenant);
  const items = (Array.isArray(manifest.items) ? manifest.items : []).filter(isJsonObject).map((item) => ({
    section: (SECTIONS as readonly unknown[]).includes(item.section) ? (item.section as SectionName) : 'policies',
    id: text(item.id) ?? '',
    displayName: text(item.displayName) ?? '',
    sha256: text(item.sha256) ?? '',
  }));
  const counts = objectIn(manifest.counts);
  return {
    format: BUNDLE_FORMAT,
    version: 1,
    tenant: { id: text(tenant.id) ?? '', name: text(tenant.name) },
    capturedAt: text(manifest.capturedAt) ?? '',
    counts: Object.fromEntries(
      [...SECTIONS, 'references'].map((s) => [s, typeof counts[s] === 'number' ? counts[s] : 0]),
    ) as BundleManifest['counts'],
    items,
    ...(isJsonObject(manifest.contingencyPlans) && {
      contingencyPlans: {
        count: typeof manifest.contingencyPlans.count === 'number' ? manifest.contingencyPlans.count : 0,
        sha256: text(manifest.contingencyPlans.sha256) ?? '',
      },
    }),
    ...(isJsonObject(manifest.rolloutPlans) && {
      rolloutPlans: {
        count: typeof manifest.rolloutPlans.count === 'number' ? manifest.rolloutPlans.count : 0,
        sha256: text(manifest.rolloutPlans.sha256) ?? '',
      },
    }),
    ...(isJsonObject(manifest.lintSuppressions) && {
      lintSuppressions: {
        count: typeof manifest.lintSuppressions.count === 'number' ? manifest.lintSuppressions.count : 0,
        sha256: text(manifest.lintSuppressions.sha256) ?? '',
      },
    }),
  };
}

const KINDS: readonly ReferenceKind[] = ['user', 'group', 'role', 'application', 'servicePrincipal'];

function readReferences(value: unknown): ReferenceEntry[] {
  return (Array.isArray(value) ? value : []).filter(isJsonObject).flatMap((entry) => {
    const kind = KINDS.find((k) => k === entry.kind);
    const id = text(entry.id);
    if (!kind || !id) return [];
    return [
      {
        kind,
        id,
        displayName: text(entry.displayName),
        userPrincipalName: text(entry.userPrincipalName),
        mail: text(entry.mail),
        appId: text(entry.appId),
        roleTemplateId: text(entry.roleTemplateId),
        exists: entry.exists !== false,
      },
    ];
  });
}

export async function readBundle(value: unknown): Promise<ReadBundle> {
  if (!isBundle(value) || !isJsonObject(value)) throw new BundleError('This is not a Gatehouse backup: it has no manifest.');
  const manifest = readManifest(value.manifest);
  const sections = Object.fromEntries(SECTIONS.map((s) => [s, objects(value[s])])) as Record<SectionName, JsonObject[]>;
  const references = readReferences(value.references);
  const problems: string[] = [];
  const listed = new Map(manifest.items.map((item) => [`${item.section}:${item.id}`, item]));
  for (const section of SECTIONS) {
    for (const item of sections[section]) {
      const id = typeof item.id === 'string' ? item.id : '';
      const entry = listed.get(`${section}:${id}`);
      const name = typeof item.displayName === 'string' ? item.displayName : id;
      if (!entry) problems.push(`“${isolatedText(name)}” is not in the manifest.`);
      else if (entry.sha256 !== (await sha256Hex(canonicalJson(item))))
        problems.push(`“${isolatedText(name)}” was changed after the backup was taken.`);
      listed.delete(`${section}:${id}`);
    }
  }
  const lost = [...listed.values()];
  for (const missing of lost) problems.push(`“${isolatedText(missing.displayName)}” is listed in the manifest but missing.`);
  const contingencyPlans = readPlans(value.contingencyPlans);
  const plansListed = manifest.contingencyPlans;
  if (plansListed && plansListed.sha256 !== (await sha256Hex(canonicalJson(contingencyPlans))))
    problems.push('The contingency plans were changed after the backup was taken, or are missing.');
  else if (!plansListed && contingencyPlans.length > 0) problems.push('The contingency plans are not in the manifest.');
  const rolloutPlans = readRolloutPlans(value.rolloutPlans);
  const rolloutsListed = manifest.rolloutPlans;
  if (rolloutsListed && rolloutsListed.sha256 !== (await sha256Hex(canonicalJson(rolloutPlans))))
    problems.push('The rollout plans were changed after the backup was taken, or are missing.');
  else if (!rolloutsListed && rolloutPlans.length > 0) problems.push('The rollout plans are not in the manifest.');
  let lintSuppressions: LintSuppression[] = [];
  try {
    lintSuppressions =
      value.lintSuppressions === undefined ? [] : readSuppressions(value.lintSuppressions, "The backup's lint suppressions");
  } catch (error) {
    // Named, not refused, like any other damaged part: the policies may still be what the admin needs.
    problems.push(`${error instanceof Error ? error.message : String(error)} They are left out.`);
  }
  const suppressionsListed = manifest.lintSuppressions;
  if (suppressionsListed && suppressionsListed.sha256 !== (await sha256Hex(canonicalJson(lintSuppressions))))
    problems.push('The lint suppressions were changed after the backup was taken, or are missing.');
  else if (!suppressionsListed && lintSuppressions.length > 0)
    problems.push(
      'The lint suppressions are not in the manifest (added by hand, as suppressions kept in git are): they apply, and the next gatehouse backup into this folder lists them.',
    );
  return { bundle: { manifest, ...sections, references, contingencyPlans, rolloutPlans, lintSuppressions }, problems, lost };
}

/** A bundle from its folder form (the files of an unpacked zip). */
export async function readBundleFolder(files: BundleFile[]): Promise<ReadBundle> {
  // Named by line and column, or as cut short, as a single file is.
  const parse = (file: BundleFile) => {
    try {
      return parseJson(file.text, file.path);
    } catch (error) {
      throw new BundleError(error instanceof JsonSyntaxError ? error.message : `${isolatedText(file.path)} is not valid JSON.`);
    }
  };
  // A zip of a folder may put everything under one top folder: paths are taken from the manifest's level.
  const manifests = files.filter((f) => /(^|\/)manifest\.json$/.test(f.path));
  const manifestFile = manifests.find((f) => f.path === 'manifest.json') ?? manifests[0];
  if (!manifestFile) throw new BundleError('This folder has no manifest.json: it is not a Gatehouse backup.');
  // A folder of backups (one per tenant): reading the first found would silently leave the others out.
  if (manifestFile.path !== 'manifest.json' && manifests.length > 1) {
    const folders = manifests.map((f) => f.path.slice(0, -'/manifest.json'.length)).sort();
    throw new SeveralBackupsError(
      `This folder holds ${folders.length} backups, one in each of ${folders.length > 3 ? `${folders.slice(0, 3).join(', ')}, …` : folders.join(', ')}: choose one of them.`,
    );
  }
  const root = manifestFile.path.slice(0, -'manifest.json'.length);
  const inRoot = files.filter((f) => f.path.startsWith(root)).map((f) => ({ ...f, path: f.path.slice(root.length) }));
  const value: Record<string, unknown> = { manifest: parse(manifestFile) };
  for (const section of SECTIONS) {
    value[section] = inRoot.filter((f) => f.path.startsWith(`${SECTION_FOLDERS[section]}/`) && f.path.endsWith('.json')).map(parse);
  }
  const references = inRoot.find((f) => f.path === 'references.json');
  value.references = references ? parse(references) : [];
  const plans = inRoot.find((f) => f.path === CONTINGENCY_FILE);
  if (plans) value.contingencyPlans = parse(plans);
  const rollouts = inRoot.find((f) => f.path === ROLLOUT_FILE);
  if (rollouts) value.rolloutPlans = parse(rollouts);
  const suppressions = inRoot.find((f) => f.path === LINT_SUPPRESSIONS_FILE);
  if (suppressions) value.lintSuppressions = parse(suppressions);
  return readBundle(value);
}
