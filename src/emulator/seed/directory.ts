// Builds a tenant's users, groups and service principals from short lists, with stable ids.
import { stableId } from '../core/ids';
import type { AgentIdentity, DirectoryGroup, DirectoryUser, ServicePrincipal } from '../core/model';
import { microsoftApps } from './apps';

export interface DirectorySpec {
  key: string;
  domain: string;
  members: string[];
  guests: { name: string; home: string }[];
  groups: { name: string; description: string; isAssignableToRole?: boolean }[];
  apps: { name: string; type?: ServicePrincipal['servicePrincipalType'] }[];
  /** Agent identities (Graph beta), each made from a blueprint of the same name. */
  agents?: string[];
  /** Agent users (Graph beta): user accounts of agents, each tied to one of `agents` (its identityParentId). */
  agentUsers?: { name: string; agent: string }[];
}

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');

export function buildDirectory(spec: DirectorySpec) {
  const users: DirectoryUser[] = [
    ...spec.members.map((name) => ({
      id: stableId(`${spec.key}:user:${name}`),
      displayName: name,
      userPrincipalName: `${slug(name)}@${spec.domain}`,
      mail: `${slug(name)}@${spec.domain}`,
      userType: 'Member' as const,
      accountEnabled: true,
    })),
    ...spec.guests.map(({ name, home }) => ({
      id: stableId(`${spec.key}:user:${name}`),
      displayName: `${name} (${home})`,
      userPrincipalName: `${slug(name)}_${home}#EXT#@${spec.domain}`,
      mail: `${slug(name)}@${home}`,
      userType: 'Guest' as const,
      accountEnabled: true,
    })),
  ];
  const groups: DirectoryGroup[] = spec.groups.map(({ name, description, isAssignableToRole }) => ({
    id: stableId(`${spec.key}:group:${name}`),
    displayName: name,
    description,
    securityEnabled: true,
    mailEnabled: false,
    groupTypes: [],
    ...(isAssignableToRole ? { isAssignableToRole } : {}),
  }));
  const servicePrincipals: ServicePrincipal[] = [
    ...Object.values(microsoftApps).map(({ appId, displayName }) => ({
      id: stableId(`${spec.key}:sp:${appId}`),
      appId,
      displayName,
      servicePrincipalType: 'Application' as const,
      appOwnerOrganizationId: 'f8cdef31-a31e-4b4a-93e4-5f571e91255a',
    })),
    ...spec.apps.map(({ name, type }) => ({
      id: stableId(`${spec.key}:sp:${name}`),
      appId: stableId(`${spec.key}:app:${name}`),
      displayName: name,
      servicePrincipalType: type ?? ('Application' as const),
      appOwnerOrganizationId: type === 'ManagedIdentity' ? null : stableId(`tenant:${spec.key}`),
    })),
  ];
  const agentIdentities: AgentIdentity[] = (spec.agents ?? []).map((name) => ({
    '@odata.type': '#microsoft.graph.agentIdentity',
    id: stableId(`${spec.key}:agent:${name}`),
    displayName: name,
    servicePrincipalType: 'ServiceIdentity',
    agentIdentityBlueprintId: stableId(`${spec.key}:blueprint:${name}`),
    accountEnabled: true,
    disabledByMicrosoftStatus: null,
    tags: [],
  }));
  const byName = <T extends { displayName: string }>(items: T[], name: string): T => {
    const found = items.find((item) => item.displayName === name || item.displayName.startsWith(`${name} (`));
    if (!found) throw new Error(`Seed refers to unknown ${name}`);
    return found;
  };
  // After the people: the seed's first users stay who they were.
  for (const { name, agent } of spec.agentUsers ?? [])
    users.push({
      '@odata.type': '#microsoft.graph.agentUser',
      id: stableId(`${spec.key}:agentUser:${name}`),
      displayName: name,
      userPrincipalName: `${slug(name)}@${spec.domain}`,
      mail: `${slug(name)}@${spec.domain}`,
      userType: 'Member',
      accountEnabled: true,
      identityParentId: byName(agentIdentities, agent).id,
    });
  return {
    users,
    groups,
    servicePrincipals,
    agentIdentities,
    user: (name: string) => byName(users, name).id,
    group: (name: string) => byName(groups, name).id,
    app: (name: string) => byName(servicePrincipals, name).appId,
    servicePrincipal: (name: string) => byName(servicePrincipals, name).id,
    agentIdentity: (name: string) => byName(agentIdentities, name).id,
    /** An id that once belonged to an object that has since been deleted. */
    gone: (name: string) => stableId(`${spec.key}:deleted:${name}`),
  };
}
