// The hygiene check keeps a read Graph refuses for good (403, 404) as "not readable" beside the others,
// but a read that may go through another time (a dropped connection, an expired sign-in, the service
// down) fails the check, so the page offers Try again or Sign in again: kept as "not readable", it left
// only a reload.
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { GraphRequestError } from '../../graph/errors';
import type { EmergencyAccess } from '../../domain/lockout';
import type { TenantSession } from '../../session/tenant-session';
import { hygieneQuery } from './hygiene-query';

const refusal = (status: number) =>
  new GraphRequestError(status, 'Refused', `Refused (${status})`, { method: 'GET', path: '/v1.0/users/u1' });

function tenantWhoseUserReadFails(error: unknown) {
  const client = {
    get: async (path: string) => {
      if (path.startsWith('/v1.0/users/')) throw error;
      return { id: 'g1', displayName: 'Emergency', groupTypes: [], isAssignableToRole: true, onPremisesSyncEnabled: null };
    },
    list: async () => [],
  };
  return { client, scopeKey: ['tenant-1'], account: { key: 'a', tenantId: 'tenant-1' } } as unknown as TenantSession;
}

const emergency: EmergencyAccess = { users: [{ id: 'u1', name: 'Break Glass 01' }], groups: [{ id: 'g1', name: 'Emergency' }] };
const read = (tenant: TenantSession) => new QueryClient().fetchQuery({ ...hygieneQuery(tenant, emergency), retry: false });

describe('hygieneQuery', () => {
  it('names an account Graph will not show this account as not readable, and reads the rest', async () => {
    const facts = await read(tenantWhoseUserReadFails(refusal(403)));
    expect(facts.users.u1).toEqual({ ok: false, reason: 'the permissions granted to Gatehouse do not allow it (403)' });
    expect(facts.groups.g1?.ok).toBe(true);
  });

  it.each([
    ['a dropped connection', new TypeError('Failed to fetch')],
    ['an expired sign-in', refusal(401)],
    ['the service down', refusal(503)],
    ['throttling', refusal(429)],
  ])('fails the check on %s, so it can be tried again', async (_, error) => {
    await expect(read(tenantWhoseUserReadFails(error))).rejects.toBe(error);
  });
});
