// @vitest-environment jsdom
// The tenant's name and the drifted policies' names (and who changed them) come from the tenants: each is
// isolated in the all-tenant report's table, so a direction control (U+202E) in one reorders nothing else.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { REPORT_FORMAT, REPORT_VERSION, type TenantsReport } from '../../domain/tenants/report';
import { ReportTable } from './report-table';

afterEach(cleanup);

const TENANT = 'Contoso \u202Eevil';
// As shown: the override as an escape, in the order stored.
const SHOWN = 'Contoso \\u202Eevil';
const report: TenantsReport = {
  format: REPORT_FORMAT,
  version: REPORT_VERSION,
  generatedAt: '2026-12-05T09:00:00Z',
  tenants: [
    {
      tenantId: 'tenant-1',
      name: TENANT,
      policies: { total: 2, enabled: 1, reportOnly: 0, off: 1 },
      drift: { baseline: 'baseline/', added: [], removed: [], changed: [{ name: 'Block \u202Eall', by: 'Eve \u202Eadmin' }] },
    },
  ],
};

describe('ReportTable', () => {
  it('isolates the tenant’s name in its cell and in the row’s name', () => {
    render(<ReportTable report={report} />);
    const row = screen.getByRole('row', { name: SHOWN });
    expect(row.querySelector('td bdi')?.textContent).toBe(SHOWN);
  });

  it('isolates a drifted policy’s name and who changed it', () => {
    render(<ReportTable report={report} />);
    expect(screen.getByText('Block \\u202Eall (by Eve \\u202Eadmin)')).toBeTruthy();
  });
});
