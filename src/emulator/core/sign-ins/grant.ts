// Whether a sign-in meets a policy's grant controls, and if not, whether the user could still meet
// them by answering a prompt (MFA, terms of use, a password change) or not at all (block, a device
// or app the sign-in does not have).
import { isObject } from '../http';
import type { Json, JsonObject, TenantState } from '../model';
import type { DeviceProperties } from './device-filter';

export type GrantOutcome =
  { kind: 'none' } | { kind: 'satisfied' } | { kind: 'blocked' } | { kind: 'unsatisfied'; missing: string[]; interactive: boolean };

/** What the sign-in brings to the controls. */
export interface Proof {
  methods: ReadonlySet<string>;
  satisfied: ReadonlySet<string>;
  device: DeviceProperties;
  /** A workload identity or a non-interactive sign-in cannot be prompted. */
  canPrompt: boolean;
}

const MFA_STRENGTH = '00000000-0000-0000-0000-000000000002';
/** Controls a user can meet by answering a prompt during the sign-in. */
const promptable = new Set(['mfa', 'passwordChange', 'riskRemediation', 'authenticationStrength', 'termsOfUse']);

const list = (value: Json | undefined): string[] => (Array.isArray(value) ? value.map(String) : []);

/** Each allowed combination as its list of methods, read once per strength object. */
const parsed = new WeakMap<object, string[][]>();
function combinations(tenant: TenantState, strengthId: string, inline: JsonObject | null): string[][] {
  const strength = tenant.authenticationStrengths.find((s) => s.id === strengthId) ?? inline;
  if (!strength) return [];
  let found = parsed.get(strength);
  if (!found) {
    found = list(strength.allowedCombinations).map((combination) => combination.split(',').map((method) => method.trim()));
    parsed.set(strength, found);
  }
  return found;
}

/** A combination such as "password,microsoftAuthenticatorPush" is met when every method in it was used. */
function strengthMet(tenant: TenantState, strengthId: string, inline: JsonObject | null, methods: ReadonlySet<string>): boolean {
  return combinations(tenant, strengthId, inline).some((combination) => combination.every((method) => methods.has(method)));
}

export function grantOutcome(tenant: TenantState, policy: JsonObject, proof: Proof): GrantOutcome {
  const grant = isObject(policy.grantControls) ? policy.grantControls : null;
  if (!grant) return { kind: 'none' };
  const builtIn = list(grant.builtInControls);
  if (builtIn.includes('block')) return { kind: 'blocked' };
  const strength = isObject(grant.authenticationStrength) ? grant.authenticationStrength : null;
  const required: [string, boolean][] = [];
  for (const control of builtIn) {
    const done =
      control === 'mfa'
        ? proof.satisfied.has('mfa') || strengthMet(tenant, MFA_STRENGTH, null, proof.methods)
        : control === 'compliantDevice'
          ? proof.device.isCompliant === true
          : control === 'domainJoinedDevice'
            ? proof.device.trustType === 'ServerAD'
            : proof.satisfied.has(control);
    required.push([control, done]);
  }
  for (const agreement of list(grant.termsOfUse)) required.push([`termsOfUse:${agreement}`, proof.satisfied.has(agreement)]);
  if (strength && strength.id) {
    required.push(['authenticationStrength', strengthMet(tenant, String(strength.id), strength, proof.methods)]);
  }
  if (required.length === 0) return { kind: 'none' };
  const and = String(grant.operator ?? 'OR').toUpperCase() === 'AND';
  const done = and ? required.every(([, ok]) => ok) : required.some(([, ok]) => ok);
  if (done) return { kind: 'satisfied' };
  const missing = required.filter(([, ok]) => !ok).map(([control]) => control);
  const isPromptable = (control: string) => promptable.has(control.split(':')[0]!);
  // OR: one promptable control is enough to go on; AND: every missing one must be promptable.
  const interactive = proof.canPrompt && (and ? missing.every(isPromptable) : missing.some(isPromptable));
  return { kind: 'unsatisfied', missing, interactive };
}

/** The grant control names the sign-in log shows for a policy (enforcedGrantControls). */
export function grantNames(policy: JsonObject): string[] {
  const grant = isObject(policy.grantControls) ? policy.grantControls : null;
  if (!grant) return [];
  const names: Record<string, string> = {
    block: 'Block',
    mfa: 'Mfa',
    compliantDevice: 'RequireCompliantDevice',
    domainJoinedDevice: 'RequireDomainJoinedDevice',
    approvedApplication: 'RequireApprovedApp',
    compliantApplication: 'RequireCompliantApp',
    passwordChange: 'RequirePasswordChange',
    riskRemediation: 'RequireRiskRemediation',
  };
  const shown = list(grant.builtInControls).map((control) => names[control] ?? control);
  if (list(grant.termsOfUse).length > 0) shown.push('RequireTermsOfUse');
  if (isObject(grant.authenticationStrength)) shown.push('RequireAuthenticationStrength');
  return shown;
}

/** The session control names the sign-in log shows for a policy (enforcedSessionControls). */
export function sessionNames(policy: JsonObject): string[] {
  const session = isObject(policy.sessionControls) ? policy.sessionControls : null;
  if (!session) return [];
  const names: Record<string, string> = {
    applicationEnforcedRestrictions: 'AppEnforcedRestrictions',
    cloudAppSecurity: 'CloudAppSecurity',
    signInFrequency: 'SignInFrequency',
    persistentBrowser: 'PersistentBrowserSessionMode',
    continuousAccessEvaluation: 'ContinuousAccessEvaluation',
    secureSignInSession: 'SecureSignInSession',
  };
  const shown = Object.entries(names)
    .filter(([key]) => {
      const control = session[key];
      return isObject(control) && (control.isEnabled === true || (key === 'continuousAccessEvaluation' && control.mode != null));
    })
    .map(([, name]) => name);
  if (session.disableResilienceDefaults === true) shown.push('DisableResilienceDefaults');
  return shown;
}
