import { READ_ONLY_PROPERTIES } from '../policy-schema';
import type { Rule } from './rule';

export const readOnlyProperty: Rule = {
  id: 'read-only-property',
  severity: 'info',
  source: 'console',
  description: 'Properties the service sets itself (id, dates, template) are left out when saving.',
  looksAt: READ_ONLY_PROPERTIES.map((key) => [key]),
  check: (policy) =>
    READ_ONLY_PROPERTIES.filter((key) => key in policy).map((key) => ({
      path: [key],
      message: `'${key}' is set by the service; it is left out when saving.`,
    })),
};
