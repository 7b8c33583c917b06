// Contingency plans, after Microsoft's resilience guidance: policies that wait in report-only, named
// `EMnnn - ENABLE IN EMERGENCY: <disruption> [i/n] - …`, are turned on in order when that disruption
// happens, and the normal policies they stand in for are turned off. A plan says, per disruption,
// which policies to enable and in what order, which to suspend, and which exclusions to add first.
// Plans are recognised from the naming and then edited by the admin; they are data, kept on the
// device and in a backup.
import { isJsonObject, type JsonObject } from '../json';
import { REPORT_ONLY } from '../types';
import { isolatedText } from '../isolate';

export interface ContingencyStep {
  policyId: string;
  name: string;
}

export interface ContingencyPlan {
  /** Stable within a tenant: the disruption's name, lower-case, spaces as dashes (see recognisePlans). */
  id: string;
  disruption: string;
  /** Contingency policies, in the order they are turned on ([1/n] first). */
  enable: (ContingencyStep & { position: number; of: number })[];
  /** Normal policies turned off (or to report-only) while the contingency ones are on. */
  suspend: (ContingencyStep & { to: 'disabled' | typeof REPORT_ONLY })[];
  /** Exclusions added before anything is turned on: typically the emergency group to a contingency block. */
  exclusions: (ContingencyStep & { users: string[]; groups: string[] })[];
}

/**
 * `EM01 - ENABLE IN EMERGENCY: MFA Disruption [1/4] - Exchange SharePoint: …`, and the variants
 * Microsoft's own pages show (a comma instead of the colon, no space before the brackets).
 */
const CONTINGENCY_NAME = /^\s*EM\d+\s*-\s*ENABLE IN EMERGENCY\s*[:,]\s*(.+?)\s*\[\s*(\d+)\s*\/\s*(\d+)\s*\]/i;

export function parseContingencyName(name: string): { disruption: string; position: number; of: number } | null {
  const match = CONTINGENCY_NAME.exec(name);
  if (!match) return null;
  return { disruption: match[1]!.replace(/\s+/g, ' ').trim(), position: Number(match[2]), of: Number(match[3]) };
}

/** The id plans had before ids kept other scripts: saved choices and switch records of Latin-named plans are keyed on it. */
const latinIdOf = (disruption: string) =>
  disruption
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The disruption's letters and digits of any script (compatibility-normalised, lower-case, marks kept), other runs as one dash. */
const fullIdOf = (disruption: string) =>
  disruption
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');

/**
 * The ids a plan for this disruption may have been kept under on a device by an earlier version: the Latin one
 * (every plan before ids kept other scripts: "" for a name with no Latin letter or digit) and the one of every script.
 */
export const earlierIdsOf = (disruption: string): string[] => [latinIdOf(disruption), fullIdOf(disruption)];

/** Whether two disruptions' names make one plan: recognisePlans tells plans apart by every letter, whatever the case or spacing. */
export const sameDisruption = (a: string, b: string) => fullIdOf(a) === fullIdOf(b);

/** As fullIdOf, without the compatibility forms (`ＭＦＡ` stays full-width). */
const writtenIdOf = (disruption: string) =>
  disruption
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');

const nameOf = (policy: JsonObject) => (typeof policy.displayName === 'string' ? policy.displayName : String(policy.id ?? ''));

/** One plan per disruption the tenant's contingency policies name, their steps in order; nothing to suspend until the admin says. */
export function recognisePlans(policies: readonly JsonObject[]): ContingencyPlan[] {
  // One plan per disruption, told apart by every letter of any script (`多要素認証の障害` and `フェデレーション障害`).
  const plans = new Map<string, ContingencyPlan>();
  for (const policy of policies) {
    const parsed = parseContingencyName(nameOf(policy));
    if (!parsed || typeof policy.id !== 'string') continue;
    const key = fullIdOf(parsed.disruption);
    const plan = plans.get(key) ?? { id: key, disruption: parsed.disruption, enable: [], suspend: [], exclusions: [] };
    plan.enable.push({ policyId: policy.id, name: nameOf(policy), position: parsed.position, of: parsed.of });
    plans.set(key, plan);
  }
  // Its id: the Latin one plans always had (saved choices and switch records on devices are keyed on it),
  // unless that is empty or another plan of the tenant has it too; then the one of every script.
  const latinUses = new Map<string, number>();
  for (const plan of plans.values()) latinUses.set(latinIdOf(plan.disruption), (latinUses.get(latinIdOf(plan.disruption)) ?? 0) + 1);
  const byLatin = new Set<ContingencyPlan>();
  for (const plan of plans.values()) {
    const latin = latinIdOf(plan.disruption);
    if (latin !== '' && latinUses.get(latin) === 1) {
      plan.id = latin;
      byLatin.add(plan);
    }
    plan.enable.sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
  }
  // A name the compatibility form turns into another plan's Latin id (`ＭＦＡ` beside `MFA 障害`'s 'mfa'):
  // its letters as written, which that form would have changed, so the two never share an id.
  const latinIds = new Set([...byLatin].map((plan) => plan.id));
  for (const plan of plans.values()) if (!byLatin.has(plan) && latinIds.has(plan.id)) plan.id = writtenIdOf(plan.disruption);
  return [...plans.values()].sort((a, b) => a.disruption.localeCompare(b.disruption));
}

