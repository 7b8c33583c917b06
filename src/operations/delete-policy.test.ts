// A delete keeps the version the tenant holds when it is made, not the one the page showed: another
// admin changed the policy (version B) after this page read it (version A), and the kept copy is B, the
// one there is to re-create from. It keeps it once however often the delete is tried, and not at all
// when Graph refuses the delete; a delete whose answer was lost may have happened, and keeps it.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConditionalAccessPolicy } from '../domain/types';
import type { GraphClient } from '../graph/client';
import { GraphRequestError } from '../graph/errors';
import { deletePolicyKeepingVersion } from './delete-policy';
import { memoryContext } from './memory-stores';

/**
 * `deleteAnswers`: how each DELETE goes, in turn (then 'ok'): applied and answered, refused or failed with a status
 * before it is applied, or applied with its answer lost. `lookFails`: a read after a DELETE was sent answers this
 * status instead.
 */
const tenant = vi.hoisted(() => ({
  policies: new Map<string, unknown>(),
  deleteAnswers: [] as ('ok' | 'lost' | number)[],
  lookFails: null as number | null,
  deleteSent: false,
}));

vi.mock('../graph/policies', () => ({
  getPolicy: async (_client: unknown, id: string) => {
    const held = tenant.policies.get(id);
    if (tenant.deleteSent && tenant.lookFails !== null)
      throw new GraphRequestError(tenant.lookFails, 'Failed', 'Failed.', { method: 'GET', path: `/policies/${id}` });
    if (!held) throw new GraphRequestError(404, 'NotFound', 'Not found.', { method: 'GET', path: `/policies/${id}` });
    return structuredClone(held);
  },
  deletePolicy: async (_client: unknown, id: string) => {
    tenant.deleteSent = true;
    const answer = tenant.deleteAnswers.shift() ?? 'ok';
    const failed = (status: number) => new GraphRequestError(status, 'Failed', 'Failed.', { method: 'DELETE', path: `/policies/${id}` });
    if (typeof answer === 'number') throw failed(answer);
    tenant.policies.delete(id);
    if (answer === 'lost') throw failed(0);
  },
}));

const client = { retries: 2, backoff: async () => {} } as unknown as GraphClient;
const A = { id: 'p1', displayName: 'Block legacy', state: 'disabled', modifiedDateTime: '2026-12-01T09:00:00Z' } as ConditionalAccessPolicy;
const B = {
  ...A,
  displayName: 'Block legacy (all users)',
  state: 'enabled',
  modifiedDateTime: '2026-12-05T09:00:00Z',
} as ConditionalAccessPolicy;

beforeEach(() => {
  tenant.policies.clear();
  tenant.deleteAnswers = [];
  tenant.lookFails = null;
  tenant.deleteSent = false;
});

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

describe('the version a delete keeps', () => {
  it('is kept once when the delete is tried again after it failed', async () => {
    tenant.policies.set('p1', B);
    // Unavailable on every try the client makes (the first and its 2 retries), the policy still there each time.
    tenant.deleteAnswers = [503, 503, 503];
    const context = memoryContext(client, 'tenant-1');
    await expect(deletePolicyKeepingVersion(context, { id: 'p1' })).rejects.toMatchObject({ status: 503 });
    expect(context.versions.all).toHaveLength(1);
    await deletePolicyKeepingVersion(context, { id: 'p1' });
    expect(tenant.policies.has('p1')).toBe(false);
    expect(context.versions.all.map((v) => [v.reason, JSON.parse(v.json)])).toEqual([['before delete', B]]);
  });

  it.each([403, 400])('is not kept when Graph refuses the delete (%i): the policy was not deleted', async (status) => {
    tenant.policies.set('p1', B);
    tenant.deleteAnswers = [status];
    const context = memoryContext(client, 'tenant-1');
    await expect(deletePolicyKeepingVersion(context, { id: 'p1' })).rejects.toMatchObject({ status });
    expect(tenant.policies.has('p1')).toBe(true);
    expect(context.versions.all).toHaveLength(0);
  });

  it('is kept once when the delete happened but its answer was lost (found gone)', async () => {
    tenant.policies.set('p1', B);
    tenant.deleteAnswers = ['lost'];
    const context = memoryContext(client, 'tenant-1');
    await deletePolicyKeepingVersion(context, { id: 'p1' });
    expect(tenant.policies.has('p1')).toBe(false);
    expect(context.versions.all.map((v) => v.reason)).toEqual(['before delete']);
  });

  it('is kept when the delete may have happened: its answer was lost and the look at the tenant was refused', async () => {
    tenant.policies.set('p1', B);
    tenant.deleteAnswers = ['lost'];
    tenant.lookFails = 403;
    const context = memoryContext(client, 'tenant-1');
    await expect(deletePolicyKeepingVersion(context, { id: 'p1' })).rejects.toMatchObject({ status: 403 });
    expect(context.versions.all.map((v) => v.reason)).toEqual(['before delete']);
  });
});
