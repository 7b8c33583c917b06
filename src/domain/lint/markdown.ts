// Findings as Markdown, for a CI job summary or a pull request: the counts, then one table per
// category. Every text is escaped for both Markdown and the HTML that Markdown lets through, so a
// policy named "<img …>" or "a | b" shows as written.
import { LINT_CATEGORIES, type LintFinding, type LintSeverity } from './types';

export interface MarkdownOptions {
  /** The heading (default "Conditional Access lint"). */
  title?: string;
  /** e.g. the tenant's name and when it was read. */
  subtitle?: string;
}

/** Text safe in a Markdown table cell: HTML entities for < > &, backslashes before Markdown's own characters, one line. */
export function escapeMarkdown(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- control characters have no place in a report.
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/([\\`*_[\]|~])/g, '\\$1')
      .replace(/\r?\n/g, ' ')
  );
}

const WORD: Record<LintSeverity, string> = { error: 'Error', warning: 'Warning', info: 'Info' };
const CATEGORY_TITLE: Record<string, string> = {
  references: 'References',
  'lock-out safety': 'Lock-out safety',
  correctness: 'Correctness',
  coverage: 'Coverage',
  deprecated: 'Deprecated',
  hygiene: 'Hygiene',
};

export function toMarkdown(findings: readonly LintFinding[], options: MarkdownOptions = {}): string {
  const open = findings.filter((f) => !f.suppressed);
  const count = (s: LintSeverity) => open.filter((f) => f.severity === s).length;
  const lines = [`## ${escapeMarkdown(options.title ?? 'Conditional Access lint')}`, ''];
  if (options.subtitle) lines.push(escapeMarkdown(options.subtitle), '');
  lines.push(
    '| Errors | Warnings | Info | Suppressed |',
    '| ---: | ---: | ---: | ---: |',
    `| ${count('error')} | ${count('warning')} | ${count('info')} | ${findings.length - open.length} |`,
    '',
  );
  if (findings.length === 0) lines.push('No findings.', '');
  for (const category of LINT_CATEGORIES) {
    const mine = findings.filter((f) => f.category === category);
    if (mine.length === 0) continue;
    lines.push(`### ${CATEGORY_TITLE[category]}`, '', '| Severity | Rule | Policy | Finding |', '| --- | --- | --- | --- |');
    for (const f of mine) {
      const rule = [f.ruleId, ...f.external.map((e) => e.id)].map(escapeMarkdown).join('<br>');
      const severity = f.suppressed ? `~~${WORD[f.severity]}~~ suppressed` : WORD[f.severity];
      const note = f.suppressed
        ? ` *Suppressed${f.suppressed.by ? ` by ${escapeMarkdown(f.suppressed.by)}` : ''}: ${escapeMarkdown(f.suppressed.reason)}*`
        : '';
      const fix = f.fix ? ` Quick fix: ${escapeMarkdown(f.fix.description)}` : '';
      lines.push(
        `| ${severity} | ${rule} | ${f.policyName ? escapeMarkdown(f.policyName) : 'Tenant'} | ${escapeMarkdown(f.message)}${fix}${note} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}