export const isContingencyPolicy = (policy: JsonObject) => parseContingencyName(nameOf(policy)) !== null;

/** The users or groups a policy excludes. */
export const excludedIn = (policy: JsonObject, key: 'excludeUsers' | 'excludeGroups'): string[] => {
  const conditions = isJsonObject(policy.conditions) ? policy.conditions : {};
  const users = isJsonObject(conditions.users) ? conditions.users : {};
  const list = users[key];
  return Array.isArray(list) ? list.filter((v): v is string => typeof v === 'string') : [];
};

/** What the admin changed of a recognised plan: the naming cannot say what to suspend or exclude. */
export type PlanEdits = Pick<ContingencyPlan, 'suspend' | 'exclusions'>;

/** The recognised plans with the admin's edits: the plans as they stand, as a backup keeps them. */
export const withEdits = (plans: readonly ContingencyPlan[], edits: Readonly<Record<string, PlanEdits>>): ContingencyPlan[] =>
  plans.map((plan) => ({ ...plan, ...edits[plan.id] }));

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const stepOf = (value: JsonObject): ContingencyStep | null =>
  typeof value.policyId === 'string'
    ? { policyId: value.policyId, name: typeof value.name === 'string' ? value.name : value.policyId }
    : null;
const list = (value: unknown): JsonObject[] => (Array.isArray(value) ? value.filter(isJsonObject) : []);

/** Plans read back from a backup, keeping only what has the shape of a step: a hand-edited file may not. */
export function readPlans(value: unknown): ContingencyPlan[] {
  return list(value).flatMap((plan) => {
    if (typeof plan.id !== 'string' || typeof plan.disruption !== 'string') return [];
    return [
      {
        id: plan.id,
        disruption: plan.disruption,
        enable: list(plan.enable).flatMap((s) => {
          const step = stepOf(s);
          return step && typeof s.position === 'number' && typeof s.of === 'number' ? [{ ...step, position: s.position, of: s.of }] : [];
        }),
        suspend: list(plan.suspend).flatMap((s) => {
          const step = stepOf(s);
          return step ? [{ ...step, to: s.to === 'disabled' ? ('disabled' as const) : REPORT_ONLY }] : [];
        }),
        exclusions: list(plan.exclusions).flatMap((s) => {
          const step = stepOf(s);
          return step ? [{ ...step, users: strings(s.users), groups: strings(s.groups) }] : [];
        }),
      },
    ];
  });
}

export interface RestoredEdits {
  /** Edits to keep, by plan id, their steps pointing at this tenant's policies. */
  edits: Record<string, PlanEdits>;
  /** Plans of the backup this tenant has no contingency policies for. */
  absentPlans: string[];
  /** Steps whose policy is in neither id nor name in this tenant: left out, in words. */
  unmatched: string[];
}

/**
 * The edits of a backup's plans, for a tenant whose policies may have new ids (a restore creates
 * them again): each step's policy found by id, else by its exact name when only one policy has it.
 */
export function restoreEdits(saved: readonly ContingencyPlan[], policies: readonly JsonObject[]): RestoredEdits {
  const recognised = new Set(recognisePlans(policies).map((p) => p.id));
  const byId = new Map(policies.map((p) => [String(p.id).toLowerCase(), p]));
  const byName = new Map<string, JsonObject[]>();
  for (const p of policies) byName.set(nameOf(p), [...(byName.get(nameOf(p)) ?? []), p]);
  const unmatched: string[] = [];
  const absentPlans: string[] = [];
  const find = <S extends ContingencyStep>(step: S, plan: ContingencyPlan): S[] => {
    const found = byId.get(step.policyId.toLowerCase()) ?? (byName.get(step.name)?.length === 1 ? byName.get(step.name)![0] : undefined);
    if (!found) {
      unmatched.push(`'${isolatedText(step.name)}' (${isolatedText(plan.disruption)})`);
      return [];
    }
    return [{ ...step, policyId: String(found.id), name: nameOf(found) }];
  };
  const edits: Record<string, PlanEdits> = {};
  for (const plan of saved) {
    if (!recognised.has(plan.id)) {
      absentPlans.push(plan.disruption);
      continue;
    }
    edits[plan.id] = {
      suspend: plan.suspend.flatMap((s) => find(s, plan)),
      exclusions: plan.exclusions.flatMap((s) => find(s, plan)),
    };
  }
  return { edits, absentPlans, unmatched };
}
