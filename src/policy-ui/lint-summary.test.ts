import { describe, expect, it } from 'vitest';
import type { LintFinding } from '../domain/lint/types';
import { compareFindings, describeFindings, findingsByPolicy, findingsOf, matchesFindings } from './lint-summary';

const finding = (policyId: string | undefined, severity: LintFinding['severity'], ruleId = 'r', suppressed = false): LintFinding => ({
  ruleId,
  severity,
  category: 'correctness',
  message: 'm',
  external: [],
  ...(policyId && { policyId }),
  ...(suppressed && { suppressed: { reason: 'accepted', at: '2026-11-30T00:00:00Z' } }),
});

describe('findings per policy', () => {
  const summaries = findingsByPolicy([
    finding('a', 'warning', 'stale'),
    finding('a', 'error', 'gone'),
    finding('a', 'info', 'gone', true),
    finding('b', 'info', 'naming'),
    finding('c', 'warning', 'stale', true),
    finding(undefined, 'warning', 'coverage'),
  ]);

  it('counts what is not suppressed, by worst severity, and says it in words', () => {
    expect(findingsOf(summaries, 'a')).toMatchObject({ count: 2, worst: 'error', suppressed: 1 });
    expect(describeFindings(findingsOf(summaries, 'a'))).toBe('1 error, 1 warning (1 suppressed)');
    expect(describeFindings(findingsOf(summaries, 'b'))).toBe('1 suggestion');
    expect(describeFindings(findingsOf(summaries, 'c'))).toBe('No findings (1 suppressed)');
    expect(describeFindings(findingsOf(summaries, 'none'))).toBe('No findings');
    // A tenant-wide finding belongs to no policy.
    expect([...summaries.keys()].sort()).toEqual(['a', 'b', 'c']);
  });

  it('filters by severity and by rule, a suppressed finding matching no filter', () => {
    const keep = (filter: Parameters<typeof matchesFindings>[1]) =>
      ['a', 'b', 'c', 'none'].filter((id) => matchesFindings(findingsOf(summaries, id), filter));
    expect(keep(null)).toEqual(['a', 'b', 'c', 'none']);
    expect(keep('errors')).toEqual(['a']);
    expect(keep('warnings')).toEqual(['a']);
    expect(keep('any')).toEqual(['a', 'b']);
    expect(keep('rule:stale')).toEqual(['a']);
    expect(keep('rule:gone')).toEqual(['a']);
  });

  it('sorts the worst first, then the most findings', () => {
    const order = ['none', 'b', 'c', 'a'].sort((x, y) => compareFindings(findingsOf(summaries, x), findingsOf(summaries, y)));
    expect(order[0]).toBe('a');
    expect(order[1]).toBe('b');
    expect(order.slice(2).sort()).toEqual(['c', 'none']);
  });
});
