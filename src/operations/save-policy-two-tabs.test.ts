// Two tabs of this device save the same policy at once: they share the history of kept versions. Tab A keeps the
// version it replaces; tab B finds it kept already and keeps nothing twice. A's save is then refused and A forgets
// what it kept: B's save, which lands, must still have its replaced version in the history.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { policyJson } from '../domain/json';
import type { ConditionalAccessPolicy } from '../domain/types';
import type { GraphClient } from '../graph/client';
import { memoryContext, memoryVersions } from './memory-stores';
import type { Clock } from './ports';
import { savePolicy } from './save-policy';

const ID = '0f1c2d3e-0000-4000-8000-00000000b002';
const BASE = '2026-12-01T08:00:00Z';

/** The tenant's one policy, and each PATCH sent, answered when the test says: applied or refused. */
const tenant = vi.hoisted(() => ({
  policy: null as unknown as ConditionalAccessPolicy,
  sent: [] as { apply(): void; refuse(): void }[],
}));

vi.mock('../graph/policies', async () => {
  const { GraphRequestError } = await import('../graph/errors');
  return {
    getPolicy: async () => ({ ...tenant.policy }),
    updatePolicy: (_client: unknown, id: string, patch: Record<string, unknown>) =>
      new Promise<void>((resolve, reject) => {
        tenant.sent.push({
          apply: () => {
            tenant.policy = { ...tenant.policy, ...patch, modifiedDateTime: '2026-12-05T10:00:00Z' };
            resolve();
          },
          refuse: () => reject(new GraphRequestError(400, 'BadRequest', 'The policy is not valid.', { method: 'PATCH', path: id })),
        });
      }),
  };
});

const client = { retries: 2, backoff: async () => {} } as unknown as GraphClient;

beforeEach(() => {
  tenant.policy = { id: ID, displayName: 'Require MFA for admins', state: 'enabled', modifiedDateTime: BASE } as ConditionalAccessPolicy;
  tenant.sent = [];
});

/** Two tabs: their own Graph calls and clocks, one history (IndexedDB is the device's). */
function twoTabs(clocks: { a?: Clock; b?: Clock } = {}) {
  const versions = memoryVersions();
  const tab = (clock?: Clock) => ({ ...memoryContext(client, 'contoso', clock), versions });
  const kept = () => versions.all.map((v) => [v.reason, (JSON.parse(v.json) as { displayName: string }).displayName]);
  return { a: tab(clocks.a), b: tab(clocks.b), kept, keptAt: () => versions.all.map((v) => v.recordedAt) };
}

/** Both tabs' saves sent, A's first, neither answered yet. */
async function bothSent(tabs: ReturnType<typeof twoTabs>) {
  const draft = (displayName: string) => ({ ...policyJson(tenant.policy), displayName });
  const a = savePolicy(tabs.a, ID, draft('Require MFA for every admin'), BASE);
  await vi.waitFor(() => expect(tenant.sent).toHaveLength(1));
  const b = savePolicy(tabs.b, ID, draft('Require MFA for all admins'), BASE);
  await vi.waitFor(() => expect(tenant.sent).toHaveLength(2));
  return { a, b };
}

describe('two tabs saving the same policy at once', () => {
  it('keep the replaced version for the save that lands when the save that kept it is refused', async () => {
    const tabs = twoTabs();
    const { a, b } = await bothSent(tabs);
    tenant.sent[0]!.refuse();
    await expect(a).rejects.toMatchObject({ status: 400 });
    tenant.sent[1]!.apply();
    await expect(b).resolves.toMatchObject({ kind: 'saved', policy: { displayName: 'Require MFA for all admins' } });
    expect(tabs.kept()).toEqual([['before save', 'Require MFA for admins']]);
  });

  it('keep it once when both land', async () => {
    const tabs = twoTabs();
    const { a, b } = await bothSent(tabs);
    tenant.sent[0]!.apply();
    await expect(a).resolves.toMatchObject({ kind: 'saved' });
    tenant.sent[1]!.apply();
    await expect(b).resolves.toMatchObject({ kind: 'saved' });
    expect(tabs.kept()).toEqual([['before save', 'Require MFA for admins']]);
  });

  it('keep the version at the time it was first kept, when the later save that kept it again is the one that lands', async () => {
    const first = '2026-12-05T09:30:00.000Z';
    const tabs = twoTabs({ a: { now: () => new Date(first) }, b: { now: () => new Date('2026-12-05T09:30:07.000Z') } });
    const { a, b } = await bothSent(tabs);
    tenant.sent[0]!.refuse();
    await expect(a).rejects.toMatchObject({ status: 400 });
    tenant.sent[1]!.apply();
    await expect(b).resolves.toMatchObject({ kind: 'saved' });
    expect(tabs.kept()).toEqual([['before save', 'Require MFA for admins']]);
    expect(tabs.keptAt()).toEqual([first]);
  });

  it('keep the version at the time it was first kept when both land', async () => {
    const first = '2026-12-05T09:30:00.000Z';
    const tabs = twoTabs({ a: { now: () => new Date(first) }, b: { now: () => new Date('2026-12-05T09:30:07.000Z') } });
    const { a, b } = await bothSent(tabs);
    tenant.sent[0]!.apply();
    tenant.sent[1]!.apply();
    await Promise.all([a, b]);
    expect(tabs.keptAt()).toEqual([first]);
  });
});
