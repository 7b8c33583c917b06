// Mapping every reference of the imported policies to the tenant written to: what each value is
// (from the import's reference table, or Microsoft's own built-in roles and apps), what the tenant
// holds that may stand for it, the proposal (the same id, a unique exact match, ambiguous, none, or
// gone in the source too), and the choice in force. A dropped exclusion widens a policy: it blocks
// until the admin confirms it, item by item. A dropped inclusion narrows one: a warning says how.
// Words shown to the admin say "the tenant": the plan also serves templates and changes of the
// tenant's own policies, where there is no other tenant to call "the target".
import type { ReferenceEntry, ReferenceKind } from '../bundle/bundle';
import { builtInRoleName } from '../import/built-in-roles';
import { firstPartyAppName } from '../import/first-party-apps';
import type { ImportSet, NamedReference } from '../import/import-set';
import type { JsonObject } from '../json';
import { isolatedText } from '../isolate';
import { emptiedBy, type Emptied } from './dropped-inclusions';
import { agentKindOf, BUILT_IN_STRENGTHS, REFERENCE_PLACES, referenceTest, valuesAt, type ReferencePlace } from './reference-places';
import type {
  AgentKind,
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

const AGENT_WORDS: Record<AgentKind, string> = { agentIdentity: 'agent identity', agentUser: 'agent user' };

/** What a reference is, in words: an agent identity or agent user as such, not as the service principal or user it also is. */
export const kindWords = (row: { kind: MappingKind; agent?: AgentKind | undefined }) =>
  row.agent ? AGENT_WORDS[row.agent] : KIND_WORDS[row.kind];

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

/** A built-in role or a Microsoft app: its id means the same in every tenant, so it is known by name without asking. */
function microsoftsOwn(kind: MappingKind, value: string): { name: string; why: string } | null {
  const role = kind === 'role' ? builtInRoleName(value) : null;
  if (role) return { name: role, why: 'A built-in role: its template id is the same in every tenant.' };
  const app = kind === 'application' ? firstPartyAppName(value) : null;
  if (app) return { name: app, why: 'A Microsoft app: its application id is the same in every tenant.' };
  return null;
}

function proposeDirectory(
  kind: ReferenceKind,
  value: string,
  ref: KnownReference | undefined,
  target: PlanTarget,
  sameTenant: boolean,
): Proposal {
  const candidates = target.directory.get(value) ?? [];
  const same = candidates.find((c) => c.by === 'id');
  if (same) return { status: 'same', why: 'The same object exists in the tenant.', candidates, choice: mapTo(same) };
  if (ref?.placeholder) return { status: 'none', why: 'A blank in the template: choose what it stands for.', candidates, choice: null };
  // Found by nothing (a role the tenant's template list lacks, an app with no service principal there yet): still the same.
  const own = candidates.length === 0 ? microsoftsOwn(kind, value) : null;
  if (own) return { status: 'same', why: own.why, candidates, choice: mapTo({ id: value, displayName: ref?.displayName ?? own.name }) };
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
    return { status: 'ambiguous', why: `${candidates.length} objects in the tenant have this name: choose one.`, candidates, choice: null };
  return { status: 'none', why: 'Nothing in the tenant matches it.', candidates, choice: null };
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
      why: 'The same object exists in the tenant.',
      candidates: [],
      choice: mapTo({ id: value, displayName: nameOf(byId) }),
    };
  if (ref?.placeholder) return { status: 'none', why: 'A blank in the template: choose what it stands for.', candidates: [], choice: null };
  const name = (ref?.displayName ?? value).trim().toLowerCase();
  const named = section.filter((item) => nameOf(item).trim().toLowerCase() === name);
  const candidates = named.map((item): TargetCandidate => ({ id: String(item.id), kind, displayName: nameOf(item), by: 'displayName' }));
  if (named.length === 1) return { status: 'match', why: 'Found by its name.', candidates, choice: mapTo(candidates[0]!) };
  if (named.length > 1)
    return { status: 'ambiguous', why: `${named.length} objects in the tenant have this name: choose one.`, candidates, choice: null };
  if (kind === 'termsOfUse')
    return {
      status: 'none',
      why: 'Nothing in the tenant has this name, and an import does not create terms of use (each needs its document uploaded there): add it in the tenant, or choose another.',
      candidates,
      choice: null,
    };
  return { status: 'none', why: 'Nothing in the tenant matches it, and nothing in this plan creates it.', candidates, choice: null };
}

