// Suppressions: a finding accepted with a reason stays in the results, marked; a suppression for a
// policy wins over one for the whole rule; what is stored reads back the same, and a stored entry
// nobody could explain is refused with where it came from.
import { describe, expect, it } from 'vitest';
import { applySuppressions, readSuppressions, withSuppression, withoutSuppression } from './suppressions';
import type { LintFinding, LintSuppression } from './types';

const finding = (ruleId: string, policyId?: string): LintFinding => ({
  ruleId,
  severity: 'warning',
  category: 'hygiene',
  message: `${ruleId} on ${policyId ?? 'tenant'}`,
  external: [],
  ...(policyId && { policyId }),
});
const AT = '2026-11-30T12:00:00.000Z';

describe('suppressions', () => {
  it('keeps suppressed findings with their reason; one for the policy wins over one for the rule', () => {
    const findings = [
      finding('naming-pattern', 'p1'),
      finding('naming-pattern', 'p2'),
      finding('near-policy-limit'),
      finding('deprecated-property', 'p1'),
    ];
    const suppressions: LintSuppression[] = [
      { ruleId: 'naming-pattern', reason: 'Legacy names kept until the migration', at: AT },
      { ruleId: 'naming-pattern', policyId: 'p2', reason: 'Named by the vendor', by: 'Ada', at: AT },
    ];
    const result = applySuppressions(findings, suppressions);
    expect(result).toHaveLength(4);
    expect(result.map((f) => f.suppressed)).toEqual([
      { reason: 'Legacy names kept until the migration', at: AT },
      { reason: 'Named by the vendor', by: 'Ada', at: AT },
      undefined,
      undefined,
    ]);
  });

  it('holds one suppression per rule and policy, and removes exactly the one asked', () => {
    let list = withSuppression([], { ruleId: 'naming-pattern', policyId: 'p1', reason: 'first', at: AT });
    list = withSuppression(list, { ruleId: 'naming-pattern', policyId: 'p1', reason: 'second', at: AT });
    list = withSuppression(list, { ruleId: 'naming-pattern', reason: 'all', at: AT });
    expect(list.map((s) => s.reason)).toEqual(['second', 'all']);
    expect(withoutSuppression(list, 'naming-pattern').map((s) => s.reason)).toEqual(['second']);
  });

  it('reads back what it stored, and refuses an entry without a reason, naming where it was', () => {
    const stored: LintSuppression[] = [
      { ruleId: 'naming-pattern', policyId: 'p1', reason: 'Named by the vendor', by: 'Ada', at: AT },
      { ruleId: 'near-policy-limit', reason: 'Merging in Q1', at: AT },
    ];
    expect(readSuppressions(JSON.parse(JSON.stringify(stored)), 'suppressions.json')).toEqual(stored);
    expect(() => readSuppressions([{ ruleId: 'naming-pattern', reason: ' ', at: AT }], 'the backup’s suppressions.json')).toThrow(
      "the backup’s suppressions.json, suppression 1: 'reason' must be a non-empty string.",
    );
    expect(() => readSuppressions([{ ruleId: 'x', reason: 'y', at: 'yesterday' }], 'device')).toThrow(
      "device, suppression 1: 'at' is not a date (yesterday).",
    );
    expect(() => readSuppressions({}, 'device')).toThrow('device: suppressions are a JSON array.');
  });
});
