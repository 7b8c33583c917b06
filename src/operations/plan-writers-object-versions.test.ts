// A plan's named location update over Graph (a fake fetch) on a device whose history refuses to keep
// versions (storage full or blocked): as for a policy, the object is written and the run says, on its
// row and under its headline, that the version it replaced was not kept; nothing blocks the write.
// A write whose answer is lost, with no look answering after it, may be in the tenant: it says so too.
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../domain/json';
import type { Plan, PlanRow } from '../domain/plan/types';
import { clientWith, json } from '../graph/client-fake';
import { applyJournal, applyPlan, newApplyRun, summarizeRun } from './apply-plan';
import { memoryContext, memoryJournals } from './memory-stores';
import { graphPlanWriters } from './plan-writers';
import { lostThenResumed } from './plan-writers-resume.fixture';

const clock = { now: () => new Date('2026-11-30T12:00:00Z') };

const BEFORE: JsonObject = {
  '@odata.type': '#microsoft.graph.ipNamedLocation',
  id: 'loc-1',
  displayName: 'Head office',
  isTrusted: false,
  ipRanges: [{ '@odata.type': '#microsoft.graph.iPv4CidrRange', cidrAddress: '203.0.113.0/24' }],
  modifiedDateTime: '2026-11-01T00:00:00Z',
};

/**
 * One named location behind a fake fetch: GET answers it, PATCH merges into it; every PATCH is counted.
 * `cutAfterPatch`: the PATCH is applied, then the connection drops for good (its answer and every read after it are lost).
 * `refusePatch`: the PATCH is refused, nothing written. `goneAfterPatch`: written, then not found when read back.
 */
function tenant({ cutAfterPatch = false, refusePatch = false, goneAfterPatch = false } = {}) {
  let location = { ...BEFORE };
  const sent = { patches: 0 };
  const { client } = clientWith((url, init) => {
    const path = new URL(url).pathname;
    if (cutAfterPatch && sent.patches > 0) throw new TypeError('Failed to fetch');
    if (goneAfterPatch && sent.patches > 0) return json(404, { error: { code: 'NotFound', message: 'Not found.' } });
    if (refusePatch && init.method === 'PATCH') {
      sent.patches++;
      return json(400, { error: { code: 'BadRequest', message: 'The IP range is not valid.' } });
    }
    if (!path.endsWith('/conditionalAccess/namedLocations/loc-1'))
      return json(400, { error: { code: 'BadRequest', message: `Not expected: ${init.method ?? 'GET'} ${path}` } });
    if (init.method === 'PATCH') {
      sent.patches++;
      location = { ...location, ...(JSON.parse(String(init.body)) as JsonObject), modifiedDateTime: '2026-11-30T12:00:01Z' };
      if (cutAfterPatch) throw new TypeError('Failed to fetch');
      return new Response(null, { status: 204 });
    }
    return json(200, location);
  });
  return { client, sent, now: () => location };
}

const updatePlan = (): Plan => {
  const { id: _id, modifiedDateTime: _at, ...rest } = BEFORE;
  const intended = { ...rest, isTrusted: true };
  const row: PlanRow = {
    key: 'namedLocation:head-office',
    kind: 'namedLocation',
    displayName: 'Head office',
    action: 'update',
    options: ['update'],
    why: '',
    sourceId: null,
    targetId: 'loc-1',
    body: intended,
    intended,
    before: BEFORE,
    problems: [],
  };
  return { sameTenant: true, rows: [row], mapping: [], blockers: [], counts: { create: 0, update: 1, restore: 0, reuse: 0, skip: 0 } };
};

