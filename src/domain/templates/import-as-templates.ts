// Baselines the admin brings (any file an import reads: a Gatehouse backup, IntuneManagement,
// EntraExporter, CIPP, Microsoft365DSC…) become templates of this device, each policy with its
// objects as named blanks, named from what the files say of them. This is how a baseline that the
// console does not ship reaches the gallery.
import type { ImportSet } from '../import/import-set';
import { isJsonObject } from '../json';
import { nameKey, type NameDirectory, type ResolvedName } from '../references';
import type { GalleryTemplate } from './gallery-template';
import { policyAsTemplate } from './save-as-template';

/** What the import knows of the names of the objects its policies refer to. */
function namesOf(set: ImportSet): NameDirectory {
  const names = new Map<string, ResolvedName>();
  for (const ref of set.references) {
    if (ref.displayName) names.set(nameKey(ref.kind, ref.id), { id: ref.id, kind: ref.kind, displayName: ref.displayName });
  }
  for (const ref of set.sectionReferences ?? []) {
    if (ref.displayName) names.set(nameKey(ref.kind, ref.id), { id: ref.id, kind: ref.kind, displayName: ref.displayName });
  }
  const sections = [
    ['namedLocation', set.sections.namedLocations],
    ['authenticationStrength', set.sections.authenticationStrengths],
    ['termsOfUse', set.sections.termsOfUse],
  ] as const;
  for (const [kind, items] of sections) {
    for (const item of items) {
      if (isJsonObject(item) && typeof item.id === 'string' && typeof item.displayName === 'string')
        names.set(nameKey(kind, item.id), { id: item.id, kind, displayName: item.displayName });
    }
  }
  return { names, failures: [] };
}

/** Each policy of the import as a template; `newId` gives each its id (the caller's random source). */
export function importAsTemplates(set: ImportSet, from: string, savedAt: string, newId: () => string): GalleryTemplate[] {
  const names = namesOf(set);
  const declared = new Set([...set.references.map((r) => r.id), ...(set.sectionReferences ?? []).map((r) => r.id)]);
  return set.sections.policies.map((policy) => policyAsTemplate({ policy, names, id: newId(), savedAt, declared, from }));
}
