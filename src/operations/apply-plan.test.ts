import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../domain/json';
import { pendingId, type Plan, type PlanRow, type PlanRowKind } from '../domain/plan/types';
import { GraphRequestError } from '../graph/errors';
import { applyJournal, applyPlan, ChangedSincePlanned, hashOf, newApplyRun, summarizeRun, type PlanWriters } from './apply-plan';
import { memoryJournals } from './memory-stores';

const clock = { now: () => new Date('2026-11-30T12:00:00Z') };

const row = (key: string, kind: PlanRowKind, action: PlanRow['action'], body: JsonObject, targetId: string | null = null): PlanRow => ({
  key,
  kind,
  displayName: String(body.displayName ?? key),
  action,
  options: [action],
  why: '',
  sourceId: null,
  targetId,
  body,
  intended: body,
  before: null,
  problems: [],
});

const plan = (rows: PlanRow[]): Plan => ({
  sameTenant: false,
  rows,
  mapping: [],
  blockers: [],
  counts: { create: 0, update: 0, restore: 0, reuse: 0, skip: 0 },
});

/** A tenant in memory; `fail` decides, per call, whether a write throws (and whether it happened first). */
function memoryTenant(fail: (call: string, n: number) => { error: Error; applied: boolean } | null = () => null) {
  const objects = new Map<string, JsonObject>();
  const deleted = new Map<string, JsonObject>();
  const calls: string[] = [];
  let next = 1;
  const attempt = (call: string, write: () => void) => {
    calls.push(call);
    const failure = fail(call, calls.filter((c) => c === call).length);
    if (failure?.applied) write();
    if (failure) throw failure.error;
    write();
  };
  const writers: PlanWriters = {
    async create(kind, body) {
      const id = `${kind}-${next++}`;
      attempt(`create ${String(body.displayName)}`, () => objects.set(id, { ...body, id }));
      return objects.get(id)!;
    },
    async update(_kind, id, body, item) {
      attempt(`update ${id}`, () => objects.set(id, { ...objects.get(id), ...body }));
      item.onWrittenNow?.();
    },
    async restore(_kind, id) {
      // As the safe restore does: one found back already counts as restored.
      if (!objects.has(id)) {
        if (!deleted.has(id)) throw new GraphRequestError(404, 'NotFound', 'not found', { method: 'POST', path: id });
        attempt(`restore ${id}`, () => {
          objects.set(id, deleted.get(id)!);
          deleted.delete(id);
        });
      }
      return objects.get(id)!;
    },
    async read(_kind, id) {
      return objects.get(id)!;
    },
    async findCreated(_kind, body) {
      return [...objects.values()].find((o) => o.displayName === body.displayName) ?? null;
    },
    compare(_kind, intended, actual) {
      return Object.keys(intended)
        .filter((k) => JSON.stringify(intended[k]) !== JSON.stringify(actual[k]))
        .map((k) => `${k} differs`);
    },
  };
  return { objects, deleted, calls, writers };
}

const rows = () => [
  row('namedLocation:office', 'namedLocation', 'create', { displayName: 'Office' }),
  row('policy:a', 'policy', 'create', {
    displayName: 'A',
    conditions: { locations: { includeLocations: [pendingId('namedLocation:office')] } },
  }),
  row('policy:b', 'policy', 'update', { displayName: 'B2' }, 'existing-b'),
];

