// What the console knows of the tenant's emergency accounts: the accounts and groups named in
// Settings, the accounts in those groups, and what each belongs to (groups transitively, roles).
// Read through the lock-out guard's queries, so the emergency-access check, the lint and the
// editor share one read of each.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Principal } from '../domain/lockout';
import { useEmergencyAccess } from '../session/emergency-access';
import type { TenantSession } from '../session/tenant-session';
import { lockoutGroupMembersQuery, lockoutMembershipsQuery } from './queries';

const NO_MEMBERS: { user: Principal; group: Principal }[] = [];

export function useEmergencyFacts(tenant: TenantSession) {
  const [settings, setSettings] = useEmergencyAccess(tenant.account.tenantId);
  const membersRead = useQuery(lockoutGroupMembersQuery(tenant, settings.groups));
  const members = membersRead.data ?? NO_MEMBERS;
  const emergency = useMemo(() => ({ ...settings, members }), [settings, members]);
  // Every account and group to ask the memberships of, once each.
  const principals = useMemo(
    () =>
      [
        ...[...settings.users, ...members.map((m) => m.user)].map((u) => ({ kind: 'users' as const, id: u.id })),
        ...settings.groups.map((g) => ({ kind: 'groups' as const, id: g.id })),
      ].filter((p, i, all) => all.findIndex((q) => q.id === p.id) === i),
    [settings, members],
  );
  const membershipsRead = useQuery(lockoutMembershipsQuery(tenant, principals));
  return {
    settings,
    setSettings,
    emergency,
    principals,
    /** What each principal belongs to (those that could be read); undefined until read. */
    memberships: membershipsRead.data,
    // A query with nothing to read is never enabled and stays pending: only those that read are waited for.
    pending: (settings.groups.length > 0 && membersRead.isPending) || (principals.length > 0 && membershipsRead.isPending),
  };
}
