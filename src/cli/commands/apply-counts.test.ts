import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../domain/json';
import type { Plan, PlanRow } from '../../domain/plan/types';
import { applyJournal, applyPlan, newApplyRun, type PlanWriters } from '../../operations/apply-plan';
import { memoryJournals } from '../../operations/memory-stores';
import { countingRowWrites, resumingWords } from './apply-counts';
import { applyHeadline } from './apply-words';

const clock = { now: () => new Date('2026-12-01T12:00:00Z') };

const row = (n: number): PlanRow => ({
  key: `policy:${n}`,
  kind: 'policy',
  displayName: `P${n}`,
  action: 'update',
  options: ['update'],
  why: '',
  sourceId: null,
  targetId: `p${n}`,
  body: { state: 'enabled' },
  intended: { state: 'enabled' },
  before: null,
  problems: [],
});

const plan = (n: number): Plan => ({
  sameTenant: true,
  rows: Array.from({ length: n }, (_, i) => row(i + 1)),
  mapping: [],
  blockers: [],
  counts: { create: 0, update: n, restore: 0, reuse: 0, skip: 0 },
});

/**
 * A tenant whose policies are 'enabled' already (nothing sent for them) or not; the write to `hangOn` is sent, lands,
 * and never answers: the process is killed there.
 */
function tenant(asPlanned: Set<string>, hangOn?: string) {
  const counter = { writes: 0 };
  const writers: PlanWriters = {
    create: () => Promise.reject(new Error('no create')),
    update: async (_kind, id, _body, item) => {
      if (asPlanned.has(id)) return;
      counter.writes++;
      asPlanned.add(id);
      if (id === hangOn) return new Promise<void>(() => undefined);
      item.onWrittenNow?.();
    },
    restore: () => Promise.reject(new Error('no restore')),
    read: async () => ({ state: 'enabled' }) as JsonObject,
    findCreated: async () => null,
    compare: () => [],
  };
  return { writers, counter };
}

/** One process's apply: the journal counted, the run started or resumed. */
function process(store: ReturnType<typeof memoryJournals>, writers: PlanWriters, counter: { writes: number }, rows: number) {
  const rowWrites = countingRowWrites(store, () => counter.writes);
  const journal = applyJournal(rowWrites.store, 'tenant.hash');
  const previous = journal.load();
  const run = applyPlan(previous ?? newApplyRun(plan(rows), 't', clock), writers, { journal, clock });
  return { rowWrites, previous, run };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('what a resumed apply says the stopped run did', () => {
  it('a stopped re-run of a plan already in place wrote nothing, and the resume does not say it did', async () => {
    const store = memoryJournals();
    const applied = new Set(['p1', 'p2', 'p3', 'p4', 'p5']);
    // The first run is killed while it looks at the fourth row (its look never answers).
    const first = tenant(applied);
    first.writers.update = async (_kind, id) => (id === 'p4' ? new Promise<void>(() => undefined) : undefined);
    void process(store, first.writers, first.counter, 5).run;
    await flush();

    const second = tenant(applied);
    const resumed = process(store, second.writers, second.counter, 5);
    expect(resumingWords(resumed.previous!, resumed.rowWrites)).toBe(
      "Resuming the run of 2026-12-01T12:00:00.000Z: 3 of the plan's 5 change(s) done (3 found already as planned); 1 was under way when it stopped: whether it was written is unknown, so it is looked for in the tenant before it is written again.",
    );
    const run = await resumed.run;
    const earlier = resumed.rowWrites.earlier(resumed.previous!, run);
    expect(applyHeadline(run, second.counter.writes, earlier, resumed.rowWrites.foundNow(run, resumed.previous))).toBe(
      "Nothing written to tenant t by this run: nothing needed writing, the tenant already holds the plan's 5 change(s) (each read back as planned); 3 found already as planned by the earlier run, 1 under way when the earlier run stopped, found as planned now (not sent again).",
    );
  });

  it('counts the write under way when the run was killed, found landed on resume', async () => {
    const store = memoryJournals();
    const applied = new Set<string>(['p2']);
    const first = tenant(applied, 'p4');
    void process(store, first.writers, first.counter, 6).run;
    await flush();
    expect(first.counter.writes).toBe(3);

    const second = tenant(applied);
    const resumed = process(store, second.writers, second.counter, 6);
    expect(resumingWords(resumed.previous!, resumed.rowWrites)).toContain(
      "3 of the plan's 6 change(s) done (2 written, 1 found already as planned); 1 was under way",
    );
    const run = await resumed.run;
    expect(second.counter.writes).toBe(2);
    const earlier = resumed.rowWrites.earlier(resumed.previous!, run);
    expect(applyHeadline(run, second.counter.writes, earlier, resumed.rowWrites.foundNow(run, resumed.previous))).toBe(
      "Plan applied to tenant t: 2 writes for the plan's 6 change(s), each read back as planned; 2 written by the earlier run, 1 found already as planned by the earlier run, 1 under way when the earlier run stopped, found as planned now (not sent again).",
    );
    expect(resumed.rowWrites.now('policy:4')).toBe(0);
    expect(resumed.rowWrites.now('policy:5')).toBe(1);
  });
});
