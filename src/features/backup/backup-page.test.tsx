// @vitest-environment jsdom
// The Backup page's Documentation › This tenant documents the tenant as read: every policy of the
// backup, whatever is chosen above for the download (None included), and while the tenant is being
// read it says so rather than asking the admin to back it up.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';

// Fluent's page renders slowly on a busy machine.
vi.setConfig({ testTimeout: 20_000 });
import { createBundle, type Bundle } from '../../domain/bundle/bundle';
import { testBundle, testReferences, testSections } from '../../domain/documentation/test-bundle';
import { readZip } from '../../shared/zip';

const answers = vi.hoisted(() => ({
  exported: null as null | (() => Promise<unknown>),
  downloads: [] as { fileName: string; content: string | Uint8Array }[],
}));

vi.mock('../../session/tenant-session', () => ({
  useTenantSession: () => ({ account: { key: 'acct', tenantId: 'tenant-1', name: 'Ada', tenantName: 'Contoso' }, context: {} }),
}));
vi.mock('../../session/organization-query', () => ({ useOrganizationName: () => 'Contoso' }));
vi.mock('../../session/contingency-store', () => ({ useContingencyStore: () => [{ plans: {}, switches: {} }] }));
vi.mock('../../session/rollout-store', () => ({ useRolloutStore: () => [{}] }));
vi.mock('../../session/lint-suppressions-store', () => ({ useLintSuppressions: () => [[]] }));
vi.mock('../../operations/export-tenant', () => ({ exportTenant: () => answers.exported!() }));
vi.mock('../../shared/download', () => ({
  downloadFile: (fileName: string, content: string | Uint8Array) => void answers.downloads.push({ fileName, content }),
}));

const { BackupPage } = await import('./backup-page');

afterEach(() => {
  cleanup();
  answers.downloads = [];
});

function renderPage() {
  render(
    <MemoryRouter>
      <BackupPage />
    </MemoryRouter>,
  );
}

const policyNames = (bundle: Bundle) => bundle.policies.map((p) => String(p.displayName));

describe('BackupPage › Documentation of this tenant', () => {
  it('documents every policy of the backup when only some, or none, are chosen for the download', async () => {
    const bundle = await testBundle();
    answers.exported = () => Promise.resolve(bundle);
    renderPage();
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Back up this tenant' })));
    await screen.findByText('Backup ready');
    fireEvent.click(screen.getByRole('button', { name: 'Choose policies…' }));
    fireEvent.click(screen.getByRole('checkbox', { name: policyNames(bundle)[0] }));
    const documents = () => within(screen.getByRole('group', { name: 'Documentation of Contoso & <Sons>' }));
    await act(async () => void fireEvent.click(documents().getByRole('button', { name: /Markdown/ })));
    const some = answers.downloads.at(-1)!;
    for (const name of policyNames(bundle)) expect(some.content).toContain(name);

    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'None' })));
    await screen.findByText('No policy chosen');
    await act(async () => void fireEvent.click(documents().getByRole('button', { name: /Markdown/ })));
    const none = answers.downloads.at(-1)!;
    for (const name of policyNames(bundle)) expect(none.content).toContain(name);
    expect(none.fileName).toBe(some.fileName);
  });

  it('says the tenant is being backed up while it is read, not to back it up', async () => {
    let finish: (bundle: Bundle) => void = () => {};
    answers.exported = () => new Promise((resolve) => (finish = resolve));
    renderPage();
    expect(screen.getByText('Back up this tenant (above) to document it as it is now.')).toBeTruthy();
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Back up this tenant' })));
    expect(screen.queryByText('Back up this tenant (above) to document it as it is now.')).toBeNull();
    expect(
      screen.getByText('This tenant is being backed up (above); its documentation can be made here once the backup is ready.'),
    ).toBeTruthy();
    const bundle = await testBundle();
    await act(async () => finish(bundle));
    expect(await screen.findByRole('group', { name: 'Documentation of Contoso & <Sons>' })).toBeTruthy();
  });
});

