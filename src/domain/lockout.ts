// Who a policy could lock out: the signed-in admin and the emergency-access accounts. A policy is a
// risk to someone when it is on, targets them (all users, them by name, a group they belong to or a
// role they hold, directly or through groups, and they are not excluded the same ways), targets
// resources, and blocks or demands a control they may not be able to meet. What they belong to
// comes from the directory; while it is unknown, a role the policy targets counts as one they may
// hold. The assessment is deliberately cautious: conditions that narrow a policy (platforms,
// locations, risk) are not counted as protection, because they can match the very sign-in that matters;
// the reason names them, so it does not overstate. A change is judged against the policy as it is:
// what was already a risk before it is said apart from what the change adds.
// Controls are named as the admin center names them (labels.ts).
import { controlLabels } from './labels';
import { isJsonObject, objectIn as obj, stringsIn as list, type LooseObject as Loose } from './json';
import { holdsId } from './ids';
import { isolatedText } from './isolate';
import { comparableForm, deepEqual, type Json, type JsonObject } from './policy-body';

export interface Principal {
  id: string;
  name: string;
}

export interface EmergencyAccess {
  users: Principal[];
  groups: Principal[];
  /** The accounts in the emergency groups, as the directory lists them (checked like named accounts). */
  members?: { user: Principal; group: Principal }[];
}

/** What a user or group belongs to: groups (transitively) and directory roles, by role template id. */
export interface Membership {
  groups: Principal[];
  roles: Principal[];
}

/** Known memberships by object id; an id that is absent is not known (yet, or not readable). */
export type Memberships = ReadonlyMap<string, Membership>;

export interface LockoutRisk {
  who: string;
  why: string;
}

/** A draft's risks against the policy as it is: those the change adds, and those it already had. */
export interface LockoutChange {
  added: LockoutRisk[];
  already: LockoutRisk[];
}

/**
 * A built-in control as the guard says it, in the admin center's words (labels.ts): what its label
 * requires, "Require multifactor authentication" giving "multifactor authentication".
 */
function requirement(control: string): string {
  const label = controlLabels[control];
  // A control newer than the console has no label: say so rather than show its id bare.
  return label ? label.replace(/^Require /, '') : `a grant control this console does not know ('${control}')`;
}

/** The policy's block, said of it: "Block access" gives "blocks access" (labels.ts names every built-in control). */
const BLOCKS = controlLabels.block!.replace(/^Block/, 'blocks');

function controlsDemanded(policy: Loose, forEmergency: boolean): string | null {
  const grant = obj(policy.grantControls);
  const controls = list(grant.builtInControls);
  if (controls.includes('block')) return BLOCKS;
  // The admin is signed in with MFA already; an emergency account may have none it can use.
  const demanding = controls.filter((c) => c !== 'mfa' || forEmergency).map(requirement);
  const strength = obj(grant.authenticationStrength);
  if (strength.id)
    demanding.push(
      typeof strength.displayName === 'string'
        ? `the authentication strength '${isolatedText(strength.displayName)}'`
        : 'an authentication strength',
    );
  if (list(grant.termsOfUse).length && forEmergency) demanding.push('terms of use');
  if (demanding.length === 0) return null;
  return `requires ${demanding.join(grant.operator === 'AND' ? ' and ' : ' or ')}`;
}

interface Subject {
  id: string;
  kind: 'user' | 'group';
  /** Who the sentence is about: "you", "this account", "this group", and how it is reached. */
  words: { pronoun: string; self: string; belongs: string; holds: string };
  membership: Membership | undefined;
}

