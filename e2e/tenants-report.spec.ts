// An all-tenant report of the command line, opened in the console with no one signed in: the
// totals, a tenant that could not be read, drift with its author, the filter for what needs a look,
// names shown as text, and a wrong file refused with its name.
import { failedTenant, summarizeTenant, tenantsReport } from '../src/domain/tenants/report';
import { expectNoSeriousA11yViolations } from './support/axe';
import { expect, test } from './support/fixtures';

function report() {
  const generatedAt = new Date('2026-12-01T05:00:00Z');
  return tenantsReport(
    [
      summarizeTenant({
        tenantId: '6b1c2d3e-0000-4000-8000-000000000001',
        name: 'Contoso <img src=x onerror=alert(1)>',
        policies: [{ state: 'enabled' }, { state: 'enabledForReportingButNotEnforced' }],
        findings: [{ ruleId: 'block-all-no-exclusion', severity: 'error', category: 'lock-out safety', message: 'm', external: [] }],
        drift: { baseline: 'baselines/contoso', added: [], removed: [], changed: [{ name: 'CA001', by: 'ada@contoso.com' }] },
        emergency: { worstPerPolicy: ['critical', null] },
        lastBackupAt: '2026-11-30T02:00:00Z',
      }),
      summarizeTenant({
        tenantId: '6b1c2d3e-0000-4000-8000-000000000002',
        name: 'Fabrikam',
        policies: [{ state: 'enabled' }],
        findings: [],
        drift: { baseline: 'baselines/fabrikam', added: [], removed: [], changed: [] },
        emergency: { worstPerPolicy: [null] },
        lastBackupAt: '2026-12-01T02:00:00Z',
      }),
      failedTenant('6b1c2d3e-0000-4000-8000-000000000003', 'Woodgrove', 'AADSTS7000215: Invalid client secret provided.'),
    ],
    generatedAt,
  );
}

test('opens an all-tenant report with no one signed in: totals, what needs a look, names as text', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Open an all-tenant report of the command line' }).click();
  await expect(page).toHaveURL(/\/tenants-report$/);
  await expect(page.getByRole('heading', { level: 1, name: 'All-tenant report' })).toBeVisible();
  const input = page.getByLabel('Report file (.json)');

  // A backup is not a report: refused, saying what it is, where it opens and what this page opens.
  const backup = { manifest: { format: 'gatehouse.backup', version: 1, tenant: { id: 't1', name: 'Contoso' } } };
  await input.setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
  await expect(
    page.getByText(
      'backup.json is a Gatehouse backup of Contoso: open it on Import or Compare once signed in. This page opens an all-tenant report: the report.json that “gatehouse report” writes.',
    ),
  ).toBeVisible();

  await input.setInputFiles({ name: 'report.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(report())) });
  await expect(page.getByText('report.json, generated 2026-12-01 05:00 UTC: 3 tenants.')).toBeVisible();
  const totals = page.getByRole('list', { name: 'Across the tenants' });
  await expect(totals).toContainText('1 could not be read');
  await expect(totals).toContainText('1 with lint errors');
  await expect(totals).toContainText('1 drifted from their baseline');
  await expect(totals).toContainText('1 where an emergency account is at risk');

  const tenants = page.getByRole('table', { name: 'Tenants' });
  const contoso = tenants.getByRole('row', { name: 'Contoso <img src=x onerror=alert(1)>' });
  await expect(contoso).toContainText('2 of 195: 1 on, 1 report-only, 0 off');
  await expect(contoso).toContainText('1 error, 0 warnings, 0 info');
  await expect(contoso).toContainText('CA001 (by ada@contoso.com)');
  await expect(contoso).toContainText('1 policy affects them (worst: critical)');
  await expect(contoso.locator('img')).toHaveCount(0);
  await expect(tenants.getByRole('row', { name: 'Woodgrove' })).toContainText('Not read: AADSTS7000215: Invalid client secret provided.');
  await expectNoSeriousA11yViolations(page);

  // Fabrikam is clean: the filter leaves the two that need a look.
  await expect(tenants.getByRole('row')).toHaveCount(4);
  await page.getByRole('switch', { name: 'Only the tenants that need a look (2)' }).check();
  await expect(tenants.getByRole('row')).toHaveCount(3);
  await expect(tenants.getByRole('row', { name: 'Fabrikam' })).toHaveCount(0);
});

test('a file that is not JSON is said to be so in words, with what the page opens instead', async ({ page }) => {
  await page.goto('/tenants-report');
  const input = page.getByLabel('Report file (.json)');
  await input.setInputFiles({ name: 'garbage.json', mimeType: 'application/json', buffer: Buffer.from('garbage{ ') });
  await expect(
    page.getByText(
      'garbage.json is not valid JSON: an unexpected character at line 1, column 1. This page opens an all-tenant report: the report.json that “gatehouse report” writes.',
    ),
  ).toBeVisible();
  // Not the browser's own parser message.
  await expect(page.getByText(/Unexpected token|is not valid JSON"/)).toHaveCount(0);

  await input.setInputFiles({
    name: 'screen.png',
    mimeType: 'image/png',
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]),
  });
  await expect(
    page.getByText(/^screen\.png looks like an image \(PNG\), .* This page opens an all-tenant report: the report\.json/),
  ).toBeVisible();
});
