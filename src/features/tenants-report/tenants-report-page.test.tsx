// @vitest-environment jsdom
// The report file's name comes from the admin's disk: it is isolated in what the page says of it, so a
// direction control in it (U+202E) cannot draw the rest of the sentence backwards.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { REPORT_FORMAT, REPORT_VERSION } from '../../domain/tenants/report';
import TenantsReportPage from './tenants-report-page';

afterEach(cleanup);

const NAME = 'report\u202Enosj.json';
// As shown: the override as an escape, in the order stored.
const SHOWN = 'report\\u202Enosj.json';
const TAKES = 'This page opens an all-tenant report: the report.json that “gatehouse report” writes.';
const fileOf = (content: unknown) => {
  const bytes = new TextEncoder().encode(JSON.stringify(content));
  return { name: NAME, arrayBuffer: () => Promise.resolve(bytes.buffer as ArrayBuffer) } as unknown as File;
};
const choose = async (file: File) => {
  await act(async () => {
    fireEvent.change(screen.getByLabelText('Report file (.json)'), { target: { files: [file] } });
    await new Promise((resolve) => setTimeout(resolve, 20));
  });
};

describe('the all-tenant report page', () => {
  it('isolates the file’s name when it is not a report', async () => {
    render(<TenantsReportPage />);
    await choose(fileOf({ something: 'else' }));
    const said = await screen.findByText(/not an all-tenant report/);
    expect(said.textContent).toBe(`${SHOWN} holds an object with the property “something”, not an all-tenant report. ${TAKES}`);
  });

  // What the file is and where it opens, not the format this page checks: the admin chose the wrong file of Gatehouse.
  it('says a backup is one, of which tenant, and where it opens', async () => {
    render(<TenantsReportPage />);
    await choose(fileOf({ manifest: { format: 'gatehouse.backup', version: 1, tenant: { id: 't1', name: 'Contoso' } }, policies: [] }));
    const said = await screen.findByText(/Gatehouse backup/);
    expect(said.textContent).toBe(`${SHOWN} is a Gatehouse backup of Contoso: open it on Import or Compare once signed in. ${TAKES}`);
  });

  it('says the manifest of a backup folder, a plan and a policy export for what they are', async () => {
    render(<TenantsReportPage />);
    await choose(fileOf({ format: 'gatehouse.backup', version: 1, tenant: { id: 't1', name: 'Fabrikam' }, items: [] }));
    expect((await screen.findByText(/manifest/)).textContent).toMatch(
      /is the manifest of a Gatehouse backup of Fabrikam kept as a folder: open the folder on Import once signed in\./,
    );
    await choose(fileOf({ format: 'gatehouse.plan', version: 1, tenant: { id: 't2' }, plan: {} }));
    expect((await screen.findByText(/a plan/)).textContent).toMatch(
      /is a plan written by “gatehouse plan” for tenant t2: “gatehouse apply” runs it; the console does not open it\./,
    );
    await choose(fileOf({ value: [{ displayName: 'MFA', state: 'enabled', conditions: {}, grantControls: {} }] }));
    expect((await screen.findByText(/policy export/)).textContent).toMatch(
      /is a policy export \(1 Conditional Access policy\): open it on Import or Compare once signed in\. This page opens an all-tenant report/,
    );
  });

  it('isolates the file’s name in what it says of the report opened', async () => {
    render(<TenantsReportPage />);
    await choose(fileOf({ format: REPORT_FORMAT, version: REPORT_VERSION, generatedAt: '2026-12-05T09:00:00Z', tenants: [] }));
    const said = await screen.findByText(/generated .*: 0 tenants\./);
    expect(said.querySelector('bdi')?.textContent).toBe(SHOWN);
  });
});
