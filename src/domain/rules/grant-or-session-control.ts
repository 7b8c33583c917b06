import { grantOf, list, obj } from './loose-json';
import type { Rule } from './rule';

/** A session control counts once it is switched on or given a mode. */
const switchedOn = (control: unknown) => control === true || obj(control).isEnabled === true || typeof obj(control).mode === 'string';

export const grantOrSessionControl: Rule = {
  id: 'grant-or-session-control',
  severity: 'error',
  source: 'service',
  description: 'The policy grants or blocks with a control, or sets a session control: without either it does nothing.',
  looksAt: [['grantControls'], ['sessionControls']],
  check(policy) {
    const { grant, controls, hasStrength } = grantOf(policy);
    const hasGrant =
      controls.length > 0 || hasStrength || list(grant.termsOfUse).length > 0 || list(grant.customAuthenticationFactors).length > 0;
    const hasSession = Object.values(obj(policy.sessionControls)).some(switchedOn);
    return hasGrant || hasSession
      ? []
      : [{ path: ['grantControls'], message: 'Add a grant control or a session control: a policy without either does nothing.' }];
  },
};
