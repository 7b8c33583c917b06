// Graph accepts an object both included and excluded (real policies do it with AllTrusted); the
// exclusion wins, so the console warns that the inclusion does nothing.
import { list, obj } from './loose-json';
import type { RuleFinding, Rule } from './rule';

const PAIRS = [
  [
    'users',
    [
      ['includeUsers', 'excludeUsers'],
      ['includeGroups', 'excludeGroups'],
      ['includeRoles', 'excludeRoles'],
    ],
  ],
  ['applications', [['includeApplications', 'excludeApplications']]],
  ['clientApplications', [['includeServicePrincipals', 'excludeServicePrincipals']]],
  ['locations', [['includeLocations', 'excludeLocations']]],
  ['platforms', [['includePlatforms', 'excludePlatforms']]],
] as const;

export const includedAndExcluded: Rule = {
  id: 'included-and-excluded',
  severity: 'warning',
  source: 'console',
  description: 'No user, group, role, resource, workload identity, location or platform is both included and excluded.',
  looksAt: PAIRS.map(([section]) => ['conditions', section]),
  check(policy) {
    const conditions = obj(policy.conditions);
    const findings: RuleFinding[] = [];
    for (const [section, pairs] of PAIRS) {
      const group = obj(conditions[section]);
      for (const [include, exclude] of pairs) {
        const excluded = list(group[exclude]);
        list(group[include]).forEach((id, index) => {
          if (excluded.includes(id) && id !== 'all') {
            findings.push({
              path: ['conditions', section, include, index],
              message: `'${id}' is both included and excluded. The exclusion wins, so including it does nothing: probably a mistake.`,
            });
          }
        });
      }
    }
    return findings;
  },
};
