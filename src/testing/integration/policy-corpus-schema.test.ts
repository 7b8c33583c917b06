// The real exports of ../shared/corpus (nobody here wrote them) meet no "unknown property" finding:
// every property Graph returned in them is known to the schema, the documented ones and the agent
// preview ones alike (src/graph/policy-schema-docs.test.ts holds the documented list). Skips when
// the corpus is absent.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPolicy } from '../../graph/policy-checks';
import { parsePolicyFile } from '../../graph/policy-file';
import { corpusDir, corpusFiles, corpusPresent, isNotPolicyFile } from '../corpus';

describe.skipIf(!corpusPresent)('the real exports of ../shared/corpus', () => {
  if (!corpusPresent) it.skip('needs ../shared/corpus (present in CI)', () => {});

  it('meet no "unknown property" finding: what Graph returns, the schema knows', () => {
    const unknown: string[] = [];
    let policies = 0;
    for (const file of corpusFiles().filter((f) => !isNotPolicyFile(f))) {
      for (const policy of parsePolicyFile(readFileSync(file), file)) {
        policies++;
        for (const finding of checkPolicy(policy.body)) {
          if (finding.message.includes("not in this console's schema")) unknown.push(`${relative(corpusDir, file)}: ${finding.path.join('.')}`);
        }
      }
    }
    expect(policies).toBeGreaterThan(40);
    expect(unknown).toEqual([]);
  });
});
