// What the hygiene check reads of the emergency groups and accounts: each group's type, sync and
// protection, its users (transitively), and each account's state. Every read is kept apart, so one
// refused for want of a permission (or of an object) is named as such and the others still count. A
// read that may go through another time (the connection, the service, the sign-in) fails the whole
// check instead: kept as "not readable", it left no way to try again but a reload.
import { queryOptions } from '@tanstack/react-query';
import type { GroupFacts, HygieneFacts, Read, UserFacts } from '../../domain/emergency/hygiene';
import type { EmergencyAccess } from '../../domain/lockout';
import { readGroupUsers } from '../../graph/directory';
import { GraphRequestError } from '../../graph/errors';
import { queryKeys } from '../../session/query-keys';
import type { TenantSession } from '../../session/tenant-session';

const reason = (error: unknown) =>
  error instanceof GraphRequestError
    ? error.status === 403
      ? 'the permissions granted to Gatehouse do not allow it (403)'
      : error.status === 404
        ? 'not found in the directory (404)'
        : `${error.message} (${error.status})`
    : error instanceof Error
      ? error.message
      : String(error);

/** Graph's answer about this object for this account, which trying again would not change. */
const isLasting = (error: unknown) =>
  error instanceof GraphRequestError && error.status >= 400 && error.status < 500 && ![401, 408, 429].includes(error.status);

async function attempt<T>(read: () => Promise<T>): Promise<Read<T>> {
  try {
    return { ok: true, value: await read() };
  } catch (error) {
    if (!isLasting(error)) throw error;
    return { ok: false, reason: reason(error) };
  }
}

export const hygieneQuery = (tenant: TenantSession, emergency: EmergencyAccess) =>
  queryOptions({
    queryKey: queryKeys.emergencyHygiene(tenant, [...emergency.users, ...emergency.groups].map((p) => p.id).sort()),
    queryFn: async ({ signal }): Promise<HygieneFacts> => {
      const facts: HygieneFacts = { groups: {}, members: {}, users: {}, units: {} };
      await Promise.all(
        emergency.groups.map(async (group) => {
          const id = encodeURIComponent(group.id);
          const [read, members, units] = await Promise.all([
            attempt(() =>
              tenant.client.get<GroupFacts>(
                `/v1.0/groups/${id}?$select=id,displayName,groupTypes,membershipRule,onPremisesSyncEnabled,isAssignableToRole`,
                { signal },
              ),
            ),
            attempt(() => readGroupUsers(tenant.client, group.id, signal)),
            // isMemberManagementRestricted: a restricted management unit protects a group that is not role-assignable.
            attempt(async () =>
              (
                await tenant.client.list<{ id: string; displayName?: string | null; isMemberManagementRestricted?: boolean | null }>(
                  `/beta/groups/${id}/memberOf/microsoft.graph.administrativeUnit?$select=id,displayName,isMemberManagementRestricted`,
                  { signal },
                )
              ).map((u) => ({ id: u.id, name: u.displayName ?? u.id, restricted: u.isMemberManagementRestricted === true })),
            ),
          ]);
          facts.units![group.id] = units;
          facts.groups[group.id] = read.ok
            ? {
                ok: true,
                value: {
                  ...read.value,
                  groupTypes: read.value.groupTypes ?? [],
                  membershipRule: read.value.membershipRule ?? null,
                  onPremisesSyncEnabled: read.value.onPremisesSyncEnabled ?? null,
                  isAssignableToRole: read.value.isAssignableToRole ?? null,
                },
              }
            : read;
          facts.members[group.id] = members;
        }),
      );
      const accounts = new Set([
        ...emergency.users.map((u) => u.id),
        ...Object.values(facts.members).flatMap((m) => (m.ok ? m.value.map((u) => u.id) : [])),
      ]);
      await Promise.all(
        [...accounts].map(async (userId) => {
          const read = await attempt(() =>
            tenant.client.get<UserFacts>(
              `/v1.0/users/${encodeURIComponent(userId)}?$select=id,displayName,accountEnabled,onPremisesSyncEnabled`,
              { signal },
            ),
          );
          facts.users[userId] = read.ok
            ? {
                ok: true,
                value: {
                  ...read.value,
                  accountEnabled: read.value.accountEnabled ?? null,
                  onPremisesSyncEnabled: read.value.onPremisesSyncEnabled ?? null,
                },
              }
            : read;
        }),
      );
      return facts;
    },
    enabled: emergency.users.length + emergency.groups.length > 0,
    staleTime: 60_000,
  });
