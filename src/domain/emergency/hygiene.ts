// The health of the emergency-access setup, from what the directory answered: each emergency group
// assigned (not dynamic), cloud-only, protected (role-assignable, or in a restricted management
// administrative unit), holding exactly the configured
// accounts, at least two; each account enabled and cloud-only. What could not be read (missing
// permission, gone) is a finding of its own, never silently passed.
import type { EmergencyAccess } from '../lockout';

export type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface GroupFacts {
  id: string;
  displayName: string;
  groupTypes: string[];
  membershipRule: string | null;
  onPremisesSyncEnabled: boolean | null;
  isAssignableToRole: boolean | null;
}

export interface UserFacts {
  id: string;
  displayName: string;
  accountEnabled: boolean | null;
  onPremisesSyncEnabled: boolean | null;
}

export interface HygieneCheck {
  subject: string;
  check: string;
  status: 'pass' | 'fail' | 'unknown';
  detail: string;
}

export interface HygieneFacts {
  groups: Record<string, Read<GroupFacts>>;
  /** The administrative units each group is in; restricted ones protect it from tenant-wide admins. Absent: not read. */
  units?: Record<string, Read<{ id: string; name: string; restricted: boolean }[]>>;
  /** The users in each group, transitively. */
  members: Record<string, Read<{ id: string; name: string }[]>>;
  users: Record<string, Read<UserFacts>>;
}

const yes = (subject: string, check: string, detail: string): HygieneCheck => ({ subject, check, status: 'pass', detail });
const no = (subject: string, check: string, detail: string): HygieneCheck => ({ subject, check, status: 'fail', detail });
const unknown = (subject: string, check: string, reason: string): HygieneCheck => ({
  subject,
  check,
  status: 'unknown',
  detail: `Could not be read: ${reason}`,
});

export function checkHygiene(emergency: EmergencyAccess, facts: HygieneFacts): HygieneCheck[] {
  const checks: HygieneCheck[] = [];
  const configured = new Set(emergency.users.map((u) => u.id));
  const accounts = new Map(emergency.users.map((u) => [u.id, u.name]));
  if (emergency.users.length + emergency.groups.length === 0) return [];

  for (const group of emergency.groups) {
    const subject = `Group ${group.name}`;
    const read = facts.groups[group.id];
    if (!read || !read.ok) {
      const reason = read && !read.ok ? read.reason : 'not read';
      for (const check of ['Assigned membership', 'Cloud-only', 'Protected']) checks.push(unknown(subject, check, reason));
    } else {
      const g = read.value;
      const dynamic = g.groupTypes.includes('DynamicMembership') || !!g.membershipRule;
      checks.push(
        dynamic
          ? no(subject, 'Assigned membership', 'Its membership is dynamic: a change of attributes can add or drop an account.')
          : yes(subject, 'Assigned membership', 'Members are assigned.'),
      );
      checks.push(
        g.onPremisesSyncEnabled
          ? no(subject, 'Cloud-only', 'It is synchronised from on-premises: an outage or compromise there reaches it.')
          : yes(subject, 'Cloud-only', 'Created in the cloud.'),
      );
      const units = facts.units?.[group.id];
      const restricted = units?.ok ? units.value.filter((u) => u.restricted) : [];
      checks.push(
        g.isAssignableToRole
          ? yes(subject, 'Protected', 'Role-assignable: only Privileged Role Administrators and Global Administrators can change it.')
          : restricted.length > 0
            ? yes(
                subject,
                'Protected',
                `In the restricted management administrative unit ${restricted.map((u) => u.name).join(', ')}: only administrators scoped to it can change its members.`,
              )
            : units && !units.ok
              ? unknown(subject, 'Protected', `not role-assignable, and its administrative units: ${units.reason}`)
              : no(
                  subject,
                  'Protected',
                  'Neither role-assignable nor in a restricted management administrative unit: group owners and Groups Administrators can change who is excluded.',
                ),
      );
    }
    const members = facts.members[group.id];
    if (!members || !members.ok) {
      checks.push(unknown(subject, 'Members', members && !members.ok ? members.reason : 'not read'));
      continue;
    }
    for (const m of members.value) accounts.set(m.id, m.name);
    const ids = new Set(members.value.map((m) => m.id));
    const extra = members.value.filter((m) => configured.size > 0 && !configured.has(m.id)).map((m) => m.name);
    const missing = emergency.users.filter((u) => !ids.has(u.id)).map((u) => u.name);
    const problems = [
      ...(members.value.length < 2 ? [`${members.value.length} member${members.value.length === 1 ? '' : 's'}: keep at least two`] : []),
      ...(extra.length ? [`not configured as emergency accounts: ${extra.join(', ')}`] : []),
      ...(missing.length ? [`configured accounts not in it: ${missing.join(', ')}`] : []),
    ];
    checks.push(
      problems.length
        ? no(subject, 'Members', `${problems.join('; ')}.`)
        : yes(subject, 'Members', `${members.value.length} members: ${members.value.map((m) => m.name).join(', ')}.`),
    );
  }
  if (emergency.groups.length === 0 && emergency.users.length < 2)
    checks.push(no('Emergency accounts', 'At least two', `${emergency.users.length} account configured: keep at least two.`));

  for (const [id, name] of accounts) {
    const subject = `Account ${name}`;
    const read = facts.users[id];
    if (!read || !read.ok) {
      const reason = read && !read.ok ? read.reason : 'not read';
      checks.push(unknown(subject, 'Enabled', reason), unknown(subject, 'Cloud-only', reason));
      continue;
    }
    const u = read.value;
    checks.push(
      u.accountEnabled === null
        ? unknown(subject, 'Enabled', 'the directory did not say (it needs User.Read.All)')
        : u.accountEnabled
          ? yes(subject, 'Enabled', 'Sign-in is allowed.')
          : no(subject, 'Enabled', 'The account is disabled: it cannot be used in an emergency.'),
    );
    checks.push(
      u.onPremisesSyncEnabled
        ? no(subject, 'Cloud-only', 'It is synchronised from on-premises.')
        : yes(subject, 'Cloud-only', 'A cloud account.'),
    );
  }
  return checks;
}