describe("a plan's named location update whose replaced version could not be kept", () => {
  it('is written, and its row and the summary say the version it replaced was not kept', async () => {
    const { client, sent, now } = tenant();
    const context = memoryContext(client, 't', clock);
    context.versions.record = () => Promise.reject(new Error('The quota has been exceeded.'));

    const run = await applyPlan(newApplyRun(updatePlan(), 't', clock), graphPlanWriters(context), { clock });

    expect(sent.patches).toBe(1);
    expect(now().isTrusted).toBe(true);
    expect(run.items[0]).toMatchObject({ status: 'done', differences: [] });
    expect(run.items[0]!.versionNotKept).toBe(
      'Written, but the version it replaced could not be kept in the history on this device (The quota has been exceeded.): it cannot be restored from here.',
    );
    expect(summarizeRun(run).split('\n')[1]).toBe(
      'Warning: the version replaced by ‘Head office’ could not be kept in the history on this device: it cannot be restored from here.',
    );
  });

  it('with the version kept, says nothing of it and keeps the version it replaced', async () => {
    const { client } = tenant();
    const context = memoryContext(client, 't', clock);
    const run = await applyPlan(newApplyRun(updatePlan(), 't', clock), graphPlanWriters(context), { clock });
    expect(run.items[0]).toMatchObject({ status: 'done', differences: [] });
    expect(run.items[0]!.versionNotKept).toBeUndefined();
    expect(context.versions.all.map((v) => JSON.parse(v.json).isTrusted)).toEqual([false]);
  });

  it('written, its answer lost and no look answering: fails, and its row, the journal and the summary still say the version was not kept', async () => {
    const { client, sent, now } = tenant({ cutAfterPatch: true });
    const context = memoryContext(client, 't', clock);
    context.versions.record = () => Promise.reject(new Error('The quota has been exceeded.'));
    const journal = applyJournal(memoryJournals(), 'account');

    const run = await applyPlan(newApplyRun(updatePlan(), 't', clock), graphPlanWriters(context), { clock, journal });

    // Applied in the tenant, though nothing here could tell.
    expect(sent.patches).toBe(1);
    expect(now().isTrusted).toBe(true);
    expect(run.items[0]!.status).toBe('failed');
    const words =
      'May have been written (its answer was lost), but the version it would replace could not be kept in the history on this device ' +
      '(The quota has been exceeded.): if it was written, that version cannot be restored from here.';
    expect(run.items[0]!.versionNotKept).toBe(words);
    expect(journal.load()!.items[0]!.versionNotKept).toBe(words);
    const summary = summarizeRun(run).split('\n');
    expect(summary[1]).toBe(
      'Warning: ‘Head office’ may have been written (its answer was lost), and the version it would replace could not be kept in the history on this device: if it was written, that version cannot be restored from here.',
    );
    expect(summary.find((line) => line.startsWith('Update namedLocation'))).toMatch(
      /^Update namedLocation 'Head office' \(loc-1\): failed: .*\. Warning: May have been written/,
    );
  });

  it('written but not found when read back: fails, and says it was written over a version not kept, not that its answer was lost', async () => {
    const { client, sent } = tenant({ goneAfterPatch: true });
    const context = memoryContext(client, 't', clock);
    context.versions.record = () => Promise.reject(new Error('The quota has been exceeded.'));

    const run = await applyPlan(newApplyRun(updatePlan(), 't', clock), graphPlanWriters(context), { clock });

    expect(sent.patches).toBe(1);
    expect(run.items[0]).toMatchObject({ status: 'failed', unconfirmed: true });
    expect(run.items[0]!.versionNotKept).toMatch(/^Written, but the version it replaced could not be kept/);
    expect(summarizeRun(run).split('\n')[1]).toBe(
      'Warning: the version replaced by ‘Head office’ could not be kept in the history on this device: it cannot be restored from here.',
    );
  });

  it('refused by Graph: fails with no word of the version, as nothing was written over it', async () => {
    const { client, sent, now } = tenant({ refusePatch: true });
    const context = memoryContext(client, 't', clock);
    context.versions.record = () => Promise.reject(new Error('The quota has been exceeded.'));

    const run = await applyPlan(newApplyRun(updatePlan(), 't', clock), graphPlanWriters(context), { clock });

    expect(sent.patches).toBe(1);
    expect(now().isTrusted).toBe(false);
    expect(run.items[0]!.status).toBe('failed');
    expect(run.items[0]!.versionNotKept).toBeUndefined();
    expect(summarizeRun(run)).not.toContain('Warning');
  });
});

describe("a plan's named location update and the version it replaces", () => {
  it('refused by Graph: the version kept before it was sent is not left in the history, as nothing was updated', async () => {
    const { client, sent } = tenant({ refusePatch: true });
    const context = memoryContext(client, 't', clock);
    const run = await applyPlan(newApplyRun(updatePlan(), 't', clock), graphPlanWriters(context), { clock });
    expect(sent.patches).toBe(1);
    expect(run.items[0]!.status).toBe('failed');
    expect(context.versions.all).toEqual([]);
  });
});

describe('a named location update whose answer was lost over a version not kept, resumed', () => {
  const firstRun = async (applied: boolean) => {
    const runs = await lostThenResumed(BEFORE, updatePlan, clock, applied);
    // Before the resume, the row failed as perhaps written.
    expect(runs.lost.items[0]).toMatchObject({ status: 'failed', versionNotKeptIfWritten: true });
    return runs;
  };

  it('not applied, then written by the resume with its version kept: the warning is gone from its row and the summary', async () => {
    const { run, sent, context } = await firstRun(false);
    expect(sent.patches).toBe(2);
    expect(run.items[0]).toMatchObject({ status: 'done', differences: [] });
    expect(run.items[0]!.versionNotKept).toBeUndefined();
    expect(run.items[0]!.versionNotKeptIfWritten).toBeUndefined();
    expect(summarizeRun(run)).not.toContain('Warning');
    expect(context.versions.all.map((v) => JSON.parse(v.json).isTrusted)).toEqual([false]);
  });

  it('applied, then found as planned by the resume (nothing kept, nothing sent): the warning stays, as holding if written', async () => {
    const { run, sent } = await firstRun(true);
    expect(sent.patches).toBe(1);
    expect(run.items[0]).toMatchObject({ status: 'done', versionNotKeptIfWritten: true });
    expect(run.items[0]!.versionNotKept).toMatch(/^May have been written \(its answer was lost\)/);
    expect(summarizeRun(run).split('\n')[1]).toMatch(/^Warning: ‘Head office’ may have been written/);
  });
});
