// Security groups a restore or copy creates when the target has nothing to stand for a source group:
// created empty (members are the admin's business), and found by name after a create whose answer was
// lost. Creating needs GROUP_CREATE_SCOPES (src/auth/scopes.ts), asked for only when a plan creates one.
import type { GraphClient } from './client';
import { filterEq } from './odata-literal';

/** A group as created or found here: what identifies it and says it is a plain security group. */
export interface DirectoryGroup {
  id: string;
  displayName: string;
  description?: string | null;
  mailNickname?: string;
  mailEnabled?: boolean;
  securityEnabled?: boolean;
  createdDateTime?: string | null;
}

const SELECT = '$select=id,displayName,description,mailNickname,mailEnabled,securityEnabled,createdDateTime';
/** Graph: at most 64 characters, ASCII without @ () \ [] " ; : . <> , and spaces (group-post-groups). */
const NICKNAME_LIMIT = 64;

/**
 * A mail alias Graph accepts, from the group's name: letters and digits of the name (accents dropped),
 * joined by '-', then a random suffix. Every group needs one, mail-enabled or not, and Graph may
 * refuse one that another object already has, hence the suffix.
 */
export function mailNicknameFor(displayName: string, random: () => string = () => crypto.randomUUID().slice(0, 8)): string {
  const stem = displayName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const suffix =
    random()
      .replace(/[^a-z0-9]/gi, '')
      .toLowerCase() || '0';
  const room = NICKNAME_LIMIT - suffix.length - 1;
  const head = stem.slice(0, room).replace(/-+$/, '') || 'group';
  return `${head}-${suffix}`;
}

/**
 * POST /groups: a security group, not mail-enabled, assigned membership, with the given name and
 * description. 201 with the group. Not repeated by the client after a lost answer: look with
 * `findGroupsByName` first (a directory read may lag a moment behind the write it follows).
 */
export function createSecurityGroup(
  client: GraphClient,
  group: { displayName: string; description?: string | null },
  writeScopes: readonly string[],
): Promise<DirectoryGroup> {
  const displayName = group.displayName.trim();
  if (!displayName) throw new Error('A group needs a name.');
  return client.request<DirectoryGroup>('/v1.0/groups', {
    method: 'POST',
    body: {
      displayName,
      ...(group.description ? { description: group.description } : {}),
      mailEnabled: false,
      mailNickname: mailNicknameFor(displayName),
      securityEnabled: true,
    },
    scopes: writeScopes,
  });
}

/** Every group named exactly so ($filter displayName eq): several is possible, Entra does not keep names unique. */
export function findGroupsByName(client: GraphClient, displayName: string): Promise<DirectoryGroup[]> {
  return client.list<DirectoryGroup>(`/v1.0/groups?${filterEq('displayName', displayName)}&${SELECT}`);
}
