// Who is signing in, as Conditional Access sees them: a user with the groups they belong to
// (through nested groups too), the directory roles they hold (directly or through a role-assignable
// group) and, for an external user, their kind and home tenant; or a workload identity. Agents are told
// apart: policies name agent users all at once (AllAgentIdUsers) and agent identities in lists of their own.
import type { AgentIdentity, DirectoryUser, ServicePrincipal, TenantState } from '../model';
import type { GuestKind } from './facts';

export interface UserSubject {
  kind: 'user';
  user: DirectoryUser;
  groups: ReadonlySet<string>;
  roles: ReadonlySet<string>;
  external: { kind: GuestKind; homeTenantId: string | null } | null;
  /** An agent user (Graph beta's agentUser): what includeUsers' AllAgentIdUsers covers. */
  agent: boolean;
}
export interface WorkloadSubject {
  kind: 'servicePrincipal';
  servicePrincipal: ServicePrincipal | AgentIdentity;
  /** An agent identity: named by clientApplications' agent identity lists, not by includeServicePrincipals. */
  agent: boolean;
  /** Owned by this tenant: what ServicePrincipalsInMyTenant covers (not Microsoft's apps, not managed identities). */
  inMyTenant: boolean;
}
export type Subject = UserSubject | WorkloadSubject;

/** Every group the object is in, directly or through groups that are themselves members. */
export function transitiveGroups(tenant: TenantState, objectId: string): Set<string> {
  const members = tenant.groupMembers ?? {};
  const found = new Set<string>();
  const queue = [objectId];
  while (queue.length > 0) {
    const member = queue.shift()!;
    for (const [groupId, list] of Object.entries(members)) {
      if (found.has(groupId) || !list.includes(member)) continue;
      found.add(groupId);
      queue.push(groupId);
    }
  }
  return found;
}

export function userSubject(
  tenant: TenantState,
  user: DirectoryUser,
  external?: { kind?: GuestKind; homeTenantId?: string | null },
): UserSubject {
  const groups = transitiveGroups(tenant, user.id);
  const holders = new Set([user.id, ...groups]);
  const roles = new Set(
    Object.entries(tenant.roleMembers ?? {})
      .filter(([, members]) => members.some((member) => holders.has(member)))
      .map(([templateId]) => templateId),
  );
  const isExternal = user.userType === 'Guest' || external?.kind !== undefined;
  return {
    kind: 'user',
    user,
    groups,
    roles,
    external: isExternal ? { kind: external?.kind ?? 'b2bCollaborationGuest', homeTenantId: external?.homeTenantId ?? null } : null,
    agent: user['@odata.type'] === '#microsoft.graph.agentUser',
  };
}

export function workloadSubject(tenant: TenantState, servicePrincipal: ServicePrincipal | AgentIdentity): WorkloadSubject {
  if ('agentIdentityBlueprintId' in servicePrincipal) return { kind: 'servicePrincipal', servicePrincipal, agent: true, inMyTenant: false };
  return {
    kind: 'servicePrincipal',
    servicePrincipal,
    agent: false,
    inMyTenant: servicePrincipal.servicePrincipalType === 'Application' && servicePrincipal.appOwnerOrganizationId === tenant.id,
  };
}

/** A service principal or agent identity by its object id (Graph answers both among servicePrincipals). */
export const findWorkload = (tenant: TenantState, id: unknown): ServicePrincipal | AgentIdentity | undefined =>
  tenant.servicePrincipals.find((s) => s.id === id) ?? tenant.agentIdentities?.find((a) => a.id === id);
