// The check of every policy against the emergency accounts of Settings: the tenant's policies, the
// accounts in the emergency groups and what each account belongs to (groups transitively, roles),
// read through the same queries as the editor's lock-out guard.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { analyzeEmergencyAccess } from '../../domain/emergency/exclusion-analysis';
import type { Membership, Principal } from '../../domain/lockout';
import { lockoutGroupMembersQuery, lockoutMembershipsQuery, policiesQuery } from '../../policy-ui/queries';
import { useEmergencyAccess } from '../../session/emergency-access';
import { useTenantSession } from '../../session/tenant-session';

const NO_MEMBERS: { user: Principal; group: Principal }[] = [];
const UNKNOWN: ReadonlyMap<string, Membership> = new Map();

export function useEmergencyCheck() {
  const tenant = useTenantSession();
  const [settings, setSettings] = useEmergencyAccess(tenant.account.tenantId);
  const policies = useQuery(policiesQuery(tenant));
  const membersRead = useQuery(lockoutGroupMembersQuery(tenant, settings.groups));
  const members = membersRead.data ?? NO_MEMBERS;
  const emergency = useMemo(() => ({ ...settings, members }), [settings, members]);
  const principals = useMemo(
    () =>
      [
        ...[...settings.users, ...members.map((m) => m.user)].map((u) => ({ kind: 'users' as const, id: u.id })),
        ...settings.groups.map((g) => ({ kind: 'groups' as const, id: g.id })),
      ].filter((p, i, all) => all.findIndex((q) => q.id === p.id) === i),
    [settings, members],
  );
  const membershipsRead = useQuery(lockoutMembershipsQuery(tenant, principals));
  const memberships = membershipsRead.data ?? UNKNOWN;
  const analysis = useMemo(
    () => (policies.data ? analyzeEmergencyAccess(policies.data, emergency, memberships) : null),
    [policies.data, emergency, memberships],
  );
  const configured = settings.users.length + settings.groups.length > 0;
  // Memberships that could not be read leave the check cautious; say which accounts it concerns.
  const unreadMemberships = membershipsRead.data ? principals.filter((p) => !memberships.has(p.id)).map((p) => p.id) : [];
  return {
    tenant,
    settings,
    setSettings,
    emergency,
    configured,
    policies,
    analysis,
    // A query with nothing to read is never enabled, and stays pending: only those that read count.
    loading:
      policies.isPending || (settings.groups.length > 0 && membersRead.isPending) || (principals.length > 0 && membershipsRead.isPending),
    unreadMemberships,
  };
}
