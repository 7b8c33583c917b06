// @vitest-environment jsdom
// The watched policies' bar on the policies page, by keyboard: marking one as seen or no longer watching
// it says so and puts the focus on the next one's button (the page's heading once none is left), and
// the changes' dialog gives the focus back to the button that opened it.
import { QueryClient, QueryClientProvider, queryOptions } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { ConditionalAccessPolicy } from '../../domain/types';

vi.mock('../../session/tenant-session', () => ({
  useTenantSession: () => ({ account: { key: 'acct', tenantId: 'tenant-1', name: 'Ada Lindqvist' }, scopeKey: ['acct'], client: {} }),
}));
vi.mock('../../policy-ui/queries', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  recentAuditQuery: () => queryOptions({ queryKey: ['recent-audit'], queryFn: () => Promise.resolve([]) }),
  useNames: () => ({ data: undefined }),
}));
vi.mock('../../policy-ui/policy-diff', () => ({
  PolicyDiff: () => <p>Diff</p>,
  useDiffView: () => ['split', () => {}],
  useInlineDiff: () => false,
}));

const { WatchedChanges } = await import('./watched-changes');

const seen = (id: string, name: string) => ({
  name,
  seenModified: '2026-12-01T00:00:00Z',
  seenAt: '2026-12-01T00:00:00Z',
  snapshot: { id, displayName: name, state: 'enabled', modifiedDateTime: '2026-12-01T00:00:00Z' },
});
const changed = (id: string, name: string): ConditionalAccessPolicy => ({
  id,
  displayName: name,
  state: 'enabledForReportingButNotEnforced',
  modifiedDateTime: '2026-12-03T00:00:00Z',
});

beforeEach(() => {
  localStorage.setItem(
    'gatehouse.watch.acct',
    JSON.stringify({ a: seen('a', 'CA001: Block legacy'), b: seen('b', 'CA002: Require MFA'), gone: seen('gone', 'CA003: Deleted one') }),
  );
});
afterEach(() => {
  cleanup();
  localStorage.clear();
});

function renderBar() {
  const policies = [changed('a', 'CA001: Block legacy'), changed('b', 'CA002: Require MFA')];
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <main>
        <h1>Policies</h1>
        <WatchedChanges policies={policies} />
      </main>
    </QueryClientProvider>,
  );
}

const item = (name: string) => screen.getByText(name).closest('li')!;
const said = () => screen.getAllByRole('status').map((s) => s.textContent);

it('moves the focus to the next watched policy, says what was done, and to the heading once none is left', async () => {
  renderBar();
  const names = () =>
    within(screen.getByRole('list', { name: 'Watched policies that changed' }))
      .getAllByRole('listitem')
      .map((li) => li.firstChild?.textContent);
  expect(names()).toEqual(['CA001: Block legacy', 'CA002: Require MFA', 'CA003: Deleted one']);
  // The last one: the focus goes to the one before it, now the last.
  const stop = within(item('CA003: Deleted one')).getByRole('button', { name: 'Stop watching' });
  stop.focus();
  fireEvent.click(stop);
  expect(said()).toContain('Stopped watching CA003: Deleted one.');
  expect(document.activeElement).toBe(within(item('CA002: Require MFA')).getByRole('button', { name: 'Show changes' }));

  // The first one: the focus goes to the next.
  fireEvent.click(within(item('CA001: Block legacy')).getByRole('button', { name: 'Mark as seen' }));
  expect(said()).toContain('Marked CA001: Block legacy as seen.');
  expect(document.activeElement).toBe(within(item('CA002: Require MFA')).getByRole('button', { name: 'Show changes' }));

  fireEvent.click(within(item('CA002: Require MFA')).getByRole('button', { name: 'Mark as seen' }));
  expect(screen.queryByRole('list', { name: 'Watched policies that changed' })).toBeNull();
  expect(said()).toContain('Marked CA002: Require MFA as seen. Nothing else you watch has changed.');
  expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Policies' }));
});

it('gives the focus back to Show changes when its dialog closes', async () => {
  renderBar();
  const show = within(item('CA002: Require MFA')).getByRole('button', { name: 'Show changes' });
  show.focus();
  fireEvent.click(show);
  const dialog = await screen.findByRole('dialog');
  await act(async () => {
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
  });
  expect(screen.queryByRole('dialog')).toBeNull();
  expect(document.activeElement).toBe(show);
});

it("isolates a policy's name in what is said and in the dialog's title", async () => {
  localStorage.setItem('gatehouse.watch.acct', JSON.stringify({ e: seen('e', 'CA009 \u202EEvil') }));
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <WatchedChanges policies={[changed('e', 'CA009 \u202EEvil')]} />
    </QueryClientProvider>,
  );
  const entry = screen.getByRole('list', { name: 'Watched policies that changed' }).querySelector('li')!;
  expect(entry.querySelector('bdi')?.textContent).toBe('CA009 \\u202EEvil');
  fireEvent.click(within(entry).getByRole('button', { name: 'Show changes' }));
  const dialog = await screen.findByRole('dialog');
  expect(dialog.querySelector('h2 bdi, [id] bdi')?.textContent).toBe('CA009 \\u202EEvil');
  await act(async () => {
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
  });
  fireEvent.click(within(entry).getByRole('button', { name: 'Mark as seen' }));
  expect(said()).toContain('Marked CA009 \\u202EEvil as seen. Nothing else you watch has changed.');
});

it('names a renamed watched policy by its name now, with the name it was watched under; a deleted one keeps its name', async () => {
  localStorage.setItem(
    'gatehouse.watch.acct',
    JSON.stringify({ a: seen('a', 'CA001: Require MFA for all users'), gone: seen('gone', 'CA003: Deleted one') }),
  );
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <WatchedChanges policies={[changed('a', 'CA001: Require MFA (pilot)')]} />
    </QueryClientProvider>,
  );
  const entries = within(screen.getByRole('list', { name: 'Watched policies that changed' })).getAllByRole('listitem');
  expect(entries.map((li) => li.firstChild?.textContent)).toEqual([
    'CA001: Require MFA (pilot) (was CA001: Require MFA for all users)',
    'CA003: Deleted one',
  ]);
  // Each name is isolated on its own.
  expect([...entries[0]!.querySelectorAll('bdi')].map((b) => b.textContent)).toEqual([
    'CA001: Require MFA (pilot)',
    'CA001: Require MFA for all users',
  ]);

  fireEvent.click(within(entries[0]!).getByRole('button', { name: 'Show changes' }));
  const dialog = await screen.findByRole('dialog');
  expect(within(dialog).getByRole('heading', { level: 2 }).textContent).toBe(
    'CA001: Require MFA (pilot) (was CA001: Require MFA for all users): since you last looked',
  );
  await act(async () => {
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
  });

  fireEvent.click(within(entries[0]!).getByRole('button', { name: 'Mark as seen' }));
  expect(said()).toContain('Marked CA001: Require MFA (pilot) as seen.');
  fireEvent.click(within(item('CA003: Deleted one')).getByRole('button', { name: 'Stop watching' }));
  expect(said()).toContain('Stopped watching CA003: Deleted one. Nothing else you watch has changed.');
});
