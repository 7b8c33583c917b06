// One policy against one sign-in: applies, does not (and the first condition that fails, in words), or
// indeterminate (and the inputs whose absence made it so). Conditions are ANDed: a condition that is
// not configured is satisfied; one that definitely fails settles "not applied" even when others
// cannot be known. A disabled policy is never applied (the service does not evaluate it); a
// report-only one is evaluated and flagged. A condition key this engine does not evaluate, when set,
// makes the result indeterminate naming the key: it could narrow or widen the policy, and guessing
// which is what the engine must not do.
import { objectIn as obj } from '../json';
import { conditionalAccessPolicySchema } from '../policy-schema';
import { REPORT_ONLY } from '../types';
import { applicationsOutcome } from './conditions/applications';
import { devicesOutcome, locationsOutcome } from './conditions/network';
import { prepareSignIn, type PreparedSignIn } from './conditions/prepared';
import { agentIdRiskOutcome, authenticationFlowsOutcome, clientAppsOutcome, platformsOutcome, riskOutcome } from './conditions/signals';
import { usersOutcome } from './conditions/users';
import { workloadOutcome } from './conditions/workload';
import { grantOf, sessionOf, type GrantRequirement, type SessionRequirement } from './controls';
import { configured, distinct, unknown, type Outcome } from './outcome';
import type { EvaluationContext, SignInFacts } from './sign-in';

export type ConditionName =
  | 'policy'
  | 'state'
  | 'users'
  | 'workloadIdentities'
  | 'applications'
  | 'platforms'
  | 'locations'
  | 'clientApps'
  | 'devices'
  | 'signInRisk'
  | 'userRisk'
  | 'insiderRisk'
  | 'servicePrincipalRisk'
  | 'agentIdRisk'
  | 'authenticationFlows'
  | 'otherConditions';

export interface ConditionTrace {
  condition: ConditionName;
  outcome: Outcome;
}

export type PolicyResult = 'applies' | 'notApplied' | 'indeterminate';

export interface PolicyEvaluation {
  policyId: string;
  displayName: string;
  state: string;
  /** Evaluated and logged by the service, not enforced. */
  reportOnly: boolean;
  result: PolicyResult;
  /** In words: why it applies, the first condition that fails, or what is not known. */
  reason: string;
  /** The condition that failed (notApplied) or could not be known first (indeterminate). */
  failedCondition?: ConditionName;
  /** The inputs whose absence made the result indeterminate (paths into SignInFacts or the context). */
  missing?: string[];
  /** What the policy grants with, when it applies or might. */
  grant?: GrantRequirement;
  /** Its enabled session controls, when it applies or might. */
  session?: SessionRequirement[];
  /** Every condition evaluated, in order (until the first failure when stopAtFirstFailure is set). */
  trace: ConditionTrace[];
}

export interface EvaluateOptions {
  /** Stop at the first failing condition (faster over many sign-ins; the trace is then partial). */
  stopAtFirstFailure?: boolean;
}

/** Conditions this engine evaluates; any other that is set makes the result indeterminate. */
const EVALUATED = new Set([
  'applications',
  'users',
  'clientApplications',
  'clientAppTypes',
  'platforms',
  'locations',
  'devices',
  'signInRiskLevels',
  'userRiskLevels',
  'servicePrincipalRiskLevels',
  'insiderRiskLevels',
  'agentIdRiskLevels',
  'authenticationFlows',
]);
const SCHEMA_CONDITIONS = new Set(Object.keys(obj(obj(obj(conditionalAccessPolicySchema.properties).conditions).properties)));

function otherConditions(conditions: Record<string, unknown>): Outcome | null {
  const set = Object.entries(conditions).filter(([key, value]) => !EVALUATED.has(key) && !key.includes('@odata.') && configured(value));
  if (set.length === 0) return null;
  const words = set.map(([key]) =>
    SCHEMA_CONDITIONS.has(key)
      ? `conditions.${key} (known, not evaluated by this engine)`
      : `conditions.${key} (not a condition this engine knows)`,
  );
  return unknown(
    `The policy sets ${words.join(', ')}.`,
    set.map(([key]) => `conditions.${key}`),
  );
}

export type Step = [ConditionName, () => Outcome | null];

