// A plan's policy update over Graph (a fake fetch) on a device whose history refuses to keep versions
// (storage full or blocked): the policy is written, and the run says, on its row and under its headline,
// that the version it replaced was not kept, as the editor says it on a save. A save whose answer is lost,
// with no look answering after it, may be in the tenant: it says so too.
import { describe, expect, it, vi } from 'vitest';
import type { JsonObject } from '../domain/json';
import type { Plan, PlanRow } from '../domain/plan/types';
import { clientWith, json } from '../graph/client-fake';
import { applyJournal, applyPlan, newApplyRun, summarizeRun } from './apply-plan';
import { memoryContext, memoryJournals } from './memory-stores';
import { graphPlanWriters } from './plan-writers';
import { lostThenResumed } from './plan-writers-resume.fixture';

const clock = { now: () => new Date('2026-11-30T12:00:00Z') };

const BEFORE: JsonObject = {
  id: 'pol-1',
  displayName: 'Require MFA for admins',
  state: 'enabledForReportingButNotEnforced',
  modifiedDateTime: '2026-11-01T00:00:00Z',
  conditions: { users: { includeRoles: ['62e90394-69f5-4237-9190-012177145e10'] }, applications: { includeApplications: ['All'] } },
  grantControls: { operator: 'OR', builtInControls: ['mfa'] },
};

/**
 * One policy behind a fake fetch: GET answers it, PATCH merges into it and stamps the time.
 * `cutAfterPatch`: the PATCH is applied, then the connection drops for good (its answer and every read after it are lost).
 * `unansweredPatch`: the first PATCH is applied and never answered (the page is reloaded while it is sent).
 */
function tenant({ cutAfterPatch = false, unansweredPatch = false } = {}) {
  let policy = { ...BEFORE };
  let patched = false;
  const { client } = clientWith((url, init) => {
    const path = new URL(url).pathname;
    if (cutAfterPatch && patched) throw new TypeError('Failed to fetch');
    if (!path.endsWith('/conditionalAccess/policies/pol-1'))
      return json(400, { error: { code: 'BadRequest', message: `Not expected: ${init.method ?? 'GET'} ${path}` } });
    if (init.method === 'PATCH') {
      policy = { ...policy, ...(JSON.parse(String(init.body)) as JsonObject), modifiedDateTime: '2026-11-30T12:00:01Z' };
      if (unansweredPatch && !patched) {
        patched = true;
        return new Promise<Response>(() => {});
      }
      patched = true;
      if (cutAfterPatch) throw new TypeError('Failed to fetch');
      return new Response(null, { status: 204 });
    }
    return json(200, policy);
  });
  return { client, now: () => policy, patched: () => patched };
}

const updatePlan = (): Plan => {
  const { id: _id, modifiedDateTime: _at, ...rest } = BEFORE;
  const intended = { ...rest, state: 'enabled' };
  const row: PlanRow = {
    key: 'policy:mfa',
    kind: 'policy',
    displayName: String(BEFORE.displayName),
    action: 'update',
    options: ['update'],
    why: '',
    sourceId: null,
    targetId: 'pol-1',
    body: { state: 'enabled' },
    intended,
    before: BEFORE,
    problems: [],
  };
  return { sameTenant: true, rows: [row], mapping: [], blockers: [], counts: { create: 0, update: 1, restore: 0, reuse: 0, skip: 0 } };
};