describe('applyPlan', () => {
  it('writes in order, names created objects by their new ids, and reads every write back', async () => {
    const tenant = memoryTenant();
    tenant.objects.set('existing-b', { id: 'existing-b', displayName: 'B' });
    const run = await applyPlan(newApplyRun(plan(rows()), 't', clock), tenant.writers, { clock });
    expect(run.items.map((i) => [i.key, i.status, i.differences])).toEqual([
      ['namedLocation:office', 'done', []],
      ['policy:a', 'done', []],
      ['policy:b', 'done', []],
    ]);
    const policyA = [...tenant.objects.values()].find((o) => o.displayName === 'A')!;
    expect(policyA.conditions).toEqual({ locations: { includeLocations: [run.created['namedLocation:office']] } });
    expect(tenant.objects.get('existing-b')!.displayName).toBe('B2');
    expect(run.finishedAt).toBeDefined();
    expect(summarizeRun(run)).toContain("Create policy 'A' (policy-2): as planned");
  });

  it('a create whose answer was lost is found on resume, not made twice', async () => {
    // The location's create reaches the tenant, then the connection drops; the tab is closed.
    const tenant = memoryTenant((call, n) =>
      call === 'create Office' && n === 1 ? { error: new TypeError('Failed to fetch'), applied: true } : null,
    );
    tenant.objects.set('existing-b', { id: 'existing-b', displayName: 'B' });
    const journals = memoryJournals();
    const journal = applyJournal(journals, 'account');
    const first = await applyPlan(newApplyRun(plan(rows()), 't', clock), tenant.writers, { clock, journal });
    expect(first.items[0]).toMatchObject({ status: 'failed', message: 'Failed to fetch' });
    // The policy that names it cannot go before it: it fails with a reason, and nothing is sent for it.
    expect(first.items[1]!.message).toContain('names an object this run was to create first (office)');
    expect(tenant.calls).not.toContain('create A');

    const resumed = await applyPlan(journal.load()!, tenant.writers, { clock, journal });
    expect(resumed.items.map((i) => i.status)).toEqual(['done', 'done', 'done']);
    expect(resumed.items[0]!.recovered).toBe(true);
    expect([...tenant.objects.values()].filter((o) => o.displayName === 'Office')).toHaveLength(1);
    // What succeeded the first time is not written again.
    expect(tenant.calls.filter((c) => c === 'update existing-b')).toHaveLength(1);
  });

  it('the same plan applied again without its journal (a job re-run on a fresh machine) creates nothing twice', async () => {
    const tenant = memoryTenant((call, n) =>
      call === 'update existing-b' && n === 1 ? { error: new Error('Forbidden'), applied: false } : null,
    );
    tenant.objects.set('existing-b', { id: 'existing-b', displayName: 'B' });
    const first = await applyPlan(newApplyRun(plan(rows()), 't', clock), tenant.writers, { clock });
    expect(first.items.map((i) => i.status)).toEqual(['done', 'done', 'failed']);

    const again = await applyPlan(newApplyRun(plan(rows()), 't', clock), tenant.writers, { clock });
    expect(again.items.map((i) => i.status)).toEqual(['done', 'done', 'done']);
    expect(again.items.slice(0, 2).map((i) => i.recovered)).toEqual([true, true]);
    expect([...tenant.objects.values()].map((o) => o.displayName).sort()).toEqual(['A', 'B2', 'Office']);
    expect(summarizeRun(again)).toContain("Create policy 'A'");
    expect(summarizeRun(again)).toContain('written by an earlier attempt: not created twice');
  });

  it('an item cut short while running is tried again after a look, from the journal', async () => {
    const journals = memoryJournals();
    const journal = applyJournal(journals, 'account');
    const run = newApplyRun(plan(rows().slice(0, 1)), 't', clock);
    journal.save({ ...run, items: [{ ...run.items[0]!, status: 'running', sentAt: '2026-11-30T11:59:00Z' }] });
    const tenant = memoryTenant();
    const resumed = await applyPlan(journal.load()!, tenant.writers, { clock, journal });
    // Nothing was there: it is created once, not counted as recovered.
    expect(resumed.items[0]!.status).toBe('done');
    expect(resumed.items[0]!.recovered).toBeFalsy();
    expect(tenant.objects.size).toBe(1);
  });

  it('a refusal every write would meet stops the run', async () => {
    const tenant = memoryTenant(() => ({
      error: new GraphRequestError(403, 'Authorization_RequestDenied', 'Insufficient privileges.', { method: 'POST', path: '/x' }),
      applied: false,
    }));
    const run = await applyPlan(newApplyRun(plan(rows()), 't', clock), tenant.writers, { clock });
    expect(run.stopped).toContain('Insufficient privileges');
    expect(run.items.map((i) => i.status)).toEqual(['failed', 'pending', 'pending']);
  });

  it('a run whose writes depend on each other stops at the first refused; another run goes on past it', async () => {
    const steps = () => [
      row('policy:a', 'policy', 'update', { displayName: 'A', state: 'enabledForReportingButNotEnforced' }, 'existing-a'),
      row('policy:copy', 'policy', 'create', { displayName: 'A [rollout]', state: 'enabled' }),
    ];
    const refuseA = (call: string) =>
      call === 'update existing-a'
        ? { error: new GraphRequestError(400, 'BadRequest', 'Invalid policy.', { method: 'PATCH', path: '/a' }), applied: false }
        : null;
    const ordered = memoryTenant(refuseA);
    const run = await applyPlan(newApplyRun(plan(steps()), 't', clock, undefined, true), ordered.writers, { clock });
    expect(run.items.map((i) => i.status)).toEqual(['failed', 'pending']);
    expect(ordered.calls).toEqual(['update existing-a']);
    expect(run.stopped).toBe(
      '‘A’ was not written, and each write of this run needs the one before it: nothing after it was sent, and the next one waits for you. Invalid policy.',
    );
    expect(run.finishedAt).toBeUndefined();
    const more = [...steps(), row('policy:ring', 'policy', 'create', { displayName: 'A [ring]', state: 'enabled' })];
    const three = await applyPlan(newApplyRun(plan(more), 't', clock, undefined, true), memoryTenant(refuseA).writers, { clock });
    expect(three.stopped).toContain('nothing after it was sent, and the 2 after it wait for you.');

    // The last write refused: nothing was left unsent, so the run is not said to have stopped before it.
    const refuseCopy = (call: string) =>
      call.startsWith('create')
        ? { error: new GraphRequestError(400, 'BadRequest', 'Invalid policy.', { method: 'POST', path: '/p' }), applied: false }
        : null;
    const last = await applyPlan(newApplyRun(plan(steps()), 't', clock, undefined, true), memoryTenant(refuseCopy).writers, { clock });
    expect(last.items.map((i) => i.status)).toEqual(['done', 'failed']);
    expect(last.stopped).toBeUndefined();

    const independent = memoryTenant(refuseA);
    const other = await applyPlan(newApplyRun(plan(steps()), 't', clock), independent.writers, { clock });
    expect(other.items.map((i) => i.status)).toEqual(['failed', 'done']);
    expect(other.stopped).toBeUndefined();
  });

  it('a policy refused because a location created a moment before is not visible yet is sent again after a wait', async () => {
    let refusals = 0;
    const tenant = memoryTenant();
    const create = tenant.writers.create;
    tenant.writers.create = async (kind, body) => {
      const named = JSON.stringify(body).match(/namedLocation-\d+/)?.[0];
      if (kind === 'policy' && named && refusals++ < 2)
        throw new GraphRequestError(400, 'BadRequest', `1040: NamedLocation with id ${named} does not exist in the directory.`, {
          method: 'POST',
          path: '/x',
        });
      return create(kind, body);
    };
    const waits: number[] = [];
    const run = await applyPlan(newApplyRun(plan(rows().slice(0, 2)), 't', clock), tenant.writers, {
      clock,
      settle: async (n) => void waits.push(n),
    });
    expect(run.items.map((i) => i.status)).toEqual(['done', 'done']);
    expect(waits).toEqual([0, 1]);
    // Without a way to wait, the refusal is reported as it came (in a tenant without the first run's objects).
    refusals = 0;
    tenant.objects.clear();
    const impatient = await applyPlan(newApplyRun(plan(rows().slice(0, 2)), 't', clock), tenant.writers, { clock });
    expect(impatient.items[1]!.message).toContain('does not exist in the directory');
  });

  /** A tenant whose service never sees the named locations this run creates: each policy naming one is refused. */
  const refusingJustCreated = () => {
    const tenant = memoryTenant();
    const create = tenant.writers.create;
    tenant.writers.create = async (kind, body) => {
      const named = JSON.stringify(body).match(/namedLocation-\d+/)?.[0];
      if (kind === 'policy' && named)
        throw new GraphRequestError(400, 'BadRequest', `1040: NamedLocation with id ${named} does not exist in the directory.`, {
          method: 'POST',
          path: '/x',
        });
      return create(kind, body);
    };
    return tenant;
  };

  it('a write still refused after the waits for naming a just-created object is marked as not yet seen, with a retry later advised', async () => {
    const tenant = refusingJustCreated();
    const run = await applyPlan(newApplyRun(plan(rows().slice(0, 2)), 't', clock), tenant.writers, { clock, settle: async () => {} });
    expect(run.items.map((i) => [i.status, !!i.notYetSeen])).toEqual([
      ['done', false],
      ['failed', true],
    ]);
    expect(run.items[1]!.message).toContain(
      'the service does not see yet: nothing is wrong with what is written. Try again in a few minutes',
    );
  });

  it('a write refused for naming a just-created object is not marked as not yet seen when the run did not wait (no settle)', async () => {
    const tenant = refusingJustCreated();
    const run = await applyPlan(newApplyRun(plan(rows().slice(0, 2)), 't', clock), tenant.writers, { clock });
    expect(run.items.map((i) => [i.status, !!i.notYetSeen])).toEqual([
      ['done', false],
      ['failed', false],
    ]);
    expect(run.items[1]!.message).not.toContain('Try again in a few minutes');
  });

  it('a create not found when read back is read again after a wait, not created again; past the waits it is marked unconfirmed', async () => {
    let misses = 2;
    const tenant = memoryTenant();
    const read = tenant.writers.read;
    tenant.writers.read = async (kind, id, intended) => {
      if (misses-- > 0) throw new GraphRequestError(404, 'NotFound', 'not found', { method: 'GET', path: id });
      return read(kind, id, intended);
    };
    const waits: number[] = [];
    const run = await applyPlan(newApplyRun(plan(rows().slice(0, 1)), 't', clock), tenant.writers, {
      clock,
      settle: async (n) => void waits.push(n),
    });
    expect(run.items.map((i) => [i.status, i.differences])).toEqual([['done', []]]);
    expect(waits).toEqual([0, 1]);
    expect(tenant.calls).toEqual(['create Office']);

    misses = 99;
    const unseen = await applyPlan(newApplyRun(plan(rows().slice(0, 1)), 't', clock), tenant.writers, { clock });
    expect(unseen.items[0]).toMatchObject({ status: 'failed', unconfirmed: true });
    expect(unseen.items[0]!.message).toMatch(/^Graph accepted it, but it was not found when read back/);
  });

  it('says how an object that reads back otherwise differs', async () => {
    const tenant = memoryTenant();
    tenant.writers.read = async (_kind, id) => ({ ...tenant.objects.get(id)!, displayName: 'Renamed by the service' });
    const run = await applyPlan(newApplyRun(plan(rows().slice(0, 1)), 't', clock), tenant.writers, { clock });
    expect(run.items[0]!.differences).toEqual(['displayName differs']);
    expect(summarizeRun(run)).toContain('differs from the plan: displayName differs');
  });

  describe('a policy in deleted items', () => {
    const restoreRow = (patch: JsonObject): PlanRow => ({
      ...row('policy:gone', 'policy', 'restore', patch, 'gone-1'),
      displayName: 'Gone',
      intended: { displayName: 'Gone', state: 'enabledForReportingButNotEnforced' },
    });

    it('is restored by its id, then changed to the planned version: nothing is created', async () => {
      const tenant = memoryTenant();
      tenant.deleted.set('gone-1', { id: 'gone-1', displayName: 'Gone', state: 'enabled' });
      const run = await applyPlan(
        newApplyRun(plan([restoreRow({ state: 'enabledForReportingButNotEnforced' })]), 't', clock),
        tenant.writers,
        { clock },
      );
      expect(run.items[0]).toMatchObject({ status: 'done', differences: [] });
      expect(tenant.calls).toEqual(['restore gone-1', 'update gone-1']);
      expect(tenant.objects.get('gone-1')!.state).toBe('enabledForReportingButNotEnforced');
      expect(summarizeRun(run)).toContain("Restore policy 'Gone' (gone-1): as planned");
    });

    it('comes back with no change sent when it is already as planned', async () => {
      const tenant = memoryTenant();
      tenant.deleted.set('gone-1', { id: 'gone-1', displayName: 'Gone', state: 'enabledForReportingButNotEnforced' });
      const run = await applyPlan(newApplyRun(plan([restoreRow({})]), 't', clock), tenant.writers, { clock });
      expect(run.items[0]!.status).toBe('done');
      expect(tenant.calls).toEqual(['restore gone-1']);
    });

    it('resumed after the change failed, is not restored twice and gets its change', async () => {
      const tenant = memoryTenant((call, n) =>
        call === 'update gone-1' && n === 1 ? { error: new TypeError('Failed to fetch'), applied: false } : null,
      );
      tenant.deleted.set('gone-1', { id: 'gone-1', displayName: 'Gone', state: 'enabled' });
      const journal = applyJournal(memoryJournals(), 'account');
      const first = await applyPlan(
        newApplyRun(plan([restoreRow({ state: 'enabledForReportingButNotEnforced' })]), 't', clock),
        tenant.writers,
        { clock, journal },
      );
      expect(first.items[0]!.status).toBe('failed');
      const resumed = await applyPlan(journal.load()!, tenant.writers, { clock, journal });
      expect(resumed.items[0]!.status).toBe('done');
      expect(tenant.calls).toEqual(['restore gone-1', 'update gone-1', 'update gone-1']);
      expect(tenant.objects.get('gone-1')!.state).toBe('enabledForReportingButNotEnforced');
    });

    it('restored, then refused its change (503 past the retries): says it is back and enforcing, and a resume sends only the change', async () => {
      const sent: string[] = [];
      let refuse = true;
      const deletedPolicy = { id: 'gone-1', displayName: 'Gone', state: 'enabled' };
      const writers: PlanWriters = {
        ...memoryTenant().writers,
        async restore(_kind, id, onRestored) {
          sent.push(`restore ${id}`);
          onRestored?.();
          return deletedPolicy;
        },
        async update(_kind, id) {
          sent.push(`update ${id}`);
          if (refuse) throw new GraphRequestError(503, 'ServiceUnavailable', 'The service is unavailable.', { method: 'PATCH', path: id });
          return { ...deletedPolicy, state: 'enabledForReportingButNotEnforced' };
        },
        read: async () => deletedPolicy,
      };
      const journal = applyJournal(memoryJournals(), 'account');
      const restoreRun = newApplyRun(
        plan([{ ...restoreRow({ state: 'enabledForReportingButNotEnforced' }), before: deletedPolicy }]),
        't',
        clock,
      );
      const first = await applyPlan(restoreRun, writers, { clock, journal });
      expect(first.items[0]!.status).toBe('failed');
      expect(first.items[0]!.message).toMatch(
        /^Restored, but not yet set to Report-only: it enforces as it was deleted \(On\) until Resume finishes it\. The service is unavailable/,
      );
      expect(summarizeRun(first)).toContain('failed: Restored, but not yet set to Report-only');
      refuse = false;
      const resumed = await applyPlan(journal.load()!, writers, { clock, journal });
      expect(resumed.items[0]!.status).toBe('done');
      expect(sent).toEqual(['restore gone-1', 'update gone-1', 'update gone-1']);
    });
  });
});

