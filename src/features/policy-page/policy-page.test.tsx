// @vitest-environment jsdom
// The policy page read a policy earlier; a fresh read then fails. It says so above the policy instead of
// showing the old version as if it were current: a 404 says the policy no longer exists and where deleted
// policies are, and Edit, Duplicate, Delete, Compare and Watch are disabled with the reason while it is gone (a
// policy already watched can still be unwatched); another failure says what went wrong; both offer Try again.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { GraphRequestError, NetworkError } from '../../graph/errors';
import { PolicyPage } from './policy-page';

const world = vi.hoisted(() => ({
  read: (): Promise<unknown> => Promise.resolve(null),
  reads: 0,
  watched: {} as Record<string, unknown>,
  unwatched: [] as string[],
  // Where each read of the policy queued in the tenant's pacer.
  queued: [] as string[],
}));

vi.mock('../../session/tenant-session', () => ({
  useTenantSession: () => ({
    account: { key: 'acc', tenantId: 't1' },
    client: { queue: 'background', userStarted: () => ({ queue: 'user-started' }) },
  }),
}));
vi.mock('../../policy-ui/queries', () => ({
  useNames: () => ({ data: undefined, isPending: false }),
  policiesQuery: () => ({ queryKey: ['policies'] }),
  policyQuery: (tenant: { client: { queue: string } }) => ({
    queryKey: ['policy', 'p1'],
    queryFn: () => {
      world.reads++;
      world.queued.push(tenant.client.queue);
      return world.read();
    },
  }),
}));
vi.mock('../../policy-ui/known-names', () => ({ useNamesKnownFirst: () => ({ data: undefined }), stillResolving: () => false }));
vi.mock('../../policy-ui/use-tenant-lint', () => ({ useTenantLint: () => ({ findings: [], error: null, retry: () => {} }) }));
vi.mock('../../policy-ui/watch-store', () => ({
  useWatched: () => ({ watched: world.watched, watch: () => {}, unwatch: (id: string) => world.unwatched.push(id) }),
}));
vi.mock('../../policy-ui/page-breadcrumb', () => ({ PageBreadcrumb: () => null }));
vi.mock('../../policy-ui/policy-summary-view', () => ({ PolicySummaryView: () => <p>Summary of the policy</p> }));
// The account may write; the page's own reasons (a policy gone) are said by the real tooltip.
vi.mock('../../session/write-access', async (original) => ({
  ...(await original<Record<string, unknown>>()),
  useWriteAccess: () => ({ allowed: true, reason: null }),
}));
vi.mock('../../shared/monaco', () => ({ LazyJsonViewer: () => null, usePreloadJsonEditor: () => {} }));
vi.mock('../../shared/theme', () => ({ useTheme: () => ({ dark: false }) }));
vi.mock('../../policy-ui/writes', () => ({ useDeletePolicies: () => ({ mutateAsync: () => Promise.resolve() }) }));
vi.mock('../../policy-ui/saved-templates', () => ({ useSavedTemplates: () => [[], () => true] }));
vi.mock('../../session/organization-query', () => ({ useOrganizationName: () => 'Contoso' }));

const POLICY = { id: 'p1', displayName: 'CA006: Block legacy', state: 'disabled' } as ConditionalAccessPolicy;
const notFound = () =>
  new GraphRequestError(404, 'NotFound', 'Policy not found.', { method: 'GET', path: '/identity/conditionalAccess/policies/p1' });

let client: QueryClient;
beforeEach(() => {
  world.reads = 0;
  world.queued = [];
  world.watched = {};
  world.unwatched = [];
  client = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });
  // Read earlier: the page opens with it in the cache, and reads it again.
  client.setQueryData(['policy', 'p1'], POLICY);
});
afterEach(cleanup);

const page = (state?: object) =>
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[{ pathname: '/policies/p1', state }]}>
        <Routes>
          <Route path="/policies/:id" element={<PolicyPage history={() => null} />} />
          <Route path="/compare" element={<p>Compare page</p>} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );

