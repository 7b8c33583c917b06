// A plan's update of a named location, a strength or a context, over the emulator: written when the
// tenant still has what the plan read; not written again when the tenant already holds it (a second
// run of the same plan, its journal gone); not written over when someone changed it since the plan.
import { describe, expect, it } from 'vitest';
import type { Bundle } from '../../domain/bundle/bundle';
import { importSetOfBundle } from '../../domain/import/bundle-import';
import { buildPlan, sourcePolicies } from '../../domain/plan/build-plan';
import { referencesToLookUp } from '../../domain/plan/mapping';
import { defaultChoices } from '../../domain/plan/types';
import { CONTOSO_TENANT_ID } from '../../emulator/seed';
import { findDirectoryMatches, readTargetForPlan } from '../../graph/target-directory';
import { applyPlan, newApplyRun } from '../../operations/apply-plan';
import { exportTenant } from '../../operations/export-tenant';
import { memoryContext } from '../../operations/memory-stores';
import { graphPlanWriters } from '../../operations/plan-writers';
import { graphOverEmulator } from '../graph-over-emulator';

const clock = { now: () => new Date('2026-11-30T12:00:00Z') };
const LOCATIONS = '/beta/identity/conditionalAccess/namedLocations';

/** Contoso's backup with its first named location renamed and the plan that brings the tenant to it. */
async function planRename(harness: ReturnType<typeof graphOverEmulator>) {
  const context = memoryContext(harness.client, CONTOSO_TENANT_ID, clock);
  const backup = await exportTenant(context, 'Contoso');
  const location = backup.namedLocations[0]!;
  const changed: Bundle = {
    ...backup,
    namedLocations: backup.namedLocations.map((l) =>
      l.id === location.id ? { ...l, displayName: `${String(l.displayName)} (renamed)` } : l,
    ),
  };
  const source = importSetOfBundle(changed);
  const choices = { ...defaultChoices(), states: 'source' as const };
  const read = await readTargetForPlan(harness.client);
  const directory = await findDirectoryMatches(harness.client, referencesToLookUp(source, sourcePolicies(source), choices.domains));
  const plan = buildPlan(source, { tenantId: CONTOSO_TENANT_ID, ...read, directory }, choices);
  const row = plan.rows.find((r) => r.kind === 'namedLocation' && r.action === 'update');
  expect(row, 'the plan updates the renamed location').toBeDefined();
  return { context, plan, id: String(location.id), name: `${String(location.displayName)} (renamed)` };
}

const patches = (harness: ReturnType<typeof graphOverEmulator>) =>
  harness.roundTrips.filter((r) => r.method === 'PATCH' && r.url.includes('/namedLocations/')).length;

describe("a plan's update of a named location", () => {
  it('is written once: the same plan applied again, its journal gone, writes nothing', async () => {
    const harness = graphOverEmulator();
    const { context, plan, id, name } = await planRename(harness);
    const first = await applyPlan(newApplyRun(plan, CONTOSO_TENANT_ID, clock), graphPlanWriters(context), { clock });
    expect(first.items.every((i) => i.status === 'done')).toBe(true);
    expect(patches(harness)).toBe(1);

    const again = await applyPlan(newApplyRun(plan, CONTOSO_TENANT_ID, clock), graphPlanWriters(context), { clock });
    expect(again.items.every((i) => i.status === 'done' && !i.differences?.length)).toBe(true);
    expect(patches(harness)).toBe(1);
    const read = (await (await harness.call('GET', `${LOCATIONS}/${id}`)).json()) as { displayName: string };
    expect(read.displayName).toBe(name);
  });

  it('is not written over a change made in the tenant after the plan', async () => {
    const harness = graphOverEmulator();
    const { context, plan, id } = await planRename(harness);
    const colleague = await harness.call('PATCH', `${LOCATIONS}/${id}`, {
      body: { '@odata.type': '#microsoft.graph.ipNamedLocation', displayName: 'Renamed by a colleague' },
    });
    expect(colleague.status, await colleague.text()).toBeLessThan(300);

    const run = await applyPlan(newApplyRun(plan, CONTOSO_TENANT_ID, clock), graphPlanWriters(context), { clock });
    const item = run.items.find((i) => i.kind === 'namedLocation')!;
    expect(item.status).toBe('failed');
    expect(item.message).toMatch(/changed in the tenant after the plan was made: plan again/);
    const read = (await (await harness.call('GET', `${LOCATIONS}/${id}`)).json()) as { displayName: string };
    expect(read.displayName).toBe('Renamed by a colleague');
  });
});
