// Lock-out safety: policies that can keep the emergency-access accounts, everyone, or the directory
// synchronisation out, and a report-only policy that already bothers people. The emergency check
// is the emergency-access analysis (emergency/exclusion-analysis.ts) said as findings, with the
// exclusion as its quick fix (withExclusions: added, nothing dropped).
import { analyzeEmergencyAccess, type Coverage } from '../emergency/exclusion-analysis';
import { isolatedText } from '../isolate';
import { objectIn as obj, stringsIn as list, type JsonObject } from '../json';
import { platformLabels } from '../labels';
import { buildPatch, withExclusions } from '../policy-body';
import { DIRECTORY_SYNC_ROLE } from './scope';
import { blocks, includesAllResources, includesAllUsers, policyWords, targetsResources, type PolicyView, type Tenant } from './tenant';
import type { LintFix, LintRule, LintSeverity } from './types';

/** Adding every emergency account and group to the policy's exclusions, as a patch. */
function emergencyFix(p: PolicyView, tenant: Tenant): LintFix | undefined {
  if (!tenant.emergency) return undefined;
  const fixed = withExclusions(p.json, {
    users: tenant.emergency.users.map((u) => u.id),
    groups: tenant.emergency.groups.map((g) => g.id),
  });
  const patch = buildPatch(p.json, fixed);
  if (Object.keys(patch).length === 0) return undefined;
  const names = [...tenant.emergency.groups, ...tenant.emergency.users].map((x) => `'${isolatedText(x.name)}'`).join(', ');
  return { description: `Exclude the emergency-access accounts and groups (${names}), keeping every exclusion the policy has.`, patch };
}

const weight = (state: string, low = false): LintSeverity => (state === 'enabled' && !low ? 'warning' : 'info');

export const emergencyAccountAffected: LintRule = {
  id: 'emergency-account-affected',
  category: 'lock-out safety',
  severity: 'warning',
  description: 'No policy blocks or demands a control of an emergency-access account (set in Settings) without excluding it.',
  external: [{ source: 'maester', id: 'MT.1005' }],
  check(tenant) {
    if (!tenant.emergency) return [];
    const analysis = analyzeEmergencyAccess(
      tenant.policies.map((p) => p.json),
      tenant.emergency,
      tenant.input.memberships,
    );
    return tenant.policies.flatMap((p, i) => {
      const row = analysis.policies[i]!;
      const affected = analysis.subjects
        .map((s) => ({ subject: s, coverage: row.coverage[s.id] }))
        .filter(
          (x): x is { subject: (typeof analysis.subjects)[number]; coverage: Extract<Coverage, { kind: 'affected' }> } =>
            x.coverage?.kind === 'affected',
        );
      if (affected.length === 0) return [];
      const who = affected.map(({ subject, coverage }) => `'${isolatedText(subject.name)}' (through ${coverage.reach})`).join(', ');
      const fix = emergencyFix(p, tenant);
      return [
        {
          policyId: p.id,
          policyName: p.name,
          path: ['conditions', 'users'],
          // Session controls alone never keep anyone out: worth knowing, not a lock-out.
          severity: weight(
            p.state,
            affected.every((a) => a.coverage.severity === 'low'),
          ),
          message: `${policyWords(p)} reaches the emergency-access ${affected.length > 1 ? 'accounts' : 'account'} ${who}, and ${affected[0]!.coverage.effect}: exclude the emergency-access group or accounts.`,
          ...(fix && { fix }),
        },
      ];
    });
  },
};

const hasExclusion = (p: PolicyView) =>
  ['excludeUsers', 'excludeGroups', 'excludeRoles'].some((k) => list(p.users[k]).length > 0) ||
  Object.keys(obj(p.users.excludeGuestsOrExternalUsers)).length > 0;

export const blockAllWithoutExclusion: LintRule = {
  id: 'block-all-without-exclusion',
  category: 'lock-out safety',
  severity: 'warning',
  description: 'No policy blocks access for all users on all resources without excluding anybody.',
  external: [],
  check: (tenant) =>
    tenant.policies
      .filter((p) => blocks(p) && includesAllUsers(p) && includesAllResources(p) && !hasExclusion(p))
      .map((p) => {
        const fix = emergencyFix(p, tenant);
        return {
          policyId: p.id,
          policyName: p.name,
          path: ['conditions', 'users'],
          severity: weight(p.state),
          message: `${policyWords(p)} blocks access for all users on all resources and excludes nobody: when its conditions match, every administrator is locked out too. Exclude the emergency-access accounts.`,
          ...(fix && { fix }),
        };
      }),
};