/** The conditions in the order they are evaluated, each as a thunk (bulk evaluation memoises them by the facts each reads). */
export function steps(conditions: Record<string, unknown>, p: PreparedSignIn): Step[] {
  const { signIn } = p;
  const identity = signIn.identity;
  const who: Step =
    identity === undefined
      ? ['users', () => unknown('Who signs in is not known.', ['identity'])]
      : identity.kind === 'user'
        ? ['users', () => usersOutcome(conditions.users, identity, p, configured(conditions.clientApplications))]
        : ['workloadIdentities', () => workloadOutcome(conditions.clientApplications, identity, p)];
  return [
    who,
    ['applications', () => applicationsOutcome(conditions.applications, p)],
    ['platforms', () => platformsOutcome(conditions.platforms, signIn)],
    ['locations', () => locationsOutcome(conditions.locations, p)],
    ['clientApps', () => clientAppsOutcome(conditions.clientAppTypes, signIn)],
    ['devices', () => devicesOutcome(conditions.devices, p)],
    ['signInRisk', () => riskOutcome(conditions.signInRiskLevels, 'signInRiskLevel', signIn)],
    ['userRisk', () => riskOutcome(conditions.userRiskLevels, 'userRiskLevel', signIn)],
    ['insiderRisk', () => riskOutcome(conditions.insiderRiskLevels, 'insiderRiskLevel', signIn)],
    ['servicePrincipalRisk', () => riskOutcome(conditions.servicePrincipalRiskLevels, 'servicePrincipalRiskLevel', signIn)],
    ['agentIdRisk', () => agentIdRiskOutcome(conditions.agentIdRiskLevels, signIn)],
    ['authenticationFlows', () => authenticationFlowsOutcome(conditions.authenticationFlows, signIn)],
    ['otherConditions', () => otherConditions(conditions)],
  ];
}

const sentences = (traces: readonly ConditionTrace[]) => distinct(traces.map((t) => t.outcome.reason)).join(' ');

/** Evaluates a policy for a sign-in already prepared (see prepareSignIn), as evaluatePolicies does for many. */
export function evaluatePreparedPolicy(policy: unknown, p: PreparedSignIn, options: EvaluateOptions = {}): PolicyEvaluation {
  const body = obj(policy);
  const state = typeof body.state === 'string' ? body.state : '';
  const base = {
    policyId: typeof body.id === 'string' ? body.id : '',
    displayName: typeof body.displayName === 'string' ? body.displayName : '(no name)',
    state,
    reportOnly: state === REPORT_ONLY,
  };
  if (state === 'disabled')
    return {
      ...base,
      result: 'notApplied',
      reason: 'The policy is off: the service does not evaluate it.',
      failedCondition: 'state',
      trace: [],
    };
  if (state !== 'enabled' && state !== REPORT_ONLY)
    return {
      ...base,
      result: 'indeterminate',
      reason: `The policy's state is ${JSON.stringify(body.state)}, not enabled, disabled or report-only.`,
      failedCondition: 'state',
      missing: ['state'],
      trace: [],
    };
  const trace: ConditionTrace[] = [];
  let failed: ConditionTrace | undefined;
  for (const [condition, run] of steps(obj(body.conditions), p)) {
    const outcome = run();
    if (!outcome) continue;
    trace.push({ condition, outcome });
    if (outcome.kind === 'noMatch') {
      failed ??= { condition, outcome };
      if (options.stopAtFirstFailure) break;
    }
  }
  if (failed) return { ...base, result: 'notApplied', reason: failed.outcome.reason, failedCondition: failed.condition, trace };
  const controls = { ...(grantOf(body) ? { grant: grantOf(body) } : {}), session: sessionOf(body) };
  const open = trace.filter((t) => t.outcome.kind === 'unknown');
  if (open.length > 0)
    return {
      ...base,
      result: 'indeterminate',
      reason: sentences(open),
      failedCondition: open[0]!.condition,
      missing: [...new Set(open.flatMap((t) => (t.outcome.kind === 'unknown' ? t.outcome.missing : [])))],
      ...controls,
      trace,
    };
  return { ...base, result: 'applies', reason: sentences(trace), ...controls, trace };
}

/** Evaluates one policy (any JSON: a saved policy, a draft, a file's) against one sign-in. */
export function evaluatePolicy(
  policy: unknown,
  signIn: SignInFacts,
  context: EvaluationContext = {},
  options: EvaluateOptions = {},
): PolicyEvaluation {
  return evaluatePreparedPolicy(policy, prepareSignIn(signIn, context), options);
}
