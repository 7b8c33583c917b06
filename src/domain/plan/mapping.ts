// Mapping every reference of the imported policies to the target tenant: what each value is (from
// the import's reference table), what the target holds that may stand for it, the proposal (the
// same id, a unique exact match, ambiguous, none, or gone in the source too), and the choice in
// force. A dropped exclusion widens a policy: it blocks until the admin confirms it, item by item.
import type { ReferenceEntry, ReferenceKind } from '../bundle/bundle';
import type { ImportSet, NamedReference } from '../import/import-set';
import type { JsonObject } from '../json';
import { BUILT_IN_STRENGTHS, REFERENCE_PLACES, referenceTest, valuesAt } from './reference-places';
import type {
  MappingChoice,
  MappingKind,
  MappingRow,
  PlanChoices,
  PlanProblem,
  PlanTarget,
  ProposalStatus,
  ReferenceUse,
  TargetCandidate,
} from './types';

export const mappingKey = (kind: MappingKind, value: string) => `${kind}:${value.toLowerCase()}`;

const DIRECTORY_KINDS: readonly MappingKind[] = ['user', 'group', 'role', 'application', 'servicePrincipal'];
const isDirectoryKind = (kind: MappingKind): kind is ReferenceKind => DIRECTORY_KINDS.includes(kind);

export const KIND_WORDS: Record<MappingKind, string> = {
  user: 'user',
  group: 'group',
  role: 'role',
  application: 'application',
  servicePrincipal: 'workload identity',
  namedLocation: 'named location',
  authenticationStrength: 'authentication strength',
  authenticationContext: 'authentication context',
  termsOfUse: 'terms of use',
};

/** A policy of the import, with the key of its plan row. */
export interface SourcePolicy {
  rowKey: string;
  name: string;
  policy: JsonObject;
}

interface Collected {
  kind: MappingKind;
  value: string;
  uses: ReferenceUse[];
}

