// The registry of the console's checks: every rule in src/domain/rules, in the order their findings
// are listed (the schema first, as the service checks it first). A capability that needs a check adds
// a rule file and registers it here; registry.test.ts fails for a rule file left out.
import type { PolicyFinding } from '../policy-finding';
import { applicationsOrUserActions } from './applications-or-user-actions';
import { blockStandsAlone } from './block-stands-alone';
import { coveredByAll } from './covered-by-all';
import { grantOrSessionControl } from './grant-or-session-control';
import { includeUsersOrWorkloadIdentities } from './include-users-or-workload-identities';
import { includedAndExcluded } from './included-and-excluded';
import { isObject } from './loose-json';
import { nameInvisibleCharacters } from './name-invisible-characters';
import { nameNotOnlySpaces } from './name-not-only-spaces';
import { passwordChangeNeedsMfa } from './password-change-needs-mfa';
import { readOnlyProperty } from './read-only-property';
import { remediationNeedsUserRisk } from './remediation-needs-user-risk';
import { remediationOnAllResources } from './remediation-on-all-resources';
import { riskRemediationNeedsStrength } from './risk-remediation-needs-strength';
import { riskRemediationNotWithPasswordChange } from './risk-remediation-not-with-password-change';
import type { Rule, RuleContext, RuleFinding } from './rule';
import { notAnObject, schema } from './schema';
import { targetAResource } from './target-a-resource';
import { unknownProperty } from './unknown-property';

export type { PolicyJson, Rule, RuleContext, RuleFinding, Severity } from './rule';

export const policyRules: readonly Rule[] = [
  schema,
  // The service's rules beyond the schema: what breaks them, Graph refuses.
  nameNotOnlySpaces,
  applicationsOrUserActions,
  targetAResource,
  includeUsersOrWorkloadIdentities,
  grantOrSessionControl,
  passwordChangeNeedsMfa,
  riskRemediationNeedsStrength,
  riskRemediationNotWithPasswordChange,
  remediationNeedsUserRisk,
  // The console's own advice: warnings and notes, never a blocked save.
  nameInvisibleCharacters,
  remediationOnAllResources,
  blockStandsAlone,
  includedAndExcluded,
  coveredByAll,
  readOnlyProperty,
  unknownProperty,
];

/** A finding as callers see it: the rule's id, and the rule's severity and code unless the finding weighs itself. */
function attribute(rule: Rule, finding: RuleFinding): PolicyFinding {
  if (finding.severity) return { ...finding, rule: rule.id };
  return { ...finding, severity: rule.severity, ...(rule.code ? { code: rule.code } : {}), rule: rule.id };
}

export function runRules(policy: unknown, rules: readonly Rule[] = policyRules, context: RuleContext = {}): PolicyFinding[] {
  if (!isObject(policy)) return [notAnObject()];
  return rules.flatMap((rule) => rule.check(policy, context).map((finding) => attribute(rule, finding)));
}
