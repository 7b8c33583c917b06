// A backup bundle: what a tenant's Conditional Access is made of, as read from Graph (beta,
// verbatim: properties this console does not know are kept), with a table of every directory object
// the policies refer to, so that a copy into another tenant can map them by name. The manifest says
// what it is, where and when it was taken, how many of each, and a sha256 per item.
import type { ContingencyPlan } from '../contingency/contingency-plan';
import type { JsonObject } from '../json';
import type { LintSuppression } from '../lint/types';
import type { RolloutPlan } from '../rollout/rollout-plan';
import { canonicalJson, sha256Hex } from './canonical-json';

export const BUNDLE_FORMAT = 'gatehouse.backup';
export const BUNDLE_VERSION = 1;

export type ReferenceKind = 'user' | 'group' | 'role' | 'application' | 'servicePrincipal';

/** A directory object a policy refers to, with what identifies it outside its tenant. */
export interface ReferenceEntry {
  kind: ReferenceKind;
  id: string;
  displayName: string | null;
  userPrincipalName?: string | null;
  mail?: string | null;
  appId?: string | null;
  /** For roles: the role template id, the same in every tenant. */
  roleTemplateId?: string | null;
  /** False when the tenant no longer holds it (a policy still names it). */
  exists: boolean;
}

export interface BundleSections {
  policies: JsonObject[];
  namedLocations: JsonObject[];
  authenticationStrengths: JsonObject[];
  authenticationContexts: JsonObject[];
  termsOfUse: JsonObject[];
}

export type SectionName = keyof BundleSections;
export const SECTIONS: readonly SectionName[] = [
  'namedLocations',
  'authenticationStrengths',
  'authenticationContexts',
  'termsOfUse',
  'policies',
];

export interface ManifestItem {
  section: SectionName;
  id: string;
  displayName: string;
  sha256: string;
}

export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  version: typeof BUNDLE_VERSION;
  tenant: { id: string; name: string | null };
  capturedAt: string;
  counts: Record<SectionName | 'references', number>;
  items: ManifestItem[];
  /** The contingency plans as the admin left them (the naming alone cannot say what to suspend). */
  contingencyPlans?: { count: number; sha256: string };
  /** The staged rollouts kept on the device (rings, thresholds, where each stands, the timeline). */
  rolloutPlans?: { count: number; sha256: string };
  /** The lint findings the admin accepted, each with its reason, who and when. */
  lintSuppressions?: { count: number; sha256: string };
}

export interface Bundle extends BundleSections {
  manifest: BundleManifest;
  references: ReferenceEntry[];
  contingencyPlans: ContingencyPlan[];
  rolloutPlans: RolloutPlan[];
  lintSuppressions: LintSuppression[];
}

const idOf = (item: JsonObject) => (typeof item.id === 'string' ? item.id : '');
const nameOf = (item: JsonObject) => (typeof item.displayName === 'string' ? item.displayName : idOf(item));

export async function createBundle(
  sections: BundleSections,
  references: ReferenceEntry[],
  origin: { tenantId: string; tenantName: string | null; capturedAt: Date },
  contingencyPlans: ContingencyPlan[] = [],
  rolloutPlans: RolloutPlan[] = [],
  lintSuppressions: LintSuppression[] = [],
): Promise<Bundle> {
  const items: ManifestItem[] = [];
  for (const section of SECTIONS) {
    for (const item of sections[section]) {
      items.push({ section, id: idOf(item), displayName: nameOf(item), sha256: await sha256Hex(canonicalJson(item)) });
    }
  }
  const counts = Object.fromEntries([
    ...SECTIONS.map((s) => [s, sections[s].length]),
    ['references', references.length],
  ]) as BundleManifest['counts'];
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    tenant: { id: origin.tenantId, name: origin.tenantName },
    capturedAt: origin.capturedAt.toISOString(),
    counts,
    items,
    ...(await recordEntries({ contingencyPlans, rolloutPlans, lintSuppressions })),
  };
  return { manifest, ...sections, references, contingencyPlans, rolloutPlans, lintSuppressions };
}

/** What a backup holds that the tenant does not: the console keeps it on the device, a backup folder in git. */
export type KeptRecords = Pick<Bundle, 'contingencyPlans' | 'rolloutPlans' | 'lintSuppressions'>;

/** The manifest's entry for each kind of record the bundle holds any of (a count and the canonical JSON's sha256). */
async function recordEntries(records: KeptRecords): Promise<Partial<Pick<BundleManifest, keyof KeptRecords>>> {
  const entries: Partial<Pick<BundleManifest, keyof KeptRecords>> = {};
  for (const key of ['contingencyPlans', 'rolloutPlans', 'lintSuppressions'] as const) {
    const list = records[key];
    if (list.length > 0) entries[key] = { count: list.length, sha256: await sha256Hex(canonicalJson(list)) };
  }
  return entries;
}

/**
 * The bundle with these records (each kind given replaces the bundle's), listed in its manifest: how
 * the console adds what it keeps on the device to a backup read from the tenant, and how a backup
 * carries on what the folder it is written to holds.
 */
export async function withRecords(bundle: Bundle, records: Partial<KeptRecords>): Promise<Bundle> {
  const next: KeptRecords = {
    contingencyPlans: [...(records.contingencyPlans ?? bundle.contingencyPlans)],
    rolloutPlans: [...(records.rolloutPlans ?? bundle.rolloutPlans)],
    lintSuppressions: [...(records.lintSuppressions ?? bundle.lintSuppressions)],
  };
  const { contingencyPlans: _c, rolloutPlans: _r, lintSuppressions: _l, ...manifest } = bundle.manifest;
  return { ...bundle, ...next, manifest: { ...manifest, ...(await recordEntries(next)) } };
}

export const withLintSuppressions = (bundle: Bundle, suppressions: readonly LintSuppression[]): Promise<Bundle> =>
  withRecords(bundle, { lintSuppressions: [...suppressions] });

/** The bundle as one JSON file. */
export const bundleText = (bundle: Bundle): string => canonicalJson(bundle);
