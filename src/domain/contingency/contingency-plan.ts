// Contingency plans, after Microsoft's resilience guidance: policies that wait in report-only, named
// `EMnnn - ENABLE IN EMERGENCY: <disruption> [i/n] - …`, are turned on in order when that disruption
// happens, and the normal policies they stand in for are turned off. A plan says, per disruption,
// which policies to enable and in what order, which to suspend, and which exclusions to add first.
// Plans are recognised from the naming and then edited by the admin; they are data, kept on the
// device and in a backup.
import { isJsonObject, type JsonObject } from '../json';
import type { REPORT_ONLY } from '../types';

export interface ContingencyStep {
  policyId: string;
  name: string;
}

export interface ContingencyPlan {
  /** Stable within a tenant: the disruption's name, lower-case, spaces as dashes. */
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

export const planIdOf = (disruption: string) =>
  disruption
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const nameOf = (policy: JsonObject) => (typeof policy.displayName === 'string' ? policy.displayName : String(policy.id ?? ''));

/** One plan per disruption the tenant's contingency policies name, their steps in order; nothing to suspend until the admin says. */
export function recognisePlans(policies: readonly JsonObject[]): ContingencyPlan[] {
  const plans = new Map<string, ContingencyPlan>();
  for (const policy of policies) {
    const parsed = parseContingencyName(nameOf(policy));
    if (!parsed || typeof policy.id !== 'string') continue;
    const id = planIdOf(parsed.disruption);
    const plan = plans.get(id) ?? { id, disruption: parsed.disruption, enable: [], suspend: [], exclusions: [] };
    plan.enable.push({ policyId: policy.id, name: nameOf(policy), position: parsed.position, of: parsed.of });
    plans.set(id, plan);
  }
  for (const plan of plans.values()) plan.enable.sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
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
