// The lint catalogue's vocabulary: what a tenant-wide lint reads (LintInput), what a rule is
// (LintRule) and what it reports (LintFinding). Findings are plain JSON, so the console, the
// command line and the output formats (SARIF, JUnit, Markdown) share them as they are.
import type { ReferenceEntry } from '../bundle/bundle';
import type { JsonObject } from '../json';
import type { EmergencyAccess, Memberships } from '../lockout';
import type { JsonPath } from '../policy-finding';
import type { Tenant } from './tenant';

export type LintSeverity = 'error' | 'warning' | 'info';

export type LintCategory = 'references' | 'lock-out safety' | 'correctness' | 'coverage' | 'hygiene' | 'deprecated';

export const LINT_CATEGORIES: readonly LintCategory[] = [
  'references',
  'lock-out safety',
  'correctness',
  'coverage',
  'deprecated',
  'hygiene',
];

/** A check of another tool that asks the same question: Maester's test id or CISA ScubaGear's policy id. */
export interface ExternalId {
  source: 'maester' | 'scubagear';
  id: string;
}

/**
 * A change the editor can offer in one click: a PATCH body (objects merge, arrays replace, as
 * applyPatch in policy-body.ts does), never dropping what the policy holds besides what it names.
 */
export interface LintFix {
  description: string;
  patch: JsonObject;
}

export interface LintSuppression {
  ruleId: string;
  /** The one policy it applies to; absent, every finding of the rule (a tenant-wide rule has no policy). */
  policyId?: string;
  reason: string;
  by?: string;
  /** ISO 8601. */
  at: string;
}

export interface LintFinding {
  ruleId: string;
  severity: LintSeverity;
  category: LintCategory;
  /** In the admin center's words, naming the policy and the objects concerned. */
  message: string;
  policyId?: string;
  policyName?: string;
  /** Where in the policy's JSON, when the finding concerns a policy. */
  path?: JsonPath;
  fix?: LintFix;
  external: ExternalId[];
  /** Set by applySuppressions: the finding stays, with why it is accepted. */
  suppressed?: Omit<LintSuppression, 'ruleId' | 'policyId'>;
}

export interface LintOptions {
  /** A policy in report-only or Off for longer than this is reported (default 30). */
  staleAfterDays?: number;
  /** A regular expression (source text) every policy name should match; absent, names are not checked. */
  namingPattern?: string;
  /** From how many policies the count is reported as near the service's cap (default 180 of 195). */
  nearLimitAt?: number;
}

/**
 * What the lint reads. A part left undefined was not read (no permission, not asked for): the rules
 * that need it stay silent rather than report everything it would have named as gone.
 */
export interface LintInput {
  policies: readonly JsonObject[];
  namedLocations?: readonly JsonObject[];
  /** The custom strengths (the built-in ones are the same in every tenant). */
  authenticationStrengths?: readonly JsonObject[];
  authenticationContexts?: readonly JsonObject[];
  termsOfUse?: readonly JsonObject[];
  /** Which directory objects the policies name exist, from the bundle's table or a name directory (referencesFromNames). */
  references?: readonly ReferenceEntry[];
  /** The emergency-access accounts and groups from Settings, and what they belong to when read. */
  emergency?: EmergencyAccess;
  memberships?: Memberships;
  /** The legacy MFA trusted IPs as Settings holds them (Graph does not serve them): [] when there are none, undefined when not known. */
  mfaTrustedIps?: readonly string[];
  /** The appIds of the tenant's service principals. */
  servicePrincipalAppIds?: readonly string[];
  now: Date;
  options?: LintOptions;
}

/** What a rule returns: the finding without what the catalogue adds (its id, category, external ids). */
export type RuleResult = Omit<LintFinding, 'ruleId' | 'category' | 'external' | 'severity' | 'suppressed'> & { severity?: LintSeverity };

export interface LintRule {
  /** Stable, kebab-case: suppressions and SARIF results name it. */
  readonly id: string;
  readonly category: LintCategory;
  /** The usual weight; a finding may weigh itself (an emergency gap in a policy that is Off is only info). */
  readonly severity: LintSeverity;
  /** What the rule checks, in one sentence. */
  readonly description: string;
  readonly external: readonly ExternalId[];
  check(tenant: Tenant): RuleResult[];
}