describe('an update whose answer was lost, resumed', () => {
  const PLANNED = { displayName: 'Office', ipRanges: ['10.2.0.0/16', '10.1.0.0/16'] };
  const sorted = (o: JsonObject) => ({ ...o, ipRanges: [...(o.ipRanges as string[])].sort() });
  const clean = (o: JsonObject): JsonObject => ({ displayName: o.displayName ?? null, ipRanges: o.ipRanges ?? null });

  /**
   * A tenant like Graph: an update is refused as changed since the plan when the object's modifiedDateTime is not the
   * plan's and it does not hold the body exactly; it stores the ranges sorted (as Graph normalises) and stamps the time.
   */
  function normalisingTenant(at: () => Date, loseFirstAnswer: boolean) {
    const objects = new Map<string, JsonObject>([
      ['loc-1', { id: 'loc-1', displayName: 'Office', ipRanges: ['10.1.0.0/16'], modifiedDateTime: '2026-11-01T00:00:00Z' }],
    ]);
    let lose = loseFirstAnswer;
    const writers: PlanWriters = {
      ...memoryTenant().writers,
      async update(_kind, id, body, { baseModified }) {
        const current = objects.get(id)!;
        if (JSON.stringify(clean(current)) === JSON.stringify(clean(body))) return current;
        if (current.modifiedDateTime !== baseModified)
          throw new ChangedSincePlanned('It was changed in the tenant after the plan was made: plan again.');
        objects.set(id, { ...sorted({ ...current, ...body }), modifiedDateTime: at().toISOString() });
        if (lose) {
          lose = false;
          throw new GraphRequestError(0, 'NoAnswer', 'Failed to fetch', { method: 'PATCH', path: id });
        }
      },
      read: async (_kind, id) => objects.get(id)!,
      compare: (_kind, intended, actual) =>
        JSON.stringify(sorted(clean(intended))) === JSON.stringify(sorted(clean(actual))) ? [] : ['ipRanges differ'],
    };
    return { objects, writers };
  }

  const updatePlan = () =>
    plan([
      { ...row('namedLocation:office', 'namedLocation', 'update', PLANNED, 'loc-1'), before: { modifiedDateTime: '2026-11-01T00:00:00Z' } },
    ]);

  it('is done, read back, when its own write is in the tenant (normalised by the service): not "changed since the plan"', async () => {
    let now = Date.parse('2026-11-30T12:00:00Z');
    const ticking = { now: () => new Date(now) };
    const tenant = normalisingTenant(() => new Date(now), true);
    const journal = applyJournal(memoryJournals(), 'account');
    const first = await applyPlan(newApplyRun(updatePlan(), 't', ticking), tenant.writers, { clock: ticking, journal });
    expect(first.items[0]).toMatchObject({ status: 'failed', message: 'Failed to fetch' });

    now += 60_000;
    const resumed = await applyPlan(journal.load()!, tenant.writers, { clock: ticking, journal });
    expect(resumed.items[0]).toMatchObject({ status: 'done', differences: [] });
    expect(summarizeRun(resumed)).toContain("Update namedLocation 'Office' (loc-1): as planned");
  });

  it('is still refused when someone else changed it after it was sent', async () => {
    let now = Date.parse('2026-11-30T12:00:00Z');
    const ticking = { now: () => new Date(now) };
    const tenant = normalisingTenant(() => new Date(now), true);
    const journal = applyJournal(memoryJournals(), 'account');
    await applyPlan(newApplyRun(updatePlan(), 't', ticking), tenant.writers, { clock: ticking, journal });
    now += 60_000;
    tenant.objects.set('loc-1', {
      id: 'loc-1',
      displayName: 'Office',
      ipRanges: ['192.0.2.0/24'],
      modifiedDateTime: new Date(now).toISOString(),
    });

    const resumed = await applyPlan(journal.load()!, tenant.writers, { clock: ticking, journal });
    expect(resumed.items[0]).toMatchObject({
      status: 'failed',
      message: 'It was changed in the tenant after the plan was made: plan again.',
    });
  });

  it('is still refused when the change came before it was sent', async () => {
    const tenant = normalisingTenant(() => new Date('2026-11-30T11:00:00Z'), true);
    const journal = applyJournal(memoryJournals(), 'account');
    // Someone else wrote the planned ranges an hour before the run (the clock of the run says noon).
    tenant.objects.set('loc-1', { ...sorted({ id: 'loc-1', ...PLANNED }), modifiedDateTime: '2026-11-30T10:00:00Z' });
    const run = newApplyRun(updatePlan(), 't', clock);
    journal.save({ ...run, items: [{ ...run.items[0]!, status: 'failed', sentAt: '2026-11-30T12:00:00Z', sentHash: hashOf(PLANNED) }] });
    const resumed = await applyPlan(journal.load()!, tenant.writers, { clock, journal });
    expect(resumed.items[0]).toMatchObject({
      status: 'failed',
      message: 'It was changed in the tenant after the plan was made: plan again.',
    });
  });
});

