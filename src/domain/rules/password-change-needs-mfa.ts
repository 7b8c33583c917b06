import { grantOf } from './loose-json';
import type { Rule } from './rule';

export const passwordChangeNeedsMfa: Rule = {
  id: 'password-change-needs-mfa',
  severity: 'error',
  source: 'service',
  code: '1032',
  description: 'Requiring a password change also requires multifactor authentication, with both required (AND).',
  looksAt: [
    ['grantControls', 'builtInControls'],
    ['grantControls', 'operator'],
  ],
  check(policy) {
    const { controls, operator } = grantOf(policy);
    if (!controls.includes('passwordChange') || (controls.includes('mfa') && operator === 'AND')) return [];
    return [
      { path: ['grantControls', 'builtInControls'], message: "'passwordChange' must be combined with 'mfa' under the operator AND." },
    ];
  },
};
