import { grantOf } from './loose-json';
import type { Rule } from './rule';

export const riskRemediationNeedsStrength: Rule = {
  id: 'risk-remediation-needs-strength',
  severity: 'error',
  source: 'service',
  code: '1032',
  description: 'Requiring risk remediation also requires an authentication strength, with both required (AND).',
  looksAt: [
    ['grantControls', 'builtInControls'],
    ['grantControls', 'authenticationStrength'],
    ['grantControls', 'operator'],
  ],
  check(policy) {
    const { controls, operator, hasStrength } = grantOf(policy);
    if (!controls.includes('riskRemediation') || (hasStrength && operator === 'AND')) return [];
    return [
      {
        path: ['grantControls', 'builtInControls'],
        message: "'riskRemediation' must be combined with an authentication strength under the operator AND.",
      },
    ];
  },
};
