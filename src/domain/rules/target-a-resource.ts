import { list, obj } from './loose-json';
import type { Rule } from './rule';

export const targetAResource: Rule = {
  id: 'target-a-resource',
  severity: 'error',
  source: 'service',
  description: 'The policy targets at least one resource, user action or authentication context, or says ["None"].',
  looksAt: [
    ['conditions', 'applications', 'includeApplications'],
    ['conditions', 'applications', 'includeUserActions'],
    ['conditions', 'applications', 'includeAuthenticationContextClassReferences'],
  ],
  check(policy) {
    const apps = obj(obj(policy.conditions).applications);
    const targets = [apps.includeApplications, apps.includeUserActions, apps.includeAuthenticationContextClassReferences].some(
      (value) => list(value).length > 0,
    );
    return targets
      ? []
      : [
          {
            path: ['conditions', 'applications'],
            message: 'Target at least one resource, user action or authentication context (use ["None"] to target nothing).',
          },
        ];
  },
};
