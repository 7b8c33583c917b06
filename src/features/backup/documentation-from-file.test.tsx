// @vitest-environment jsdom
// Documentation from a backup file: the tenant's name in "Backup of …" and the file's name in the
// documents' group are isolated, so a direction control in either cannot turn the words around them.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Bundle } from '../../domain/bundle/bundle';
import { testBundle } from '../../domain/documentation/test-bundle';

const answers = vi.hoisted(() => ({ bundle: null as unknown }));

vi.mock('../../shared/files/read-backup-file', () => ({
  isZipFile: () => false,
  readBackupFile: async () => ({ bundle: answers.bundle, problems: [] }),
}));

const { DocumentationFromFile } = await import('./documentation-from-file');

afterEach(cleanup);

describe('DocumentationFromFile', () => {
  it('isolates the tenant’s and the file’s names', async () => {
    const turned = 'Contoso \u202Eevil';
    const bundle: Bundle = await testBundle();
    answers.bundle = { ...bundle, manifest: { ...bundle.manifest, tenant: { ...bundle.manifest.tenant, name: turned } } };
    render(<DocumentationFromFile mask={false} />);
    const name = 'backup \u202Enosj.json';
    const file = new File(['{}'], name);
    Object.defineProperty(file, 'arrayBuffer', { value: async () => new TextEncoder().encode('{}').buffer });
    await act(async () => void fireEvent.change(screen.getByLabelText(/Backup file/), { target: { files: [file] } }));
    expect(await screen.findByRole('group', { name: 'Documentation of backup \\u202Enosj.json' })).toBeTruthy();
    const tenant = [...document.querySelectorAll('bdi')].find((bdi) => bdi.textContent === 'Contoso \\u202Eevil');
    expect(tenant?.parentElement?.textContent).toContain('Backup of Contoso \\u202Eevil, taken');
  });
});
