// @vitest-environment jsdom
// Export › Copy JSON pressed twice: the second copy is said again, not left as the words already there.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConditionalAccessPolicy } from '../../domain/types';

vi.mock('../../session/tenant-session', () => ({ useTenantSession: () => ({ account: { key: 'acct' } }) }));
vi.mock('../../session/organization-query', () => ({ useOrganizationName: () => 'Contoso' }));
vi.mock('../../policy-ui/queries', () => ({ useNames: () => ({ data: undefined, isPending: false }) }));
vi.mock('../../policy-ui/saved-templates', () => ({ useSavedTemplates: () => [[], () => true] }));
const downloads = vi.hoisted(() => [] as string[]);
vi.mock('../../shared/download', () => ({ downloadFile: (fileName: string) => void downloads.push(fileName) }));

const { ExportPolicyMenu } = await import('./export-policy-menu');

const POLICY = { id: 'p1', displayName: 'CA006: Block legacy', state: 'enabled' } as ConditionalAccessPolicy;

afterEach(cleanup);

async function copyJson() {
  fireEvent.click(screen.getByRole('button', { name: 'Export' }));
  await act(async () => {
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Copy JSON' }));
  });
}

describe('Copy JSON', () => {
  it('says "JSON copied." anew each time it is pressed', async () => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: vi.fn(async () => {}) }, configurable: true });
    render(
      <MemoryRouter>
        <ExportPolicyMenu policy={POLICY} />
      </MemoryRouter>,
    );
    const status = screen.getByRole('status');

    await copyJson();
    expect(status.textContent).toBe('JSON copied. ');
    const first = status.firstElementChild;
    await copyJson();
    expect(status.textContent).toBe('JSON copied. ');
    // The words are put in anew (a live region whose text stays the same says nothing).
    expect(status.firstElementChild).not.toBe(first);
    expect(first?.isConnected).toBe(false);
  });
});

describe('Save as template', () => {
  it('isolates a name holding a direction control (U+202E) in what it says', async () => {
    render(
      <MemoryRouter>
        <ExportPolicyMenu policy={{ ...POLICY, displayName: 'Block \u202Eevil' }} />
      </MemoryRouter>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    await act(async () => {
      fireEvent.click(await screen.findByRole('menuitem', { name: 'Save as template' }));
    });
    expect(screen.getByRole('status').textContent).toMatch(/^Saved “Block \\u202Eevil” as a template/);
  });
});

describe('Download JSON', () => {
  it('names the file after the policy, or after its id when its name leaves no letter or digit', async () => {
    for (const displayName of ['多要素認証を要求', '???']) {
      render(
        <MemoryRouter>
          <ExportPolicyMenu policy={{ ...POLICY, displayName }} />
        </MemoryRouter>,
      );
      fireEvent.click(screen.getByRole('button', { name: 'Export' }));
      await act(async () => {
        fireEvent.click(await screen.findByRole('menuitem', { name: 'Download JSON' }));
      });
      cleanup();
    }
    expect(downloads).toEqual(['多要素認証を要求.json', 'p1.json']);
  });
});