describe('summarizeRun', () => {
  const firstLine = (run: Parameters<typeof summarizeRun>[0]) => summarizeRun(run).split('\n')[0];

  it('says the plan was applied only when every write is done', async () => {
    const tenant = memoryTenant();
    tenant.objects.set('existing-b', { id: 'existing-b', displayName: 'B' });
    const run = await applyPlan(newApplyRun(plan(rows()), 't', clock), tenant.writers, { clock });
    expect(firstLine(run)).toBe('Plan applied to tenant t: 3 writes, each read back as planned.');
  });

  it('says how far a run got when a write failed, and when nothing was written', async () => {
    const refused = (call: string) =>
      call === 'update existing-b'
        ? { error: new GraphRequestError(400, 'BadRequest', 'Refused.', { method: 'PATCH', path: '/x' }), applied: false }
        : null;
    const tenant = memoryTenant(refused);
    tenant.objects.set('existing-b', { id: 'existing-b', displayName: 'B' });
    const partly = await applyPlan(newApplyRun(plan(rows()), 't', clock), tenant.writers, { clock });
    expect(firstLine(partly)).toBe('Plan partly applied to tenant t: 2 of 3 written, 1 failed.');

    const denied = memoryTenant(() => ({
      error: new GraphRequestError(403, 'Authorization_RequestDenied', 'Insufficient privileges.', { method: 'POST', path: '/x' }),
      applied: false,
    }));
    const stopped = await applyPlan(newApplyRun(plan(rows()), 't', clock), denied.writers, { clock });
    expect(firstLine(stopped)).toBe('Nothing written to tenant t: 1 of 3 failed, 2 not done.');
    expect(firstLine(newApplyRun(plan([]), 't', clock))).toBe('Nothing written to tenant t: the plan has nothing to write.');
  });
});