describe('a policy read earlier whose fresh read fails', () => {
  it('says a policy deleted meanwhile no longer exists, and links to Deleted policies', async () => {
    world.read = () => Promise.reject(notFound());
    page();
    const title = await screen.findByText('This policy no longer exists');
    const bar = title.closest('.fui-MessageBar') as HTMLElement;
    expect(bar.textContent).toContain('What is shown is the version read earlier.');
    expect(within(bar).getByRole('link', { name: 'Deleted policies' }).getAttribute('href')).toBe('/deleted');
    // The old policy is still there to read, under the warning.
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('CA006: Block legacy');
  });

  it('does not offer Edit, Duplicate, Delete, Compare or Watch for a policy the tenant no longer has, says why, and exports it as the last version read', async () => {
    world.read = () => Promise.reject(notFound());
    page();
    await screen.findByText('This policy no longer exists');
    for (const name of ['Edit', 'Duplicate', 'Delete…', 'Compare…', 'Watch']) {
      const button = screen.getByRole('button', { name });
      expect(button.getAttribute('aria-disabled'), name).toBe('true');
      expect(button.getAttribute('aria-describedby'), name).toBeTruthy();
      const reason = button
        .getAttribute('aria-describedby')!
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent)
        .join(' ');
      expect(reason, name).toMatch(/^The tenant no longer has this policy/);
    }
    // Pressing Delete… opens no dialog about a policy that is gone; Compare… does not leave for a comparison.
    fireEvent.click(screen.getByRole('button', { name: 'Delete…' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Compare…' }));
    expect(screen.queryByText('Compare page')).toBeNull();
    // Export stays, named for what it exports.
    expect(screen.getByRole('button', { name: 'Export the last version read' }).getAttribute('aria-disabled')).toBeNull();
  });

  it('still lets a watched policy the tenant no longer has be unwatched', async () => {
    world.read = () => Promise.reject(notFound());
    world.watched = { p1: POLICY };
    page();
    await screen.findByText('This policy no longer exists');
    const watching = screen.getByRole('button', { name: 'Watching' });
    expect(watching.getAttribute('aria-disabled')).toBeNull();
    fireEvent.click(watching);
    expect(world.unwatched).toEqual(['p1']);
  });

  it('offers Edit, Duplicate and Delete again once the policy reads again (restored)', async () => {
    world.read = () => Promise.reject(notFound());
    page();
    const bar = (await screen.findByText('This policy no longer exists')).closest('.fui-MessageBar') as HTMLElement;
    world.read = () => Promise.resolve(POLICY);
    fireEvent.click(within(bar).getByRole('button', { name: 'Try again' }));
    await vi.waitFor(() => expect(screen.queryByText('This policy no longer exists')).toBeNull());
    for (const name of ['Edit', 'Duplicate', 'Delete…', 'Export', 'Compare…', 'Watch']) {
      expect(screen.getByRole('button', { name }).getAttribute('aria-disabled'), name).toBeNull();
    }
  });

  it('says a dropped network left the policy possibly out of date, and Try again reads it again', async () => {
    world.read = () => Promise.reject(new NetworkError('GET', '/identity/conditionalAccess/policies/p1', new TypeError('Failed to fetch')));
    page();
    const bar = (await screen.findByText('Microsoft Graph is unreachable')).closest('.fui-MessageBar') as HTMLElement;
    expect(bar.textContent).toContain('may be out of date');
    world.read = () => Promise.resolve(POLICY);
    const before = world.reads;
    fireEvent.click(within(bar).getByRole('button', { name: 'Try again' }));
    await vi.waitFor(() => expect(screen.queryByText('Microsoft Graph is unreachable')).toBeNull());
    expect(world.reads).toBe(before + 1);
  });
});

describe('a policy arrived at after a write with something short of it', () => {
  it('says Saved, and warns that the version it replaced could not be kept on this device', async () => {
    world.read = () => Promise.resolve(POLICY);
    const warning =
      'Saved, but the version it replaced could not be kept in the history on this device (quota): it cannot be restored from here.';
    page({ saved: true, warning });
    expect(await screen.findByText(/^Saved\. This is the policy as the tenant now holds/)).toBeTruthy();
    const bar = screen.getByText(warning).closest('.fui-MessageBar') as HTMLElement;
    // A bar of its own beside the one that says Saved.
    expect(bar.textContent).toBe(warning);
  });
});

describe('Delete…', () => {
  /** The page opened (its own read of the policy sent), then Delete… pressed: the dialog, once it has read the policy. */
  async function openDelete() {
    page();
    await screen.findByRole('heading', { name: /CA006: Block legacy/ });
    await vi.waitFor(() => expect(world.queued).toEqual(['background']));
    fireEvent.click(screen.getByRole('button', { name: 'Delete…' }));
    const dialog = await screen.findByRole('dialog');
    await vi.waitFor(() => expect(world.queued).toEqual(['background', 'user-started']));
    return dialog;
  }

  it('reads the policy again for its dialog ahead of the screens’ queued reads, and names it as read', async () => {
    world.read = () => Promise.resolve(POLICY);
    const dialog = await openDelete();
    expect(within(dialog).getAllByText(/CA006: Block legacy/).length).toBeGreaterThan(0);
  });

  it('does not wait for the page’s own read still queued behind others: that read is stopped and the dialog’s goes ahead', async () => {
    // The page's read waits its turn in the pacer for good; the dialog's is answered.
    world.read = () => (world.queued.length === 1 ? new Promise(() => {}) : Promise.resolve(POLICY));
    const dialog = await openDelete();
    // Read as the tenant holds it now: Delete can be pressed.
    await vi.waitFor(() =>
      expect(within(dialog).getByRole('button', { name: 'Delete policy' }).getAttribute('aria-disabled')).not.toBe('true'),
    );
  });
});
