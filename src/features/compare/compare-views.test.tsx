// @vitest-environment jsdom
// Two policies and Two tenants as an admin meets them when a read fails: the failure says which side
// or which tenant, Try again asks Graph again, no skeleton waits under it for ever, the other tenant's
// refused sign-in is mended by signing in that account, and a shared link's unknown group falls back.
import { QueryClient, QueryClientProvider, queryOptions } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { MemoryRouter, useLocation, useNavigationType } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GraphRequestError } from '../../graph/errors';
import { SignInAgainContext } from '../../shared/ui/error-state';

const HERE = { key: 'here', tenantId: 'tenant-1', tenantName: 'Contoso', username: 'ada@contoso.example', demo: true };
const THERE = { key: 'there', tenantId: 'tenant-2', tenantName: 'Fabrikam', username: 'bob@fabrikam.example', demo: true };

// What Graph answers, set by each test: by account for the lists, by id for one policy.
const answers = vi.hoisted(() => ({
  policies: {} as Record<string, () => Promise<object[]>>,
  policy: (_id: string): Promise<object> => Promise.reject(new Error('unset')),
  reads: [] as string[],
}));
const session = vi.hoisted(() => ({
  kind: 'demo',
  signIn: vi.fn(async () => {}),
  setActive: vi.fn(),
  getSnapshot: () => ({ active: null }),
}));

vi.mock('../../session/tenant-session', () => ({
  useTenantSession: () => ({ account: HERE, scopeKey: ['tenant', 'here'], client: {} }),
  useOtherTenantSession: (key: string | null) => (key === 'there' ? { account: THERE, scopeKey: ['tenant', 'there'], client: {} } : null),
}));

vi.mock('../../auth', () => ({ useAuth: () => ({ accounts: [HERE, THERE], active: HERE, session }) }));

