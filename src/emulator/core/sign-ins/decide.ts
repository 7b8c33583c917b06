// The emulator's own Conditional Access decision for a sign-in: per policy, whether it applies (and
// if not, the first condition that failed) and what its grant controls made of the sign-in; then the
// sign-in's overall status and error code. Written independently of the console's engine, so that
// tests comparing the two can find disagreements.
import type { JsonObject, TenantState } from '../model';
import { locator, policyConditions, type Check, type ConditionKey, type Network, type Situation } from './conditions';
import { grantOutcome, type GrantOutcome, type Proof } from './grant';

export type AppliedResult =
  | 'success'
  | 'failure'
  | 'notApplied'
  | 'notEnabled'
  | 'reportOnlySuccess'
  | 'reportOnlyFailure'
  | 'reportOnlyNotApplied'
  | 'reportOnlyInterrupted';

export interface PolicyDecision {
  policy: JsonObject;
  /** The conditions the policy sets, in the order they were checked. */
  configured: ConditionKey[];
  /** The first condition the sign-in did not meet; null when none failed. */
  failed: ConditionKey | null;
  /** The first condition the situation could not answer (what-if only); null when all were known. */
  unknown: ConditionKey | null;
  applies: boolean;
  grant: GrantOutcome | null;
  result: AppliedResult;
}

export interface SignInDecision {
  policies: PolicyDecision[];
  conditionalAccessStatus: 'success' | 'failure' | 'notApplied';
  errorCode: number;
  failureReason: string | null;
  /** Whether an enforced policy that applied asked for more than one factor. */
  multiFactorRequired: boolean;
}

const REPORT_ONLY = 'enabledForReportingButNotEnforced';

// AADSTS codes the sign-in log shows for a Conditional Access refusal (the emulator's choice among
// them: 53003 a block, 53000 a device that is not compliant or joined, 50074 an interactive sign-in
// stopped for MFA, 50076 a non-interactive one; any other unmet control is reported as 53003).
const refusals = {
  block: {
    code: 53003,
    reason: 'Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.',
  },
  device: {
    code: 53000,
    reason: 'Device is not in required device state. Conditional Access policy requires a compliant or joined device.',
  },
  mfaInteractive: { code: 50074, reason: 'Strong Authentication is required.' },
  mfaNonInteractive: {
    code: 50076,
    reason:
      'Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access the resource.',
  },
};

/** The failure reason the log shows with one of the codes above. */
export function refusalReason(code: number): string | null {
  return Object.values(refusals).find((refusal) => refusal.code === code)?.reason ?? null;
}

function resultOf(state: string, applies: boolean, grant: GrantOutcome | null): AppliedResult {
  const reportOnly = state === REPORT_ONLY;
  if (!applies) return reportOnly ? 'reportOnlyNotApplied' : 'notApplied';
  const kind = grant?.kind ?? 'none';
  if (kind === 'none' || kind === 'satisfied') return reportOnly ? 'reportOnlySuccess' : 'success';
  if (reportOnly) return grant?.kind === 'unsatisfied' && grant.interactive ? 'reportOnlyInterrupted' : 'reportOnlyFailure';
  return 'failure';
}

type Compiled = { policy: JsonObject; checks: ReturnType<typeof policyConditions>; configured: ConditionKey[] };

function compile(tenant: TenantState, policy: JsonObject, locate?: (network: Network) => ReadonlySet<string>): Compiled {
  const checks = policyConditions(tenant, policy, locate);
  return { policy, checks, configured: checks.map(([key]) => key) };
}

function decideCompiled({ policy, checks, configured }: Compiled, tenant: TenantState, situation: Situation, proof: Proof): PolicyDecision {
  const state = String(policy.state);
  let failed: ConditionKey | null = null;
  let unknown: ConditionKey | null = null;
  for (const [key, check] of checks) {
    const answer: Check = check(situation);
    if (answer === 'unmet') {
      failed = key;
      break;
    }
    if (answer === 'unknown' && unknown === null) unknown = key;
  }
  const applies = failed === null && unknown === null;
  if (state !== 'enabled' && state !== REPORT_ONLY) {
    return { policy, configured, failed, unknown, applies, grant: null, result: 'notEnabled' };
  }
  const grant = applies ? grantOutcome(tenant, policy, proof) : null;
  return { policy, configured, failed, unknown, applies, grant, result: resultOf(state, applies, grant) };
}

export function decidePolicy(tenant: TenantState, policy: JsonObject, situation: Situation, proof: Proof): PolicyDecision {
  return decideCompiled(compile(tenant, policy), tenant, situation, proof);
}

/**
 * A decider for many sign-ins against the tenant as it is now: the policies' conditions are read
 * once and the named locations of each network remembered. Make a new one after the tenant changes.
 */
export function createDecider(tenant: TenantState): (situation: Situation, proof: Proof) => SignInDecision {
  const places = new Map<Network, ReadonlySet<string>>();
  const find = locator(tenant);
  // Every location condition of one sign-in asks about the same network.
  const locate = (network: Network) => {
    let found = places.get(network);
    if (!found) {
      places.clear();
      found = find(network);
      places.set(network, found);
    }
    return found;
  };
  const compiled = tenant.policies.map((policy) => compile(tenant, policy, locate));
  return (situation, proof) =>
    summarize(
      compiled.map((c) => decideCompiled(c, tenant, situation, proof)),
      proof,
    );
}

/** Decides every policy of the tenant (disabled ones are listed as notEnabled, as the log does). */
export function decideSignIn(tenant: TenantState, situation: Situation, proof: Proof): SignInDecision {
  return createDecider(tenant)(situation, proof);
}

function summarize(policies: PolicyDecision[], proof: Proof): SignInDecision {
  const enforced = policies.filter((p) => p.policy.state === 'enabled' && p.applies);
  const refused = enforced.filter((p) => p.result === 'failure');
  const multiFactorRequired = enforced.some((p) =>
    p.grant?.kind === 'unsatisfied' || p.grant?.kind === 'satisfied' ? requiresMfa(p.policy) : false,
  );
  if (refused.length === 0) {
    return {
      policies,
      conditionalAccessStatus: enforced.length > 0 ? 'success' : 'notApplied',
      errorCode: 0,
      failureReason: null,
      multiFactorRequired,
    };
  }
  const missing = refused.flatMap((p) => (p.grant?.kind === 'unsatisfied' ? p.grant.missing : []));
  const refusal = refused.some((p) => p.grant?.kind === 'blocked')
    ? refusals.block
    : missing.some((control) => control === 'compliantDevice' || control === 'domainJoinedDevice')
      ? refusals.device
      : missing.every((control) => control === 'mfa' || control === 'authenticationStrength')
        ? proof.canPrompt
          ? refusals.mfaInteractive
          : refusals.mfaNonInteractive
        : refusals.block;
  return {
    policies,
    conditionalAccessStatus: 'failure',
    errorCode: refusal.code,
    failureReason: refusal.reason,
    multiFactorRequired,
  };
}

function requiresMfa(policy: JsonObject): boolean {
  const grant = policy.grantControls as JsonObject | null;
  if (!grant) return false;
  const builtIn = Array.isArray(grant.builtInControls) ? grant.builtInControls : [];
  return builtIn.includes('mfa') || (grant.authenticationStrength !== null && grant.authenticationStrength !== undefined);
}