/** Why the policy applies to the subject, or null when it does not (or excludes it). */
function appliesTo(users: Loose, subject: Subject, fallbackExcluded: boolean): string | null {
  const includeAll = list(users.includeUsers).includes('All');
  const inUsers = subject.kind === 'user' && holdsId(list(users.includeUsers), subject.id);
  const inGroups = subject.kind === 'group' && holdsId(list(users.includeGroups), subject.id);
  const membership = subject.membership;
  const viaGroup = membership?.groups.find((g) => holdsId(list(users.includeGroups), g.id));
  const viaRole = membership?.roles.find((r) => holdsId(list(users.includeRoles), r.id));
  const mayHoldRole = !membership && subject.kind === 'user' && list(users.includeRoles).length > 0;

  const excluded =
    holdsId(subject.kind === 'user' ? list(users.excludeUsers) : list(users.excludeGroups), subject.id) ||
    (membership
      ? membership.groups.some((g) => holdsId(list(users.excludeGroups), g.id)) ||
        membership.roles.some((r) => holdsId(list(users.excludeRoles), r.id))
      : fallbackExcluded);
  if (excluded) return null;
  if (includeAll) return 'all users';
  if (inUsers || inGroups) return subject.words.self;
  // A clause brings its closing comma: "the role X, which you hold, and blocks access".
  if (viaGroup) return `the group '${isolatedText(viaGroup.name)}', which ${subject.words.belongs},`;
  if (viaRole) return `the role ${isolatedText(viaRole.name)}, which ${subject.words.holds},`;
  if (mayHoldRole) return `directory roles ${subject.words.pronoun} may hold`;
  return null;
}

/** Where the policy narrows itself, said after its control: ", outside its excluded locations". */
function whereItApplies(conditions: Loose): string {
  const locations = obj(conditions.locations);
  const platforms = obj(conditions.platforms);
  const clientApps = list(conditions.clientAppTypes);
  const includesAllLocations = list(locations.includeLocations).includes('All');
  const where: string[] = [];
  if (list(locations.includeLocations).length > 0 && !includesAllLocations) where.push('from its selected locations');
  else if (list(locations.excludeLocations).length > 0) where.push('outside its excluded locations');
  if (
    list(platforms.excludePlatforms).length > 0 ||
    (list(platforms.includePlatforms).length > 0 && !list(platforms.includePlatforms).includes('all'))
  )
    where.push('on its selected device platforms');
  if (clientApps.length > 0 && !clientApps.includes('all')) where.push('from its selected client apps');
  if (obj(obj(conditions.devices).deviceFilter).rule) where.push('on devices its filter matches');
  if (list(conditions.signInRiskLevels).length > 0 || list(conditions.userRiskLevels).length > 0) where.push('at its selected risk levels');
  if (where.length === 0) return '';
  const last = where.pop()!;
  return `, ${where.length ? `${where.join(', ')} and ${last}` : last}`;
}

/**
 * The draft's risks, each either added by the change or already there in the policy as it is
 * (`before`; null for a new policy). A risk is already so only when the same person was at risk for
 * the same reason and the change does not widen where or how the policy applies: conditions and
 * controls as they were, save exclusions added (an excluded location or app narrows the policy). A
 * change that widens them (more client apps, an exclusion removed, a stricter control) can lock out
 * where the policy as it is did not, so it is asked about. Whom the policy names is judged by each
 * person's reason: an exclusion of someone else leaves the admin's as it was.
 */
export function assessLockoutChange(
  before: unknown,
  after: unknown,
  admin: Principal | null,
  emergency: EmergencyAccess,
  memberships: Memberships = new Map(),
): LockoutChange {
  const risks = assessLockout(after, admin, emergency, memberships);
  if (!before || widensReach(before, after)) return { added: risks, already: [] };
  const earlier = new Set(assessLockout(before, admin, emergency, memberships).map(reasonKey));
  return { added: risks.filter((r) => !earlier.has(reasonKey(r))), already: risks.filter((r) => earlier.has(reasonKey(r))) };
}

const reasonKey = (risk: LockoutRisk) => `${risk.who}\u0000${risk.why}`;

/** A policy's conditions (whom it names aside), controls and state, however each is written. */
function reachOf(policy: unknown): JsonObject {
  const form = comparableForm(obj(policy) as JsonObject, { hideEmpty: true, sortIds: true });
  const { users: _users, ...conditions } = obj(form.conditions);
  return { conditions: conditions as JsonObject, grantControls: form.grantControls ?? null, state: form.state ?? null };
}

