// The lock-out guard for a draft: who the draft could lock out (the signed-in admin and the
// tenant's emergency-access accounts and the accounts in its emergency groups, reached directly or
// through the groups and roles they belong to, as the directory says), and a one-click exclusion of the emergency accounts that keeps every
// existing exclusion (an edit of the same JSON, so Ctrl+Z undoes it). Judged against the policy as the
// tenant holds it: only a risk the change adds asks for an acknowledgement; one the policy already had is said apart.
// With no emergency accounts named, it guards only the admin: unnamed-emergency.tsx says so and warns instead.
import { useQuery } from '@tanstack/react-query';
import { applyEdits, modify } from 'jsonc-parser';
import { useMemo } from 'react';
import { assessLockoutChange, type LockoutChange, type Membership, type Principal } from '../../domain/lockout';
import { withExclusions, type JsonObject } from '../../domain/policy-body';
import { lockoutGroupMembersQuery, lockoutMembershipsQuery } from '../../policy-ui/queries';
import { useEmergencyAccess } from '../../session/emergency-access';
import { useTenantSession, type TenantSession } from '../../session/tenant-session';
import type { DraftState } from './use-draft';
import { personName } from '../../auth';

const UNKNOWN: ReadonlyMap<string, Membership> = new Map();
const NO_MEMBERS: { user: Principal; group: Principal }[] = [];
const NONE: LockoutChange = { added: [], already: [] };

/** What each of these users and groups belongs to; one that cannot be read stays unknown (the guard is then cautious). */
function useMemberships(tenant: TenantSession, principals: { kind: 'users' | 'groups'; id: string }[]) {
  return useQuery(lockoutMembershipsQuery(tenant, principals)).data ?? UNKNOWN;
}

/** The accounts in the emergency groups (a group that cannot be read adds none; the group itself is still checked). */
function useGroupMembers(tenant: TenantSession, groups: Principal[]) {
  return useQuery(lockoutGroupMembersQuery(tenant, groups)).data ?? NO_MEMBERS;
}

/** `live` is the policy as the tenant holds it, or null for a policy being created. */
export function useLockoutGuard(draft: DraftState, live: unknown = null) {
  const tenant = useTenantSession();
  const [settings] = useEmergencyAccess(tenant.account.tenantId);
  const admin = useMemo(() => ({ id: tenant.account.objectId, name: personName(tenant.account) }), [tenant.account]);
  const members = useGroupMembers(tenant, settings.groups);
  const emergency = useMemo(() => ({ ...settings, members }), [settings, members]);
  const principals = useMemo(
    () =>
      [
        { kind: 'users' as const, id: admin.id },
        ...[...emergency.users, ...members.map((m) => m.user)].map((u) => ({ kind: 'users' as const, id: u.id })),
        ...emergency.groups.map((g) => ({ kind: 'groups' as const, id: g.id })),
      ].filter((p, i, all) => all.findIndex((q) => q.id === p.id) === i),
    [admin.id, emergency, members],
  );
  const memberships = useMemberships(tenant, principals);
  const { added: risks, already } = useMemo(
    () => (draft.policy ? assessLockoutChange(live, draft.policy, admin, emergency, memberships) : NONE),
    [live, draft.policy, admin, emergency, memberships],
  );
  const emergencyAtRisk = [...risks, ...already].some((r) => r.who.includes('(emergency access'));

  const excludeEmergency = () => {
    if (!draft.policy) return;
    const merged = withExclusions(draft.policy, { users: emergency.users.map((u) => u.id), groups: emergency.groups.map((g) => g.id) });
    const users = (merged.conditions as JsonObject).users as JsonObject;
    let text = draft.text;
    for (const key of ['excludeUsers', 'excludeGroups']) {
      text = applyEdits(
        text,
        modify(text, ['conditions', 'users', key], users[key], { formattingOptions: { insertSpaces: true, tabSize: 2 } }),
      );
    }
    draft.setText(text);
  };

  return {
    /** The risks this change adds: saving asks for an acknowledgement. */
    risks,
    /** The risks the policy already had before this change: said, not asked about. */
    already,
    excludeEmergency: emergencyAtRisk ? excludeEmergency : undefined,
  };
}
