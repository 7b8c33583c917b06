// What leaving out a reference does to the policies that use it, in words: a dropped exclusion widens a policy
// (a blocker until confirmed), a dropped inclusion narrows one (a warning, with what is left of the policy).
import type { JsonObject } from '../json';
import { emptiedBy, type Emptied } from './dropped-inclusions';
import { kindWords } from './mapping-kinds';
import { REFERENCE_PLACES, type ReferencePlace } from './reference-places';
import { policyWordsOf } from './same-names-in-import';
import type { AgentKind, MappingChoice, MappingKind, PlanProblem, ProposalStatus, ReferenceUse } from './types';

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

/** The policies of these uses, each once, as words name them (with its file where another of its name came from another). */
const named = (uses: readonly ReferenceUse[]) => [...new Set(uses.map(policyWordsOf))];
const listed = (names: readonly string[]) => names.join(', ');
const verb = (count: number, one: string, many: string) => (count === 1 ? one : many);

/** What each way of emptying a policy's list means, said of the policies it happens to (named as `named` has them). */
const EMPTIED_WORDS: Record<Exclude<Emptied, 'kept'>, (names: string[], place: string, label: string) => string> = {
  includesNobody: (names, _, label) =>
    `${listed(names)} then ${verb(names.length, 'includes', 'include')} no one: Graph refuses a policy that includes no users, groups, roles, guests or workload identities, so the plan blocks ${verb(names.length, 'it', 'them')} until something stands for ${label} or the policy is left out of the plan.`,
  targetsNothing: (names, _, label) =>
    `${listed(names)} then ${verb(names.length, 'targets', 'target')} nothing: Graph refuses a policy that targets no resource, user action or authentication context, so the plan blocks ${verb(names.length, 'it', 'them')} until something stands for ${label} or the policy is left out of the plan.`,
  lastOfList: (names, place) =>
    `It was the last of the ${place} of ${listed(names)}: the policy still applies through what else it includes.`,
  noLocation: (names) =>
    `It was the only included location of ${listed(names)}: the location condition is then left with nothing to include, which the checks here cannot judge; choose a location for it rather than leave it out.`,
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
  const names = named(inclusions);
  const problems: PlanProblem[] = [
    {
      severity: 'warning',
      text: `Leaving out ${label} narrows ${listed(names)}: it is in the ${inclusions[0]!.place}, so the policy no longer applies to ${agent ? `this ${kindWords({ kind, agent })}` : (NO_LONGER_COVERS[kind] ?? 'what it stands for')}.`,
    },
  ];
  const emptied = new Map<string, { outcome: Exclude<Emptied, 'kept'>; place: string; names: Set<string> }>();
  for (const use of inclusions) {
    const policy = policyOf(use.rowKey);
    const place = REFERENCE_PLACES.find((p) => p.kind === kind && p.label === use.place);
    const outcome = policy && place ? emptiedBy(policy, place, isDropped) : 'kept';
    if (outcome === 'kept') continue;
    const group = emptied.get(`${outcome}:${use.place}`) ?? { outcome, place: use.place, names: new Set<string>() };
    group.names.add(policyWordsOf(use));
    emptied.set(`${outcome}:${use.place}`, group);
  }
  for (const { outcome, place, names: those } of emptied.values())
    problems.push({ severity: 'warning', text: EMPTIED_WORDS[outcome]([...those], place, label) });
  return problems;
}

/** Why a group known only by its id is not offered to be created, said where its choice is made. */
export const NOT_CREATABLE = 'Its name is not in the import, so it cannot be created: choose a group of this tenant, or leave it out.';

/** A reference's row, as far as its problems need it. */
interface Decided {
  key: string;
  kind: MappingKind;
  agent: AgentKind | undefined;
  uses: readonly ReferenceUse[];
  status: ProposalStatus;
  choice: MappingChoice | null;
  canCreate: boolean;
}

/** What a reference's choice leaves undecided, widens, narrows or creates empty; `label` names the reference. */
export function mappingProblems(
  { key, kind, agent, uses, status, choice, canCreate }: Decided,
  label: string,
  confirmed: ReadonlySet<string>,
  policyOf: (rowKey: string) => JsonObject | undefined,
  isDropped: (place: ReferencePlace, value: string) => boolean,
): PlanProblem[] {
  const problems: PlanProblem[] = [];
  if (!choice)
    problems.push({
      severity: 'blocker',
      kind: kind === 'group' ? 'unmappedGroup' : 'unmapped',
      text: `Choose what ${label} becomes in this tenant.${kind === 'group' && !canCreate ? ` ${NOT_CREATABLE}` : ''}`,
    });
  const exclusions = uses.filter((u) => u.exclusion);
  if (choice?.action === 'drop' && exclusions.length > 0 && status !== 'gone') {
    const confirmKey = `drop:${key}`;
    problems.push({
      severity: 'blocker',
      kind: 'widened',
      text: `Leaving out ${label} widens ${listed(named(exclusions))}: it is in the ${exclusions[0]!.place}, so the policy would then apply where it did not.`,
      confirmKey,
      confirmed: confirmed.has(confirmKey),
    });
  }
  const inclusions = uses.filter((u) => !u.exclusion);
  if (choice?.action === 'drop' && inclusions.length > 0 && status !== 'gone')
    problems.push(...narrowing(label, kind, agent, inclusions, policyOf, isDropped));
  if (choice?.action === 'create' && kind === 'group')
    problems.push({
      severity: 'warning',
      text: `${label[0]!.toUpperCase()}${label.slice(1)} is created empty: ${exclusions.length > 0 ? 'an exclusion through it excludes nobody' : 'a policy that includes it covers nobody'} until members are added.`,
    });
  return problems;
}
