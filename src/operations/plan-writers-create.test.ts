// A plan's create of a group or a named location over Graph (a fake fetch) whose answer is lost: the POST
// reaches the tenant, then the connection drops. A directory read lags behind the write it follows, so
// the object is not in the first look. It is looked for again after each wait, never posted twice; not
// found after every wait, the row says it may still have been created, and a resume finds it.
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../domain/json';
import type { Plan, PlanRow } from '../domain/plan/types';
import { clientWith, json } from '../graph/client-fake';
import { applyJournal, applyPlan, newApplyRun } from './apply-plan';
import { memoryContext, memoryJournals } from './memory-stores';
import { graphPlanWriters } from './plan-writers';

const clock = { now: () => new Date('2026-11-30T12:00:00Z') };

const CASES: { kind: 'group' | 'namedLocation'; collection: string; body: JsonObject }[] = [
  {
    kind: 'group',
    collection: '/v1.0/groups',
    body: { displayName: 'CA-Ring1', description: 'Ring 1 of the rollout of CA001' },
  },
  {
    kind: 'namedLocation',
    collection: '/beta/identity/conditionalAccess/namedLocations',
    body: {
      '@odata.type': '#microsoft.graph.ipNamedLocation',
      displayName: 'Head office',
      isTrusted: false,
      ipRanges: [{ '@odata.type': '#microsoft.graph.iPv4CidrRange', cidrAddress: '192.0.2.0/24' }],
    },
  },
];

/**
 * A tenant behind a fake fetch: the first POST is carried out and its answer lost (TypeError); each object shows in
 * a list only after `lag` list reads made since it was created (a read by id finds it at once).
 */
function laggingTenant(collection: string, lag: number) {
  const objects: { object: JsonObject; unseen: number }[] = [];
  const world = { posts: 0, lag };
  const { client, sleeps } = clientWith((url, init) => {
    const { pathname } = new URL(url);
    if (init.method === 'POST' && pathname === collection) {
      world.posts++;
      const object = { ...(JSON.parse(String(init.body)) as JsonObject), id: `made-${world.posts}` };
      objects.push({ object, unseen: world.lag });
      if (world.posts === 1) throw new TypeError('Failed to fetch');
      return json(201, object);
    }
    if ((init.method ?? 'GET') === 'GET' && pathname === collection) {
      const shown = objects.filter((o) => o.unseen-- <= 0).map((o) => o.object);
      return json(200, { value: shown });
    }
    const byId = objects.find((o) => pathname === `${collection}/${String(o.object.id)}`);
    if ((init.method ?? 'GET') === 'GET' && byId) return json(200, byId.object);
    return json(400, { error: { code: 'BadRequest', message: `Not expected: ${init.method ?? 'GET'} ${pathname}` } });
  });
  return { client, world, sleeps, objects };
}

const createPlan = (kind: PlanRow['kind'], body: JsonObject): Plan => {
  const row: PlanRow = {
    key: `${kind}:${String(body.displayName)}`,
    kind,
    displayName: String(body.displayName),
    action: 'create',
    options: ['create'],
    why: '',
    sourceId: null,
    targetId: null,
    body,
    intended: body,
    before: null,
    problems: [],
  };
  return { sameTenant: false, rows: [row], mapping: [], blockers: [], counts: { create: 1, update: 0, restore: 0, reuse: 0, skip: 0 } };
};

describe.each(CASES)('a plan’s create of a $kind whose answer is lost', ({ kind, collection, body }) => {
  it('is posted once and found after a wait, though the first look does not show it yet', async () => {
    // The look before the POST, then the first look after it, do not show it; the look after the first wait does.
    const tenant = laggingTenant(collection, 1);
    const writers = graphPlanWriters(memoryContext(tenant.client, 't', clock));

    const run = await applyPlan(newApplyRun(createPlan(kind, body), 't', clock), writers, { clock });

    expect(tenant.world.posts).toBe(1);
    expect(run.items[0]).toMatchObject({ status: 'done', targetId: 'made-1', differences: [] });
    expect(tenant.objects).toHaveLength(1);
    // The wait taken is the settle's first (2 s), on the client's clock.
    expect(tenant.sleeps).toContain(2000);
  });

  it('not found after every wait, says it may still have been created, posts nothing more, and a resume finds it', async () => {
    const tenant = laggingTenant(collection, 100);
    const writers = graphPlanWriters(memoryContext(tenant.client, 't', clock));
    const journal = applyJournal(memoryJournals(), 'account');

    const first = await applyPlan(newApplyRun(createPlan(kind, body), 't', clock), writers, { clock, journal });
    expect(first.items[0]!.status).toBe('failed');
    expect(first.items[0]!.message).toMatch(/answer to the create was lost \(the connection failed\)/);
    expect(first.items[0]!.message).toMatch(/It may still have been created: applying again looks for it first/);
    expect(tenant.world.posts).toBe(1);

    // Later, the directory shows it: the resume finds it instead of creating a second one.
    for (const o of tenant.objects) o.unseen = 0;
    const resumed = await applyPlan(journal.load()!, writers, { clock, journal });
    expect(resumed.items[0]).toMatchObject({ status: 'done', recovered: true, targetId: 'made-1' });
    expect(tenant.world.posts).toBe(1);
  });
});
