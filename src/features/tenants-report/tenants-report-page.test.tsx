// @vitest-environment jsdom
// The report file's name comes from the admin's disk: it is isolated in what the page says of it, so a
// direction control in it (U+202E) cannot draw the rest of the sentence backwards.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { REPORT_FORMAT, REPORT_VERSION } from '../../domain/tenants/report';
import TenantsReportPage from './tenants-report-page';

afterEach(cleanup);

const NAME = 'report\u202Enosj.json';
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
    expect(await screen.findByText(/is not an all-tenant report/)).toBeTruthy();
    expect(screen.getByText(/is not an all-tenant report/).textContent).toMatch(new RegExp(`^\u2068${NAME}\u2069: `));
  });

  it('isolates the file’s name in what it says of the report opened', async () => {
    render(<TenantsReportPage />);
    await choose(fileOf({ format: REPORT_FORMAT, version: REPORT_VERSION, generatedAt: '2026-12-05T09:00:00Z', tenants: [] }));
    const said = await screen.findByText(/generated .*: 0 tenants\./);
    expect(said.querySelector('bdi')?.textContent).toBe(NAME);
  });
});
