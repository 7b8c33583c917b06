// A delete keeps the version the tenant holds when it is made, not the one the page showed: another
// admin changed the policy (version B) after this page read it (version A), and the kept copy is B, the
// one there is to re-create from.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConditionalAccessPolicy } from '../domain/types';
import type { GraphClient } from '../graph/client';
import { GraphRequestError } from '../graph/errors';
import { deletePolicyKeepingVersion } from './delete-policy';
import { memoryContext } from './memory-stores';

const tenant = vi.hoisted(() => ({ policies: new Map<string, unknown>() }));

vi.mock('../graph/policies', () => ({
  getPolicy: async (_client: unknown, id: string) => {
    const held = tenant.policies.get(id);
    if (!held) throw new GraphRequestError(404, 'NotFound', 'Not found.', { method: 'GET', path: `/policies/${id}` });
    return structuredClone(held);
  },
  deletePolicy: async (_client: unknown, id: string) => void tenant.policies.delete(id),
}));

const client = { retries: 2, backoff: async () => {} } as unknown as GraphClient;
const A = { id: 'p1', displayName: 'Block legacy', state: 'disabled', modifiedDateTime: '2026-12-01T09:00:00Z' } as ConditionalAccessPolicy;
const B = {
  ...A,
  displayName: 'Block legacy (all users)',
  state: 'enabled',
  modifiedDateTime: '2026-12-05T09:00:00Z',
} as ConditionalAccessPolicy;

beforeEach(() => tenant.policies.clear());

describe('deleting a policy another admin changed since the page read it', () => {
  it('keeps the version the tenant held, not the one on the screen', async () => {
    tenant.policies.set('p1', B);
    const context = memoryContext(client, 'tenant-1');
    await deletePolicyKeepingVersion(context, { ...A, id: 'p1' });
    expect(tenant.policies.has('p1')).toBe(false);
    expect(context.versions.all).toHaveLength(1);
    expect(context.versions.all[0]!.reason).toBe('before delete');
    expect(JSON.parse(context.versions.all[0]!.json)).toEqual(B);
  });

  it('counts a policy already gone as deleted, keeping nothing', async () => {
    const context = memoryContext(client, 'tenant-1');
    await expect(deletePolicyKeepingVersion(context, { ...A, id: 'p1' })).resolves.toBeUndefined();
    expect(context.versions.all).toHaveLength(0);
  });
});
