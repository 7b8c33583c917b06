// Microsoft's documentation says "should": whether Graph refuses it is not known, so this is the
// console's advice and never blocks a save.
import { grantOf, list, obj } from './loose-json';
import type { Rule } from './rule';

export const remediationOnAllResources: Rule = {
  id: 'remediation-on-all-resources',
  severity: 'warning',
  source: 'console',
  description: 'A policy that requires a password change or risk remediation applies to all resources, none excluded.',
  looksAt: [
    ['grantControls', 'builtInControls'],
    ['conditions', 'applications', 'includeApplications'],
    ['conditions', 'applications', 'excludeApplications'],
  ],
  check(policy) {
    const { controls } = grantOf(policy);
    const apps = obj(obj(policy.conditions).applications);
    const remediates = controls.includes('passwordChange') || controls.includes('riskRemediation');
    if (!remediates || (list(apps.includeApplications).includes('All') && !list(apps.excludeApplications).length)) return [];
    return [
      {
        path: ['conditions', 'applications'],
        message:
          'Password change and risk remediation should apply to all resources, none excluded: elsewhere a risky user is not asked to remediate, which is probably not what you want.',
      },
    ];
  },
};
