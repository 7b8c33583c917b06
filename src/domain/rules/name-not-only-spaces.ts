// An empty name is the schema's (minLength); a name of spaces passes it, and Graph refuses it too.
import type { Rule } from './rule';

export const nameNotOnlySpaces: Rule = {
  id: 'name-not-only-spaces',
  severity: 'error',
  source: 'service',
  description: 'The policy’s name is more than spaces.',
  looksAt: [['displayName']],
  check: ({ displayName }) =>
    typeof displayName === 'string' && displayName.length > 0 && !displayName.trim()
      ? [{ path: ['displayName'], message: 'The name cannot be only spaces.' }]
      : [],
};
