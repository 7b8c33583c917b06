// Who a policy could lock out: the signed-in admin and the emergency-access accounts. A policy is a
// risk to someone when it is on, targets them (all users, or them or their emergency group, and
// not excluded), targets resources, and blocks or demands a control they may not be able to meet.
// The assessment is deliberately cautious: conditions that narrow a policy (platforms, locations,
// risk) are not counted as protection, because they can match the very sign-in that matters.

type Loose = Record<string, unknown>;
const list = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const obj = (value: unknown): Loose => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Loose) : {});

export interface Principal {
  id: string;
  name: string;
}

export interface EmergencyAccess {
  users: Principal[];
  groups: Principal[];
}

export interface LockoutRisk {
  who: string;
  why: string;
}

function controlsDemanded(policy: Loose, forEmergency: boolean): string | null {
  const grant = obj(policy.grantControls);
  const controls = list(grant.builtInControls);
  if (controls.includes('block')) return 'blocks access';
  const demanding = controls.filter((c) => c !== 'mfa' || forEmergency);
  if (obj(grant.authenticationStrength).id) demanding.push('an authentication strength');
  if (list(grant.termsOfUse).length && forEmergency) demanding.push('terms of use');
  if (demanding.length === 0) return null;
  return `requires ${demanding.join(grant.operator === 'AND' ? ' and ' : ' or ')}`;
}

export function assessLockout(policy: unknown, admin: Principal, emergency: EmergencyAccess): LockoutRisk[] {
  const p = obj(policy);
  if (p.state !== 'enabled') return [];
  const conditions = obj(p.conditions);
  const users = obj(conditions.users);
  const apps = obj(conditions.applications);
  const targetsResources = list(apps.includeApplications).some((a) => a !== 'None') || list(apps.includeUserActions).length > 0 || list(apps.includeAuthenticationContextClassReferences).length > 0;
  if (!targetsResources) return [];
  const includeAll = list(users.includeUsers).includes('All');
  const excludedUsers = list(users.excludeUsers);
  const excludedGroups = list(users.excludeGroups);
  const risks: LockoutRisk[] = [];

  const adminTargeted = (includeAll || list(users.includeUsers).includes(admin.id) || list(users.includeRoles).length > 0) && !excludedUsers.includes(admin.id);
  const adminControl = controlsDemanded(p, false);
  if (adminTargeted && adminControl) {
    const via = includeAll ? 'all users' : list(users.includeUsers).includes(admin.id) ? 'you by name' : 'directory roles you may hold';
    risks.push({ who: `${admin.name} (you)`, why: `It applies to ${via} and ${adminControl}.` });
  }

  const emergencyControl = controlsDemanded(p, true);
  if (emergencyControl) {
    for (const user of emergency.users) {
      if ((includeAll || list(users.includeUsers).includes(user.id)) && !excludedUsers.includes(user.id) && !emergency.groups.some((g) => excludedGroups.includes(g.id))) {
        risks.push({ who: `${user.name} (emergency access)`, why: `It applies to ${includeAll ? 'all users' : 'this account'} and ${emergencyControl}.` });
      }
    }
    for (const group of emergency.groups) {
      if ((includeAll || list(users.includeGroups).includes(group.id)) && !excludedGroups.includes(group.id)) {
        risks.push({ who: `Members of ${group.name} (emergency access)`, why: `It applies to ${includeAll ? 'all users' : 'this group'} and ${emergencyControl}.` });
      }
    }
  }
  return risks;
}