describe('BackupPage › Download', () => {
  it('names the files of a Japanese tenant’s policies in Japanese, and the zip says its names are UTF-8', async () => {
    const sections = testSections();
    sections.policies = [{ ...sections.policies[0]!, displayName: '多要素認証を要求' }, ...sections.policies.slice(1)];
    const bundle = await testBundle(sections);
    answers.exported = () =>
      Promise.resolve({ ...bundle, manifest: { ...bundle.manifest, tenant: { ...bundle.manifest.tenant, name: 'コントソ' } } });
    renderPage();
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Back up this tenant' })));
    await screen.findByText('Backup ready');
    fireEvent.click(screen.getByRole('button', { name: 'Download as a folder (.zip)' }));
    const { fileName, content } = answers.downloads.at(-1)!;
    // The time in the file's name is UTC, and says so (the page shows the time read in local time).
    expect(fileName).toBe('gatehouse-backup-コントソ-2026-11-30-1200Z.zip');
    const zip = content as Uint8Array;
    const paths = (await readZip(zip)).map((entry) => entry.path);
    expect(paths).toContain(`${fileName.replace(/\.zip$/, '')}/policies/多要素認証を要求.json`);
    // General purpose bit 11 in every local and central header: the names are UTF-8.
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    const flags: number[] = [];
    for (let at = 0; at + 4 <= zip.length; at++) {
      const signature = view.getUint32(at, true);
      if (signature === 0x04034b50) flags.push(view.getUint16(at + 6, true));
      if (signature === 0x02014b50) flags.push(view.getUint16(at + 8, true));
    }
    expect(flags.length).toBe(paths.length * 2);
    expect(flags.every((flag) => (flag & 0x0800) !== 0)).toBe(true);
  });
});

describe('BackupPage › names from the tenant', () => {
  it('isolates the tenant’s and the policies’ names in its sentences and names', async () => {
    const sections = testSections();
    const turned = 'Contoso \u202Eevil';
    // As shown: each override as an escape, in the order stored.
    const shown = 'Contoso \\u202Eevil';
    sections.policies = sections.policies.map((p, i) => ({
      ...p,
      displayName: `${i === 0 ? `${turned} staff` : String(p.displayName)} \u202Edne`,
    }));
    const bundle = await testBundle(sections);
    answers.exported = () =>
      Promise.resolve({ ...bundle, manifest: { ...bundle.manifest, tenant: { ...bundle.manifest.tenant, name: turned } } });
    renderPage();
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Back up this tenant' })));
    await screen.findByText('Backup ready');
    // "Contoso ‮evil, read …" would show the rest of the sentence backwards.
    expect([...document.querySelectorAll('bdi')].some((bdi) => bdi.textContent === shown)).toBe(true);
    const gone = within(screen.getByRole('list', { name: 'Objects that no longer exist' })).getAllByRole('listitem');
    for (const item of gone) {
      const names = [...item.querySelectorAll('bdi')].map((bdi) => bdi.textContent);
      expect(names.length).toBeGreaterThan(0);
      expect(names.every((name) => name!.endsWith('\\u202Edne'))).toBe(true);
    }
    expect(screen.getByRole('group', { name: `Documentation of ${shown}` })).toBeTruthy();
    // Masked, each rewritten policy name is isolated from the words after it.
    fireEvent.click(screen.getByRole('checkbox', { name: 'Mask names' }));
    const rewritten = within(await screen.findByRole('list', { name: 'Policy names rewritten' })).getAllByRole('listitem');
    for (const item of rewritten) expect(item.firstElementChild?.tagName).toBe('BDI');
  });
});

describe('BackupPage › gone agents', () => {
  it('calls a gone agent identity and agent user so, not a workload identity and a user', async () => {
    const agent = '44444444-4444-4444-8444-444444444444';
    const agentUser = '66666666-6666-4666-8666-666666666666';
    const sections = testSections();
    sections.policies.push({
      id: 'p-20',
      displayName: 'CA020: Agents',
      state: 'enabled',
      conditions: {
        users: { includeUsers: ['None'] },
        applications: { includeApplications: ['All'] },
        clientApplications: { includeAgentIdServicePrincipals: ['All'], excludeAgentIdServicePrincipals: [agent] },
        agents: { includeAgentUsers: ['All'], excludeAgentUsers: [agentUser] },
      },
      grantControls: { operator: 'OR', builtInControls: ['block'] },
    });
    const references = [
      ...testReferences(),
      { kind: 'servicePrincipal' as const, id: agent, displayName: null, exists: false },
      { kind: 'user' as const, id: agentUser, displayName: null, exists: false },
    ];
    const bundle = await createBundle(sections, references, {
      tenantId: 't',
      tenantName: 'Contoso',
      capturedAt: new Date('2026-12-01T12:00:00Z'),
    });
    answers.exported = () => Promise.resolve(bundle);
    renderPage();
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Back up this tenant' })));
    await screen.findByText('Backup ready');
    const gone = within(screen.getByRole('list', { name: 'Objects that no longer exist' }))
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(gone).toContain(`An agent identity ${agent}, named by CA020: Agents`);
    expect(gone).toContain(`An agent user ${agentUser}, named by CA020: Agents`);
  });
});
