// Mapping every reference of the imported policies to the tenant written to: what each value is
// (from the import's reference table, or Microsoft's own built-in roles and apps), what the tenant
// holds that may stand for it, the proposal (the same id, a unique exact match, ambiguous, none, or
// gone in the source too), and the choice in force. A dropped exclusion widens a policy: it blocks
// until the admin confirms it, item by item. A dropped inclusion narrows one: a warning says how.
// Words shown to the admin say "the tenant": the plan also serves templates and changes of the
// tenant's own policies, where there is no other tenant to call "the target".
// The parts: reference-uses (what the import uses and knows), mapping-proposals (what the tenant
// offers), mapping-problems (the words for what a choice does); this module puts them together.
import type { ImportSet } from '../import/import-set';
import { isolatedText } from '../isolate';
import { isDirectoryKind, kindWords, mappingKey } from './mapping-kinds';
import { mappingProblems } from './mapping-problems';
import { microsoftsOwn, proposeDirectory, proposeSection, type Proposal } from './mapping-proposals';
import { agentKindOf, type ReferencePlace } from './reference-places';
import { collectUses, declaredValues, sourceReference, type SourcePolicy } from './reference-uses';
import { filesTellingApart, withFileOf } from './same-names-in-import';
import type { MappingChoice, MappingRow, PlanChoices, PlanTarget } from './types';

// What other modules know of the mapping, from the module named for it.
export { KIND_WORDS, kindWords, mappingKey } from './mapping-kinds';
export { NOT_CREATABLE } from './mapping-problems';
export { collectUses, declaredValues, referencesToLookUp, translateDomain, type SourcePolicy } from './reference-uses';

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
  const fileOf = filesTellingApart(policies);
  const decided = collectUses(policies, declared).map(({ kind, value, uses: found, places }) => {
    const uses = found.map((use) => withFileOf(use, fileOf));
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
    const problems = mappingProblems(
      { key, kind, agent, uses, status: proposal.status, choice, canCreate },
      label,
      confirmed,
      (rowKey) => policyByRow.get(rowKey),
      isDropped,
    );
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
