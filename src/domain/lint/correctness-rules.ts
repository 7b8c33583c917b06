// Correctness: policies Graph accepts that cannot do what their name says, and the service's own
// rules (src/domain/rules) run again on policies already saved, since a policy saved before a rule
// existed, or through another tool, may break it and be refused at its next save.
import { objectIn as obj, stringsIn as list } from '../json';
import { clientAppLabels, controlLabels, platformLabels } from '../labels';
import { toWritableBody } from '../policy-body';
import { policyRules, runRules } from '../rules';
import { blocks, policyWords, targetsResources, type PolicyView } from './tenant';
import type { LintRule } from './types';

/** Users, guests, workload identities or agent identities (beta: agent service principals, conditions.agents). */
function targetsIdentities(p: PolicyView): boolean {
  const u = p.users;
  const clients = obj(p.conditions.clientApplications);
  return (
    list(clients.includeAgentIdServicePrincipals).length > 0 ||
    list(obj(p.conditions.agents).includeAgentUsers).length > 0 ||
    list(u.includeUsers).some((x) => x !== 'None') ||
    list(u.includeGroups).length > 0 ||
    list(u.includeRoles).length > 0 ||
    Object.keys(obj(u.includeGuestsOrExternalUsers)).length > 0 ||
    list(clients.includeServicePrincipals).length > 0
  );
}

export const untargetedPolicy: LintRule = {
  id: 'untargeted-policy',
  category: 'correctness',
  severity: 'warning',
  description: 'Every policy targets some users or workload identities and some resources.',
  external: [],
  check: (tenant) =>
    tenant.policies.flatMap((p) => {
      const noOne = !targetsIdentities(p);
      const nothing = !targetsResources(p);
      if (!noOne && !nothing) return [];
      const what = noOne && nothing ? 'no users and no resources' : noOne ? 'no users or workload identities' : 'no resources';
      return [
        {
          policyId: p.id,
          policyName: p.name,
          path: noOne ? ['conditions', 'users'] : ['conditions', 'applications'],
          message: `${policyWords(p)} targets ${what}, so it never applies.`,
        },
      ];
    }),
};

export const userAndSignInRiskTogether: LintRule = {
  id: 'user-and-sign-in-risk-together',
  category: 'correctness',
  severity: 'warning',
  description: 'No policy sets both user risk and sign-in risk: it would apply only when both match at once.',
  external: [{ source: 'maester', id: 'MT.1049' }],
  check: (tenant) =>
    tenant.policies
      .filter((p) => list(p.conditions.userRiskLevels).length > 0 && list(p.conditions.signInRiskLevels).length > 0)
      .map((p) => ({
        policyId: p.id,
        policyName: p.name,
        path: ['conditions', 'signInRiskLevels'],
        message: `${policyWords(p)} sets both user risk and sign-in risk: it applies only to a risky sign-in by a risky user, and misses each alone. Split it into two policies.`,
      })),
};

export const strongOrWeakControls: LintRule = {
  id: 'strong-or-weak-controls',
  category: 'correctness',
  severity: 'warning',
  description: 'No policy offers a strong control and a weaker one as alternatives: users would pick the weaker.',
  external: [],
  check: (tenant) =>
    tenant.policies.flatMap((p) => {
      if (p.operator !== 'OR' || blocks(p)) return [];
      const terms = list(p.grant.termsOfUse).length > 0;
      const weaker =
        p.strengthId && p.controls.includes('mfa')
          ? `'${controlLabels.mfa}' beside an authentication strength makes the strength pointless: any MFA method passes`
          : terms && (p.strengthId || p.controls.includes('mfa'))
            ? 'accepting the terms of use is enough to skip multifactor authentication'
            : null;
      if (!weaker) return [];
      return [
        {
          policyId: p.id,
          policyName: p.name,
          path: ['grantControls', 'operator'],
          message: `${policyWords(p)} requires one of its grant controls (OR): ${weaker}. Require all of them (AND), or drop the weaker one.`,
        },
      ];
    }),
};

const LEGACY = ['exchangeActiveSync', 'easSupported', 'other'];

