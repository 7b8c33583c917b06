// Checks a policy draft before it is saved, the way the service would: the schema, then the
// service's rules beyond the schema, with the error numbers it uses (1012, 1032). Only what Graph
// refuses is an error and blocks saving; what Graph accepts but is probably a mistake is a warning
// that says why. Each finding points at a JSON path, so the editor can mark the lines it concerns,
// and names the rule that found it: the rules are in src/domain/rules, one per file.
import type { PolicyFinding } from './policy-finding';
import { runRules } from './rules';

export type { JsonPath, PolicyFinding } from './policy-finding';

export const checkPolicy = (policy: unknown): PolicyFinding[] => runRules(policy);

export const blocksSaving = (findings: PolicyFinding[]) => findings.some((f) => f.severity === 'error');
