// The emergency-access accounts a command guards, named by id on the command line (--emergency,
// repeated): each read from the directory as a user or a group, a group's accounts listed, and what
// each account belongs to, so the lock-out guard and the impact and gate reports say who by name.
// An id the directory does not know is an error that names it: a typo must not leave an account unguarded.
import type { EmergencyAccess, Membership, Principal } from '../../domain/lockout';
import type { GraphClient } from '../../graph/client';
import { readGroupUsers, readMembership } from '../../graph/directory';
import { CliError } from '../cli-error';

export interface EmergencyRead {
  access: EmergencyAccess;
  /** Every account guarded: the named users and the members of the named groups. */
  accounts: Principal[];
  /** What each account belongs to (groups transitively, roles by template id). */
  memberships: Map<string, Membership>;
}

interface DirectoryObject {
  '@odata.type'?: string;
  id: string;
  displayName?: string | null;
}

/** The users and groups named, as the directory has them (no members read): lint needs no more. */
export async function findEmergency(client: GraphClient, ids: readonly string[]): Promise<EmergencyAccess> {
  const access: EmergencyAccess = { users: [], groups: [], members: [] };
  if (ids.length === 0) return access;
  const answer = await client.request<{ value?: DirectoryObject[] }>('/v1.0/directoryObjects/getByIds', {
    method: 'POST',
    body: { ids: [...new Set(ids)], types: ['user', 'group'] },
    idempotent: true,
  });
  const found = new Map((answer.value ?? []).map((o) => [o.id.toLowerCase(), o]));
  const unknown = ids.filter((id) => !found.has(id.toLowerCase()));
  if (unknown.length > 0)
    throw new CliError(`--emergency: the directory has no user or group ${unknown.map((id) => `'${id}'`).join(', ')}.`);
  for (const object of found.values()) {
    const principal = { id: object.id, name: object.displayName ?? object.id };
    if (object['@odata.type'] === '#microsoft.graph.group') access.groups.push(principal);
    else access.users.push(principal);
  }
  return access;
}

export async function readEmergency(client: GraphClient, ids: readonly string[]): Promise<EmergencyRead> {
  const access = await findEmergency(client, ids);
  if (ids.length === 0) return { access, accounts: [], memberships: new Map() };
  for (const group of access.groups) for (const user of await readGroupUsers(client, group.id)) access.members!.push({ user, group });
  const accounts = [...access.users];
  for (const { user } of access.members!) if (!accounts.some((a) => a.id === user.id)) accounts.push(user);
  const memberships = new Map<string, Membership>();
  for (const account of accounts) memberships.set(account.id, await readMembership(client, 'users', account.id));
  return { access, accounts, memberships };
}