/** Whom a policy no longer covers once an included reference of this kind is left out. */
const NO_LONGER_COVERS: Partial<Record<MappingKind, string>> = {
  user: 'this user',
  group: "this group's members",
  role: 'the holders of this role',
  application: 'sign-ins to this resource',
  servicePrincipal: 'this workload identity',
  namedLocation: 'sign-ins from this location',
  authenticationContext: 'resources that ask for this context',
};

const quoted = (names: readonly string[]) => names.map((n) => `'${isolatedText(n)}'`).join(', ');
const verb = (count: number, one: string, many: string) => (count === 1 ? one : many);

/** What each way of emptying a policy's list means, said of the policies it happens to. */
const EMPTIED_WORDS: Record<Exclude<Emptied, 'kept'>, (names: string[], place: string, label: string) => string> = {
  includesNobody: (names, _, label) =>
    `${quoted(names)} then ${verb(names.length, 'includes', 'include')} no one: Graph refuses a policy that includes no users, groups, roles, guests or workload identities, so the plan blocks ${verb(names.length, 'it', 'them')} until something stands for ${label} or the policy is left out of the plan.`,
  targetsNothing: (names, _, label) =>
    `${quoted(names)} then ${verb(names.length, 'targets', 'target')} nothing: Graph refuses a policy that targets no resource, user action or authentication context, so the plan blocks ${verb(names.length, 'it', 'them')} until something stands for ${label} or the policy is left out of the plan.`,
  lastOfList: (names, place) =>
    `It was the last of the ${place} of ${quoted(names)}: the policy still applies through what else it includes.`,
  noLocation: (names) =>
    `It was the only included location of ${quoted(names)}: the location condition is then left with nothing to include, which the checks here cannot judge; choose a location for it rather than leave it out.`,
};