/** Conditions that keep a policy away from the sync service's own sign-in: a location, platform, risk, flow or device filter. */
function narrowedForSync(p: PolicyView): boolean {
  const c = p.conditions;
  const clients = list(c.clientAppTypes);
  const modern = clients.length === 0 || clients.some((x) => ['all', 'browser', 'mobileAppsAndDesktopClients'].includes(x));
  const flows = obj(c.authenticationFlows).transferMethods;
  return (
    !modern ||
    Object.keys(obj(c.locations)).some((k) => list(obj(c.locations)[k]).length > 0) ||
    list(obj(c.platforms).includePlatforms).length > 0 ||
    list(c.userRiskLevels).length > 0 ||
    list(c.signInRiskLevels).length > 0 ||
    (typeof c.insiderRiskLevels === 'string' && c.insiderRiskLevels.trim() !== '') ||
    (typeof c.agentIdRiskLevels === 'string' && c.agentIdRiskLevels.trim() !== '') ||
    (typeof flows === 'string' && flows.trim() !== '' && flows !== 'none') ||
    Object.keys(obj(obj(c.devices).deviceFilter)).length > 0
  );
}

export const directorySyncAccountsInScope: LintRule = {
  id: 'directory-sync-accounts-in-scope',
  category: 'lock-out safety',
  severity: 'warning',
  description: 'No policy demands a grant control of the Directory Synchronization Accounts role on all resources without excluding it.',
  external: [{ source: 'maester', id: 'MT.1020' }],
  check: (tenant) =>
    tenant.policies
      .filter((p) => p.state !== 'disabled' && (p.controls.length > 0 || p.strengthId !== null))
      .filter((p) => includesAllUsers(p) || list(p.users.includeRoles).includes(DIRECTORY_SYNC_ROLE))
      .filter((p) => includesAllResources(p) && !list(p.users.excludeRoles).includes(DIRECTORY_SYNC_ROLE) && !narrowedForSync(p))
      .map((p) => ({
        policyId: p.id,
        policyName: p.name,
        path: ['conditions', 'users', 'excludeRoles'],
        severity: weight(p.state),
        message: `${policyWords(p)} applies to the role Directory Synchronization Accounts: the synchronisation service cannot meet a grant control, so synchronisation stops when the policy is enforced. Exclude the role.`,
        fix: {
          description: "Exclude the role 'Directory Synchronization Accounts', keeping every exclusion the policy has.",
          patch: { conditions: { users: { excludeRoles: [...list(p.users.excludeRoles), DIRECTORY_SYNC_ROLE] } } },
        },
      })),
};

const PROMPTED = ['macOS', 'iOS', 'android', 'linux'];
const ALL_PLATFORMS = ['android', 'iOS', 'windows', 'windowsPhone', 'macOS', 'linux'];

/** Removes the prompted platforms from an explicit list, or excludes them from any device; none when nothing would be left. */
function platformFix(p: PolicyView, prompted: string[]): LintFix | undefined {
  const platforms = obj(p.conditions.platforms);
  const include = list(platforms.includePlatforms);
  const exclude = list(platforms.excludePlatforms);
  const explicit = include.length > 0 && !include.includes('all');
  const next: JsonObject = explicit
    ? { includePlatforms: include.filter((x) => !prompted.includes(x)), excludePlatforms: exclude }
    : {
        includePlatforms: include.length ? include : ['all'],
        excludePlatforms: [...exclude, ...prompted.filter((x) => !exclude.includes(x))],
      };
  if (explicit && (next.includePlatforms as string[]).length === 0) return undefined;
  return {
    description: `Leave ${prompted.map((x) => platformLabels[x] ?? x).join(', ')} out of the policy while it is in report-only.`,
    patch: { conditions: { platforms: next } },
  };
}

export const compliantDeviceReportOnly: LintRule = {
  id: 'compliant-device-report-only',
  category: 'lock-out safety',
  severity: 'warning',
  description:
    'A report-only policy that requires a compliant device leaves out macOS, iOS, Android and Linux, where it still prompts for a device certificate.',
  external: [],
  check: (tenant) =>
    tenant.policies
      .filter((p) => p.state === 'enabledForReportingButNotEnforced' && p.controls.includes('compliantDevice') && targetsResources(p))
      .flatMap((p) => {
        const platforms = obj(p.conditions.platforms);
        const include = list(platforms.includePlatforms);
        const reached = (include.length === 0 || include.includes('all') ? ALL_PLATFORMS : include).filter(
          (x) => !list(platforms.excludePlatforms).includes(x),
        );
        const prompted = PROMPTED.filter((x) => reached.includes(x));
        if (prompted.length === 0) return [];
        const fix = platformFix(p, prompted);
        return [
          {
            policyId: p.id,
            policyName: p.name,
            path: ['conditions', 'platforms'],
            message: `${policyWords(p)} requires a compliant device: even in report-only, users on ${prompted.map((x) => platformLabels[x] ?? x).join(', ')} may be asked to choose a device certificate at every sign-in.`,
            ...(fix && { fix }),
          },
        ];
      }),
};

export const lockoutRules: readonly LintRule[] = [
  emergencyAccountAffected,
  blockAllWithoutExclusion,
  directorySyncAccountsInScope,
  compliantDeviceReportOnly,
];
