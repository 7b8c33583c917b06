// Hygiene: a tenant that is hard to keep in order. Near the service's cap of 195 policies, policies
// left in report-only or Off for long (contingency policies wait there by design and are left
// alone), copies of one policy, and names outside the tenant's naming pattern.
import { isContingencyPolicy } from '../contingency/contingency-plan';
import { isJsonObject, type JsonObject } from '../json';
import { stateLabels } from '../labels';
import { SERVICE_POLICY_LIMIT } from '../plan/limits';
import { comparableText } from '../policy-body';
import { policyWords, type PolicyView } from './tenant';
import type { LintRule } from './types';

export const nearPolicyLimit: LintRule = {
  id: 'near-policy-limit',
  category: 'hygiene',
  severity: 'warning',
  description: `The tenant stays clear of the service's cap of ${SERVICE_POLICY_LIMIT} Conditional Access policies.`,
  external: [],
  check(tenant) {
    const count = tenant.policies.length;
    if (count < tenant.options.nearLimitAt) return [];
    const full = count >= SERVICE_POLICY_LIMIT;
    return [
      {
        severity: full ? 'error' : 'warning',
        message: full
          ? `The tenant holds ${count} policies, the most the service allows (${SERVICE_POLICY_LIMIT}, every state counted): Graph refuses any new one. Delete or merge policies first.`
          : `The tenant holds ${count} of the ${SERVICE_POLICY_LIMIT} policies the service allows (every state counted): merge policies, or delete those left Off, before the cap blocks a new one.`,
      },
    ];
  },
};

const DAY = 86_400_000;

export const staleReportOnlyOrOff: LintRule = {
  id: 'stale-report-only-or-off',
  category: 'hygiene',
  severity: 'info',
  description: 'No policy stays in report-only or Off for longer than the set number of days without a change.',
  external: [],
  check(tenant) {
    const limit = tenant.options.staleAfterDays;
    return tenant.policies.flatMap((p) => {
      if ((p.state !== 'disabled' && p.state !== 'enabledForReportingButNotEnforced') || isContingencyPolicy(p.json)) return [];
      const when = [p.json.modifiedDateTime, p.json.createdDateTime].find(
        (d): d is string => typeof d === 'string' && !isNaN(Date.parse(d)),
      );
      if (!when) return [];
      const days = Math.floor((tenant.now.getTime() - Date.parse(when)) / DAY);
      if (days <= limit) return [];
      return [
        {
          policyId: p.id,
          policyName: p.name,
          path: ['state'],
          message: `${policyWords(p)} has been ${stateLabels[p.state]} without a change for ${days} days (more than ${limit}): turn it On, or delete it.`,
        },
      ];
    });
  },
};

const QUIET = { hideEmpty: true, sortIds: true } as const;

/** What a policy does, without its name and state; `loose` also leaves out whom it excludes by name. */
function essence(p: PolicyView, loose: boolean): string {
  const body: JsonObject = structuredClone(p.json);
  delete body.displayName;
  delete body.state;
  delete body.description;
  const users = isJsonObject(body.conditions) && isJsonObject(body.conditions.users) ? body.conditions.users : null;
  if (loose && users) for (const key of ['excludeUsers', 'excludeGroups', 'excludeRoles']) delete users[key];
  return comparableText(body, QUIET);
}

export const nearDuplicatePolicies: LintRule = {
  id: 'near-duplicate-policies',
  category: 'hygiene',
  severity: 'info',
  description: 'No two policies do the same thing, or the same but for whom they exclude.',
  external: [],
  check(tenant) {
    const exact = new Map<string, PolicyView>();
    const loose = new Map<string, PolicyView>();
    return tenant.policies.flatMap((p) => {
      const [e, l] = [essence(p, false), essence(p, true)];
      const same = exact.get(e);
      const close = loose.get(l);
      if (!same) exact.set(e, p);
      if (!close) loose.set(l, p);
      if (same)
        return [
          {
            policyId: p.id,
            policyName: p.name,
            path: [],
            severity: 'warning' as const,
            message: `${policyWords(p)} does exactly what ${policyWords(same)} does: keep one.`,
          },
        ];
      if (close)
        return [
          {
            policyId: p.id,
            policyName: p.name,
            path: ['conditions', 'users'],
            message: `${policyWords(p)} is ${policyWords(close)} but for whom it excludes: merge them, or say in the names why both exist.`,
          },
        ];
      return [];
    });
  },
};

/** The naming pattern as a regular expression; a pattern that is none is the caller's mistake, said plainly. */
export function namingPatternOf(source: string): RegExp {
  try {
    return new RegExp(source);
  } catch (error) {
    throw new Error(`The lint option namingPattern '${source}' is not a regular expression: ${(error as Error).message}`);
  }
}

export const namingPattern: LintRule = {
  id: 'naming-pattern',
  category: 'hygiene',
  severity: 'info',
  description: "Every policy's name follows the tenant's naming pattern.",
  external: [],
  check(tenant) {
    const source = tenant.options.namingPattern;
    if (!source) return [];
    const pattern = namingPatternOf(source);
    return tenant.policies
      .filter((p) => !pattern.test(p.name))
      .map((p) => ({
        policyId: p.id,
        policyName: p.name,
        path: ['displayName'],
        message: `${policyWords(p)} does not follow the naming pattern ${source}.`,
      }));
  },
};

export const hygieneRules: readonly LintRule[] = [nearPolicyLimit, staleReportOnlyOrOff, nearDuplicatePolicies, namingPattern];
