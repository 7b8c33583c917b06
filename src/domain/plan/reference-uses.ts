// Every reference of the imported policies, once, with where each is used; what the import itself knows of each
// (its reference table, or a backup's terms of use); and the directory references to look up in the tenant.
import type { ReferenceEntry } from '../bundle/bundle';
import type { ImportSet, NamedReference } from '../import/import-set';
import type { JsonObject } from '../json';
import { isDirectoryKind, mappingKey } from './mapping-kinds';
import { REFERENCE_PLACES, referenceTest, valuesAt, type ReferencePlace } from './reference-places';
import type { MappingKind, PlanChoices, ReferenceUse } from './types';

/** A policy of the import, with the key of its plan row and the file it was read from, when it came from one. */
export interface SourcePolicy {
  rowKey: string;
  name: string;
  policy: JsonObject;
  file?: string | undefined;
}

export interface Collected {
  kind: MappingKind;
  value: string;
  uses: ReferenceUse[];
  places: ReferencePlace[];
}

/** Every reference of these policies, once, with where each is used. */
export function collectUses(policies: readonly SourcePolicy[], declared: ReadonlySet<string>): Collected[] {
  const found = new Map<string, Collected>();
  for (const { rowKey, name, policy } of policies) {
    for (const place of REFERENCE_PLACES) {
      for (const value of valuesAt(policy, place, referenceTest(place.kind, declared))) {
        const key = mappingKey(place.kind, value);
        const entry = found.get(key) ?? { kind: place.kind, value, uses: [], places: [] };
        entry.uses.push({ rowKey, policyName: name, place: place.label, exclusion: place.exclusion });
        entry.places.push(place);
        found.set(key, entry);
      }
    }
  }
  return [...found.values()];
}

/** Values in id places that the import says are names or blanks, not ids. */
export const declaredValues = (source: ImportSet): Set<string> =>
  new Set([...source.references.map((r) => r.id), ...(source.sectionReferences ?? []).map((r) => r.id)]);

/** What the import knows of a value: a directory object's names, or the name of a location, strength or context it stands for. */
export type KnownReference = Pick<NamedReference, 'displayName' | 'placeholder'> & Partial<Omit<NamedReference, 'kind'>>;

export const nameOf = (item: JsonObject) => (typeof item.displayName === 'string' ? item.displayName : '');

/** What the import knows of each reference, by kind and value. */
export const sourceReference = (source: ImportSet) => {
  const byId = new Map<string, KnownReference>();
  const anyKind = new Map<string, NamedReference>();
  for (const ref of source.references) {
    byId.set(`${ref.kind}:${ref.id.toLowerCase()}`, ref);
    anyKind.set(ref.id.toLowerCase(), ref);
  }
  for (const ref of source.sectionReferences ?? []) byId.set(`${ref.kind}:${ref.id.toLowerCase()}`, ref);
  // Terms of use are not written by an import (each needs its document uploaded in the target), but a
  // backup carries them: their names still say what a policy's id stands for.
  for (const item of source.sections.termsOfUse)
    if (typeof item.id === 'string') byId.set(`termsOfUse:${item.id.toLowerCase()}`, { displayName: nameOf(item) || null });
  return (kind: MappingKind, value: string): KnownReference | undefined =>
    byId.get(`${kind}:${value.toLowerCase()}`) ??
    // A directory object that was already gone has no known type: its id is still its own.
    (isDirectoryKind(kind) ? anyKind.get(value.toLowerCase()) : undefined) ??
    // An application in a policy is its appId; a table may list it as a service principal or an application.
    (kind === 'application' ? source.references.find((r) => r.appId?.toLowerCase() === value.toLowerCase()) : undefined);
};

/** Translates a sign-in name or mail by the first domain rule that fits (`ada@contoso.com` → `ada@fabrikam.com`). */
export function translateDomain(address: string | null | undefined, domains: PlanChoices['domains']): string | null {
  if (!address) return null;
  for (const { from, to } of domains ?? []) {
    const suffix = `@${from.toLowerCase().replace(/^@/, '')}`;
    if (from && to && address.toLowerCase().endsWith(suffix)) return `${address.slice(0, -suffix.length)}@${to.replace(/^@/, '')}`;
  }
  return address;
}

/**
 * The directory references to look up in the target, with what identifies them there (sign-in
 * names translated by the domain map). References the import knows nothing about go by id alone.
 */
export function referencesToLookUp(
  source: ImportSet,
  policies: readonly SourcePolicy[],
  domains: PlanChoices['domains'],
): ReferenceEntry[] {
  const known = sourceReference(source);
  const declared = declaredValues(source);
  return collectUses(policies, declared).flatMap(({ kind, value }) => {
    if (!isDirectoryKind(kind)) return [];
    const ref = known(kind, value);
    const base: ReferenceEntry = { ...ref, kind, id: value, displayName: ref?.displayName ?? null, exists: ref?.exists ?? true };
    return [{ ...base, userPrincipalName: translateDomain(base.userPrincipalName, domains), mail: translateDomain(base.mail, domains) }];
  });
}
