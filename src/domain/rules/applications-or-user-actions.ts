import { list, obj } from './loose-json';
import type { Rule } from './rule';

export const applicationsOrUserActions: Rule = {
  id: 'applications-or-user-actions',
  severity: 'error',
  source: 'service',
  code: '1012',
  description: 'A policy targets applications or user actions, never both.',
  looksAt: [
    ['conditions', 'applications', 'includeApplications'],
    ['conditions', 'applications', 'includeUserActions'],
  ],
  check(policy) {
    const apps = obj(obj(policy.conditions).applications);
    if (!list(apps.includeApplications).length || !list(apps.includeUserActions).length) return [];
    return [
      {
        path: ['conditions', 'applications', 'includeUserActions'],
        message: "A policy cannot target both applications and user actions: remove 'includeApplications' or 'includeUserActions'.",
      },
    ];
  },
};
