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
    ...(contingencyPlans.length > 0 && {
      contingencyPlans: { count: contingencyPlans.length, sha256: await sha256Hex(canonicalJson(contingencyPlans)) },
    }),
    ...(rolloutPlans.length > 0 && {
      rolloutPlans: { count: rolloutPlans.length, sha256: await sha256Hex(canonicalJson(rolloutPlans)) },
    }),
    ...(lintSuppressions.length > 0 && { lintSuppressions: await suppressionsEntry(lintSuppressions) }),
  };
  return { manifest, ...sections, references, contingencyPlans, rolloutPlans, lintSuppressions };
}

const suppressionsEntry = async (suppressions: readonly LintSuppression[]) => ({
  count: suppressions.length,
  sha256: await sha256Hex(canonicalJson(suppressions)),
});

/**
 * The bundle with these lint suppressions (replacing any), listed in its manifest: how the console
 * adds what it keeps on the device to a backup read from the tenant.
 */
export async function withLintSuppressions(bundle: Bundle, suppressions: readonly LintSuppression[]): Promise<Bundle> {
  const { lintSuppressions: _previous, ...manifest } = bundle.manifest;
  return {
    ...bundle,
    manifest: { ...manifest, ...(suppressions.length > 0 && { lintSuppressions: await suppressionsEntry(suppressions) }) },
    lintSuppressions: [...suppressions],
  };
}

/** The bundle as one JSON file. */
export const bundleText = (bundle: Bundle): string => canonicalJson(bundle);
