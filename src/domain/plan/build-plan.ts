// The plan: what an import will do to a tenant, row by row in the order it will be written (groups
// the mapping creates, named locations, strengths and contexts before the policies that use them),
// the mapping of every reference, and what blocks applying. A pure function: the review screen
// calls it again on every choice the admin makes.
import type { ImportSet } from '../import/import-set';
import type { JsonObject } from '../json';
import { isolatedText } from '../isolate';
import { buildMapping, collectUses, declaredValues, mappingKey } from './mapping';
import { planGroups, planObjects } from './object-rows';
import { planPolicies, type ImportedPolicy } from './policy-rows';
import { POLICY_LIMIT_WORDS, SERVICE_POLICY_LIMIT } from './limits';
import type { MappingChoice, MappingRow, Plan, PlanAction, PlanChoices, PlanProblem, PlanRow, PlanTarget } from './types';

const nameOf = (policy: JsonObject) =>
  typeof policy.displayName === 'string' && policy.displayName.trim() ? policy.displayName : '(no name)';

/** The import's policies with the keys of their rows: the source id, else the name (made unique), and the file of each. */
export function sourcePolicies(source: ImportSet): ImportedPolicy[] {
  const used = new Set<string>();
  // Where each name's count goes on: the keys below it are taken for good, and thousands of policies of one
  // name (or of none) would otherwise try every one of them again, each time.
  const nextNumber = new Map<string, number>();
  // Files only when they line up with the policies: a set whose policies were replaced since has none.
  const files = source.policyFiles?.length === source.sections.policies.length ? source.policyFiles : undefined;
  return source.sections.policies.map((policy, i) => {
    let key = `policy:${typeof policy.id === 'string' ? policy.id : nameOf(policy)}`;
    if (used.has(key)) {
      const base = key.replace(/#\d+$/, '');
      let n = nextNumber.get(base) ?? 2;
      while (used.has(`${base}#${n}`)) n++;
      key = `${base}#${n}`;
      nextNumber.set(base, n + 1);
    }
    used.add(key);
    return { rowKey: key, name: nameOf(policy), policy, file: files?.[i] };
  });
}

export function buildPlan(source: ImportSet, target: PlanTarget, choices: PlanChoices): Plan {
  const sameTenant = !!source.origin.tenantId && source.origin.tenantId.toLowerCase() === target.tenantId.toLowerCase();
  const selection = choices.selection ? new Set(choices.selection) : null;
  const policies = sourcePolicies(source).filter((p) => !selection || selection.has(p.rowKey));
  const declared = declaredValues(source);
  const referenced = new Set(collectUses(policies, declared).map((u) => mappingKey(u.kind, u.value)));
  // A selection writes what its policies use; the whole import writes everything it carries.
  const carried = (kind: 'namedLocation' | 'authenticationStrength' | 'authenticationContext', items: readonly JsonObject[]) =>
    selection ? items.filter((item) => typeof item.id === 'string' && referenced.has(mappingKey(kind, item.id))) : items;

  const locations = planObjects(
    'namedLocation',
    carried('namedLocation', source.sections.namedLocations),
    target,
    choices,
    sameTenant,
    referenced,
  );
  const strengths = planObjects(
    'authenticationStrength',
    carried('authenticationStrength', source.sections.authenticationStrengths),
    target,
    choices,
    sameTenant,
    referenced,
  );
  const contexts = planObjects(
    'authenticationContext',
    carried('authenticationContext', source.sections.authenticationContexts),
    target,
    choices,
    sameTenant,
    referenced,
  );
  // Groups the source asks to be created (a rollout's new ring groups): a policy naming one is planned to get it,
  // with nothing to map (no match to look for, no choice to save or load).
  const toCreate = new Map((source.groupsToCreate ?? []).map((group) => [mappingKey('group', group.id), group]));
  const askedFor = [...toCreate.keys()].map((key): [string, MappingChoice & { why: string }] => [
    key,
    { action: 'create', why: 'Created by this plan.' },
  ]);
  const planned = new Map<string, MappingChoice & { why: string }>([
    ...locations.planned,
    ...strengths.planned,
    ...contexts.planned,
    ...askedFor,
  ]);
  // An object the tenant holds several of by name (none the same) is chosen in the mapping, by its name.
  const ambiguous = [...locations.ambiguous, ...strengths.ambiguous, ...contexts.ambiguous];
  const named = ambiguous.length ? { ...source, sectionReferences: [...(source.sectionReferences ?? []), ...ambiguous] } : source;
  const mapping = buildMapping(named, policies, target, choices, planned, sameTenant);

  const creates = mapping
    .filter((row) => row.choice?.action === 'create')
    .map((row) => ({
      mappingKey: row.key,
      name: toCreate.get(row.key)?.displayName ?? row.sourceName ?? row.sourceValue,
      usedBy: [...new Set(row.uses.map((u) => u.policyName))],
      ...(toCreate.has(row.key) && { purpose: toCreate.get(row.key)!.purpose, shownPurpose: toCreate.get(row.key)!.shownPurpose }),
    }));
  // Groups asked for ahead of the policies that will name them, unless the mapping has them already.
  const ahead = (source.groupsToCreate ?? [])
    .map((group) => ({
      mappingKey: mappingKey('group', group.id),
      name: group.displayName,
      usedBy: [],
      purpose: group.purpose,
      shownPurpose: group.shownPurpose,
    }))
    .filter((group) => !mapping.some((row) => row.key === group.mappingKey));
  const groups = planGroups([...creates, ...ahead]);
  const byKey = new Map<string, MappingRow>(
    mapping.map((row) => {
      const created = groups.planned.get(row.key);
      return [row.key, created ? { ...row, choice: created } : row];
    }),
  );
  const policyRows = planPolicies(policies, target, choices, byKey);
  const rows: PlanRow[] = [...groups.rows, ...locations.rows, ...strengths.rows, ...contexts.rows, ...policyRows];

  const counts: Record<PlanAction, number> = { create: 0, update: 0, restore: 0, reuse: 0, skip: 0 };
  for (const row of rows) counts[row.action]++;

  // A reference blocks only for the policies that will be written.
  const written = new Set(policyRows.filter((r) => r.action !== 'skip').map((r) => r.key));
  const blocking = (problem: PlanProblem) => problem.severity === 'blocker' && !problem.confirmed;
  const blockers: PlanProblem[] = [
    ...mapping
      .filter((row) => row.uses.some((u) => written.has(u.rowKey)))
      .flatMap((row) => row.problems.filter(blocking).map((problem) => ({ ...problem, at: { table: 'mapping' as const, key: row.key } }))),
    ...rows
      .filter((row) => row.action !== 'skip')
      .flatMap((row) =>
        row.problems.filter(blocking).map((problem) => ({
          ...problem,
          text: `${isolatedText(row.displayName)}: ${problem.text}`,
          at: { table: 'rows' as const, key: row.key },
        })),
      ),
  ];
  // A restored policy counts against the limit again, as a created one does.
  const after = target.policies.length + policyRows.filter((r) => r.action === 'create' || r.action === 'restore').length;
  if (after > SERVICE_POLICY_LIMIT) blockers.push({ severity: 'blocker', kind: 'policyLimit', text: POLICY_LIMIT_WORDS(after) });
  return { sameTenant, rows, mapping, blockers, counts };
}