vi.mock('../../policy-ui/queries', () => ({
  policiesQuery: (tenant: { account: { key: string } }) =>
    queryOptions({
      queryKey: ['policies', tenant.account.key],
      queryFn: () => {
        answers.reads.push(`policies of ${tenant.account.key}`);
        return (answers.policies[tenant.account.key] ?? (() => Promise.resolve([])))();
      },
    }),
  policyQuery: (_tenant: unknown, id: string) =>
    queryOptions({
      queryKey: ['policy', id],
      queryFn: () => {
        answers.reads.push(`policy ${id}`);
        return answers.policy(id);
      },
    }),
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

const { ComparePolicies } = await import('./compare-policies');
const { CompareTenants } = await import('./compare-tenants');

const refused = (status: number) =>
  new GraphRequestError(status, status === 404 ? 'NotFound' : 'Refused', `Graph answered ${status}.`, {
    method: 'GET',
    path: '/v1.0/identity/conditionalAccess/policies',
  });

const A = { id: 'policy-a', displayName: 'CA001: Require MFA', state: 'enabled' };
const B = { id: 'policy-b', displayName: 'CA002: Block legacy', state: 'enabled' };

function renderAt(url: string, page: React.ReactNode, signInHere = vi.fn()) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <SignInAgainContext value={signInHere}>
        <MemoryRouter initialEntries={[url]}>{page}</MemoryRouter>
      </SignInAgainContext>
    </QueryClientProvider>,
  );
  return signInHere;
}

/** Where the page left the address, and how it got there (PUSH: a step Back undoes; REPLACE: none). */
function AddressProbe() {
  return <output aria-label="Address">{`${useNavigationType()} ${useLocation().search}`}</output>;
}
const address = () => {
  const [how = '', search = ''] = (screen.getByRole('status', { name: 'Address' }).textContent ?? '').split(' ');
  return { how, search };
};

afterEach(() => {
  cleanup();
  answers.policies = {};
  answers.policy = () => Promise.reject(new Error('unset'));
  answers.reads = [];
  session.signIn.mockClear();
  session.setActive.mockClear();
  session.kind = 'demo';
  window.history.replaceState(null, '', '/');
});

describe('Two policies, when a policy of a shared link cannot be read', () => {
  it('names the side that failed, shows no skeleton under it, and Try again asks again', async () => {
    answers.policies.here = () => Promise.resolve([B]);
    answers.policy = (id) => (id === 'policy-b' ? Promise.resolve(B) : Promise.reject(refused(404)));
    renderAt('/compare?a=deleted-id&b=policy-b', <ComparePolicies />);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Policy A could not be read');
    expect(alert.textContent).not.toContain('Policy B');
    expect(screen.queryByLabelText('Loading the policies')).toBeNull();

    answers.policy = (id) => Promise.resolve(id === 'policy-b' ? B : { ...A, id });
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Diff of CA001: Require MFA and CA002: Block legacy')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('Two tenants, when a read fails', () => {
  it('names the other tenant, and its Sign in again signs in that account, not this one; this tenant stays in use', async () => {
    answers.policies.here = () => Promise.resolve([A]);
    answers.policies.there = () => Promise.reject(refused(401));
    const signInHere = renderAt('/compare/tenants?with=there', <CompareTenants />);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Fabrikam (bob@fabrikam.example)');
    expect(screen.queryByLabelText('Loading the policies')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Sign in again' }));
    expect(signInHere).not.toHaveBeenCalled();
    expect(session.signIn).toHaveBeenCalledWith('there');
    await waitFor(() => expect(session.setActive).toHaveBeenCalledWith('here'));
  });

  it('signing in that account leaves the page with the address saying which account to come back to, and coming back makes it the one in use', async () => {
    answers.policies.here = () => Promise.resolve([A]);
    answers.policies.there = () => Promise.reject(refused(401));
    session.kind = 'msal';
    let leftFrom = '';
    session.signIn.mockImplementationOnce(async () => {
      leftFrom = window.location.search;
    });
    renderAt('/compare/tenants?with=there', <CompareTenants />);
    fireEvent.click(await screen.findByRole('button', { name: 'Sign in again' }));
    expect(session.signIn).toHaveBeenCalledTimes(1);
    expect(new URLSearchParams(leftFrom).get('back')).toBe('here');
    cleanup();

    // Back from the sign-in, the account signed in is the one in use (here played by Fabrikam's).
    renderAt('/compare/tenants?with=here&back=there', <CompareTenants />);
    await waitFor(() => expect(session.setActive).toHaveBeenCalledWith('there'));
  });

  it('says a refusal (403) concerns the other account, and Try again reads that tenant again', async () => {
    answers.policies.here = () => Promise.resolve([A]);
    answers.policies.there = () => Promise.reject(refused(403));
    renderAt('/compare/tenants?with=there', <CompareTenants />);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('bob@fabrikam.example');
    answers.policies.there = () => Promise.resolve([{ ...A, state: 'disabled' }]);
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('tab', { name: 'Changed (1)' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it("opens a shared link's unknown group as Changed", async () => {
    answers.policies.here = () => Promise.resolve([A, B]);
    answers.policies.there = () => Promise.resolve([{ ...A, state: 'disabled' }, B]);
    renderAt('/compare/tenants?with=there&status=bogus', <CompareTenants />);

    const changed = await screen.findByRole('tab', { name: 'Changed (1)' });
    expect(changed.getAttribute('aria-selected')).toBe('true');
  });
});

describe('a name holding a direction control (U+202E)', () => {
  const EVIL = { id: 'policy-evil', displayName: 'Block \u202Eevil', state: 'enabled' };
  // As shown: the override as an escape, in the order stored.
  const isolated = 'Block \\u202Eevil';

  it('is isolated in the opened policy’s heading and in what its diff compares (Two tenants)', async () => {
    answers.policies.here = () => Promise.resolve([EVIL]);
    answers.policies.there = () => Promise.resolve([{ ...EVIL, state: 'disabled' }]);
    // The opened policy is brought into view, smoothly unless the admin asked for less motion.
    vi.stubGlobal('matchMedia', (query: string) => ({ matches: false, media: query }));
    Element.prototype.scrollIntoView = () => {};
    renderAt('/compare/tenants?with=there', <CompareTenants />);

    fireEvent.click(await screen.findByRole('link', { name: /evil/ }));
    const heading = await screen.findByRole('heading', { level: 2, name: /evil/ });
    expect(heading.querySelector('bdi')?.textContent).toBe(isolated);
    expect(screen.getByText(`Diff of ${isolated} in Contoso and ${isolated} in Fabrikam`)).toBeTruthy();
  });

  it('is isolated in the name of the opened policy’s region, a Hebrew name with its right-to-left mark (Two tenants)', async () => {
    // A right-to-left name left bare would take ", here and there" into its own direction.
    const HEBREW = { id: 'policy-he', displayName: 'חסימת גישה מחוץ לארץ\u200F', state: 'enabled' };
    answers.policies.here = () => Promise.resolve([HEBREW]);
    answers.policies.there = () => Promise.resolve([{ ...HEBREW, state: 'disabled' }]);
    vi.stubGlobal('matchMedia', (query: string) => ({ matches: false, media: query }));
    Element.prototype.scrollIntoView = () => {};
    renderAt('/compare/tenants?with=there', <CompareTenants />);

    fireEvent.click(await screen.findByRole('link', { name: HEBREW.displayName }));
    const region = await screen.findByRole('region', { name: /here and there$/ });
    expect(region.getAttribute('aria-label')).toBe(`\u2068${HEBREW.displayName}\u2069, here and there`);
    expect(screen.getByRole('region', { name: `\u2068${HEBREW.displayName}\u2069, here and there` })).toBe(region);
  });

  it('is isolated in what the diff compares (Two policies)', async () => {
    answers.policies.here = () => Promise.resolve([EVIL, B]);
    answers.policy = (id) => Promise.resolve(id === 'policy-b' ? B : EVIL);
    renderAt('/compare?a=policy-evil&b=policy-b', <ComparePolicies />);

    expect(await screen.findByText(`Diff of ${isolated} and CA002: Block legacy`)).toBeTruthy();
  });
});

describe('Two tenants, review mends', () => {
  it('with no other tenant chosen, a failure of this tenant is said once, not again as the other tenant’s', async () => {
    answers.policies.here = () => Promise.reject(refused(503));
    renderAt('/compare/tenants', <CompareTenants />);
    expect(await screen.findByRole('alert')).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    expect(screen.queryByText(/the other tenant could not be read/)).toBeNull();
  });

  it('back in the account it left from, the address forgets ?back= without a step that Back would land on', async () => {
    answers.policies.here = () => Promise.resolve([A]);
    answers.policies.there = () => Promise.resolve([A]);
    renderAt(
      '/compare/tenants?with=there&back=here',
      <>
        <CompareTenants />
        <AddressProbe />
      </>,
    );
    await waitFor(() => expect(new URLSearchParams(address().search).get('back')).toBeNull());
    expect(address().how).toBe('REPLACE');
    expect(session.setActive).not.toHaveBeenCalledWith('here');
  });
});