/** Leaving out an included reference narrows each policy that includes it; said, with what is left of the policy. */
function narrowing(
  label: string,
  kind: MappingKind,
  agent: AgentKind | undefined,
  inclusions: readonly ReferenceUse[],
  policyOf: (rowKey: string) => JsonObject | undefined,
  isDropped: (place: ReferencePlace, value: string) => boolean,
): PlanProblem[] {
  const names = [...new Set(inclusions.map((u) => u.policyName))];
  const problems: PlanProblem[] = [
    {
      severity: 'warning',
      text: `Leaving out ${label} narrows ${quoted(names)}: it is in the ${inclusions[0]!.place}, so the policy no longer applies to ${agent ? `this ${kindWords({ kind, agent })}` : (NO_LONGER_COVERS[kind] ?? 'what it stands for')}.`,
    },
  ];
  const emptied = new Map<string, { outcome: Exclude<Emptied, 'kept'>; place: string; names: Set<string> }>();
  for (const use of inclusions) {
    const policy = policyOf(use.rowKey);
    const place = REFERENCE_PLACES.find((p) => p.kind === kind && p.label === use.place);
    const outcome = policy && place ? emptiedBy(policy, place, isDropped) : 'kept';
    if (outcome === 'kept') continue;
    const group = emptied.get(`${outcome}:${use.place}`) ?? { outcome, place: use.place, names: new Set<string>() };
    group.names.add(use.policyName);
    emptied.set(`${outcome}:${use.place}`, group);
  }
  for (const { outcome, place, names: those } of emptied.values())
    problems.push({ severity: 'warning', text: EMPTIED_WORDS[outcome]([...those], place, label) });
  return problems;
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
  const decided = collectUses(policies, declared).map(({ kind, value, uses, places }) => {
    const key = mappingKey(kind, value);
    const ref = known(kind, value);
    const fromPlan = planned.get(key);
    const proposal: Proposal = fromPlan
      ? { status: 'planned', why: fromPlan.why, candidates: [], choice: fromPlan }
      : isDirectoryKind(kind)
        ? proposeDirectory(kind, value, ref, target, sameTenant)
        : proposeSection(kind, value, ref, target);
    const chosen = !fromPlan && key in choices.mapping;
    // A group is created under the name the import gives it; one known only by its id (a bare export) is not
    // created at all, whatever a saved choice says: the tenant would get a group named with the old tenant's id.
    const canCreate = kind === 'group' && isCreatableName(ref?.displayName);
    const wanted = chosen ? choices.mapping[key]! : proposal.choice;
    const choice = wanted?.action === 'create' && !canCreate ? null : wanted;
    return { key, kind, agent: agentKindOf(places), value, uses, ref, proposal, chosen, choice, canCreate };
  });
  // Whether a policy is left with anything it includes depends on every reference's choice, not only this one's.
  const choiceOf = new Map(decided.map((row) => [row.key, row.choice]));
  const isDropped = (place: ReferencePlace, value: string) => choiceOf.get(mappingKey(place.kind, value))?.action === 'drop';
  const policyByRow = new Map(policies.map((p) => [p.rowKey, p.policy]));

  return decided.map(({ key, kind, agent, value, uses, ref, proposal, chosen, choice, canCreate }) => {
    const name = ref?.displayName ?? microsoftsOwn(kind, value)?.name ?? null;
    const label = `the ${kindWords({ kind, agent })} ${name ? `'${isolatedText(name)}'` : value}`;
    const problems: PlanProblem[] = [];
    if (!choice)
      problems.push({
        severity: 'blocker',
        text: `Choose what ${label} becomes in this tenant.${kind === 'group' && !canCreate ? ` ${NOT_CREATABLE}` : ''}`,
      });
    const exclusions = uses.filter((u) => u.exclusion);
    if (choice?.action === 'drop' && exclusions.length > 0 && proposal.status !== 'gone') {
      const confirmKey = `drop:${key}`;
      problems.push({
        severity: 'blocker',
        text: `Leaving out ${label} widens ${quoted([...new Set(exclusions.map((u) => u.policyName))])}: it is in the ${exclusions[0]!.place}, so the policy would then apply where it did not.`,
        confirmKey,
        confirmed: confirmed.has(confirmKey),
      });
    }
    const inclusions = uses.filter((u) => !u.exclusion);
    if (choice?.action === 'drop' && inclusions.length > 0 && proposal.status !== 'gone')
      problems.push(...narrowing(label, kind, agent, inclusions, (rowKey) => policyByRow.get(rowKey), isDropped));
    if (choice?.action === 'create' && kind === 'group')
      problems.push({
        severity: 'warning',
        text: `${label[0]!.toUpperCase()}${label.slice(1)} is created empty: ${exclusions.length > 0 ? 'an exclusion through it excludes nobody' : 'a policy that includes it covers nobody'} until members are added.`,
      });
    return {
      key,
      kind,
      ...(agent && { agent }),
      sourceValue: value,
      sourceName: name,
      sourceDetail: ref?.userPrincipalName ?? ref?.mail ?? ref?.appId ?? null,
      status: proposal.status,
      why: proposal.why,
      candidates: proposal.candidates,
      choice,
      chosen,
      uses,
      canCreate,
      problems,
    };
  });
}

/** Why a group known only by its id is not offered to be created, said where its choice is made. */
export const NOT_CREATABLE = 'Its name is not in the import, so it cannot be created: choose a group of this tenant, or leave it out.';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A name to create a group under: not absent, blank, or an id (an export may fill the name with the id). */
const isCreatableName = (name: string | null | undefined) => !!name && name.trim() !== '' && !GUID.test(name.trim());

const isMissingGroup = (row: MappingRow) => row.kind === 'group' && row.status === 'none' && !row.choice;

/**
 * The choices that create every group nothing in the tenant stands for and the admin has not decided:
 * one action for an export that names dozens of groups. Each stays a choice of its own row, to undo there.
 * Groups whose name the import does not hold are not among them (see `uncreatableGroups`).
 */
export function missingGroupCreates(rows: readonly MappingRow[]): Record<string, MappingChoice> {
  return Object.fromEntries(
    rows.filter((row) => isMissingGroup(row) && row.canCreate).map((row) => [row.key, { action: 'create' } as const]),
  );
}

/** How many undecided groups nothing in the tenant stands for cannot be created, their names not being in the import. */
export const uncreatableGroups = (rows: readonly MappingRow[]): number =>
  rows.filter((row) => isMissingGroup(row) && !row.canCreate).length;
