// Findings as JUnit XML, which most CI systems show as test results: one suite per category, one
// test case per rule that found nothing (it passed) and one per finding. A finding at or above the
// failing severity is a failure; a suppressed one is skipped with its reason; a lighter one passes
// with its message as output. Every text is escaped, and characters XML 1.0 cannot hold are dropped.
import { lintRules } from './catalogue';
import { LINT_CATEGORIES, type LintFinding, type LintRule, type LintSeverity } from './types';

export interface JUnitOptions {
  /** From which severity a finding fails its test case (default warning). */
  failOn?: LintSeverity;
  rules?: readonly LintRule[];
  /** The suites' name (default "Gatehouse lint"). */
  name?: string;
}

const RANK: Record<LintSeverity, number> = { error: 0, warning: 1, info: 2 };

export function escapeXml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- XML 1.0 cannot hold these at all, escaped or not.
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

const attrs = (values: Record<string, string | number>) =>
  Object.entries(values)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');

function testCase(f: LintFinding, failOn: LintSeverity): { xml: string; failed: boolean; skipped: boolean } {
  const name = `${f.ruleId}: ${f.policyName ?? 'tenant'}`;
  const open = `    <testcase${attrs({ classname: `gatehouse.${f.category}`, name })}>`;
  const external = f.external.length ? `\nSee also: ${f.external.map((e) => e.id).join(', ')}` : '';
  if (f.suppressed) {
    const by = f.suppressed.by ? ` (${f.suppressed.by}, ${f.suppressed.at})` : ` (${f.suppressed.at})`;
    return {
      xml: `${open}<skipped${attrs({ message: `Suppressed: ${f.suppressed.reason}${by}` })}/></testcase>`,
      failed: false,
      skipped: true,
    };
  }
  if (RANK[f.severity] <= RANK[failOn]) {
    const body = escapeXml(`${f.message}${external}`);
    return {
      xml: `${open}<failure${attrs({ message: f.message, type: f.severity })}>${body}</failure></testcase>`,
      failed: true,
      skipped: false,
    };
  }
  return {
    xml: `${open}<system-out>${escapeXml(`${f.severity}: ${f.message}${external}`)}</system-out></testcase>`,
    failed: false,
    skipped: false,
  };
}

export function toJUnit(findings: readonly LintFinding[], options: JUnitOptions = {}): string {
  const failOn = options.failOn ?? 'warning';
  const rules = options.rules ?? lintRules;
  let [tests, failures, skipped] = [0, 0, 0];
  const suites = LINT_CATEGORIES.map((category) => {
    const mine = findings.filter((f) => f.category === category);
    const cases = mine.map((f) => testCase(f, failOn));
    const quiet = rules.filter((r) => r.category === category && !mine.some((f) => f.ruleId === r.id));
    const passed = quiet.map((r) => `    <testcase${attrs({ classname: `gatehouse.${category}`, name: r.id })}/>`);
    const counts = {
      tests: cases.length + passed.length,
      failures: cases.filter((c) => c.failed).length,
      skipped: cases.filter((c) => c.skipped).length,
    };
    [tests, failures, skipped] = [tests + counts.tests, failures + counts.failures, skipped + counts.skipped];
    return [
      `  <testsuite${attrs({ name: category, ...counts, errors: 0 })}>`,
      ...cases.map((c) => c.xml),
      ...passed,
      '  </testsuite>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs({ name: options.name ?? 'Gatehouse lint', tests, failures, skipped, errors: 0 })}>`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
