// Checks a policy draft before it is saved, the way the service would: the schema, then the
// service's rules beyond the schema, with the error numbers it uses (1012, 1032, 1064). Only what
// Graph refuses is an error and blocks saving; what Graph accepts but is probably a mistake is a
// warning that says why. Each finding points at a JSON path, so the editor can mark the lines it
// concerns, and names the rule that found it: the rules are in src/domain/rules, one per file.
import type { PolicyFinding } from './policy-finding';
import { runRules } from './rules';

export type { JsonPath, PolicyFinding } from './policy-finding';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Graph refuses clientAppTypes [] (400, "1064: 'clientAppTypes' condition does not support []. If
 * you want to target all client apps, use ['All']…"). Gatehouse writes [] as ['all'] (toWritableBody),
 * so it is not refused: a warning says what is written instead.
 */
function emptyClientAppTypes(policy: unknown): PolicyFinding[] {
  const conditions = isRecord(policy) ? policy.conditions : undefined;
  if (!isRecord(conditions) || !Array.isArray(conditions.clientAppTypes) || conditions.clientAppTypes.length > 0) return [];
  return [
    {
      path: ['conditions', 'clientAppTypes'],
      severity: 'warning',
      code: '1064',
      rule: 'client-app-types-not-empty',
      message:
        'Graph refuses an empty list of client apps (1064): it is written as \'all\' ("clientAppTypes": ["all"]), every client app, which is what an empty list meant.',
    },
  ];
}

// 'All' (another case than the schema's 'all') stays a schema error: Graph would read it as 'all', but
// the console's checks, evaluation and comparisons read the values as written, and would take a
// block-everyone draft for one that blocks nobody.
export const checkPolicy = (policy: unknown): PolicyFinding[] => [...runRules(policy), ...emptyClientAppTypes(policy)];

export const blocksSaving = (findings: PolicyFinding[]) => findings.some((f) => f.severity === 'error');
