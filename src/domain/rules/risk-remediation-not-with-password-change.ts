import { grantOf } from './loose-json';
import type { Rule } from './rule';

export const riskRemediationNotWithPasswordChange: Rule = {
  id: 'risk-remediation-not-with-password-change',
  severity: 'error',
  source: 'service',
  code: '1032',
  description: 'A policy requires risk remediation or a password change, not both.',
  looksAt: [['grantControls', 'builtInControls']],
  check(policy) {
    const { controls } = grantOf(policy);
    if (!controls.includes('riskRemediation') || !controls.includes('passwordChange')) return [];
    return [{ path: ['grantControls', 'builtInControls'], message: "'riskRemediation' and 'passwordChange' cannot be combined." }];
  },
};
