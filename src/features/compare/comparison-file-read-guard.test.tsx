// @vitest-environment jsdom
// A file read that ends after the admin moved on changes nothing: not after another side was chosen
// (a tenant, a policy, Swap, Back), nor after the admin left the page. A read that is still wanted
// keeps what was chosen meanwhile (the group shown).
import { QueryClient, QueryClientProvider, queryOptions } from '@tanstack/react-query';
import { act, cleanup, configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { createMemoryRouter, Link, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';

const HERE = { key: 'here', tenantId: 'tenant-1', tenantName: 'Contoso', username: 'ada@contoso.example', demo: true };
const THERE = { key: 'there', tenantId: 'tenant-2', tenantName: 'Fabrikam', username: 'bob@fabrikam.example', demo: true };

const A = { id: 'policy-a', displayName: 'CA001: Require MFA', state: 'enabled', conditions: {} };
const B = { id: 'policy-b', displayName: 'CA002: Block legacy', state: 'enabled', conditions: {} };
const POLICIES: Record<string, object[]> = { here: [A, B], there: [{ ...A, state: 'disabled' }, B] };

vi.mock('../../session/tenant-session', () => ({
  useTenantSession: () => ({ account: HERE, scopeKey: ['tenant', 'here'], client: {} }),
  useOtherTenantSession: (key: string | null) => (key === 'there' ? { account: THERE, scopeKey: ['tenant', 'there'], client: {} } : null),
}));

vi.mock('../../auth', () => ({
  useAuth: () => ({
    accounts: [HERE, THERE],
    active: HERE,
    session: { kind: 'demo', signIn: async () => {}, setActive: () => {}, getSnapshot: () => ({ active: null }) },
  }),
}));

vi.mock('../../policy-ui/queries', () => ({
  policiesQuery: (tenant: { account: { key: string } }) =>
    queryOptions({ queryKey: ['policies', tenant.account.key], queryFn: () => Promise.resolve(POLICIES[tenant.account.key] ?? []) }),
  policyQuery: (_tenant: unknown, id: string) =>
    queryOptions({ queryKey: ['policy', id], queryFn: () => Promise.resolve([A, B].find((p) => p.id === id) ?? { id }) }),
  deletedPoliciesQuery: () => queryOptions({ queryKey: ['deleted'], queryFn: () => Promise.resolve([]) }),
  useNames: () => ({ data: undefined }),
}));

vi.mock('../../policy-ui/policy-diff', () => ({
  PolicyDiff: ({ beforeLabel, afterLabel }: { beforeLabel: string; afterLabel: string }) => (
    <p>{`Diff of ${beforeLabel} and ${afterLabel}`}</p>
  ),
  useDiffView: () => useState('split'),
  useInlineDiff: () => false,
}));

// Fluent's first render and its dropdowns take seconds on a busy machine.
vi.setConfig({ testTimeout: 20_000 });
configure({ asyncUtilTimeout: 5_000 });

const { ComparePolicies } = await import('./compare-policies');
const { CompareTenants } = await import('./compare-tenants');

/** A file of the policy A, edited (or of the policies given), whose bytes arrive when the test says. */
function slowFile(name: string, policies: object[] = [{ ...A, state: 'enabledForReportingButNotEnforced' }]) {
  let arrive = () => {};
  const bytes = new Promise<ArrayBuffer>((resolve) => {
    const text = JSON.stringify(policies);
    arrive = () => resolve(new TextEncoder().encode(text).buffer as ArrayBuffer);
  });
  return { file: { name, arrayBuffer: () => bytes } as unknown as File, arrive };
}

/** The page at the url, with a link elsewhere in the app (the navigation's Policies). */
function renderAt(url: string, page: React.ReactNode) {
  const router = createMemoryRouter(
    [
      {
        path: '/compare/*',
        element: (
          <>
            <Link to="/policies">Policies</Link>
            {page}
          </>
        ),
      },
      { path: '/policies', element: <h1>Policies</h1> },
    ],
    { initialEntries: [url] },
  );
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  const where = () => {
    const { pathname: path, search } = router.state.location;
    return { path, search, params: new URLSearchParams(search) };
  };
  /** The browser's Back (the memory router keeps its own history). */
  where.back = () => router.navigate(-1);
  return where;
}

const choose = (label: string, file: File) => fireEvent.change(screen.getByLabelText(label), { target: { files: [file] } });
const reading = (name: string) => expect(screen.getAllByRole('status').some((s) => s.textContent === `Reading ${name}…`)).toBe(true);
const saidReading = () => screen.getAllByRole('status').some((s) => s.textContent?.startsWith('Reading'));

async function pick(combobox: string | RegExp, option: string | RegExp) {
  fireEvent.click(screen.getByRole('combobox', { name: combobox }));
  fireEvent.click(await screen.findByRole('option', { name: option }));
}

/** The file's bytes arrive, and its read runs to its end. */
async function arrives(file: { arrive(): void }) {
  await act(async () => {
    file.arrive();
    await new Promise((resolve) => setTimeout(resolve, 20));
  });
}

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

describe('Two tenants: a file read that ends after the admin moved on', () => {
  it('leaves the tenant chosen from the dropdown during the read as the other side', async () => {
    const where = renderAt('/compare/tenants', <CompareTenants />);
    const backup = slowFile('backup.json');
    choose('Backup file to compare with', backup.file);
    reading('backup.json');

    await pick(/^Compare Contoso with/, /Fabrikam/);
    expect(saidReading()).toBe(false);
    await arrives(backup);

    expect(where().params.get('with')).toBe('there');
    expect(screen.getByRole('combobox', { name: /^Compare Contoso with/ }).textContent).toBe('Fabrikam');
    expect(await screen.findByRole('tab', { name: 'Changed (1)' })).toBeTruthy();
    expect(
      screen.getByText((_, element) => element?.tagName === 'SPAN' && element.textContent === 'Here is Contoso; there is Fabrikam.'),
    ).toBeTruthy();
    expect(saidReading()).toBe(false);
  });

  it('leaves the side Back returned to', async () => {
    const where = renderAt('/compare/tenants', <CompareTenants />);
    await pick(/^Compare Contoso with/, /Fabrikam/);
    await waitFor(() => expect(where().params.get('with')).toBe('there'));
    const backup = slowFile('backup.json');
    choose('Backup file to compare with', backup.file);

    await act(async () => {
      await where.back();
    });
    expect(where().params.get('with')).toBeNull();
    await arrives(backup);

    expect(where().params.get('with')).toBeNull();
    expect(screen.getByText('Choose what to compare with')).toBeTruthy();
    expect(screen.queryByRole('tab', { name: /^Changed/ })).toBeNull();
  });

  it('after the admin left the page, leaves that page’s address as it was and keeps no file', async () => {
    const where = renderAt('/compare/tenants', <CompareTenants />);
    const backup = slowFile('backup.json');
    choose('Backup file to compare with', backup.file);
    reading('backup.json');

    fireEvent.click(screen.getByRole('link', { name: 'Policies' }));
    expect(await screen.findByRole('heading', { name: 'Policies' })).toBeTruthy();
    await arrives(backup);

    // Nor writes the comparison into the address of the page the admin went to.
    expect(where()).toMatchObject({ path: '/policies', search: '' });
    expect(screen.getByRole('heading', { name: 'Policies' })).toBeTruthy();
    expect(sessionStorage.getItem('gatehouse.compare.file')).toBeNull();
  });

  it('still wanted, compares with the file and keeps the group chosen during the read', async () => {
    const where = renderAt('/compare/tenants?with=there', <CompareTenants />);
    fireEvent.click(await screen.findByRole('tab', { name: /^All/ }));
    await waitFor(() => expect(where().params.get('status')).toBe('all'));
    const backup = slowFile('backup.json');
    choose('Backup file to compare with', backup.file);
    fireEvent.click(screen.getByRole('tab', { name: /^Identical/ }));
    await waitFor(() => expect(where().params.get('status')).toBe('identical'));
    await arrives(backup);

    expect(where().params.get('with')).toBe('file');
    expect(where().params.get('status')).toBe('identical');
    expect((await screen.findByRole('tab', { name: /^Identical/ })).getAttribute('aria-selected')).toBe('true');
  });
});

describe('Two policies: a file read that ends after the admin moved on', () => {
  it('leaves the policy B chosen from the dropdown during the read', async () => {
    const where = renderAt('/compare?a=policy-a', <ComparePolicies />);
    await screen.findByRole('combobox', { name: 'Policy A (left)' });
    const file = slowFile('export.json');
    choose('Policy file to compare with', file.file);
    reading('export.json');

    await pick('Policy B (right)', 'CA002: Block legacy');
    await arrives(file);

    expect(where().params.get('b')).toBe('policy-b');
    expect(await screen.findByText('Diff of CA001: Require MFA and CA002: Block legacy')).toBeTruthy();
    expect(saidReading()).toBe(false);
  });

  it('still wanted, makes B the policy in the file that is the A chosen during the read', async () => {
    const where = renderAt('/compare?a=policy-a', <ComparePolicies />);
    await screen.findByRole('combobox', { name: 'Policy A (left)' });
    const file = slowFile('export.json', [
      { ...A, state: 'disabled' },
      { ...B, state: 'disabled' },
    ]);
    choose('Policy file to compare with', file.file);

    await pick('Policy A (left)', 'CA002: Block legacy');
    await waitFor(() => expect(where().params.get('a')).toBe('policy-b'));
    await arrives(file);

    expect(where().params.get('b')).toBe('file:1');
    expect(await screen.findByText('Diff of CA002: Block legacy and CA002: Block legacy in export.json')).toBeTruthy();
  });

  it('leaves A and B as Swap made them during the read', async () => {
    const where = renderAt('/compare?a=policy-a&b=policy-b', <ComparePolicies />);
    await screen.findByText('Diff of CA001: Require MFA and CA002: Block legacy');
    const file = slowFile('export.json');
    choose('Policy file to compare with', file.file);

    fireEvent.click(screen.getByRole('button', { name: 'Swap A and B' }));
    await arrives(file);

    expect([where().params.get('a'), where().params.get('b')]).toEqual(['policy-b', 'policy-a']);
    expect(await screen.findByText('Diff of CA002: Block legacy and CA001: Require MFA')).toBeTruthy();
  });

  it('after the admin left the page, leaves that page’s address as it was and keeps no file', async () => {
    const where = renderAt('/compare?a=policy-a', <ComparePolicies />);
    const file = slowFile('export.json');
    choose('Policy file to compare with', file.file);

    fireEvent.click(screen.getByRole('link', { name: 'Policies' }));
    expect(await screen.findByRole('heading', { name: 'Policies' })).toBeTruthy();
    await arrives(file);

    expect(where()).toMatchObject({ path: '/policies', search: '' });
    expect(sessionStorage.getItem('gatehouse.compare.file')).toBeNull();
  });
});

describe('Two tenants: a file that cannot be read after one compared', () => {
  it('keeps the comparison with the file before, and says so', async () => {
    const where = renderAt('/compare/tenants', <CompareTenants />);
    const backup = slowFile('backup.json');
    choose('Backup file to compare with', backup.file);
    await arrives(backup);
    expect(await screen.findByRole('tab', { name: 'Changed (1)' })).toBeTruthy();

    const bad = { name: 'bad.json', arrayBuffer: () => Promise.resolve(new TextEncoder().encode('not json').buffer as ArrayBuffer) };
    choose('Backup file to compare with', bad as unknown as File);
    expect(
      await screen.findByText(
        'bad.json could not be read: it is not valid JSON: an unexpected character at line 1, column 1. Still comparing with backup.json.',
      ),
    ).toBeTruthy();
    expect(where().params.get('with')).toBe('file');
    expect(screen.getByRole('tab', { name: 'Changed (1)' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: /^Compare Contoso with/ }).textContent).toBe('backup.json (file)');
  });
});
