// Names and blanks where a policy should hold ids. Name-based exports (Microsoft365DSC, CIPP) and
// templates write a group's name, a user's sign-in name, a role's display name or `<GROUP>` in
// the places Graph keeps ids. Built-in roles, built-in strengths and Graph's special values are
// turned into what Graph expects; every other name or blank stays verbatim and is declared as a
// reference, so the planner looks it up (or asks for it) like any id.
import type { JsonObject } from '../json';
import { rewriteReferences } from '../plan/reference-places';
import type { MappingKind } from '../plan/types';
import { SPECIAL_VALUES } from '../references';
import { builtInRole } from './built-in-roles';
import type { NamedReference, SectionReference } from './import-set';
import { isPlaceholder, placeholderName } from './placeholders';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const specialByKey = new Map(Object.keys(SPECIAL_VALUES).map((key) => [key.toLowerCase(), key]));
// What name-based tools write for a special value: its label in the admin center, or Microsoft365DSC's words.
const specialByLabel = new Map([
  ...Object.entries(SPECIAL_VALUES).map(([key, label]) => [label.toLowerCase(), key] as const),
  ['multifactor authentication trusted ips', '00000000-0000-0000-0000-000000000000'],
]);
const BUILT_IN_STRENGTHS = new Map([
  ['multifactor authentication', '00000000-0000-0000-0000-000000000002'],
  ['passwordless mfa', '00000000-0000-0000-0000-000000000003'],
  ['phishing-resistant mfa', '00000000-0000-0000-0000-000000000004'],
]);

type SectionKind = SectionReference['kind'];
const SECTION_KINDS: readonly MappingKind[] = ['namedLocation', 'authenticationStrength', 'authenticationContext', 'termsOfUse'];
const isSectionKind = (kind: MappingKind): kind is SectionKind => SECTION_KINDS.includes(kind);

export interface ResolvedNames {
  policy: JsonObject;
  references: NamedReference[];
  sectionReferences: SectionReference[];
  /** In words, for the file's result: what was turned into ids, what is left to look up or fill. */
  notes: { builtIn: string[]; names: string[]; blanks: string[] };
}

export function resolveNames(policy: JsonObject): ResolvedNames {
  const references = new Map<string, NamedReference>();
  const sectionReferences = new Map<string, SectionReference>();
  const notes: ResolvedNames['notes'] = { builtIn: [], names: [], blanks: [] };

  const declare = (kind: MappingKind, value: string, placeholder: boolean) => {
    const key = `${kind}:${value.toLowerCase()}`;
    if (references.has(key) || sectionReferences.has(key)) return;
    (placeholder ? notes.blanks : notes.names).push(value);
    const displayName = placeholder ? placeholderName(value) : value;
    if (isSectionKind(kind)) {
      sectionReferences.set(key, { kind, id: value, displayName, ...(placeholder ? { placeholder: true } : {}) });
      return;
    }
    // Directory kinds only remain here.
    const ref: NamedReference = { kind: kind as NamedReference['kind'], id: value, displayName, exists: true };
    if (placeholder) ref.placeholder = true;
    else if (kind === 'user' && value.includes('@')) ref.userPrincipalName = value;
    references.set(key, ref);
  };

  const rewritten = rewriteReferences(policy, (place, raw) => {
    const value = raw.trim();
    if (GUID.test(value)) return undefined;
    if (place.kind === 'authenticationContext' && /^c\d{1,2}$/i.test(value)) return value === raw ? undefined : value.toLowerCase();
    const special = specialByKey.get(value.toLowerCase());
    if (special) return special === raw ? undefined : special;
    if (isPlaceholder(value)) {
      declare(place.kind, raw, true);
      return undefined;
    }
    const labelled = specialByLabel.get(value.toLowerCase());
    if (labelled && (place.kind === 'application' || place.kind === 'namedLocation')) return labelled;
    if (place.kind === 'role') {
      const role = builtInRole(value);
      if (role) {
        notes.builtIn.push(role.name);
        references.set(`role:${role.templateId}`, {
          kind: 'role',
          id: role.templateId,
          displayName: role.name,
          roleTemplateId: role.templateId,
          exists: true,
        });
        return role.templateId;
      }
    }
    if (place.kind === 'authenticationStrength') {
      const strength = BUILT_IN_STRENGTHS.get(value.toLowerCase());
      if (strength) {
        notes.builtIn.push(value);
        return strength;
      }
    }
    declare(place.kind, raw, false);
    return undefined;
  });
  return { policy: rewritten, references: [...references.values()], sectionReferences: [...sectionReferences.values()], notes };
}
