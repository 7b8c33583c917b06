// The semantic diff over every real-world policy in ../shared/corpus: each policy against the next
// one read, and against itself with a change. Skips when the corpus is absent.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildPatch, comparableText, type JsonObject } from '../../domain/policy-body';
import { parsePolicyFile } from '../../domain/policy-file';
import { describeChanges } from '../../domain/describe-changes';
import { corpusFiles, corpusPresent, isNotPolicyFile } from '../corpus';

const present = corpusPresent;
const QUIET = { hideEmpty: true, sortIds: true };
const policies: JsonObject[] = corpusFiles()
  .filter((f) => !isNotPolicyFile(f))
  .flatMap((f) => parsePolicyFile(readFileSync(f), f, { reportOnly: false }).map((p) => p.body));

/** Every leaf path where two policies differ. */
function changedLeaves(patch: JsonObject, prefix = ''): string[] {
  return Object.entries(patch).flatMap(([key, value]) =>
    value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0
      ? changedLeaves(value, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

describe.skipIf(!present)('the semantic diff over ../shared/corpus', () => {
  if (!present) it.skip('needs ../shared/corpus (present in CI)', () => {});

  it('reads enough policies to mean something', () => {
    expect(policies.length).toBeGreaterThan(60);
  });

  it('describes every difference between neighbouring policies, and only those', () => {
    for (let i = 0; i < policies.length; i++) {
      const a = policies[i]!;
      const b = policies[(i + 1) % policies.length]!;
      // With the noise said, as the diff that shows it does.
      const changes = describeChanges(a, b, undefined, { sayEmptyLists: true });
      // Null against absent is no difference in any words.
      const nothing = (policy: JsonObject, leaf: string) =>
        leaf.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as JsonObject)[k] : undefined), policy) == null;
      const leaves = changedLeaves(buildPatch(a, b)).filter((leaf) => !(nothing(a, leaf) && nothing(b, leaf)));
      expect(changes.length > 0).toBe(leaves.length > 0);
      // With the noise hidden, words and the diff text agree on whether anything differs.
      expect(describeChanges(a, b, undefined, QUIET).length > 0).toBe(comparableText(a, QUIET) !== comparableText(b, QUIET));
      for (const leaf of leaves)
        expect(
          changes.some((c) => leaf === c.path || leaf.startsWith(`${c.path}.`) || c.path.startsWith(`${leaf}.`)),
          `${leaf} is described`,
        ).toBe(true);
      for (const change of changes) expect(change.text).not.toMatch(/undefined|\[object Object\]/);
      expect(describeChanges(a, structuredClone(a))).toEqual([]);
    }
  });

  it('says a state change of every policy in words', () => {
    for (const policy of policies) {
      const next = { ...policy, state: policy.state === 'enabled' ? 'disabled' : 'enabled' };
      expect(describeChanges(policy, next).map((c) => c.text)).toEqual([expect.stringMatching(/^State: (On|Off|Report-only) → (On|Off)$/)]);
    }
  });
});
