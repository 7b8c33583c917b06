// The all-tenant report as Markdown (a pipeline's job summary) and as one HTML file to open
// anywhere offline: inline CSS, no script, nothing fetched, every name escaped.
import { escapeHtml } from '../documentation/render-html';
import { dateText } from '../documentation/words';
import { backupAgeDays, driftCount, POLICY_LIMIT, reportTotals, type TenantReportEntry, type TenantsReport } from './report';

const count = (n: number, one: string) => `${n} ${n === 1 ? one : `${one}s`}`;

/** The cells of a tenant's row, in words, shared by both renderers and the console. */
export function rowWords(entry: TenantReportEntry, now: Date) {
  if (entry.error) return { policies: '—', lint: '—', drift: '—', emergency: '—', backup: '—', problem: entry.error };
  const p = entry.policies;
  const lint = entry.lint;
  const age = backupAgeDays(entry, now);
  const drift = entry.drift;
  return {
    policies: p ? `${p.total} of ${POLICY_LIMIT}: ${p.enabled} on, ${p.reportOnly} report-only, ${p.off} off` : '—',
    lint: lint
      ? `${count(lint.errors, 'error')}, ${count(lint.warnings, 'warning')}, ${lint.infos} info${lint.suppressed ? ` (${lint.suppressed} suppressed)` : ''}`
      : 'not run',
    drift: !drift
      ? 'no baseline'
      : driftCount(drift) === 0
        ? 'none'
        : [
            drift.added.length ? `${drift.added.length} added` : '',
            drift.removed.length ? `${drift.removed.length} removed` : '',
            drift.changed.length ? `${drift.changed.length} changed` : '',
          ]
            .filter(Boolean)
            .join(', '),
    emergency: !entry.emergency
      ? 'no emergency accounts named'
      : entry.emergency.affected === 0
        ? 'excluded everywhere'
        : `${entry.emergency.affected} ${entry.emergency.affected === 1 ? 'policy affects' : 'policies affect'} them (worst: ${entry.emergency.worst})`,
    backup: age === null ? 'none known' : age === 0 ? 'today' : `${age} ${age === 1 ? 'day' : 'days'} ago`,
    problem: '',
  };
}

function totalsLines(report: TenantsReport): string[] {
  const t = reportTotals(report);
  return [
    `${t.tenants} tenants`,
    `${t.unreadable} could not be read`,
    `${t.withLintErrors} with lint errors`,
    `${t.drifted} drifted from their baseline`,
    `${t.emergencyAtRisk} where an emergency account is at risk`,
    `${t.nearLimit} near the limit of ${POLICY_LIMIT} policies`,
    `${t.staleBackups} without a backup in the last 7 days`,
  ];
}

// Markdown table cells: a pipe or a line break in a name would break the table; < > would be read as HTML.
const cell = (text: string) =>
  text
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');

export function reportMarkdown(report: TenantsReport): string {
  const now = new Date(report.generatedAt);
  const lines = [`# Conditional Access across ${report.tenants.length} tenants`, '', `Generated ${dateText(report.generatedAt)}.`, ''];
  lines.push(...totalsLines(report).map((l) => `- ${l}`), '');
  lines.push('| Tenant | Policies | Lint | Drift | Emergency access | Last backup | Problem |', '|---|---|---|---|---|---|---|');
  for (const entry of report.tenants) {
    const w = rowWords(entry, now);
    lines.push(
      `| ${cell(entry.name)} (${cell(entry.tenantId)}) | ${cell(w.policies)} | ${cell(w.lint)} | ${cell(w.drift)} | ${cell(w.emergency)} | ${cell(w.backup)} | ${cell(w.problem)} |`,
    );
  }
  const drifted = report.tenants.filter((t) => driftCount(t.drift) > 0);
  if (drifted.length) {
    lines.push('', '## Drift');
    for (const t of drifted) {
      lines.push('', `### ${cell(t.name)}`, '');
      for (const name of t.drift!.added) lines.push(`- added: ${cell(name)}`);
      for (const name of t.drift!.removed) lines.push(`- removed: ${cell(name)}`);
      for (const c of t.drift!.changed)
        lines.push(`- changed: ${cell(c.name)}${c.by ? ` by ${cell(c.by)}` : ''}${c.at ? ` at ${dateText(c.at)}` : ''}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

const CSS = `
body { font: 14px/1.45 "Segoe UI", system-ui, sans-serif; color: #1b1b1b; margin: 0 auto; padding: 24px; max-width: 1200px; }
h1 { font-size: 24px; margin: 0 0 4px; } .meta { color: #5c5c5c; }
table { border-collapse: collapse; width: 100%; margin: 12px 0; }
th, td { border: 1px solid #d6d6d6; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f3f3f3; } .id { color: #5c5c5c; font-family: Consolas, monospace; font-size: 12px; }
.problem { color: #a4262c; }
`;

export function reportHtml(report: TenantsReport): string {
  const now = new Date(report.generatedAt);
  const rows = report.tenants
    .map((entry) => {
      const w = rowWords(entry, now);
      const cells = [w.policies, w.lint, w.drift, w.emergency, w.backup].map((c) => `<td>${escapeHtml(c)}</td>`).join('');
      return `<tr><th scope="row">${escapeHtml(entry.name)}<div class="id">${escapeHtml(entry.tenantId)}</div></th>${cells}<td class="problem">${escapeHtml(w.problem)}</td></tr>`;
    })
    .join('\n');
  const title = `Conditional Access across ${report.tenants.length} tenants`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title><style>${CSS}</style></head>
<body><h1>${escapeHtml(title)}</h1><p class="meta">Generated ${escapeHtml(dateText(report.generatedAt))}.</p>
<ul>${totalsLines(report)
    .map((l) => `<li>${escapeHtml(l)}</li>`)
    .join('')}</ul>
<table><thead><tr><th scope="col">Tenant</th><th scope="col">Policies</th><th scope="col">Lint</th><th scope="col">Drift</th><th scope="col">Emergency access</th><th scope="col">Last backup</th><th scope="col">Problem</th></tr></thead>
<tbody>
${rows}
</tbody></table></body></html>
`;
}
