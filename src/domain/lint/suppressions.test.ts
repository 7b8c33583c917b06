// Suppressions: a finding accepted with a reason stays in the results, marked; a suppression for a
// policy wins over one for the whole rule; what is stored reads back the same, and a stored entry
// nobody could explain is refused with where it came from.
import { describe, expect, it } from 'vitest';
import { applySuppressions, placeSuppressions, readSuppressions, withSuppression, withoutSuppression } from './suppressions';
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

  it('places a backup’s suppressions on this tenant’s policies by id, else by name, and says which it could not place', () => {
    const backup = [
      { id: 'old-1', displayName: 'CA001: Require MFA' },
      { id: 'old-2', displayName: 'CA002: Gone' },
      { id: 'old-3', displayName: 'CA003: Twice' },
      { id: 'same', displayName: 'CA004: Kept' },
    ];
    const tenant = [
      { id: 'new-1', displayName: 'CA001: Require MFA' },
      { id: 'SAME', displayName: 'CA004: Renamed' },
      { id: 'a', displayName: 'CA003: Twice' },
      { id: 'b', displayName: 'CA003: Twice' },
    ];
    const s = (ruleId: string, policyId?: string): LintSuppression => ({ ruleId, reason: 'r', at: AT, ...(policyId && { policyId }) });
    const { placed, notes } = placeSuppressions(
      [s('a', 'old-1'), s('b', 'old-2'), s('c', 'old-3'), s('d', 'same'), s('coverage-guests-mfa')],
      backup,
      tenant,
    );
    expect(placed).toEqual([s('a', 'new-1'), s('d', 'SAME'), s('coverage-guests-mfa')]);
    expect(notes).toEqual([
      '“CA002: Gone” is not in this tenant: the suppression of b was not restored.',
      '2 policies are called “CA003: Twice”: the suppression of c was not restored.',
    ]);
  });
  it('while this tenant’s policies are unknown, places the suppressions of whole rules only and never says a policy is not in this tenant', () => {
    const s = (ruleId: string, policyId?: string): LintSuppression => ({ ruleId, reason: 'r', at: AT, ...(policyId && { policyId }) });
    const backup = [{ id: 'old-1', displayName: 'CA001: Require MFA' }];
    const loading = placeSuppressions([s('a', 'old-1'), s('b', 'old-1'), s('coverage-guests-mfa')], backup, { unread: 'loading' });
    expect(loading).toEqual({
      placed: [s('coverage-guests-mfa')],
      notes: [
        'This tenant’s policies are still being read, so the 2 suppressions of single policies were not restored: restore again once they are read.',
      ],
    });
    const failed = placeSuppressions([s('a', 'old-1')], backup, { unread: 'failed' });
    expect(failed).toEqual({
      placed: [],
      notes: [
        'This tenant’s policies could not be read, so the suppression of a single policy was not restored: restore again once they can be read.',
      ],
    });
  });
});
