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
