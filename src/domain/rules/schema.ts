// The conditionalAccessPolicy schema as one rule. policy-schema-findings.ts weighs each departure: a
// wrong type, a value outside its choices or a missing property is Graph's 1007 and blocks saving;
// an id that is no id or an entry listed twice is a warning.
import type { PolicyFinding } from '../policy-finding';
import { schemaFindings } from '../policy-schema-findings';
import type { Rule } from './rule';

export const schema: Rule = {
  id: 'schema',
  severity: 'error',
  source: 'service',
  code: '1007',
  description: 'Every property has a type and a value Microsoft Graph accepts, and none that Graph requires is missing.',
  looksAt: [[]],
  check: (policy) => schemaFindings(policy),
};

/** What is not a JSON object fails the schema's first demand, and no other rule can read it. */
export const notAnObject = (): PolicyFinding => ({
  rule: schema.id,
  path: [],
  severity: 'error',
  code: '1007',
  message: 'A policy is a JSON object.',
});
