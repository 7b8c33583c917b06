// A rule of the console's checks: one thing Gatehouse knows about Conditional Access policies, in a
// file of its own under src/domain/rules and registered in index.ts. What later needs a check (the
// editor's markers, lint, the emergency-access analysis, what-if) adds a rule instead of a mechanism.
import type { JsonPath, PolicyFinding } from '../policy-finding';

export type Severity = PolicyFinding['severity'];

/** A policy draft as the admin typed it: a JSON object whose parts may be missing or mistyped. */
export type PolicyJson = Record<string, unknown>;

/** What a rule may know besides the policy. Nothing yet: rules that need the tenant (emergency accounts, named locations) add optional fields here. */
export type RuleContext = Record<never, never>;

/**
 * What a rule found, and where. It takes the rule's severity and code, unless it weighs itself: the
 * schema's findings are errors or warnings one by one, so such a finding gives both.
 */
export type RuleFinding = { path: JsonPath; message: string } & (
  { severity?: never; code?: never } | { severity: Severity; code?: string }
);

export interface Rule {
  /** Stable and kebab-case, the name of the rule's file: findings, markers and lint output carry it. */
  readonly id: string;
  /** error: Graph refuses the policy, so saving is blocked; warning: Graph accepts it, but it is probably a mistake; info: worth knowing. */
  readonly severity: Severity;
  /** service: the rule is Graph's, which refuses what breaks it; console: Gatehouse's own advice. */
  readonly source: 'service' | 'console';
  /** The service's error number for what breaks the rule. */
  readonly code?: string;
  /** What the rule checks, in one sentence an admin understands. */
  readonly description: string;
  /** The parts of the policy the rule reads, as property paths ([] for the whole policy). */
  readonly looksAt: readonly (readonly string[])[];
  check(policy: PolicyJson, context: RuleContext): RuleFinding[];
}
