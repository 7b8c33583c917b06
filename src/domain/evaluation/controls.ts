// What a policy asks of a sign-in it applies to: its grant controls (block, or controls joined by AND
// or OR) and its enabled session controls, read from the policy as plain data.
import { objectIn as obj, stringsIn as list } from '../json';
import { configured } from './outcome';

export interface GrantRequirement {
  operator: 'AND' | 'OR';
  block: boolean;
  builtInControls: string[];
  authenticationStrength?: { id: string; displayName?: string };
  termsOfUse: string[];
  customAuthenticationFactors: string[];
}

export interface SessionRequirement {
  /** The session control's key, e.g. signInFrequency. */
  control: string;
  settings: Record<string, unknown>;
}

export function grantOf(policy: Record<string, unknown>): GrantRequirement | undefined {
  const grant = obj(policy.grantControls);
  if (!configured(grant)) return undefined;
  const builtInControls = list(grant.builtInControls);
  const strength = obj(grant.authenticationStrength);
  const id = typeof strength.id === 'string' ? strength.id : undefined;
  return {
    // Graph's default when absent is OR; a single control reads the same under either.
    operator: grant.operator === 'AND' ? 'AND' : 'OR',
    block: builtInControls.includes('block'),
    builtInControls,
    ...(id
      ? { authenticationStrength: { id, ...(typeof strength.displayName === 'string' ? { displayName: strength.displayName } : {}) } }
      : {}),
    termsOfUse: list(grant.termsOfUse),
    customAuthenticationFactors: list(grant.customAuthenticationFactors),
  };
}

/** Session controls that are on: toggles with isEnabled true, resilience defaults disabled, a CAE mode. */
export function sessionOf(policy: Record<string, unknown>): SessionRequirement[] {
  const session = obj(policy.sessionControls);
  const enabled: SessionRequirement[] = [];
  for (const [control, value] of Object.entries(session)) {
    if (control.includes('@odata.')) continue;
    if (control === 'disableResilienceDefaults') {
      if (value === true) enabled.push({ control, settings: { disableResilienceDefaults: true } });
      continue;
    }
    const settings = obj(value);
    const on = 'isEnabled' in settings ? settings.isEnabled === true : configured(settings);
    if (on) enabled.push({ control, settings: { ...settings } });
  }
  return enabled;
}
