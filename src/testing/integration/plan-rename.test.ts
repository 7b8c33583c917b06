// An import whose policies the tenant already has under other names: the plan finds them by content
// and renames them, and the service accepts the rename.
import { describe, expect, it } from 'vitest';
import { readImport } from '../../domain/import/read-import';
import { buildPlan, sourcePolicies } from '../../domain/plan/build-plan';
import { referencesToLookUp } from '../../domain/plan/mapping';
import { defaultChoices } from '../../domain/plan/types';
import { CONTOSO_TENANT_ID } from '../../emulator/seed';
import { findDirectoryMatches, readTargetForPlan } from '../../graph/target-directory';
import { applyPlan, newApplyRun } from '../../operations/apply-plan';
import { memoryContext } from '../../operations/memory-stores';
import { graphPlanWriters } from '../../operations/plan-writers';
import { graphOverEmulator } from '../graph-over-emulator';

const clock = { now: () => new Date('2026-11-30T12:00:00Z') };
const policies = (prefix: string) =>
  ['A', 'B'].map((letter) => ({
    displayName: `${prefix} ${letter}`,
    state: 'disabled',
    conditions: { users: { includeUsers: ['None'] }, applications: { includeApplications: ['All'] }, clientAppTypes: ['all'] },
    grantControls: { operator: 'OR', builtInControls: ['mfa'] },
  }));

async function importAndApply(harness: ReturnType<typeof graphOverEmulator>, prefix: string) {
  const source = await readImport([{ path: `${prefix}.json`, bytes: new TextEncoder().encode(JSON.stringify(policies(prefix))) }]);
  const choices = defaultChoices();
  const read = await readTargetForPlan(harness.client);
  const directory = await findDirectoryMatches(harness.client, referencesToLookUp(source, sourcePolicies(source), choices.domains));
  const plan = buildPlan(source, { tenantId: CONTOSO_TENANT_ID, ...read, directory }, choices);
  const context = memoryContext(harness.client, CONTOSO_TENANT_ID, clock);
  const run = await applyPlan(newApplyRun(plan, CONTOSO_TENANT_ID, clock), graphPlanWriters(context), { clock });
  return { plan, run };
}

describe('an import of policies the tenant has under other names', () => {
  it('renames them, and the service takes it', async () => {
    const harness = graphOverEmulator();
    const first = await importAndApply(harness, 'seedwrite');
    expect(first.run.items.map((i) => i.status)).toEqual(['done', 'done']);
    const second = await importAndApply(harness, 'renamed');
    expect(second.plan.rows.filter((r) => r.kind === 'policy').map((r) => [r.action, r.body])).toEqual([
      ['update', { displayName: 'renamed A' }],
      ['update', { displayName: 'renamed B' }],
    ]);
    expect(second.run.items.map((i) => `${i.status} ${i.message ?? ''}`)).toEqual(['done ', 'done ']);
    const names = harness.emulator.state.tenants.find((t) => t.id === CONTOSO_TENANT_ID)!.policies.map((p) => p.displayName);
    expect(names.filter((n) => /^(seedwrite|renamed) /.test(String(n)))).toEqual(['renamed A', 'renamed B']);
  });
});
