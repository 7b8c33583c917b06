// The writers apply uses (graphPlanWriters): a plan's update of a named location, a strength or a
// context keeps the version it replaces, over the emulator: before the write, once, and also when the
// write's answer is lost.
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../domain/json';
import type { Plan, PlanRow, PlanRowKind } from '../../domain/plan/types';
import { CONTOSO_TENANT_ID } from '../../emulator/seed';
import { graphOverEmulator } from '../graph-over-emulator';
import { applyJournal, applyPlan, newApplyRun } from '../../operations/apply-plan';
import { memoryContext, memoryJournals } from '../../operations/memory-stores';
import { graphPlanWriters } from '../../operations/plan-writers';

const clock = { now: () => new Date('2026-11-30T12:00:00Z') };
const BETA = '/beta/identity/conditionalAccess';
const PATHS: Partial<Record<PlanRowKind, string>> = {
  namedLocation: `${BETA}/namedLocations`,
  authenticationStrength: '/beta/policies/authenticationStrengthPolicies',
  authenticationContext: `${BETA}/authenticationContextClassReferences`,
};

/** One plan row that renames the tenant's object `before`. */
function renamePlan(kind: PlanRowKind, before: JsonObject, body: JsonObject): Plan {
  const row: PlanRow = {
    key: `${kind}:${String(before.id)}`,
    kind,
    displayName: String(body.displayName),
    action: 'update',
    options: ['update'],
    why: '',
    sourceId: String(before.id),
    targetId: String(before.id),
    body,
    intended: { ...before, ...body },
    before,
    problems: [],
  };
  return { sameTenant: true, rows: [row], mapping: [], blockers: [], counts: { create: 0, update: 1, restore: 0, reuse: 0, skip: 0 } };
}

async function firstOf(harness: ReturnType<typeof graphOverEmulator>, kind: PlanRowKind, custom = false): Promise<JsonObject> {
  const answer = (await (await harness.call('GET', PATHS[kind]!)).json()) as { value: JsonObject[] };
  return answer.value.find((item) => !custom || item.policyType === 'custom')!;
}

const kept = (context: ReturnType<typeof memoryContext>, id: string) =>
  context.versions.all.filter((v) => v.itemId === id).map((v) => ({ reason: v.reason, item: JSON.parse(v.json) as JsonObject }));

describe("a plan's update of an object that is not a policy", () => {
  it('keeps the named location it replaces when the PATCH is applied and its answer lost: once, and the run resumes as done', async () => {
    const harness = graphOverEmulator();
    const context = memoryContext(harness.client, CONTOSO_TENANT_ID, clock);
    const location = await firstOf(harness, 'namedLocation');
    const id = String(location.id);
    harness.emulator.setFaults(CONTOSO_TENANT_ID, {
      rules: [{ match: `PATCH ${PATHS.namedLocation}/${id}`, fault: 'drop-after', times: 1 }],
    });
    const body: JsonObject = { '@odata.type': String(location['@odata.type']), displayName: `${String(location.displayName)} (renamed)` };
    const journal = applyJournal(memoryJournals(), 'account');
    const plan = renamePlan('namedLocation', location, body);

    const first = await applyPlan(newApplyRun(plan, CONTOSO_TENANT_ID, clock), graphPlanWriters(context), { clock, journal });
    const run = first.items[0]!.status === 'done' ? first : await applyPlan(journal.load()!, graphPlanWriters(context), { clock, journal });
    expect(harness.roundTrips.filter((r) => r.method === 'PATCH').map((r) => r.status)[0], 'the first PATCH lost its answer').toBe(0);
    expect(run.items[0]).toMatchObject({ status: 'done', differences: [] });
    expect(kept(context, id)).toEqual([{ reason: 'before a plan updated it', item: expect.objectContaining(location) }]);

    // The same plan applied again (its journal gone) finds it as planned: it writes nothing and keeps nothing more.
    await applyPlan(newApplyRun(plan, CONTOSO_TENANT_ID, clock), graphPlanWriters(context), { clock });
    expect(kept(context, id)).toHaveLength(1);
  });

  it.each([
    ['authenticationStrength', true],
    ['authenticationContext', false],
  ] as const)('keeps the %s it replaces', async (kind, custom) => {
    const harness = graphOverEmulator();
    const context = memoryContext(harness.client, CONTOSO_TENANT_ID, clock);
    const before = await firstOf(harness, kind, custom);
    const body = { displayName: `${String(before.displayName)} (renamed)` };
    const run = await applyPlan(newApplyRun(renamePlan(kind, before, body), CONTOSO_TENANT_ID, clock), graphPlanWriters(context), {
      clock,
    });
    expect(run.items[0]).toMatchObject({ status: 'done', differences: [] });
    expect(kept(context, String(before.id))).toEqual([{ reason: 'before a plan updated it', item: expect.objectContaining(before) }]);
  });
});