/** Whether `after` differs from `before` in anything but exclusions it adds. */
function widensReach(before: unknown, after: unknown): boolean {
  return !narrowsOrKeeps(reachOf(before), reachOf(after));
}

function narrowsOrKeeps(before: Json | undefined, after: Json | undefined, key = ''): boolean {
  if (key.startsWith('exclude') && Array.isArray(before) && Array.isArray(after))
    return before.every((item) => after.some((kept) => deepEqual(item, kept)));
  // An exclusion list only the new version has narrows it too.
  if (key.startsWith('exclude') && before === undefined && Array.isArray(after)) return true;
  if (isJsonObject(before) && isJsonObject(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    return [...keys].every((k) => narrowsOrKeeps(before[k], after[k], k));
  }
  return deepEqual(before, after);
}

/** `admin` is null when no admin is signed in (an app-only run): only the emergency accounts are guarded. */
export function assessLockout(
  policy: unknown,
  admin: Principal | null,
  emergency: EmergencyAccess,
  memberships: Memberships = new Map(),
): LockoutRisk[] {
  const p = obj(policy);
  if (p.state !== 'enabled') return [];
  const conditions = obj(p.conditions);
  const users = obj(conditions.users);
  const apps = obj(conditions.applications);
  const targetsResources =
    list(apps.includeApplications).some((a) => a !== 'None') ||
    list(apps.includeUserActions).length > 0 ||
    list(apps.includeAuthenticationContextClassReferences).length > 0;
  if (!targetsResources) return [];
  const risks: LockoutRisk[] = [];
  const where = whereItApplies(conditions);

  const adminControl = admin ? controlsDemanded(p, false) : null;
  if (admin && adminControl) {
    const subject: Subject = {
      id: admin.id,
      kind: 'user',
      words: { pronoun: 'you', self: 'you by name', belongs: 'you belong to', holds: 'you hold' },
      membership: memberships.get(admin.id),
    };
    const via = appliesTo(users, subject, false);
    if (via) risks.push({ who: `${isolatedText(admin.name)} (you)`, why: `It applies to ${via} and ${adminControl}${where}.` });
  }

  const emergencyControl = controlsDemanded(p, true);
  if (emergencyControl) {
    // Without what an account belongs to, an excluded emergency group is taken to hold it.
    const emergencyGroupExcluded = emergency.groups.some((g) => holdsId(list(users.excludeGroups), g.id));
    const accounts = emergency.users.map((user) => ({ user, label: 'emergency access', inGroup: emergencyGroupExcluded }));
    for (const { user, group } of emergency.members ?? []) {
      if (accounts.some((a) => a.user.id === user.id)) continue;
      // Until its memberships are read, an account found in an emergency group is excluded with it.
      accounts.push({
        user,
        label: `emergency access, in ${isolatedText(group.name)}`,
        inGroup: holdsId(list(users.excludeGroups), group.id),
      });
    }
    for (const { user, label, inGroup } of accounts) {
      const subject: Subject = {
        id: user.id,
        kind: 'user',
        words: { pronoun: 'this account', self: 'this account', belongs: 'this account belongs to', holds: 'this account holds' },
        membership: memberships.get(user.id),
      };
      const via = appliesTo(users, subject, inGroup);
      if (via) risks.push({ who: `${isolatedText(user.name)} (${label})`, why: `It applies to ${via} and ${emergencyControl}${where}.` });
    }
    for (const group of emergency.groups) {
      const subject: Subject = {
        id: group.id,
        kind: 'group',
        words: { pronoun: 'this group', self: 'this group', belongs: 'contains this group', holds: 'is assigned to this group' },
        membership: memberships.get(group.id),
      };
      const via = appliesTo(users, subject, false);
      if (via)
        risks.push({
          who: `Members of ${isolatedText(group.name)} (emergency access)`,
          why: `It applies to ${via} and ${emergencyControl}${where}.`,
        });
    }
  }
  return risks;
}
