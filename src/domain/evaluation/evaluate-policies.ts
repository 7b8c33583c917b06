// Every policy against one sign-in, and what the sign-in must satisfy overall. Enforced and report-only
// policies are kept apart: the service enforces the first and only logs the second. Among enforced
// policies that apply, a block wins; otherwise every applying policy's grant must be satisfied (each
// with its own AND or OR), and their session controls all apply. Policies that may apply (indeterminate)
// are listed beside, and make the overall answer uncertain unless a known block already settles it.
import { controlLabels } from '../labels';
import { prepareSignIn } from './conditions/prepared';
import type { GrantRequirement, SessionRequirement } from './controls';
import { evaluatePreparedPolicy, type EvaluateOptions, type PolicyEvaluation } from './evaluate-policy';
import type { EvaluationContext, SignInFacts } from './sign-in';
import { isolatedText } from '../isolate';

export interface PolicyRef {
  policyId: string;
  displayName: string;
}

export interface Requirements {
  decision: 'block' | 'controls' | 'allow';
  /** False when a policy that may apply could change the decision or add to it. */
  certain: boolean;
  /** The decision in words. */
  summary: string;
  blockedBy: PolicyRef[];
  /** Every one must be satisfied. */
  grants: (PolicyRef & { grant: GrantRequirement })[];
  session: (PolicyRef & { control: SessionRequirement })[];
  /** Policies that may apply, with what they would need known. */
  indeterminate: (PolicyRef & { missing: string[]; wouldBlock: boolean })[];
}

export interface SignInEvaluation {
  results: PolicyEvaluation[];
  enforced: Requirements;
  reportOnly: Requirements;
}

const ref = (r: PolicyEvaluation): PolicyRef => ({ policyId: r.policyId, displayName: r.displayName });

/** A grant in words: "multifactor authentication or a compliant device". */
export function grantInWords(grant: GrantRequirement): string {
  if (grant.block) return 'block';
  const parts = [
    ...grant.builtInControls.map((c) => (controlLabels[c] ?? c).replace(/^Require /, '')),
    ...(grant.authenticationStrength
      ? [`the authentication strength ${isolatedText(grant.authenticationStrength.displayName ?? grant.authenticationStrength.id)}`]
      : []),
    ...grant.termsOfUse.map((t) => `terms of use ${isolatedText(t)}`),
    ...grant.customAuthenticationFactors.map((c) => `custom control ${isolatedText(c)}`),
  ];
  return parts.join(grant.operator === 'AND' ? ' and ' : ' or ');
}

/** Sums up the results of one kind (enforced or report-only). */
export function requirementsOf(results: readonly PolicyEvaluation[]): Requirements {
  const applying = results.filter((r) => r.result === 'applies');
  const blockedBy = applying.filter((r) => r.grant?.block).map(ref);
  const grants = applying.flatMap((r) => (r.grant && !r.grant.block && grantInWords(r.grant) ? [{ ...ref(r), grant: r.grant }] : []));
  const session = applying.flatMap((r) => (r.session ?? []).map((control) => ({ ...ref(r), control })));
  const indeterminate = results
    .filter((r) => r.result === 'indeterminate')
    .map((r) => ({ ...ref(r), missing: r.missing ?? [], wouldBlock: r.grant?.block === true }));
  const decision = blockedBy.length > 0 ? 'block' : grants.length > 0 ? 'controls' : 'allow';
  const certain = decision === 'block' || indeterminate.length === 0;
  const names = (refs: readonly PolicyRef[]) => refs.map((r) => isolatedText(r.displayName)).join(', ');
  let summary =
    decision === 'block'
      ? `Blocked by ${names(blockedBy)}.`
      : decision === 'controls'
        ? `Requires ${grants.map((g) => `${grantInWords(g.grant)} (${isolatedText(g.displayName)})`).join('; ')}.`
        : applying.length > 0
          ? `No policy that applies asks for a grant control.`
          : 'No policy applies.';
  if (!certain) summary += ` ${indeterminate.length} more may apply but cannot be evaluated: ${names(indeterminate)}.`;
  return { decision, certain, summary, blockedBy, grants, session, indeterminate };
}

/** Evaluates every policy for one sign-in; the sign-in is prepared once. */
export function evaluatePolicies(
  policies: readonly unknown[],
  signIn: SignInFacts,
  context: EvaluationContext = {},
  options: EvaluateOptions = {},
): SignInEvaluation {
  const prepared = prepareSignIn(signIn, context);
  const results = policies.map((policy) => evaluatePreparedPolicy(policy, prepared, options));
  return {
    results,
    enforced: requirementsOf(results.filter((r) => r.state === 'enabled')),
    reportOnly: requirementsOf(results.filter((r) => r.reportOnly)),
  };
}