/** Every reference of these policies, once, with where each is used. */
export function collectUses(policies: readonly SourcePolicy[], declared: ReadonlySet<string>): Collected[] {
  const found = new Map<string, Collected>();
  for (const { rowKey, name, policy } of policies) {
    for (const place of REFERENCE_PLACES) {
      for (const value of valuesAt(policy, place, referenceTest(place.kind, declared))) {
        const key = mappingKey(place.kind, value);
        const entry = found.get(key) ?? { kind: place.kind, value, uses: [] };
        entry.uses.push({ rowKey, policyName: name, place: place.label, exclusion: place.exclusion });
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
type KnownReference = Pick<NamedReference, 'displayName' | 'placeholder'> & Partial<Omit<NamedReference, 'kind'>>;

const sourceReference = (source: ImportSet) => {
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

interface Proposal {
  status: ProposalStatus;
  why: string;
  candidates: TargetCandidate[];
  choice: MappingChoice | null;
}

const mapTo = (candidate: { id: string; displayName: string }): MappingChoice => ({
  action: 'use',
  targetId: candidate.id,
  targetName: candidate.displayName,
});

const nameOf = (item: JsonObject) => (typeof item.displayName === 'string' ? item.displayName : '');

function proposeDirectory(
  kind: ReferenceKind,
  value: string,
  ref: KnownReference | undefined,
  target: PlanTarget,
  sameTenant: boolean,
): Proposal {
  const candidates = target.directory.get(value) ?? [];
  const same = candidates.find((c) => c.by === 'id');
  if (same) return { status: 'same', why: 'The same object exists in the target.', candidates, choice: mapTo(same) };
  if (ref?.placeholder) return { status: 'none', why: 'A blank in the template: choose what it stands for.', candidates, choice: null };
  if (ref?.exists === false && sameTenant) {
    // The tenant held the policy so; written back as the backup has it, the policy means what it meant.
    return {
      status: 'gone',
      why: 'It was already deleted when the backup was taken; the id is written back as the backup has it.',
      candidates,
      choice: mapTo({ id: value, displayName: ref.displayName ?? value }),
    };
  }
  if (!ref && sameTenant && candidates.length === 0 && kind !== 'role') {
    // A change made of the tenant's own policies (a switch, a rollout step, a fix) carries no reference
    // list: the policy names an object the tenant no longer holds. It is written back as it is, as the
    // tenant has it: asking what it becomes would ask the admin to map their own tenant to itself.
    return {
      status: 'gone',
      why: 'The policy names it, but the tenant no longer holds it; the id is written back as the policy has it.',
      candidates,
      choice: mapTo({ id: value, displayName: value }),
    };
  }
  if (ref?.exists === false) {
    return {
      status: 'gone',
      why: 'It no longer existed in the source either, so leaving it out changes nothing.',
      candidates,
      choice: { action: 'drop' },
    };
  }
  // Role template ids are the same in every tenant; without an answer from the target, take it as it is.
  if (kind === 'role' && !target.directory.has(value))
    return {
      status: 'same',
      why: 'Built-in roles have the same id in every tenant.',
      candidates,
      choice: mapTo({ id: value, displayName: ref?.displayName ?? value }),
    };
  const [only, ...others] = candidates;
  if (only && others.length === 0) {
    const by = {
      userPrincipalName: 'sign-in name',
      mail: 'mail',
      displayName: 'name',
      appId: 'application id',
      roleTemplateId: 'role template',
    }[only.by as Exclude<TargetCandidate['by'], 'id'>];
    return { status: 'match', why: `Found by its ${by}.`, candidates, choice: mapTo(only) };
  }
  if (only)
    return { status: 'ambiguous', why: `${candidates.length} objects in the target have this name: choose one.`, candidates, choice: null };
  return { status: 'none', why: 'Nothing in the target matches it.', candidates, choice: null };
}

function proposeSection(kind: MappingKind, value: string, ref: KnownReference | undefined, target: PlanTarget): Proposal {
  const section =
    kind === 'namedLocation'
      ? target.namedLocations
      : kind === 'authenticationStrength'
        ? target.authenticationStrengths
        : kind === 'authenticationContext'
          ? target.authenticationContexts
          : target.termsOfUse;
  if (kind === 'authenticationStrength' && BUILT_IN_STRENGTHS.has(value.toLowerCase()))
    return {
      status: 'same',
      why: 'A built-in strength: the same in every tenant.',
      candidates: [],
      choice: mapTo({ id: value, displayName: value }),
    };
  const byId = section.find((item) => typeof item.id === 'string' && item.id.toLowerCase() === value.toLowerCase());
  if (byId)
    return {
      status: 'same',
      why: 'The same object exists in the target.',
      candidates: [],
      choice: mapTo({ id: value, displayName: nameOf(byId) }),
    };
  if (ref?.placeholder) return { status: 'none', why: 'A blank in the template: choose what it stands for.', candidates: [], choice: null };
  const name = (ref?.displayName ?? value).trim().toLowerCase();
  const named = section.filter((item) => nameOf(item).trim().toLowerCase() === name);
  const candidates = named.map((item): TargetCandidate => ({ id: String(item.id), kind, displayName: nameOf(item), by: 'displayName' }));
  if (named.length === 1) return { status: 'match', why: 'Found by its name.', candidates, choice: mapTo(candidates[0]!) };
  if (named.length > 1)
    return { status: 'ambiguous', why: `${named.length} objects in the target have this name: choose one.`, candidates, choice: null };
  if (kind === 'termsOfUse')
    return {
      status: 'none',
      why: 'Nothing in the target has this name, and an import does not create terms of use (each needs its document uploaded there): add it in the target, or choose another.',
      candidates,
      choice: null,
    };
  return { status: 'none', why: 'Nothing in the target matches it, and the import does not carry it.', candidates, choice: null };
}

/**
 * The mapping rows for every reference that is not an object of the import itself (named locations,
 * strengths and contexts the import carries are rows of the plan, resolved by `planned`).
 */
export function buildMapping(
  source: ImportSet,
  policies: readonly SourcePolicy[],
  target: PlanTarget,
  choices: PlanChoices,
  planned: ReadonlyMap<string, MappingChoice & { why: string }>,
  sameTenant: boolean,
): MappingRow[] {
  const known = sourceReference(source);
  const declared = declaredValues(source);
  const confirmed = new Set(choices.confirmed);
  return collectUses(policies, declared).map(({ kind, value, uses }) => {
    const key = mappingKey(kind, value);
    const ref = known(kind, value);
    const fromPlan = planned.get(key);
    const proposal: Proposal = fromPlan
      ? { status: 'planned', why: fromPlan.why, candidates: [], choice: fromPlan }
      : isDirectoryKind(kind)
        ? proposeDirectory(kind, value, ref, target, sameTenant)
        : proposeSection(kind, value, ref, target);
    const chosen = !fromPlan && key in choices.mapping;
    const choice = chosen ? choices.mapping[key]! : proposal.choice;
    const name = ref?.displayName ?? null;
    const label = `the ${KIND_WORDS[kind]} ${name ? `'${name}'` : value}`;
    const problems: PlanProblem[] = [];
    if (!choice) problems.push({ severity: 'blocker', text: `Choose what ${label} becomes in the target.` });
    const exclusions = uses.filter((u) => u.exclusion);
    if (choice?.action === 'drop' && exclusions.length > 0 && proposal.status !== 'gone') {
      const confirmKey = `drop:${key}`;
      const policiesNamed = [...new Set(exclusions.map((u) => `'${u.policyName}'`))].join(', ');
      problems.push({
        severity: 'blocker',
        text: `Leaving out ${label} widens ${policiesNamed}: it is in the ${exclusions[0]!.place}, so the policy would then apply where it did not.`,
        confirmKey,
        confirmed: confirmed.has(confirmKey),
      });
    }
    if (choice?.action === 'create' && kind === 'group')
      problems.push({
        severity: 'warning',
        text: `${label[0]!.toUpperCase()}${label.slice(1)} is created empty: ${exclusions.length > 0 ? 'an exclusion through it excludes nobody' : 'a policy that includes it covers nobody'} until members are added.`,
      });
    return {
      key,
      kind,
      sourceValue: value,
      sourceName: name,
      sourceDetail: ref?.userPrincipalName ?? ref?.mail ?? ref?.appId ?? null,
      status: proposal.status,
      why: proposal.why,
      candidates: proposal.candidates,
      choice,
      chosen,
      uses,
      canCreate: kind === 'group',
      problems,
    };
  });
}
