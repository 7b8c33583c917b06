// The bundle as a folder that reads well under git: one file per object in a folder per section,
// named after the object (made safe and unique), canonical JSON, plus manifest.json and one
// references.json (and contingency-plans.json, rollout-plans.json, lint-suppressions.json when there are any). The console zips it for download; a command line can write it as it is.
import { canonicalJson } from './canonical-json';
import { SECTIONS, type Bundle, type SectionName } from './bundle';

export const CONTINGENCY_FILE = 'contingency-plans.json';
export const ROLLOUT_FILE = 'rollout-plans.json';
export const LINT_SUPPRESSIONS_FILE = 'lint-suppressions.json';

export interface BundleFile {
  path: string;
  text: string;
}

export const SECTION_FOLDERS: Record<SectionName, string> = {
  namedLocations: 'named-locations',
  authenticationStrengths: 'authentication-strengths',
  authenticationContexts: 'authentication-contexts',
  termsOfUse: 'terms-of-use',
  policies: 'policies',
};

/** A file name from a display name: letters, digits, dot, dash and underscore; the rest become dashes. */
export function safeFileName(name: string): string {
  const cleaned = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80);
  return cleaned || 'unnamed';
}

export function bundleFiles(bundle: Bundle): BundleFile[] {
  const files: BundleFile[] = [{ path: 'manifest.json', text: canonicalJson(bundle.manifest) }];
  for (const section of SECTIONS) {
    const used = new Set<string>();
    for (const item of bundle[section]) {
      const base = safeFileName(typeof item.displayName === 'string' ? item.displayName : String(item.id ?? 'unnamed'));
      let name = base;
      // Two objects may share a name (or differ only in characters dropped above): number the later ones.
      for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}-${n}`;
      used.add(name.toLowerCase());
      files.push({ path: `${SECTION_FOLDERS[section]}/${name}.json`, text: canonicalJson(item) });
    }
  }
  files.push({ path: 'references.json', text: canonicalJson(bundle.references) });
  if (bundle.contingencyPlans.length > 0) files.push({ path: CONTINGENCY_FILE, text: canonicalJson(bundle.contingencyPlans) });
  if (bundle.rolloutPlans.length > 0) files.push({ path: ROLLOUT_FILE, text: canonicalJson(bundle.rolloutPlans) });
  if (bundle.lintSuppressions.length > 0) files.push({ path: LINT_SUPPRESSIONS_FILE, text: canonicalJson(bundle.lintSuppressions) });
  return files;
}
