// Finding directory objects by name, for pickers: users (by name, sign-in name or mail), groups (by
// name or mail), service principals other than agent identities (by a word of the name, or by an
// appId pasted whole) and agent identities apart (by a word of the name, or an id pasted whole) through $search, which needs ConsistencyLevel: eventual; role templates and named locations filtered
// locally (small, complete lists). And what a user or group belongs to, through groups and directory
// roles, for the lock-out guard.
import type { GraphClient } from './client';
import type { Membership } from '../domain/lockout';
import { agentKind } from './object-kind';

/**
 * servicePrincipals answer appIds (what policies name for applications); workloadIdentities answer the service principals' own ids;
 * agentIdentities the agent identities' own ids (what clientApplications' agent identity lists name).
 */
export type DirectoryKind =
  'users' | 'groups' | 'servicePrincipals' | 'workloadIdentities' | 'agentIdentities' | 'roles' | 'namedLocations';

export interface DirectoryEntry {
  id: string;
  displayName: string;
  detail?: string;
  /** An agent user: a user by kind (Graph beta's agentUser), known by its @odata.type as getByIds's names are. */
  agent?: 'agentUser';
}

interface Item {
  '@odata.type'?: string;
  id: string;
  displayName?: string;
  userPrincipalName?: string;
  mail?: string | null;
  appId?: string;
  description?: string | null;
}

const AGENT_IDENTITY = '#microsoft.graph.agentIdentity';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What each kind is searched by: Graph's $search takes one property a clause, joined by OR. */
const SEARCHED: Record<'users' | 'groups' | 'servicePrincipals', string[]> = {
  users: ['displayName', 'userPrincipalName', 'mail'],
  groups: ['displayName', 'mail'],
  // Graph tokenizes displayName: 'expenses' finds 'Contoso Expenses', where startswith would not.
  servicePrincipals: ['displayName'],
};

/** The $search value for a term: every property, quoted, joined by OR (quotes and backslashes dropped from the term). */
export function searchClause(kind: keyof typeof SEARCHED, term: string): string {
  const value = term.replace(/["\\]/g, '');
  return SEARCHED[kind].map((property) => `"${property}:${value}"`).join(' OR ');
}

export async function searchDirectory(
  client: GraphClient,
  kind: DirectoryKind,
  text: string,
  signal?: AbortSignal,
): Promise<DirectoryEntry[]> {
  const term = text.trim();
  if (kind === 'users' || kind === 'groups') {
    if (!term) return [];
    const select = kind === 'users' ? 'id,displayName,userPrincipalName,mail' : 'id,displayName,description,mail';
    const search = encodeURIComponent(searchClause(kind, term));
    const page = await client.get<{ value: Item[] }>(`/v1.0/${kind}?$search=${search}&$select=${select}&$top=20`, {
      signal,
      headers: { ConsistencyLevel: 'eventual' },
    });
    return page.value.map((i) => ({
      id: i.id,
      displayName: i.displayName ?? i.id,
      detail: i.userPrincipalName ?? i.description ?? i.mail ?? undefined,
      ...(agentKind(i['@odata.type']) === 'agentUser' ? { agent: 'agentUser' as const } : {}),
    }));
  }
  if (kind === 'agentIdentities') {
    if (!term) return [];
    // Graph beta lists agent identities alone through a cast of servicePrincipals; $search needs $count and
    // ConsistencyLevel there. An object id pasted whole is looked up by id.
    const query = GUID.test(term)
      ? `$filter=${encodeURIComponent(`id eq '${term.toLowerCase()}'`)}`
      : `$search=${encodeURIComponent(searchClause('servicePrincipals', term))}&$count=true`;
    const page = await client.get<{ value: Item[] }>(
      `/beta/servicePrincipals/microsoft.graph.agentIdentity?${query}&$select=id,displayName&$top=20`,
      {
        signal,
        headers: { ConsistencyLevel: 'eventual' },
      },
    );
    return page.value.map((i) => ({ id: i.id, displayName: i.displayName ?? i.id }));
  }
  if (kind === 'servicePrincipals' || kind === 'workloadIdentities') {
    if (!term) return [];
    // An appId pasted whole is looked up by appId; any other text by the words of the name.
    const query = GUID.test(term)
      ? `$filter=${encodeURIComponent(`appId eq '${term.toLowerCase()}'`)}`
      : `$search=${encodeURIComponent(searchClause('servicePrincipals', term))}`;
    const page = await client.get<{ value: Item[] }>(`/v1.0/servicePrincipals?${query}&$select=id,appId,displayName&$top=20`, {
      signal,
      headers: { ConsistencyLevel: 'eventual' },
    });
    // An agent identity is a service principal (Graph answers it among them) that policies name only in their
    // agent identity lists, and it has no appId of its own: neither picker offers it. Applications are named by
    // appId alone, so one without an appId in the answer is not offered there either.
    const offered = page.value.filter((i) => i['@odata.type'] !== AGENT_IDENTITY);
    return kind === 'servicePrincipals'
      ? offered.flatMap((i) => (i.appId ? [{ id: i.appId, displayName: i.displayName ?? i.appId, detail: i.appId }] : []))
      : offered.map((i) => ({ id: i.id, displayName: i.displayName ?? i.id, detail: i.appId ? `App ${i.appId}` : undefined }));
  }
  const all =
    kind === 'roles'
      ? await client.list<Item>('/v1.0/directoryRoleTemplates?$select=id,displayName', { signal })
      : await client.list<Item>('/v1.0/identity/conditionalAccess/namedLocations', { signal });
  const lower = term.toLowerCase();
  return all
    .filter((i) => (i.displayName ?? '').toLowerCase().includes(lower))
    .slice(0, 20)
    .map((i) => ({ id: i.id, displayName: i.displayName ?? i.id }));
}

interface MemberOfItem {
  '@odata.type'?: string;
  id: string;
  displayName?: string | null;
  roleTemplateId?: string | null;
}

/**
 * The groups a user or group belongs to, directly or through other groups, and the directory roles
 * it holds, directly or through a group (transitiveMemberOf; roles by template id, as policies name
 * them). Roles only eligible through Privileged Identity Management are not members yet: not here.
 */
export async function readMembership(client: GraphClient, kind: 'users' | 'groups', id: string, signal?: AbortSignal): Promise<Membership> {
  const items = await client.list<MemberOfItem>(`/v1.0/${kind}/${encodeURIComponent(id)}/transitiveMemberOf`, { signal });
  const membership: Membership = { groups: [], roles: [] };
  for (const item of items) {
    const type = item['@odata.type'] ?? '';
    if (type === '#microsoft.graph.group') membership.groups.push({ id: item.id, name: item.displayName ?? item.id });
    else if (type === '#microsoft.graph.directoryRole' && item.roleTemplateId)
      membership.roles.push({ id: item.roleTemplateId, name: item.displayName ?? item.roleTemplateId });
  }
  return membership;
}

/** The users in a group, directly or through nested groups (an emergency-access group's accounts). */
export async function readGroupUsers(client: GraphClient, groupId: string, signal?: AbortSignal): Promise<{ id: string; name: string }[]> {
  const items = await client.list<Item>(
    `/v1.0/groups/${encodeURIComponent(groupId)}/transitiveMembers/microsoft.graph.user?$select=id,displayName`,
    { signal },
  );
  return items.map((i) => ({ id: i.id, name: i.displayName ?? i.id }));
}
