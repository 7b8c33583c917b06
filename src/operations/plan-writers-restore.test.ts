// A plan's restore over Graph (a fake fetch): the restore lands, and the read-back after it is lost (the
// connection drops). The run's journal says the object is back, so a resume reads it instead of restoring
// it again — for a named location as for a policy.
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../domain/json';
import type { Plan, PlanRow, PlanRowKind } from '../domain/plan/types';
import { clientWith, json } from '../graph/client-fake';
import { applyJournal, applyPlan, newApplyRun, summarizeRun } from './apply-plan';
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

// A restore that landed, then its change written with its answer lost and no look answering, on a device whose history
// refused the version it would replace: the row says that warning as holding if written. Resumed with the connection and
// the storage back, the change written now keeps its version and the warning goes; found already made, it stays.
const RESTORED_THEN_CHANGED: ['policy' | 'namedLocation', JsonObject & { id: string }, JsonObject][] = [
  [
    'policy',
    { id: 'pol-1', displayName: 'Block legacy sign-in', state: 'enabled', modifiedDateTime: '2026-11-01T00:00:00Z' },
    { state: 'enabledForReportingButNotEnforced' },
  ],
  [
    'namedLocation',
    {
      id: 'loc-1',
      '@odata.type': '#microsoft.graph.ipNamedLocation',
      displayName: 'Head office',
      isTrusted: false,
      ipRanges: [{ '@odata.type': '#microsoft.graph.iPv4CidrRange', cidrAddress: '203.0.113.0/24' }],
      modifiedDateTime: '2026-11-01T00:00:00Z',
    },
    { '@odata.type': '#microsoft.graph.ipNamedLocation', isTrusted: true },
  ],
];

describe.each(RESTORED_THEN_CHANGED)('a %s restored, then its change lost over a version not kept, resumed', (kind, object, change) => {
  const collection = COLLECTION[kind];
  /** Deleted items and live objects behind a fake fetch; the change's first PATCH drops the connection for good (applied or not). */
  function droppingTenant(appliedFirst: boolean) {
    const deleted = new Map<string, JsonObject>([[object.id, { ...object }]]);
    const live = new Map<string, JsonObject>();
    const world = { offline: false, patches: 0, restores: 0 };
    const { client } = clientWith((url, init) => {
      if (world.offline) throw new TypeError('Failed to fetch');
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
      const id = new RegExp(`/conditionalAccess/${collection}/([^/]+)$`).exec(path)?.[1];
      const found = id ? live.get(id) : undefined;
      if (!id || !found) return json(404, { error: { code: 'NotFound', message: `Not found: ${path}` } });
      if (init.method === 'PATCH') {
        world.patches++;
        const patched = { ...found, ...(JSON.parse(String(init.body)) as JsonObject), modifiedDateTime: '2026-11-30T12:00:01Z' };
        if (world.patches === 1) {
          if (appliedFirst) live.set(id, patched);
          world.offline = true;
          throw new TypeError('Failed to fetch');
        }
        live.set(id, patched);
        return new Response(null, { status: 204 });
      }
      return json(200, found);
    });
    return { client, world, now: () => live.get(object.id) };
  }

  const plan = (): Plan => {
    const { id: _id, modifiedDateTime: _at, ...rest } = object;
    return {
      ...restorePlan(kind, object),
      rows: [{ ...restorePlan(kind, object).rows[0]!, body: { ...change }, intended: { ...rest, ...change }, before: object }],
    };
  };

  const firstRun = async (appliedFirst: boolean) => {
    const tenant = droppingTenant(appliedFirst);
    const context = memoryContext(tenant.client, 't', clock);
    const record = context.versions.record;
    context.versions.record = () => Promise.reject(new Error('The quota has been exceeded.'));
    const journal = applyJournal(memoryJournals(), 'account');
    const first = await applyPlan(newApplyRun(plan(), 't', clock), graphPlanWriters(context), { clock, journal });
    expect(first.items[0]).toMatchObject({ status: 'failed', restored: true, versionNotKeptIfWritten: true });
    expect(first.items[0]!.versionNotKept).toMatch(/^May have been (saved|written) \(its answer was lost\)/);
    // Resumed once the connection and the device's storage are back.
    tenant.world.offline = false;
    context.versions.record = record;
    return { ...tenant, context, run: await applyPlan(journal.load()!, graphPlanWriters(context), { clock, journal }) };
  };

  it('not applied, then written by the resume with its version kept: the warning is gone', async () => {
    const { run, world, context, now } = await firstRun(false);
    expect(world).toMatchObject({ restores: 1, patches: 2 });
    expect(now()).toMatchObject(change);
    expect(run.items[0]).toMatchObject({ status: 'done', differences: [] });
    expect(run.items[0]!.versionNotKept).toBeUndefined();
    expect(run.items[0]!.versionNotKeptIfWritten).toBeUndefined();
    expect(summarizeRun(run)).not.toContain('Warning');
    // The version it replaced is the one restored, before the change.
    expect(context.versions.all.map((v) => JSON.parse(v.json) as JsonObject)).toEqual([expect.objectContaining({ ...object })]);
  });

  it('applied, then found already changed by the resume (nothing sent, nothing kept): the warning stays, as holding if written', async () => {
    const { run, world, context } = await firstRun(true);
    expect(world).toMatchObject({ restores: 1, patches: 1 });
    expect(run.items[0]).toMatchObject({ status: 'done', differences: [], versionNotKeptIfWritten: true });
    expect(run.items[0]!.versionNotKept).toMatch(/^May have been (saved|written) \(its answer was lost\)/);
    expect(summarizeRun(run)).toContain('Warning');
    expect(context.versions.all).toEqual([]);
  });
});
