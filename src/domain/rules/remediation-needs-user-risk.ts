import { grantOf, list, obj } from './loose-json';
import type { Rule } from './rule';

export const remediationNeedsUserRisk: Rule = {
  id: 'remediation-needs-user-risk',
  severity: 'error',
  source: 'service',
  code: '1032',
  description: 'A policy that requires a password change or risk remediation applies to a user risk level.',
  looksAt: [
    ['grantControls', 'builtInControls'],
    ['conditions', 'userRiskLevels'],
  ],
  check(policy) {
    const { controls } = grantOf(policy);
    const remediates = controls.includes('passwordChange') || controls.includes('riskRemediation');
    if (!remediates || list(obj(policy.conditions).userRiskLevels).length) return [];
    return [{ path: ['conditions', 'userRiskLevels'], message: 'Password change and risk remediation need a user risk condition.' }];
  },
};
