// A restore Graph answered, whose policy a read does not show yet (the service shows a restored object
// late): the restore is not reported as "Not found", and the report-only the admin chose is still set.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConditionalAccessPolicy } from '../domain/types';
import { REPORT_ONLY } from '../domain/types';
import type { GraphClient } from '../graph/client';
import { GraphRequestError } from '../graph/errors';
import { memoryContext } from './memory-stores';
import { restorePolicy } from './restore-policy';

const ID = '6b2f0c1e-0000-4000-8000-00000000a001';

/** A tenant whose restored policy stays hidden from the first `hiddenReads` reads. */
const tenant = vi.hoisted(() => ({
  policy: null as ConditionalAccessPolicy | null,
  hiddenReads: 0,
  reads: 0,
  patches: [] as Record<string, unknown>[],
}));

const notFound = (method: string) =>
  new GraphRequestError(404, 'NotFound', 'The policy was not found.', { method, path: '/identity/conditionalAccess/policies' });

vi.mock('../graph/deleted-items', () => ({
  restoreDeletedPolicy: async () => {
    tenant.policy = { id: ID, displayName: 'Block legacy authentication', state: 'enabled' } as ConditionalAccessPolicy;
    return { ...tenant.policy };
  },
}));

vi.mock('../graph/policies', () => ({
  getPolicy: async () => {
    tenant.reads++;
    if (!tenant.policy || tenant.reads <= tenant.hiddenReads) throw notFound('GET');
    return { ...tenant.policy };
  },
  updatePolicy: async (_client: unknown, _id: string, patch: Record<string, unknown>) => {
    tenant.patches.push(patch);
    if (!tenant.policy) throw notFound('PATCH');
    Object.assign(tenant.policy, patch);
  },
}));

const waits: number[] = [];
const client = {
  retries: 2,
  backoff: async (_attempt: number, error: GraphRequestError) => void waits.push(error.details.retryAfterSeconds ?? 0),
  // The waits for a restored policy to show, in seconds, on the client's clock.
  wait: async (ms: number) => void waits.push(ms / 1000),
} as unknown as GraphClient;

beforeEach(() => {
  Object.assign(tenant, { policy: null, hiddenReads: 0, reads: 0, patches: [] });
  waits.length = 0;
});

describe('a restore whose policy is not shown yet when read back', () => {
  it('is restored in report-only as the admin chose, after waiting for it to show', async () => {
    tenant.hiddenReads = 2;
    const outcome = await restorePolicy(memoryContext(client, 'contoso'), { id: ID, reportOnly: true });
    expect(outcome).toMatchObject({ kind: 'restored', policy: { id: ID, state: REPORT_ONLY } });
    expect(tenant.patches).toEqual([{ state: REPORT_ONLY }]);
    expect(waits).toEqual([2, 5]);
  });

  it('still sets report-only by id when no read shows it after every wait', async () => {
    tenant.hiddenReads = 4;
    const outcome = await restorePolicy(memoryContext(client, 'contoso'), { id: ID, reportOnly: true });
    expect(outcome).toMatchObject({ kind: 'restored', policy: { id: ID, state: REPORT_ONLY } });
    expect(tenant.patches).toEqual([{ state: REPORT_ONLY }]);
    expect(waits).toEqual([2, 5, 10]);
  });
});
