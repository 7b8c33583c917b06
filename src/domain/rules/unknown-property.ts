// A property the console's schema does not know may be a Graph feature newer than the console: it
// is kept and sent, with a warning in case it is a typo.
import { unknownProperties } from '../policy-schema';
import type { Rule } from './rule';

export const unknownProperty: Rule = {
  id: 'unknown-property',
  severity: 'warning',
  source: 'console',
  description: 'Every property is one this console knows; an unknown one is kept and sent as it is.',
  looksAt: [[]],
  check: (policy) =>
    unknownProperties(policy).map((path) => ({
      path: path.split('.'),
      message: `'${path}' is not in this console's schema (a newer Graph feature?). It is kept and sent as it is.`,
    })),
};
