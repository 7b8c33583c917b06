import { describe, expect, it } from 'vitest';
import type { LintFinding } from '../lint/types';
import { failedTenant, joinReports, readTenantsReport, reportTotals, summarizeTenant, tenantsReport } from './report';
import { reportHtml, reportMarkdown } from './report-render';

const finding = (ruleId: string, severity: LintFinding['severity'], suppressed = false): LintFinding => ({
  ruleId,
  severity,
  category: 'correctness',
  message: 'm',
  external: [],
  ...(suppressed ? { suppressed: { reason: 'accepted', at: '2026-11-01T00:00:00Z' } } : {}),
});

const now = new Date('2026-12-01T06:00:00Z');

function sampleReport() {
  const contoso = summarizeTenant({
    tenantId: 't-1',
    name: 'Contoso <script>alert(1)</script> | Ltd',
    policies: [{ state: 'enabled' }, { state: 'enabled' }, { state: 'enabledForReportingButNotEnforced' }, { state: 'disabled' }],
    findings: [finding('untargeted', 'error'), finding('untargeted', 'error'), finding('stale', 'info'), finding('stale', 'info', true)],
    drift: {
      baseline: 'baselines/contoso',
      added: [],
      removed: ['Old policy'],
      changed: [{ name: 'CA001', by: 'ada@contoso.com', at: '2026-11-30T10:00:00Z' }],
    },
    emergency: { worstPerPolicy: [null, 'low', 'high', null] },
    lastBackupAt: '2026-11-28T02:00:00Z',
  });
  const fabrikam = summarizeTenant({ tenantId: 't-2', name: 'Fabrikam', policies: [], findings: [], lastBackupAt: '2026-12-01T02:00:00Z' });
  const broken = failedTenant('t-3', 'Woodgrove', 'AADSTS700016: the application was not found in the tenant.');
  return tenantsReport([fabrikam, broken, contoso], now);
}

describe('the all-tenant report', () => {
  it('sums each tenant: states, open lint findings by severity and rule, the worst emergency effect', () => {
    const report = sampleReport();
    const contoso = report.tenants.find((t) => t.tenantId === 't-1')!;
    expect(contoso.policies).toEqual({ total: 4, enabled: 2, reportOnly: 1, off: 1 });
    expect(contoso.lint).toEqual({
      errors: 2,
      warnings: 0,
      infos: 1,
      suppressed: 1,
      rules: [
        { ruleId: 'untargeted', count: 2 },
        { ruleId: 'stale', count: 1 },
      ],
    });
    expect(contoso.emergency).toEqual({ affected: 2, worst: 'high' });
    expect(report.tenants.map((t) => t.name)).toEqual(['Contoso <script>alert(1)</script> | Ltd', 'Fabrikam', 'Woodgrove']);
    expect(reportTotals(report)).toEqual({
      tenants: 3,
      unreadable: 1,
      withLintErrors: 1,
      drifted: 1,
      emergencyAtRisk: 1,
      nearLimit: 0,
      staleBackups: 0,
    });
  });

  it('reads back what it wrote, and refuses another file plainly', () => {
    const report = sampleReport();
    expect(readTenantsReport(JSON.stringify(report))).toEqual({ ok: true, report });
    expect(readTenantsReport('{"format":"gatehouse.backup"}')).toEqual({
      ok: false,
      message: 'This is not an all-tenant report of Gatehouse (its "format" is not gatehouse.tenants-report).',
    });
    expect(readTenantsReport('nope').ok).toBe(false);
    const edited = { ...report, tenants: [{ tenantId: 't', name: 'x', policies: { total: '<b>' }, error: { html: 1 } }] };
    const read = readTenantsReport(JSON.stringify(edited));
    expect(read.ok && read.report.tenants[0]).toEqual({
      tenantId: 't',
      name: 'x',
      policies: { total: 0, enabled: 0, reportOnly: 0, off: 0 },
    });
  });

  it('writes Markdown a job summary shows as a table, names escaped, drift with its authors', () => {
    const markdown = reportMarkdown(sampleReport());
    expect(markdown).toContain('- 1 could not be read');
    expect(markdown).toContain(
      '| Contoso &lt;script&gt;alert(1)&lt;/script&gt; \\| Ltd (t-1) | 4 of 195: 2 on, 1 report-only, 1 off | 2 errors, 0 warnings, 1 info (1 suppressed) | 1 removed, 1 changed | 2 policies affect them (worst: high) | 3 days ago |  |',
    );
    expect(markdown).toContain('| Woodgrove (t-3) | — | — | — | — | — | AADSTS700016: the application was not found in the tenant. |');
    expect(markdown).toContain('- changed: CA001 by ada@contoso.com at 2026-11-30 10:00 UTC');
  });

  it('writes HTML with no script and every name escaped', () => {
    const html = reportHtml(sampleReport());
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('Contoso &lt;script&gt;alert(1)&lt;/script&gt; | Ltd');
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('<td>today</td>');
  });
});

