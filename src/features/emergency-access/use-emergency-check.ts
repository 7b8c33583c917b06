// The check of every policy against the emergency accounts of Settings: the tenant's policies, the
// accounts in the emergency groups and what each account belongs to (groups transitively, roles),
// read through the same queries as the editor's lock-out guard.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { analyzeEmergencyAccess } from '../../domain/emergency/exclusion-analysis';
import type { Membership } from '../../domain/lockout';
import { policiesQuery } from '../../policy-ui/queries';
import { useEmergencyFacts } from '../../policy-ui/use-emergency-facts';
import { useTenantSession } from '../../session/tenant-session';

const UNKNOWN: ReadonlyMap<string, Membership> = new Map();

export function useEmergencyCheck() {
  const tenant = useTenantSession();
  const { settings, setSettings, emergency, principals, memberships: read, pending } = useEmergencyFacts(tenant);
  const policies = useQuery(policiesQuery(tenant));
  const memberships = read ?? UNKNOWN;
  const analysis = useMemo(
    () => (policies.data ? analyzeEmergencyAccess(policies.data, emergency, memberships) : null),
    [policies.data, emergency, memberships],
  );
  const configured = settings.users.length + settings.groups.length > 0;
  // Memberships that could not be read leave the check cautious; say which accounts it concerns.
  const unreadMemberships = read ? principals.filter((p) => !memberships.has(p.id)).map((p) => p.id) : [];
  return {
    tenant,
    settings,
    setSettings,
    emergency,
    configured,
    policies,
    analysis,
    loading: policies.isPending || pending,
    unreadMemberships,
  };
}