export const legacyClientsNotBlocked: LintRule = {
  id: 'legacy-clients-not-blocked',
  category: 'correctness',
  severity: 'warning',
  description: 'A policy that targets only legacy authentication clients blocks them: they cannot meet any other control.',
  external: [],
  check: (tenant) =>
    tenant.policies
      .filter((p) => {
        const clients = list(p.conditions.clientAppTypes);
        return clients.length > 0 && clients.every((c) => LEGACY.includes(c)) && !blocks(p);
      })
      .map((p) => ({
        policyId: p.id,
        policyName: p.name,
        path: ['grantControls'],
        message: `${policyWords(p)} targets only ${list(p.conditions.clientAppTypes)
          .map((c) => clientAppLabels[c] ?? c)
          .join(
            ', ',
          )} without blocking them: legacy clients cannot do multifactor authentication or prove a device, so say what is meant with 'Block access'.`,
      })),
};

export const platformOnlyBlock: LintRule = {
  id: 'platform-only-block',
  category: 'correctness',
  severity: 'warning',
  description: 'No policy blocks by device platform alone: the platform is what the client says it is.',
  external: [],
  check: (tenant) =>
    tenant.policies.flatMap((p) => {
      const platforms = obj(p.conditions.platforms);
      const include = list(platforms.includePlatforms);
      // Blocking every platform but the known ones (Microsoft's template) is the sound use of the condition.
      if (!blocks(p) || include.length === 0 || include.includes('all')) return [];
      const others = ['locations', 'devices', 'authenticationFlows'].some((k) => Object.keys(obj(p.conditions[k])).length > 0);
      const risk = ['userRiskLevels', 'signInRiskLevels'].some((k) => list(p.conditions[k]).length > 0);
      if (others || risk) return [];
      return [
        {
          policyId: p.id,
          policyName: p.name,
          path: ['conditions', 'platforms', 'includePlatforms'],
          message: `${policyWords(p)} blocks ${include.map((x) => platformLabels[x] ?? x).join(', ')} by platform alone: the platform comes from the client's user agent, which anyone can change. Require a compliant device or block unknown platforms instead.`,
        },
      ];
    }),
};

export const allTrustedWithoutTrustedLocation: LintRule = {
  id: 'all-trusted-without-trusted-location',
  category: 'correctness',
  severity: 'warning',
  description: "A policy that uses 'All trusted locations' has a named location marked as trusted, or legacy MFA trusted IPs, to mean.",
  external: [],
  check(tenant) {
    const { namedLocations: locations, mfaTrustedIps } = tenant.input;
    if (!locations || locations.some((l) => l.isTrusted === true) || (mfaTrustedIps && mfaTrustedIps.length > 0)) return [];
    // Graph does not serve the legacy MFA trusted IPs: unless Settings says there are none, they may be what is meant.
    const legacy = mfaTrustedIps
      ? 'and there are no MFA trusted IPs (legacy) either'
      : 'so only the MFA trusted IPs (legacy), if any, count';
    return tenant.policies.flatMap((p) => {
      const loc = obj(p.conditions.locations);
      const key = ['includeLocations', 'excludeLocations'].find((k) => list(loc[k]).includes('AllTrusted'));
      if (!key) return [];
      return [
        {
          policyId: p.id,
          policyName: p.name,
          path: ['conditions', 'locations', key],
          message: `${policyWords(p)} ${key === 'includeLocations' ? 'includes' : 'excludes'} 'All trusted locations', but no named location is marked as trusted, ${legacy}. Mark the corporate network as trusted, or name the locations.`,
        },
      ];
    });
  },
};

/** Rules of the registry that say nothing useful of a policy read from Graph: its read-only fields and properties newer than the console. */
const NOT_FOR_SAVED = new Set(['read-only-property', 'unknown-property']);

/** The editor's rules (src/domain/rules), under their own ids: a finding here is the marker the editor shows. */
export const savedPolicyRules: readonly LintRule[] = policyRules
  .filter((rule) => !NOT_FOR_SAVED.has(rule.id))
  .map((rule): LintRule => ({
    id: rule.id,
    category: 'correctness',
    severity: rule.severity,
    description: rule.description,
    external: [],
    check: (tenant) =>
      tenant.policies.flatMap((p) =>
        runRules(toWritableBody(p.json), [rule]).map((f) => ({
          policyId: p.id,
          policyName: p.name,
          path: f.path,
          severity: f.severity,
          message:
            f.severity === 'error'
              ? `${policyWords(p)}: ${f.message}${f.code ? ` (error ${f.code})` : ''} Graph refuses this at the policy's next save.`
              : `${policyWords(p)}: ${f.message}`,
        })),
      ),
  }));

export const correctnessRules: readonly LintRule[] = [
  untargetedPolicy,
  userAndSignInRiskTogether,
  strongOrWeakControls,
  legacyClientsNotBlocked,
  platformOnlyBlock,
  allTrustedWithoutTrustedLocation,
];
