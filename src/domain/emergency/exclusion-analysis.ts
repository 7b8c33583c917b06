// For every policy and every emergency-access account named in Settings: is the account excluded
// (by name, through a group it belongs to, nested groups included, or through a role it holds), out
// of the policy's scope, deliberately targeted (a policy written for the emergency accounts, such
// as Microsoft's recommended phishing-resistant MFA for them), or affected, and how badly. Like the
// lock-out guard (lockout.ts), conditions that narrow a policy (locations, platforms, risk) are not
// counted as protection: they can match the very sign-in that matters in an emergency.
import { isolatedText } from '../isolate';
import { objectIn as obj, stringsIn as list, type LooseObject as Loose } from '../json';
import type { EmergencyAccess, Membership, Memberships, Principal } from '../lockout';
import { holdsId } from '../ids';

export type Severity = 'critical' | 'high' | 'low';

/** What the policy does to the account now: enforced, only reported, or nothing until it is turned on. */
export type Enforcement = 'enabled' | 'reportOnly' | 'off';

export type Coverage =
  | { kind: 'excluded'; how: 'direct' | 'group' | 'role'; via: string }
  | { kind: 'outOfScope'; why: string }
  | { kind: 'targeted'; why: string }
  | { kind: 'affected'; severity: Severity; enforcement: Enforcement; reach: string; effect: string };

/** Whom the check is about: an account, or an emergency group whose members could not be read. */
export interface EmergencySubject {
  id: string;
  name: string;
  kind: 'user' | 'group';
  /** The emergency groups the account was found in (the directory said so), when any. */
  inGroups: Principal[];
}

export interface PolicyCoverage {
  id: string;
  name: string;
  state: string;
  /** By subject id, in the order of `subjects`. */
  coverage: Record<string, Coverage>;
  /** The worst effect on any subject, when one is affected. */
  worst: Severity | null;
  /** True when the policy is written for the emergency accounts (marked as such, never a finding). */
  targeted: boolean;
}

const RANK: Record<Severity, number> = { critical: 3, high: 2, low: 1 };
export const worse = (a: Severity | null, b: Severity | null): Severity | null => (!a ? b : !b ? a : RANK[a] >= RANK[b] ? a : b);

/** Controls only a managed device or app can meet: an emergency account signs in from wherever it can. */
const DEVICE_CONTROLS = new Set(['compliantDevice', 'domainJoinedDevice', 'approvedApplication', 'compliantApplication']);

/** The accounts to check: those named in Settings, then those found in its groups; a group with no known member stands for itself. */
export function emergencySubjects(emergency: EmergencyAccess): EmergencySubject[] {
  const subjects: EmergencySubject[] = emergency.users.map((u) => ({ ...u, kind: 'user', inGroups: [] }));
  for (const { user, group } of emergency.members ?? []) {
    const known = subjects.find((s) => s.id === user.id);
    if (known) known.inGroups.push(group);
    else subjects.push({ ...user, kind: 'user', inGroups: [group] });
  }
  for (const group of emergency.groups) {
    if (!(emergency.members ?? []).some((m) => m.group.id === group.id)) subjects.push({ ...group, kind: 'group', inGroups: [] });
  }
  return subjects;
}

/** The effect of a policy's controls on an account that meets none of them, and how severe it is. */
export function effectOf(policy: Loose): { severity: Severity; effect: string } {
  const grant = obj(policy.grantControls);
  const controls = list(grant.builtInControls);
  const strength = obj(grant.authenticationStrength);
  const apps = obj(obj(policy.conditions).applications);
  const everything = list(apps.includeApplications).includes('All');
  const where = everything ? 'all resources' : 'some resources';
  if (controls.includes('block')) return { severity: everything ? 'critical' : 'high', effect: `blocks access to ${where}` };
  const device = controls.filter((c) => DEVICE_CONTROLS.has(c));
  // With OR, a device control only binds when every alternative is one; with AND, any binds.
  const others = controls.length - device.length + (strength.id ? 1 : 0) + list(grant.termsOfUse).length;
  if (device.length > 0 && (grant.operator === 'AND' || others === 0))
    return { severity: everything ? 'critical' : 'high', effect: `requires a managed device or app for ${where}` };
  if (controls.length > 0 || strength.id || list(grant.termsOfUse).length > 0) {
    const what = strength.id
      ? `the authentication strength '${isolatedText(typeof strength.displayName === 'string' ? strength.displayName : String(strength.id))}'`
      : controls.includes('mfa')
        ? 'multifactor authentication'
        : 'a grant control';
    return { severity: 'high', effect: `requires ${what} for ${where}` };
  }
  const session = Object.entries(obj(policy.sessionControls)).filter(([, v]) => v !== null && v !== undefined);
  // A verb phrase like the others: screens write "it <effect>".
  return { severity: 'low', effect: session.length > 0 ? `applies session controls only, on ${where}` : `applies no control, on ${where}` };
}

const enforcementOf = (state: unknown): Enforcement =>
  state === 'enabled' ? 'enabled' : state === 'enabledForReportingButNotEnforced' ? 'reportOnly' : 'off';

