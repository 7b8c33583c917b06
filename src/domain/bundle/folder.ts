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

// Windows refuses these as a file's name, with or without an extension ("CON.json" too).
const RESERVED_ON_WINDOWS = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?=\.|$)/i;
const MAX_CHARACTERS = 80;
// Room for a folder's prefix and suffix within the 255 bytes most file systems allow a name.
const MAX_BYTES = 120;

/** The bytes a code point takes in UTF-8 (file systems limit a name's bytes, not its characters). */
const utf8Length = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/**
 * A file name from a display name: letters and digits of any script (with their marks), dot, dash
 * and underscore; the rest (what file systems refuse: / \ : * ? " < > |, control characters, spaces)
 * become dashes, none at either end. Accents are dropped from Latin letters ("Gäste" → "Gaste"), as
 * they always were; "多要素認証を要求" and "Контосо" are kept. A name reserved on Windows gets "_".
 * When nothing is left, the fallback (an id) is used, made safe the same way, else "unnamed".
 */
export function safeFileName(name: string, fallback?: string): string {
  const cleaned = name
    .normalize('NFKD')
    // A Latin letter loses its accents; another script's letter keeps its marks (Greek tonos, Hindi vowel signs).
    .replace(/(\P{M}?)([\u0300-\u036f]+)/gu, (all, base: string) => (/\p{L}/u.test(base) && !/\p{Script=Latin}/u.test(base) ? all : base))
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}\p{M}._-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  let kept = '';
  let count = 0;
  let bytes = 0;
  for (const character of cleaned) {
    const size = utf8Length(character.codePointAt(0)!);
    if (count === MAX_CHARACTERS || bytes + size > MAX_BYTES) break;
    kept += character;
    count += 1;
    bytes += size;
  }
  kept = kept.replace(RESERVED_ON_WINDOWS, '$1_');
  if (kept) return kept;
  return fallback !== undefined ? safeFileName(fallback) : 'unnamed';
}

export function bundleFiles(bundle: Bundle): BundleFile[] {
  const files: BundleFile[] = [{ path: 'manifest.json', text: canonicalJson(bundle.manifest) }];
  for (const section of SECTIONS) {
    const used = new Set<string>();
    for (const item of bundle[section]) {
      const id = String(item.id ?? 'unnamed');
      const base = safeFileName(typeof item.displayName === 'string' ? item.displayName : id, id);
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
