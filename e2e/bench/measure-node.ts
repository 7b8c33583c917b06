// Figures that need no browser: the fewest Graph round trips the list with every name can take,
// and the set comparison of 195 policies against 195.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { collectReferences } from '../../src/domain/references';
import { planLookups } from '../../src/graph/names';
import { MAX_BATCH_SIZE } from '../../src/graph/client';
import type { ConditionalAccessPolicy } from '../../src/domain/types';
import type { JsonObject } from '../../src/domain/policy-body';
import { parsePolicyFile } from '../../src/domain/policy-file';
import { matchPolicySets } from '../../src/domain/match-policies';
import { describeChanges } from '../../src/domain/describe-changes';
import { corpusFiles, corpusPresent, isNotPolicyFile } from '../../src/testing/corpus';
import { createSizedSeedState } from '../../src/emulator/seed/large-seed';
import { median } from './stats';
import { graphOverEmulator } from '../../src/testing/graph-over-emulator';
import { memoryContext } from '../../src/operations/memory-stores';
import { exportTenant } from '../../src/operations/export-tenant';
import { importSetOfBundle } from '../../src/domain/import/bundle-import';
import { findDirectoryMatches, readTargetForPlan } from '../../src/graph/target-directory';
import { buildPlan, sourcePolicies } from '../../src/domain/plan/build-plan';
import { referencesToLookUp } from '../../src/domain/plan/mapping';
import { defaultChoices } from '../../src/domain/plan/types';

const contoso = (policies: number) => createSizedSeedState(policies).tenants[0]!.policies as JsonObject[];

/** The tenant of a size: its distinct references, the fewest round trips, and the policies the bench opens. */
export function tenantFacts(policies: number) {
  const all = contoso(policies);
  const refs = collectReferences(all as ConditionalAccessPolicy[]);
  const lookups = planLookups(refs).length;
  const size = (p: JsonObject) => JSON.stringify(p).length;
  const largest = all.reduce((a, b) => (size(b) > size(a) ? b : a));
  return {
    policies,
    references: Object.values(refs).reduce((sum, set: Set<string>) => sum + set.size, 0),
    // The policy list, the lookups in as few $batch requests as possible, and the tenant's name.
    minimumRoundTrips: 1 + Math.ceil(lookups / MAX_BATCH_SIZE) + 1,
    typicalId: String(all[0]!.id),
    largest: { id: String(largest.id), references: collectReferences([largest as ConditionalAccessPolicy]).directoryObjects.size },
  };
}

/** Every policy of ../shared/corpus (real exports), or the demo tenant's when the corpus is absent. */
export function corpusPolicies(): JsonObject[] {
  if (!corpusPresent) return contoso(35);
  return corpusFiles()
    .filter((file) => !isNotPolicyFile(file))
    .flatMap((file) => parsePolicyFile(readFileSync(file), file, { reportOnly: false }).map((p) => p.body));
}

/** 195 policies against 195: a fifth changed, five only on each side, the rest identical. */
export function measureSetDiff(policies: JsonObject[]) {
  const sideA = Array.from({ length: 195 }, (_, i) => ({
    id: `a-${i}`,
    policy: { ...structuredClone(policies[i % policies.length]!), id: `a-${i}`, displayName: `Policy ${i}` } as JsonObject,
  }));
  const sideB = sideA.slice(5).map((item, i) => ({
    id: i % 3 === 0 ? null : item.id, // some matched by name only, as from an old export
    policy:
      i % 5 === 0
        ? { ...structuredClone(item.policy), state: item.policy.state === 'enabled' ? 'disabled' : 'enabled' }
        : structuredClone(item.policy),
  }));
  for (let i = 0; i < 5; i++)
    sideB.push({ id: `b-${i}`, policy: { ...structuredClone(policies[i]!), id: `b-${i}`, displayName: `New policy ${i}` } });
  const match: number[] = [];
  const words: number[] = [];
  for (let run = 0; run < 10; run++) {
    const start = performance.now();
    const result = matchPolicySets(sideA, sideB);
    match.push(performance.now() - start);
    for (const m of result.matches) if (m.status === 'changed') describeChanges(m.a!, m.b!);
    words.push(performance.now() - start);
  }
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return { matchMs: round(median(match)), withWordsMs: round(median(words)) };
}

/**
 * Backing up a 195-policy tenant, and planning its restore into itself (195 against 195), over the
 * emulator in-process: round trips, the time spent computing, and the time the client's pacer and
 * any Retry-After would make a user wait (the emulator's clock, which waiting moves).
 */
export async function measureExportAndPlan() {
  const harness = graphOverEmulator({ state: createSizedSeedState(195) });
  const tenantId = harness.emulator.state.tenants[0]!.id;
  const context = memoryContext(harness.client, tenantId);
  const simulated = () => harness.clock.now.getTime();
  const round = (ms: number) => Math.round(ms);

  let trips = harness.roundTrips.length;
  let waited = simulated();
  let start = performance.now();
  const bundle = await exportTenant(context, 'Contoso');
  const exported = {
    policies: bundle.policies.length,
    references: bundle.references.length,
    roundTrips: harness.roundTrips.length - trips,
    computeMs: round(performance.now() - start),
    pacedMs: simulated() - waited,
  };

  trips = harness.roundTrips.length;
  waited = simulated();
  start = performance.now();
  const source = importSetOfBundle(bundle);
  const read = await readTargetForPlan(harness.client);
  const directory = await findDirectoryMatches(harness.client, referencesToLookUp(source, sourcePolicies(source), []));
  const readMs = performance.now() - start;
  const builds: number[] = [];
  let rows = 0;
  for (let run = 0; run < 5; run++) {
    const began = performance.now();
    rows = buildPlan(source, { tenantId, ...read, directory }, defaultChoices()).rows.length;
    builds.push(performance.now() - began);
  }
  return {
    export: exported,
    plan: {
      rows,
      roundTrips: harness.roundTrips.length - trips,
      readComputeMs: round(readMs),
      pacedMs: simulated() - waited,
      buildMs: Math.round(median(builds) * 10) / 10,
    },
  };
}