/** Whether and how the policy's user conditions reach the subject; null when they do not. */
function reach(users: Loose, subject: EmergencySubject, membership: Membership | undefined): string | null {
  const includeUsers = list(users.includeUsers);
  if (includeUsers.includes('All')) return 'all users';
  if (subject.kind === 'user' && holdsId(includeUsers, subject.id)) return 'the account by name';
  if (subject.kind === 'group' && holdsId(list(users.includeGroups), subject.id)) return 'the group by name';
  const groups = [...(membership?.groups ?? []), ...subject.inGroups];
  const group = groups.find((g) => holdsId(list(users.includeGroups), g.id));
  if (group) return `the group '${isolatedText(group.name)}'`;
  const role = membership?.roles.find((r) => holdsId(list(users.includeRoles), r.id));
  if (role) return `the role ${isolatedText(role.name)}`;
  // Memberships that could not be read: the policy may well reach the account, so it is not called out of scope.
  if (!membership && subject.kind === 'user' && list(users.includeGroups).length > 0) return 'groups it may belong to';
  if (!membership && subject.kind === 'user' && list(users.includeRoles).length > 0) return 'directory roles it may hold';
  return null;
}

function exclusion(users: Loose, subject: EmergencySubject, membership: Membership | undefined): Coverage | null {
  const direct = subject.kind === 'user' ? list(users.excludeUsers) : list(users.excludeGroups);
  if (holdsId(direct, subject.id)) return { kind: 'excluded', how: 'direct', via: 'by name' };
  const groups = [...subject.inGroups, ...(membership?.groups ?? [])];
  const group = groups.find((g) => holdsId(list(users.excludeGroups), g.id));
  if (group) return { kind: 'excluded', how: 'group', via: `through the group '${isolatedText(group.name)}'` };
  const role = membership?.roles.find((r) => holdsId(list(users.excludeRoles), r.id));
  if (role) return { kind: 'excluded', how: 'role', via: `through the role ${isolatedText(role.name)}` };
  return null;
}

/** How one policy treats one subject. */
export function coverageOf(
  policy: unknown,
  subject: EmergencySubject,
  emergency: EmergencyAccess,
  membership: Membership | undefined,
): Coverage {
  const p = obj(policy);
  const conditions = obj(p.conditions);
  const users = obj(conditions.users);
  const apps = obj(conditions.applications);
  const targetsResources =
    list(apps.includeApplications).some((a) => a !== 'None') ||
    list(apps.includeUserActions).length > 0 ||
    list(apps.includeAuthenticationContextClassReferences).length > 0;
  const excluded = exclusion(users, subject, membership);
  if (excluded) return excluded;
  const via = reach(users, subject, membership);
  if (!via) {
    const guestsOnly =
      Object.keys(obj(users.includeGuestsOrExternalUsers)).length > 0 || list(users.includeUsers).includes('GuestsOrExternalUsers');
    if (guestsOnly) return { kind: 'outOfScope', why: 'It targets guests and external users only.' };
    // Agent users are users, but no person's account, an emergency one least of all.
    if (list(users.includeUsers).includes('AllAgentIdUsers')) return { kind: 'outOfScope', why: 'It targets agent users only.' };
    if (list(users.includeUsers).includes('None')) return { kind: 'outOfScope', why: 'It targets no user accounts.' };
    return { kind: 'outOfScope', why: 'It targets users, groups or roles this account is not among.' };
  }
  if (!targetsResources) return { kind: 'outOfScope', why: 'It targets no resource.' };
  const { severity, effect } = effectOf(p);
  // Written for the emergency accounts (named, or their group) rather than everyone: deliberate, unless it blocks them.
  const emergencyIds = new Set([...emergency.users, ...emergency.groups].map((x) => x.id));
  const named = [...list(users.includeUsers), ...list(users.includeGroups)].some((id) => emergencyIds.has(id));
  if (named && !list(users.includeUsers).includes('All') && !list(obj(p.grantControls).builtInControls).includes('block'))
    return { kind: 'targeted', why: `It is written for the emergency accounts: it ${effect}.` };
  return { kind: 'affected', severity, enforcement: enforcementOf(p.state), reach: via, effect };
}

/** Every policy against every subject, the worst effect of each policy first. */
export function analyzeEmergencyAccess(
  policies: readonly unknown[],
  emergency: EmergencyAccess,
  memberships: Memberships = new Map(),
): { subjects: EmergencySubject[]; policies: PolicyCoverage[] } {
  const subjects = emergencySubjects(emergency);
  const rows = policies.map((policy): PolicyCoverage => {
    const p = obj(policy);
    const coverage: Record<string, Coverage> = {};
    let worst: Severity | null = null;
    for (const subject of subjects) {
      const c = coverageOf(p, subject, emergency, memberships.get(subject.id));
      coverage[subject.id] = c;
      if (c.kind === 'affected') worst = worse(worst, c.severity);
    }
    return {
      id: typeof p.id === 'string' ? p.id : '',
      name: typeof p.displayName === 'string' ? p.displayName : '(no name)',
      state: typeof p.state === 'string' ? p.state : '',
      coverage,
      worst,
      targeted: Object.values(coverage).some((c) => c.kind === 'targeted'),
    };
  });
  return { subjects, policies: rows };
}