describe("a plan's policy update whose replaced version could not be kept", () => {
  it('is written, and its row, the journal and the summary say the version it replaced was not kept', async () => {
    const { client, now } = tenant();
    const context = memoryContext(client, 't', clock);
    context.versions.record = () => Promise.reject(new Error('The quota has been exceeded.'));
    const journal = applyJournal(memoryJournals(), 'account');

    const run = await applyPlan(newApplyRun(updatePlan(), 't', clock), graphPlanWriters(context), { clock, journal });

    expect(now().state).toBe('enabled');
    expect(run.items[0]!.status).toBe('done');
    expect(run.items[0]!.versionNotKept).toBe(
      'Saved, but the version it replaced could not be kept in the history on this device (The quota has been exceeded.): it cannot be restored from here.',
    );
    // Kept with the run: the panel found again after a reload still says it.
    expect(journal.load()!.items[0]!.versionNotKept).toBe(run.items[0]!.versionNotKept);
    const [headline, warning] = summarizeRun(run).split('\n');
    expect(headline).toBe('Plan applied to tenant t: 1 write, each read back as planned.');
    expect(warning).toBe(
      'Warning: the version replaced by ‘Require MFA for admins’ could not be kept in the history on this device: it cannot be restored from here.',
    );
    expect(summarizeRun(run)).toContain(
      "Update policy 'Require MFA for admins' (pol-1): as planned. Warning: Saved, but the version it replaced could not be kept",
    );
  });

  it('with the version kept, says nothing of it', async () => {
    const { client } = tenant();
    const context = memoryContext(client, 't', clock);
    const run = await applyPlan(newApplyRun(updatePlan(), 't', clock), graphPlanWriters(context), { clock });
    expect(run.items[0]).toMatchObject({ status: 'done', differences: [] });
    expect(run.items[0]!.versionNotKept).toBeUndefined();
    expect(summarizeRun(run)).not.toContain('Warning');
    expect(context.versions.all.map((v) => v.reason)).toEqual(['before save']);
  });

  it('saved, its answer lost and no look answering: fails, and its row, the journal and the summary still say the version was not kept', async () => {
    const { client, now } = tenant({ cutAfterPatch: true });
    const context = memoryContext(client, 't', clock);
    context.versions.record = () => Promise.reject(new Error('The quota has been exceeded.'));
    const journal = applyJournal(memoryJournals(), 'account');

    const run = await applyPlan(newApplyRun(updatePlan(), 't', clock), graphPlanWriters(context), { clock, journal });

    // Applied in the tenant, though nothing here could tell.
    expect(now().state).toBe('enabled');
    expect(run.items[0]!.status).toBe('failed');
    const words =
      'May have been saved (its answer was lost), but the version it would replace could not be kept in the history on this device ' +
      '(The quota has been exceeded.): if it was saved, that version cannot be restored from here.';
    expect(run.items[0]!.versionNotKept).toBe(words);
    expect(journal.load()!.items[0]!.versionNotKept).toBe(words);
    expect(summarizeRun(run).split('\n')[1]).toBe(
      'Warning: ‘Require MFA for admins’ may have been written (its answer was lost), and the version it would replace could not be kept in the history on this device: if it was written, that version cannot be restored from here.',
    );
    expect(summarizeRun(run)).toContain('. Warning: May have been saved (its answer was lost)');
  });
});

describe('a policy save whose answer was lost over a version not kept, resumed', () => {
  const firstRun = async (applied: boolean) => {
    const runs = await lostThenResumed(BEFORE, updatePlan, clock, applied);
    // Before the resume, the row failed as perhaps written.
    expect(runs.lost.items[0]).toMatchObject({ status: 'failed', versionNotKeptIfWritten: true });
    return runs;
  };

  it('not applied, then saved by the resume with its version kept: the warning is gone from its row and the summary', async () => {
    const { run, sent, context } = await firstRun(false);
    expect(sent.patches).toBe(2);
    expect(run.items[0]).toMatchObject({ status: 'done', differences: [] });
    expect(run.items[0]!.versionNotKept).toBeUndefined();
    expect(run.items[0]!.versionNotKeptIfWritten).toBeUndefined();
    expect(summarizeRun(run)).not.toContain('Warning');
    expect(context.versions.all.map((v) => [v.reason, JSON.parse(v.json).state])).toEqual([['before save', BEFORE.state]]);
  });

  it('applied, then found saved by the resume (nothing kept, nothing sent): the warning stays, as holding if saved', async () => {
    const { run, sent, context } = await firstRun(true);
    expect(sent.patches).toBe(1);
    expect(run.items[0]).toMatchObject({ status: 'done', differences: [], versionNotKeptIfWritten: true });
    expect(run.items[0]!.versionNotKept).toMatch(/^May have been saved \(its answer was lost\)/);
    expect(summarizeRun(run).split('\n')[1]).toMatch(/^Warning: ‘Require MFA for admins’ may have been written/);
    expect(context.versions.all).toEqual([]);
  });
});

describe('a policy update sent as the page is reloaded (applied, never answered), resumed', () => {
  it('kept the version it replaced before it was sent; the resume finds it written and keeps nothing twice', async () => {
    const { client, now, patched } = tenant({ unansweredPatch: true });
    const context = memoryContext(client, 't', clock);
    const journal = applyJournal(memoryJournals(), 'account');
    void applyPlan(newApplyRun(updatePlan(), 't', clock), graphPlanWriters(context), { clock, journal });
    await vi.waitFor(() => expect(patched()).toBe(true));
    expect(now().state).toBe('enabled');
    const kept = () => context.versions.all.map((v) => [v.reason, JSON.parse(v.json).state]);
    expect(kept()).toEqual([['before save', BEFORE.state]]);

    // After the reload: the run found in the journal, resumed.
    const run = await applyPlan(journal.load()!, graphPlanWriters(context), { clock, journal });
    expect(run.items[0]).toMatchObject({ status: 'done', differences: [] });
    expect(run.items[0]!.versionNotKept).toBeUndefined();
    expect(kept()).toEqual([['before save', BEFORE.state]]);
  });
});
