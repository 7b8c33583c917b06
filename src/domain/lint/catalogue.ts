// The lint catalogue: every rule over a whole tenant, in the order the console lists categories,
// and lintTenant, which runs them. Rule ids are unique across the catalogue and the editor's rules
// (the saved-policy rules carry the editor's ids), so a suppression or a SARIF result names one rule.
import { coverageRules } from './coverage';
import { correctnessRules, savedPolicyRules } from './correctness-rules';
import { deprecatedRules } from './deprecated-rules';
import { hygieneRules } from './hygiene-rules';
import { lockoutRules } from './lockout-rules';
import { referenceRules } from './references-rules';
import { tenantOf } from './tenant';
import type { LintFinding, LintInput, LintRule, LintSeverity } from './types';

export const lintRules: readonly LintRule[] = [
  ...referenceRules,
  ...lockoutRules,
  ...correctnessRules,
  ...savedPolicyRules,
  ...coverageRules,
  ...deprecatedRules,
  ...hygieneRules,
];

const RANK: Record<LintSeverity, number> = { error: 0, warning: 1, info: 2 };

/** Every finding of the given rules on the tenant: errors first, then by category as listed, then by policy name. */
export function lintTenant(input: LintInput, rules: readonly LintRule[] = lintRules): LintFinding[] {
  const tenant = tenantOf(input);
  const findings = rules.flatMap((rule, order) =>
    rule.check(tenant).map((result) => ({
      order,
      finding: {
        ruleId: rule.id,
        category: rule.category,
        external: [...rule.external],
        ...result,
        severity: result.severity ?? rule.severity,
      } satisfies LintFinding,
    })),
  );
  return findings
    .sort(
      (a, b) =>
        RANK[a.finding.severity] - RANK[b.finding.severity] ||
        a.order - b.order ||
        (a.finding.policyName ?? '').localeCompare(b.finding.policyName ?? ''),
    )
    .map((x) => x.finding);
}

export const ruleById = (id: string) => lintRules.find((r) => r.id === id);