describe('joining the reports of a sharded run', () => {
  const shard = (at: string, ...entries: ReturnType<typeof failedTenant>[]) => tenantsReport(entries, new Date(at));
  const ok = (id: string, name: string, total: number) =>
    summarizeTenant({ tenantId: id, name, policies: Array.from({ length: total }, () => ({ state: 'enabled' })), findings: [] });

  it('holds every tenant once, sorted as one run would, dated as the newest shard', () => {
    const joined = joinReports([
      shard('2026-12-01T06:00:00Z', ok('t-2', 'Fabrikam', 3)),
      shard('2026-12-01T06:04:00Z', ok('t-1', 'Contoso', 5), failedTenant('t-3', 'Woodgrove', 'AADSTS700016')),
    ]);
    expect(joined.report.tenants.map((t) => t.name)).toEqual(['Contoso', 'Fabrikam', 'Woodgrove']);
    expect(joined.report.generatedAt).toBe('2026-12-01T06:04:00.000Z');
    expect(joined.repeated).toEqual([]);
    expect(reportTotals(joined.report)).toMatchObject({ tenants: 3, unreadable: 1 });
  });

  it('keeps the newest entry of a tenant two shards both hold, and names it', () => {
    const joined = joinReports([
      shard('2026-12-01T07:00:00Z', ok('T-1', 'Contoso', 9)),
      shard('2026-12-01T06:00:00Z', ok('t-1', 'Contoso', 5)),
    ]);
    expect(joined.report.tenants).toHaveLength(1);
    expect(joined.report.tenants[0]!.policies?.total).toBe(9);
    expect(joined.repeated).toEqual(['Contoso']);
  });

  const GUID = '6b1c2d3e-0000-4000-8000-000000000001';
  const asked = (requested: string, total: number) => ({ ...ok(GUID, 'Contoso', total), requested });

  it('keeps the read of a tenant a newer shard failed under its domain, once, and says so', () => {
    const read = summarizeTenant({ tenantId: GUID, requested: 'contoso.onmicrosoft.com', name: 'Contoso', policies: [], findings: [] });
    expect(read.requested).toBe('contoso.onmicrosoft.com');
    const joined = joinReports([
      shard('2026-12-01T07:00:00Z', failedTenant('Contoso.onmicrosoft.com', 'Contoso', 'AADSTS7000215: invalid client secret')),
      shard('2026-12-01T06:00:00Z', read),
    ]);
    expect(joined.report.tenants).toEqual([read]);
    expect(reportTotals(joined.report).unreadable).toBe(0);
    expect(joined.keptReads).toEqual([
      {
        name: 'Contoso',
        requested: 'Contoso.onmicrosoft.com',
        error: 'AADSTS7000215: invalid client secret',
        failedAt: '2026-12-01T07:00:00.000Z',
        readAt: '2026-12-01T06:00:00.000Z',
      },
    ]);
  });

  it('keeps the newest of two reads, and the newest failure only when no shard read the tenant', () => {
    const reads = joinReports([
      shard('2026-12-01T06:00:00Z', asked('contoso.onmicrosoft.com', 5)),
      shard('2026-12-01T07:00:00Z', asked('CONTOSO.onmicrosoft.com', 9)),
    ]);
    expect(reads.report.tenants.map((t) => t.policies?.total)).toEqual([9]);
    expect(reads.keptReads).toEqual([]);
    const failures = joinReports([
      shard('2026-12-01T06:00:00Z', failedTenant('contoso.onmicrosoft.com', 'Contoso', 'older')),
      shard('2026-12-01T07:00:00Z', failedTenant('contoso.onmicrosoft.com', 'Contoso', 'newer')),
    ]);
    expect(failures.report.tenants.map((t) => t.error)).toEqual(['newer']);
    expect(failures.keptReads).toEqual([]);
  });

  it('reads and joins a report written before entries said what was asked for', () => {
    const old = JSON.stringify({
      format: 'gatehouse.tenants-report',
      version: 1,
      generatedAt: '2026-12-01T06:00:00.000Z',
      tenants: [{ tenantId: GUID.toUpperCase(), name: 'Contoso', policies: { total: 5, enabled: 5, reportOnly: 0, off: 0 } }],
    });
    const older = readTenantsReport(old);
    const newer = readTenantsReport(JSON.stringify(shard('2026-12-01T07:00:00Z', asked('contoso.onmicrosoft.com', 9))));
    if (!older.ok || !newer.ok) throw new Error('not read');
    expect(newer.report.tenants[0]!.requested).toBe('contoso.onmicrosoft.com');
    const joined = joinReports([older.report, newer.report]);
    expect(joined.report.tenants.map((t) => t.policies?.total)).toEqual([9]);
    expect(joined.repeated).toEqual(['Contoso']);

    // A failure under the domain joins the old report's GUID through the read that holds both.
    const failed = shard('2026-12-01T08:00:00Z', failedTenant('contoso.onmicrosoft.com', 'Contoso', 'AADSTS7000215'));
    const three = joinReports([older.report, failed, newer.report]);
    expect(three.report.tenants.map((t) => t.policies?.total)).toEqual([9]);
    expect(three.keptReads.map((k) => k.readAt)).toEqual(['2026-12-01T07:00:00.000Z']);
  });
});

describe('reading a report file', () => {
  it('says where a file that is not JSON breaks, in words rather than the engine’s message', () => {
    const read = readTenantsReport('garbage{ "tenants": [] }');
    expect(read.ok ? '' : read.message).toBe('This file is not valid JSON: an unexpected character at line 1, column 1.');
  });

  it('says a cut-short report is cut short', () => {
    const read = readTenantsReport('{ "format": "gatehouse.tenants-report", "tenants": [');
    expect(read.ok ? '' : read.message).toMatch(/^This file ends before its JSON does \(cut short\?\)/);
  });
});
