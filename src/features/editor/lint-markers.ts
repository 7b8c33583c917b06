// The lint's findings on the draft as editor markers, beside the editor's own checks and never
// repeating them: a finding of one of the editor's rules (the lint runs them on saved policies) is
// the editor's already, and a lint rule that asks what an editor rule asks is left to that rule
// when it has spoken. Suppressed findings are accepted: not marked.
import type { LintFinding } from '../../domain/lint/types';
import { locate } from '../../domain/json-locations';
import type { PolicyFinding } from '../../domain/policy-finding';
import { policyRules } from '../../domain/rules';
import type { EditorMarker } from '../../shared/monaco';
import { externalIds } from '../../policy-ui/lint-summary';

const EDITOR_RULES = new Set(policyRules.map((r) => r.id));

/** Lint rules and the editor rules that already say the same of a draft. */
const SAID_BY_EDITOR: Record<string, readonly string[]> = {
  'untargeted-policy': ['include-users-or-workload-identities', 'target-a-resource', 'applications-or-user-actions'],
};

export function lintMarkers(findings: readonly LintFinding[], editorFindings: readonly PolicyFinding[], text: string): EditorMarker[] {
  const editorSaid = new Set(editorFindings.map((f) => f.rule));
  return findings
    .filter((f) => !f.suppressed && !EDITOR_RULES.has(f.ruleId) && !(SAID_BY_EDITOR[f.ruleId] ?? []).some((r) => editorSaid.has(r)))
    .map((f) => {
      const external = externalIds(f.external);
      return {
        ...locate(text, f.path ?? []),
        severity: f.severity,
        message: `${f.message}${f.fix ? ` Quick fix: ${f.fix.description}` : ''}${external ? ` (${external})` : ''}`,
        code: f.ruleId,
      };
    });
}
