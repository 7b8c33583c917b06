// A plan's restore over Graph (a fake fetch): the restore lands, and the read-back after it is lost (the
// connection drops). The run's journal says the object is back, so a resume reads it instead of restoring
// it again — for a named location as for a policy.
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../domain/json';
import type { Plan, PlanRow, PlanRowKind } from '../domain/plan/types';
import { clientWith, json } from '../graph/client-fake';
import { applyJournal, applyPlan, newApplyRun } from './apply-plan';
import { memoryContext, memoryJournals } from './memory-stores';
import { graphPlanWriters } from './plan-writers';

const clock = { now: () => new Date('2026-11-30T12:00:00Z') };

const COLLECTION: Record<'policy' | 'namedLocation', string> = { policy: 'policies', namedLocation: 'namedLocations' };

/** A tenant behind a fake fetch: its deleted items, its live objects, and reads that fail while `dropReads` is set. */
function tenantWith(kind: 'policy' | 'namedLocation', object: JsonObject) {
  const collection = COLLECTION[kind];
  const deleted = new Map([[String(object.id), object]]);
  const live = new Map<string, JsonObject>();
  const world = { dropReads: true, restores: 0 };
  const { client } = clientWith((url, init) => {
    const path = new URL(url).pathname;
    const restore = new RegExp(`/deletedItems/${collection}/([^/]+)/restore$`).exec(path);
    if (init.method === 'POST' && restore) {
      world.restores++;
      const found = deleted.get(restore[1]!);
      if (!found) return json(404, { error: { code: 'NotFound', message: 'The object is not in deleted items.' } });
      deleted.delete(restore[1]!);
      live.set(restore[1]!, found);
      return json(200, found);
    }
    const read = new RegExp(`/conditionalAccess/${collection}/([^/]+)$`).exec(path);
    if ((init.method ?? 'GET') === 'GET' && read) {
      if (world.dropReads) throw new TypeError('Failed to fetch');
      const found = live.get(read[1]!);
      return found ? json(200, found) : json(404, { error: { code: 'NotFound', message: 'Not found.' } });
    }
    return json(400, { error: { code: 'BadRequest', message: `Not expected: ${init.method ?? 'GET'} ${path}` } });
  });
  return { client, world };
}

const restorePlan = (kind: PlanRowKind, object: JsonObject): Plan => {
  const { id: _id, ...intended } = object;
  const row: PlanRow = {
    key: `${kind}:${String(object.displayName)}`,
    kind,
    displayName: String(object.displayName),
    action: 'restore',
    options: ['restore'],
    why: '',
    sourceId: null,
    targetId: String(object.id),
    body: {},
    intended,
    before: null,
    problems: [],
  };
  return { sameTenant: false, rows: [row], mapping: [], blockers: [], counts: { create: 0, update: 0, restore: 1, reuse: 0, skip: 0 } };
};

describe.each([
  ['namedLocation', { id: 'loc-1', displayName: 'Head office', '@odata.type': '#microsoft.graph.ipNamedLocation' }],
  ['policy', { id: 'pol-1', displayName: 'Block legacy sign-in', state: 'enabled' }],
] as const)('a %s restored whose read-back is lost', (kind, object) => {
  it('is noted as restored in the journal, and the resume reads it back without restoring it again', async () => {
    const { client, world } = tenantWith(kind, object);
    const journal = applyJournal(memoryJournals(), 'account');
    const writers = graphPlanWriters(memoryContext(client, 't', clock));

    const first = await applyPlan(newApplyRun(restorePlan(kind, object), 't', clock), writers, { clock, journal });
    expect(first.items[0]!.status).toBe('failed');
    expect(world.restores).toBe(1);
    // Said as it is: back in the tenant, only its read-back missing, and what applying again does.
    expect(first.items[0]!.message).toMatch(/^Restored, but not read back: Could not reach Microsoft Graph.*; applying again reads it\.$/s);
    // What a resume (in this page or after a reload) starts from: the object is back.
    expect(journal.load()!.items[0]!.restored).toBe(true);

    world.dropReads = false;
    const resumed = await applyPlan(journal.load()!, writers, { clock, journal });
    expect(resumed.items[0]).toMatchObject({ status: 'done', differences: [] });
    expect(world.restores).toBe(1);
  });
});
