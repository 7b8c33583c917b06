// The lint over the real exports of ../shared/corpus (nobody here wrote them), each export read as
// one tenant: no rule throws on what real tenants hold, every finding names a rule of the catalogue
// and a policy of the tenant, and every quick fix, applied as the editor would, keeps every
// exclusion the policy had. Skips when the corpus is absent.
import { readFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { objectIn, stringsIn, type JsonObject } from '../../domain/json';
import { lintRules, lintTenant } from '../../domain/lint';
import { applyPatch } from '../../domain/policy-body';
import { parsePolicyFile } from '../../domain/policy-file';
import { corpusDir, corpusFiles, corpusPresent, isNotPolicyFile } from '../corpus';

const NOW = new Date('2026-11-30T12:00:00Z');

/** The corpus's policies by tenant: a file of many policies is one export, a folder of one-policy files another. */
function tenants(): Map<string, JsonObject[]> {
  const byFolder = new Map<string, JsonObject[]>();
  for (const file of corpusFiles().filter((f) => !isNotPolicyFile(f))) {
    // As the tenant held them: the state and id they had there (an import starts a body in report-only).
    const policies = parsePolicyFile(readFileSync(file), file).map((p, i) => ({
      ...p.body,
      id: p.sourceId ?? `${relative(corpusDir, file)}#${i}`,
      ...(p.originalState && { state: p.originalState }),
    }));
    const folder = policies.length > 1 ? relative(corpusDir, file) : relative(corpusDir, dirname(file));
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), ...policies]);
  }
  return byFolder;
}

describe.skipIf(!corpusPresent)('the lint over the real exports of ../shared/corpus', () => {
  if (!corpusPresent) it.skip('needs ../shared/corpus (present in CI)', () => {});

  it('runs every rule on every tenant, with findings that name a rule and a policy, and fixes that drop no exclusion', () => {
    const ids = new Set(lintRules.map((r) => r.id));
    let findings = 0;
    for (const [folder, policies] of tenants()) {
      const byId = new Map(policies.map((p) => [String(p.id), p]));
      for (const f of lintTenant({ policies, now: NOW })) {
        findings += 1;
        expect(ids.has(f.ruleId), `${folder}: ${f.ruleId}`).toBe(true);
        expect(f.message.length).toBeGreaterThan(10);
        if (f.policyId !== undefined) expect(byId.has(f.policyId), `${folder}: ${f.ruleId} on ${f.policyId}`).toBe(true);
        if (!f.fix) continue;
        const before = byId.get(f.policyId!)!;
        const users = (p: JsonObject) => objectIn(objectIn(p.conditions).users);
        const after = users(applyPatch(before, f.fix.patch));
        for (const key of ['excludeUsers', 'excludeGroups', 'excludeRoles'])
          expect(stringsIn(after[key]), `${folder}: ${f.ruleId}`).toEqual(expect.arrayContaining(stringsIn(users(before)[key])));
      }
    }
    expect(findings).toBeGreaterThan(0);
  });
});
