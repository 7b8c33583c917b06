// The users of the rings' groups (directly or through nested groups), read once per group while the
// page is open: the counts shown beside each ring, and the check of the first ring for emergency
// accounts. A group that cannot be read says so instead of counting as empty.
import { useEffect, useState } from 'react';
import type { Principal } from '../../domain/lockout';
import { describeError } from '../../graph/describe-error';
import { readGroupUsers } from '../../graph/directory';
import { useTenantSession } from '../../session/tenant-session';

export type MemberRead = { status: 'loading' } | { status: 'read'; users: Principal[] } | { status: 'failed'; message: string };

export function useGroupMembers(groupIds: readonly string[]): ReadonlyMap<string, MemberRead> {
  const tenant = useTenantSession();
  const [reads, setReads] = useState<ReadonlyMap<string, MemberRead>>(new Map());
  const wanted = [...new Set(groupIds)].sort().join('|');

  useEffect(() => {
    const controller = new AbortController();
    const ids = wanted ? wanted.split('|') : [];
    for (const id of ids) {
      readGroupUsers(tenant.client, id, controller.signal).then(
        (users) => setReads((current) => new Map(current).set(id, { status: 'read', users })),
        (error: unknown) => {
          if (controller.signal.aborted) return;
          setReads((current) => new Map(current).set(id, { status: 'failed', message: describeError(error, 'read its members').message }));
        },
      );
    }
    return () => controller.abort();
  }, [tenant.client, wanted]);

  // A group asked for and not answered yet is loading.
  return new Map(groupIds.map((id) => [id, reads.get(id) ?? { status: 'loading' }]));
}

/** The members as the domain's checks take them: null for a group that could not be read; absent while loading. */
export function knownMembers(reads: ReadonlyMap<string, MemberRead>): Map<string, Principal[] | null> {
  const known = new Map<string, Principal[] | null>();
  for (const [id, read] of reads) {
    if (read.status === 'read') known.set(id, read.users);
    if (read.status === 'failed') known.set(id, null);
  }
  return known;
}

export function memberWords(read: MemberRead | undefined): string {
  if (!read || read.status === 'loading') return 'Counting…';
  if (read.status === 'failed') return `Not read: ${read.message}`;
  return `${read.users.length} user${read.users.length === 1 ? '' : 's'}`;
}
