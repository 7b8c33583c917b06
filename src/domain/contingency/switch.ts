// Switching to a contingency plan and back. Activation, in Microsoft's order: the exclusions first,
// then the contingency policies on, one by one in their sequence, then the normal ones they replace
// off. What each step changes is recorded (the state before, the exclusions it added), so the revert
// puts every touched policy back exactly: the same state, the added exclusions removed and nothing
// else, in reverse order. A drill computes both without writing, so a team can rehearse.
import { isJsonObject, type JsonObject } from '../json';
import { withExclusions } from '../policy-body';
import { excludedIn, type ContingencyPlan } from './contingency-plan';
import { isolatedText } from '../isolate';

/** A step of an activation (exclusions, contingency on, normal off), or of a revert (each policy put back). */
export type StepKind = 'exclude' | 'enable' | 'suspend' | 'restore';

export interface SwitchStep {
  kind: StepKind;
  policyId: string;
  name: string;
  before: JsonObject;
  after: JsonObject;
}

/** What an activation changed in one policy: all a revert needs. */
export interface TouchedPolicy {
  policyId: string;
  name: string;
  stateBefore: string;
  addedUsers: string[];
  addedGroups: string[];
}

export interface SwitchRecord {
  planId: string;
  disruption: string;
  at: string;
  /** Who switched, as the console knew the signed-in account (switches recorded before it was kept have none). */
  by?: string;
  /** In the order they were first touched. */
  touched: TouchedPolicy[];
}

export class ContingencyError extends Error {}

const stateOf = (policy: JsonObject) => (typeof policy.state === 'string' ? policy.state : 'disabled');

/**
 * The steps of an activation against the policies as they are now, and the record a revert will
 * use. A policy the plan names that the tenant no longer has stops it: a switch is all or nothing.
 */
export function activation(
  plan: ContingencyPlan,
  policies: readonly JsonObject[],
  at: Date,
): { steps: SwitchStep[]; record: SwitchRecord } {
  const current = new Map(policies.filter((p) => typeof p.id === 'string').map((p) => [String(p.id), structuredClone(p)]));
  const touched = new Map<string, TouchedPolicy>();
  const steps: SwitchStep[] = [];
  const take = (policyId: string, name: string) => {
    const policy = current.get(policyId);
    if (!policy) throw new ContingencyError(`'${isolatedText(name)}' is not in the tenant any more: edit the plan before switching.`);
    if (!touched.has(policyId)) touched.set(policyId, { policyId, name, stateBefore: stateOf(policy), addedUsers: [], addedGroups: [] });
    return policy;
  };
  const step = (kind: StepKind, policyId: string, name: string, change: (policy: JsonObject) => JsonObject) => {
    const before = take(policyId, name);
    const after = change(before);
    current.set(policyId, after);
    steps.push({ kind, policyId, name, before, after });
  };

  for (const exclusion of plan.exclusions) {
    step('exclude', exclusion.policyId, exclusion.name, (policy) => {
      const record = touched.get(exclusion.policyId)!;
      const newUsers = exclusion.users.filter((u) => !excludedIn(policy, 'excludeUsers').includes(u));
      const newGroups = exclusion.groups.filter((g) => !excludedIn(policy, 'excludeGroups').includes(g));
      record.addedUsers.push(...newUsers.filter((u) => !record.addedUsers.includes(u)));
      record.addedGroups.push(...newGroups.filter((g) => !record.addedGroups.includes(g)));
      return withExclusions(policy, { users: exclusion.users, groups: exclusion.groups });
    });
  }
  for (const enable of plan.enable) step('enable', enable.policyId, enable.name, (policy) => ({ ...policy, state: 'enabled' }));
  for (const suspend of plan.suspend) step('suspend', suspend.policyId, suspend.name, (policy) => ({ ...policy, state: suspend.to }));
  // A step that changes nothing (already on, exclusion already there) is not a step.
  const changing = steps.filter((s) => JSON.stringify(s.before) !== JSON.stringify(s.after));
  return {
    steps: changing,
    record: { planId: plan.id, disruption: plan.disruption, at: at.toISOString(), touched: [...touched.values()] },
  };
}

const withoutExclusions = (policy: JsonObject, users: readonly string[], groups: readonly string[]): JsonObject => {
  const copy = structuredClone(policy);
  const conditions = isJsonObject(copy.conditions) ? copy.conditions : undefined;
  const target = conditions && isJsonObject(conditions.users) ? conditions.users : undefined;
  if (!target) return copy;
  const drop = (key: 'excludeUsers' | 'excludeGroups', ids: readonly string[]) => {
    if (Array.isArray(target[key]))
      target[key] = (target[key] as unknown[]).filter((v) => !(typeof v === 'string' && ids.includes(v))) as string[];
  };
  drop('excludeUsers', users);
  drop('excludeGroups', groups);
  return copy;
};

const byIdOf = (policies: readonly JsonObject[]) => new Map(policies.filter((p) => typeof p.id === 'string').map((p) => [String(p.id), p]));

/** The policies the switch touched that the tenant no longer has: there is nothing to put back for them. */
export const goneFrom = (record: SwitchRecord, policies: readonly JsonObject[]): TouchedPolicy[] => {
  const current = byIdOf(policies);
  return record.touched.filter((t) => !current.has(t.policyId));
};

/**
 * The steps back, in reverse order: each touched policy gets its state from before the switch and
 * loses exactly the exclusions the switch added. Changes others made since are left as they are. A
 * policy deleted since has nothing to put back (goneFrom names it): the others are put back all the same.
 */
export function revert(record: SwitchRecord, policies: readonly JsonObject[]): SwitchStep[] {
  const current = byIdOf(policies);
  return [...record.touched].reverse().flatMap((touched): SwitchStep[] => {
    const policy = current.get(touched.policyId);
    if (!policy) return [];
    const after = { ...withoutExclusions(policy, touched.addedUsers, touched.addedGroups), state: touched.stateBefore };
    if (JSON.stringify(after) === JSON.stringify(policy)) return [];
    return [{ kind: 'restore', policyId: touched.policyId, name: touched.name, before: policy, after }];
  });
}

/** A rehearsal: the activation, then the revert from the state the activation would leave, nothing written. */
export function drill(plan: ContingencyPlan, policies: readonly JsonObject[], at: Date) {
  const { steps, record } = activation(plan, policies, at);
  const afterSwitch = new Map(policies.map((p) => [String(p.id), p]));
  for (const step of steps) afterSwitch.set(step.policyId, step.after);
  return { activate: steps, revert: revert(record, [...afterSwitch.values()]), record };
}

/**
 * How many of the switch's policies differ now from before it (what a switch back would write), read from
 * the policies themselves: a switch put aside half way, or partly undone by hand, says so. Null when one is gone.
 */
export function changedNow(record: SwitchRecord, policies: readonly JsonObject[]): number | null {
  return goneFrom(record, policies).length > 0 ? null : revert(record, policies).length;
}