describe('a resumed write whose earlier attempt said the version it replaced was not kept', () => {
  const LOST = 'May have been written (its answer was lost)…';
  /**
   * A run whose one row (an update, or a restore that landed before its change) failed with `versionNotKept`, resumed.
   * `foundApplied`: the earlier write is in the tenant, and the writer finds it as planned, sending nothing.
   */
  const failedRun = (
    kind: PlanRowKind,
    versionNotKept: string,
    ifWritten: boolean,
    { action = 'update', foundApplied = false }: { action?: 'update' | 'restore'; foundApplied?: boolean } = {},
  ) => {
    const { objects, writers, calls } = memoryTenant();
    objects.set('x1', { id: 'x1', displayName: foundApplied ? 'New' : 'Old' });
    const found: PlanWriters = { ...writers, update: async (_kind, id) => objects.get(id)! };
    const run = newApplyRun(plan([row('k', kind, action, { displayName: 'New' }, 'x1')]), 't', clock);
    const failed = {
      ...run,
      items: [
        {
          ...run.items[0]!,
          status: 'failed' as const,
          message: 'Lost.',
          versionNotKept,
          versionNotKeptIfWritten: ifWritten || undefined,
          ...(action === 'restore' && { restored: true }),
        },
      ],
    };
    return { calls, run: applyPlan(failed, foundApplied ? found : writers, { clock }) };
  };

  it('keeps a warning said as certain (it was written), though the resume writes with nothing to say', async () => {
    const run = await failedRun('namedLocation', 'Written, but the version it replaced could not be kept…', false).run;
    expect(run.items[0]).toMatchObject({ status: 'done', versionNotKept: 'Written, but the version it replaced could not be kept…' });
  });

  it.each(['policy', 'namedLocation'] as const)(
    'clears a %s warning said as holding if written once the resume writes it now with nothing to say',
    async (kind) => {
      const { run, calls } = failedRun(kind, LOST, true);
      const done = await run;
      expect(calls).toEqual(['update x1']);
      expect(done.items[0]!.status).toBe('done');
      expect(done.items[0]!.versionNotKept).toBeUndefined();
      expect(done.items[0]!.versionNotKeptIfWritten).toBeUndefined();
    },
  );

  it.each(['policy', 'namedLocation'] as const)(
    'keeps a %s warning said as holding if written when the resume finds it already as planned (that may be the lost write)',
    async (kind) => {
      const run = await failedRun(kind, LOST, true, { foundApplied: true }).run;
      expect(run.items[0]).toMatchObject({ status: 'done', versionNotKept: LOST, versionNotKeptIfWritten: true });
    },
  );

  it.each(['policy', 'namedLocation'] as const)(
    'clears it on a restored %s whose change the resume writes now, not restoring it again',
    async (kind) => {
      const { run, calls } = failedRun(kind, LOST, true, { action: 'restore' });
      const done = await run;
      expect(calls).toEqual(['update x1']);
      expect(done.items[0]!.status).toBe('done');
      expect(done.items[0]!.versionNotKept).toBeUndefined();
    },
  );

  it('keeps it on a restored policy whose change the resume finds already made', async () => {
    const run = await failedRun('policy', LOST, true, { action: 'restore', foundApplied: true }).run;
    expect(run.items[0]).toMatchObject({ status: 'done', versionNotKept: LOST, versionNotKeptIfWritten: true });
  });
});
