// The lint catalogue's public face: run it over a tenant, suppress findings with a reason, and
// write the result as SARIF, JUnit or Markdown. See catalogue.ts for the rules.
export { lintRules, lintTenant, ruleById } from './catalogue';
export {
  applySuppressions,
  placeSuppressions,
  readSuppressions,
  suppressionFor,
  withSuppression,
  withoutSuppression,
} from './suppressions';
export { referencesFromNames } from './names-as-references';
export { toSarif, sarifLocationIn, fingerprintOf, SARIF_SCHEMA, type SarifLocation, type SarifOptions } from './sarif';
export { toJUnit, type JUnitOptions } from './junit';
export { toMarkdown, type MarkdownOptions } from './markdown';
export { namingPatternOf } from './hygiene-rules';
export { LINT_CATEGORIES } from './types';
export type {
  ExternalId,
  LintCategory,
  LintFinding,
  LintFix,
  LintInput,
  LintOptions,
  LintRule,
  LintSeverity,
  LintSuppression,
} from './types';
