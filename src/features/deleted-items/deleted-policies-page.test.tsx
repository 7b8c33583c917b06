// @vitest-environment jsdom
// The deleted policies page as the admin meets it, Graph's answers given by the test: the selection
// counts only what is in the list; a restore whose names could not be looked up says so; a permanent
// delete is said and leaves the focus in place; a bulk run's end is said, and a wait Graph puts it in is shown on the
// policy under way; the audit log can be read again.
import { QueryClient, QueryClientProvider, queryOptions, useQuery } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeletedNamedLocation, DeletedPolicy } from '../../graph/deleted-items';
import type { NameDirectory } from '../../domain/references';
import { runBulk, type BulkRun } from '../../operations/bulk-run';
import { retryReason } from '../../graph/retry-wait';
import { reportRetryWait } from '../../session/retry-waits';
import { DeletedPoliciesPage } from './deleted-policies-page';
import { focusedName } from './test-support';

const tenant = vi.hoisted(() => ({
  deleted: [] as DeletedPolicy[],
  locations: [] as DeletedNamedLocation[],
  policies: [] as unknown[] | Error | Promise<unknown[]>,
  names: null as NameDirectory | Error | null,
  audit: null as unknown[] | Error | null,
  purge: null as ((id: string) => Promise<void>) | null,
  client: null as unknown,
}));

vi.mock('../../session/tenant-session', () => ({ useTenantSession: () => ({}) }));
vi.mock('../../session/write-access', () => ({
  useWriteAccess: () => ({ allowed: true, reason: null }),
  WriteAccessTooltip: ({ children }: { children: ReactElement }) => children,
}));
vi.mock('./recreate-section', () => ({ RecreateSection: () => null }));
vi.mock('../../policy-ui/queries', () => {
  const answer = (key: string, read: () => unknown) =>
    queryOptions({
      queryKey: [key],
      queryFn: async () => {
        const value = await read();
        if (value instanceof Error) throw value;
        return value as never;
      },
      retry: false,
    });
  return {
    deletedPoliciesQuery: () => answer('deleted', () => [...tenant.deleted]),
    deletedLocationsQuery: () => answer('locations', () => [...tenant.locations]),
    policiesQuery: () => answer('policies', () => tenant.policies),
    recentAuditQuery: () => answer('audit', () => tenant.audit ?? []),
    tenantLocalHistoryQuery: () => answer('local', () => []),
    useNames: (_: unknown, policies: unknown) =>
      useQuery({ ...answer('names', () => tenant.names ?? { names: new Map(), failures: [] }), enabled: !!policies }),
  };
});
/** The key the fake bulk run reports its waits under, as the real one reports its client's. */
const BULK_WAITS = vi.hoisted(() => 'bulk run');
vi.mock('../../policy-ui/writes', async () => {
  const { useRetryWait } = await import('../../session/retry-waits');
  const noWrite = () => ({ mutateAsync: vi.fn() });
  return {
    useBulkRetryWait: () => useRetryWait(BULK_WAITS),
    useBulkJournal: () => ({ load: () => null, save: () => {}, clear: () => {} }),
    useBulkLocationStep: noWrite,
    useBulkRun: () => ({
      mutateAsync: ({ run, onChange, signal }: { run: BulkRun; onChange(run: BulkRun): void; signal: AbortSignal }) =>
        runBulk(run, (item) => tenant.purge!(item.id), { onChange, signal }),
    }),
    usePurgePolicy: () => ({ mutateAsync: (id: string) => tenant.purge!(id) }),
    useRestorePolicy: noWrite,
    useSetPolicyState: noWrite,
    useRunFinishingElsewhere: () => false,
    useRestoreNamedLocation: noWrite,
    usePurgeNamedLocation: noWrite,
  };
});

const policy = (id: string, day: number): DeletedPolicy => ({
  id,
  displayName: `${id}: Policy ${id}`,
  state: 'disabled',
  deletedDateTime: `2026-01-0${day}T10:00:00Z`,
});

let client: QueryClient;

/** Graph removes the policy; the list is read again, as the write's invalidation does. */
const purgeInTenant = async (id: string) => {
  tenant.deleted = tenant.deleted.filter((p) => p.id !== id);
  await client.invalidateQueries();
};

async function draw() {
  client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter([{ path: '/deleted', element: <DeletedPoliciesPage /> }], { initialEntries: ['/deleted'] });
  render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  await screen.findByRole('table', { name: 'Deleted policies' });
}

const rowOf = (id: string) =>
  within(screen.getByRole('table', { name: 'Deleted policies' }))
    .getAllByRole('row')
    .find((r) => r.textContent?.includes(`${id}:`))!;

async function purgeOne(id: string) {
  fireEvent.click(within(rowOf(id)).getByRole('button', { name: 'Delete permanently…' }));
  const dialog = screen.getByRole('dialog');
  fireEvent.change(within(dialog).getByRole('textbox'), { target: { value: `${id}: Policy ${id}` } });
  await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Delete permanently' })));
}

beforeEach(() => {
  tenant.deleted = [policy('CA091', 3), policy('CA092', 2), policy('CA093', 1)];
  tenant.locations = [];
  tenant.policies = [];
  tenant.names = null;
  tenant.audit = null;
  tenant.purge = purgeInTenant;
});
afterEach(cleanup);

/**
 * CA091 and CA092 chosen and deleted permanently as a bulk run whose purges wait until released: `release` lets the
 * held ones go, `holdAgain` holds the next ones.
 */
async function purgeTwoHeld() {
  let release!: () => void;
  let held = new Promise<void>((resolve) => (release = resolve));
  tenant.purge = async (id) => {
    await held;
    await purgeInTenant(id);
  };
  await draw();
  fireEvent.click(within(rowOf('CA091')).getByRole('checkbox', { name: 'Select CA091: Policy CA091' }));
  fireEvent.click(within(rowOf('CA092')).getByRole('checkbox', { name: 'Select CA092: Policy CA092' }));
  fireEvent.click(screen.getByRole('button', { name: 'Delete selected permanently (2)…' }));
  const dialog = screen.getByRole('dialog');
  fireEvent.change(within(dialog).getByRole('textbox'), { target: { value: 'delete 2 policies' } });
  fireEvent.click(within(dialog).getByRole('button', { name: 'Delete permanently' }));
  return {
    release: () => release(),
    holdAgain: () => {
      held = new Promise<void>((resolve) => (release = resolve));
    },
  };
}

describe('DeletedPoliciesPage', { timeout: 40_000 }, () => {
  it('counts only the selected policies still in the list: one purged from its own row leaves the selection', async () => {
    await draw();
    fireEvent.click(within(rowOf('CA091')).getByRole('checkbox', { name: 'Select CA091: Policy CA091' }));
    fireEvent.click(within(rowOf('CA092')).getByRole('checkbox', { name: 'Select CA092: Policy CA092' }));
    expect(screen.getByRole('button', { name: 'Delete selected permanently (2)…' })).toBeTruthy();
    await purgeOne('CA091');
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(3));
    fireEvent.click(screen.getByRole('button', { name: 'Delete selected permanently (1)…' }));
    expect(screen.getByRole('dialog', { name: 'Delete 1 policy permanently?' })).toBeTruthy();
  });

  it('counts only the selected policies still in the list: one restored elsewhere is gone once the list is read again', async () => {
    await draw();
    fireEvent.click(within(rowOf('CA092')).getByRole('checkbox', { name: 'Select CA092: Policy CA092' }));
    tenant.deleted = tenant.deleted.filter((p) => p.id !== 'CA092');
    await act(async () => client.invalidateQueries());
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(3));
    expect(screen.getByRole('button', { name: 'Restore selected (0)…' }).getAttribute('aria-disabled')).toBe('true');
  });

  it('a restore whose names could not be looked up says so, and Try again reads them again', async () => {
    const refused = Object.assign(new Error('Forbidden'), { status: 403 });
    tenant.names = { names: new Map(), failures: [{ what: 'groups', error: refused }] };
    await draw();
    fireEvent.click(within(rowOf('CA092')).getByRole('button', { name: 'Restore…' }));
    // jsdom: Fluent's modal marks its own surface aria-hidden once the focus settles (no real focus here),
    // so what is in the dialog is found with hidden: true.
    const inDialog = within(screen.getByRole('dialog'));
    const warning = await inDialog.findByRole('group', { name: 'What it refers to could not be checked', hidden: true });
    expect(warning.textContent).toContain('Some lookups failed: groups (permission needed).');
    expect(inDialog.getByRole('button', { name: 'Restore without the check', hidden: true })).toBeTruthy();
    tenant.names = { names: new Map(), failures: [] };
    const retry = within(warning).getByRole('button', { name: 'Try again', hidden: true });
    retry.focus();
    fireEvent.click(retry);
    await waitFor(() => expect(inDialog.queryByRole('group', { name: 'What it refers to could not be checked', hidden: true })).toBeNull());
    // Checked: the focus is on the dialog's Restore, not dropped behind it, and the outcome is said.
    expect(document.activeElement).toBe(inDialog.getByRole('button', { name: 'Restore', hidden: true }));
    expect(inDialog.getAllByRole('status', { hidden: true }).map((s) => s.textContent)).toContain(
      'Checked: nothing it refers to is missing.',
    );
  });

  it('a name lookup that failed altogether is said too, with its reason', async () => {
    tenant.names = new Error('The service is unavailable.');
    await draw();
    fireEvent.click(within(rowOf('CA092')).getByRole('button', { name: 'Restore…' }));
    const warning = await within(screen.getByRole('dialog')).findByRole('group', {
      name: 'What it refers to could not be checked',
      hidden: true,
    });
    expect(warning.textContent).toContain('The service is unavailable.');
  });

  it('a deleted policy opened while its names could not be looked up says what it refers to could not be checked, and why', async () => {
    tenant.names = new Error('The service is unavailable.');
    await draw();
    fireEvent.click(within(rowOf('CA092')).getByRole('button', { name: 'CA092: Policy CA092' }));
    const details = screen.getByRole('region', { name: 'Deleted policy CA092: Policy CA092' });
    const warning = await within(details).findByRole('group', { name: 'What it refers to could not be checked' });
    expect(warning.textContent).toContain('The service is unavailable.');
  });

  it('a policy deleted for good is said, and the focus goes to the next row, or to the heading after the last', async () => {
    await draw();
    await purgeOne('CA091');
    expect(screen.getByText(/was deleted permanently\./).textContent).toBe('“CA091: Policy CA091” was deleted permanently.');
    expect(document.activeElement).toBe(within(rowOf('CA092')).getByRole('button', { name: 'Delete permanently…' }));
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(3));
    await purgeOne('CA093');
    expect(screen.getByText(/was deleted permanently\./).textContent).toBe('“CA093: Policy CA093” was deleted permanently.');
    expect(document.activeElement).toBe(within(rowOf('CA092')).getByRole('button', { name: 'Delete permanently…' }));
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(2));
    await purgeOne('CA092');
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'Deleted policies' }));
  });

  it('with deleted named locations below, the last policy deleted for good leaves the focus on the heading, not on a location', async () => {
    tenant.deleted = [policy('CA091', 3), policy('CA092', 2)];
    tenant.locations = [
      {
        id: 'loc-vpn',
        displayName: 'Old VPN egress',
        ipRanges: [{ cidrAddress: '203.0.113.0/24' }],
        deletedDateTime: '2026-01-01T10:00:00Z',
      } as DeletedNamedLocation,
    ];
    await draw();
    await screen.findByRole('table', { name: 'Deleted named locations' });
    // The row after the last policy's is the location's: the focus stays among the policies.
    await purgeOne('CA092');
    expect(document.activeElement).toBe(within(rowOf('CA091')).getByRole('button', { name: 'Delete permanently…' }));
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Deleted policies' })).getAllByRole('row')).toHaveLength(2));
    await purgeOne('CA091');
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'Deleted policies' }));
  });

  const vpn = {
    id: 'loc-vpn',
    displayName: 'Old VPN egress',
    ipRanges: [{ cidrAddress: '203.0.113.0/24' }],
    deletedDateTime: '2026-01-01T10:00:00Z',
  } as DeletedNamedLocation;
  const usingVpn = {
    id: 'CA090',
    displayName: 'CA090: Block the old VPN',
    state: 'enabled',
    conditions: { locations: { includeLocations: ['loc-vpn'] } },
  };
  const openLocationRestore = async () => {
    const section = await screen.findByRole('table', { name: 'Deleted named locations' });
    fireEvent.click(within(section).getByRole('button', { name: 'Restore' }));
    return screen.getByRole('dialog', { name: 'Restore “Old VPN egress”?' });
  };

  it('while the tenant’s policies are read, a location’s restore says so, never that no policy uses it', async () => {
    let answer!: (policies: unknown[]) => void;
    tenant.policies = new Promise((resolve) => (answer = resolve));
    tenant.locations = [vpn];
    await draw();
    const dialog = await openLocationRestore();
    expect(dialog.textContent).toContain('Which policies in the tenant use it is still being read. It can be restored all the same.');
    expect(dialog.textContent).not.toContain('No policy in the tenant uses it');
    expect(within(dialog).getByRole('button', { name: 'Restore', hidden: true }).hasAttribute('disabled')).toBe(false);
    await act(async () => answer([usingVpn]));
    await waitFor(() => expect(dialog.textContent).toContain('CA090: Block the old VPN (in the tenant, On)'));
    expect(dialog.textContent).not.toContain('still being read');
  });

  it('when the tenant’s policies could not be read, a location’s restore says who uses it is not known, why, and reads them again', async () => {
    tenant.policies = new Error('The service is unavailable.');
    tenant.locations = [vpn];
    await draw();
    const dialog = await openLocationRestore();
    await waitFor(() => expect(dialog.textContent).toContain('Which policies in the tenant use it is not known'));
    expect(dialog.textContent).toContain('The service is unavailable.');
    expect(dialog.textContent).not.toContain('No policy in the tenant uses it');
    tenant.policies = [usingVpn];
    const retry = within(dialog).getByRole('button', { name: 'Try again', hidden: true });
    retry.focus();
    fireEvent.click(retry);
    await waitFor(() => expect(dialog.textContent).toContain('CA090: Block the old VPN (in the tenant, On)'));
    expect(dialog.textContent).not.toContain('is not known');
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Restore', hidden: true }));
  });

  it('a bulk run keeps its buttons focusable while it goes, and its end is said', async () => {
    const purge = await purgeTwoHeld();
    // While it goes: the button the confirmation gives the focus back to can hold it.
    const opener = screen.getByRole('button', { name: /^Delete selected permanently/ });
    expect(opener.hasAttribute('disabled')).toBe(false);
    expect(opener.getAttribute('aria-disabled')).toBe('true');
    expect(screen.getAllByRole('status').some((s) => /Run (finished|stopped)/.test(s.textContent ?? ''))).toBe(false);
    await act(async () => purge.release());
    await waitFor(() =>
      expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain('Run finished: all 2 policies deleted permanently.'),
    );
    expect(screen.getByRole('button', { name: 'Delete selected permanently (0)…' }).hasAttribute('disabled')).toBe(false);
  });

  it('a bulk run keeps the keyboard focus on its bar: Stop, Resume once the policy under way is done, Stop again, Dismiss, then the heading', async () => {
    const purge = await purgeTwoHeld();
    const stop = await screen.findByRole('button', { name: 'Stop after this one' });
    stop.focus();
    fireEvent.click(stop);
    expect(focusedName()).toBe('Stopping…');
    await act(async () => purge.release());
    await waitFor(() => expect(focusedName()).toBe('Resume (1 left)'));
    purge.holdAgain();
    fireEvent.click(screen.getByRole('button', { name: 'Resume (1 left)' }));
    expect(focusedName()).toBe('Stop after this one');
    await act(async () => purge.release());
    await waitFor(() => expect(focusedName()).toBe('Dismiss'));
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain('Run finished: all 2 policies deleted permanently.');
    // Dismissed, the bar goes: the focus goes to the page's heading.
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(focusedName()).toBe('Deleted policies');
  });

  it('a bulk run started from the keyboard takes the focus to its Stop, not to the disabled button that opened the confirmation', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    tenant.purge = async (id) => {
      await held;
      await purgeInTenant(id);
    };
    await draw();
    fireEvent.click(within(rowOf('CA091')).getByRole('checkbox', { name: 'Select CA091: Policy CA091' }));
    const opener = screen.getByRole('button', { name: 'Delete selected permanently (1)…' });
    opener.focus();
    fireEvent.click(opener);
    const dialog = screen.getByRole('dialog');
    fireEvent.change(within(dialog).getByRole('textbox'), { target: { value: 'delete 1 policy' } });
    const confirm = within(dialog).getByRole('button', { name: 'Delete permanently' });
    confirm.focus();
    await act(async () => fireEvent.click(confirm));
    await screen.findByRole('button', { name: 'Stop after this one' });
    // The dialog's focus restorer answers a moment after it closes.
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(focusedName()).toBe('Stop after this one');
    // The same button is the run's outcome's: the focus stays on it as the run ends.
    await act(async () => release());
    await waitFor(() => expect(focusedName()).toBe('Dismiss'));
  });

  it('a bulk run that Graph asks to wait shows the wait on the policy under way, counted down and said once, then goes on', async () => {
    const purge = await purgeTwoHeld();
    const slowDown = { method: 'DELETE', path: '/beta/identity/conditionalAccess/deletedItems/policies/CA091', status: 429 };
    act(() => reportRetryWait(BULK_WAITS, { ...slowDown, seconds: 30, reason: retryReason(429) }));
    const progress = () => within(screen.getByRole('list', { name: 'Progress of each policy' })).getAllByRole('listitem');
    const underWay = progress().find((item) => item.textContent?.startsWith('CA091:'))!;
    expect(within(underWay).getByText('Waiting 30 s: Microsoft Graph asked to slow down (too many requests)')).toBeTruthy();
    expect(progress().find((item) => item.textContent?.startsWith('CA092:'))!.textContent).toBe('CA092: Policy CA092: Waiting');
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain(
      'Waiting 30 s before ‘CA091: Policy CA091’ is sent again: Microsoft Graph asked to slow down (too many requests).',
    );
    // Counted down on screen (29 s, or less on a busy machine); said once only.
    expect(await within(underWay).findByText(/^Waiting 2\d s: /, {}, { timeout: 3000 })).toBeTruthy();
    expect(screen.getAllByRole('status').filter((s) => s.textContent?.startsWith('Waiting'))).toHaveLength(1);
    act(() => reportRetryWait(BULK_WAITS, null));
    expect(underWay.textContent).toBe('CA091: Policy CA091: Deleting…');
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain('Wait over: writing ‘CA091: Policy CA091’ again.');
    await act(async () => purge.release());
    await waitFor(() =>
      expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain('Run finished: all 2 policies deleted permanently.'),
    );
  });

  it('isolates a name holding a direction control in its selection checkbox', async () => {
    tenant.deleted = [{ ...policy('CA094', 1), displayName: 'CA094: \u202Eevil' }];
    await draw();
    expect(screen.getByRole('checkbox', { name: 'Select CA094: \\u202Eevil' })).toBeTruthy();
  });

  it('an audit log that could not be read offers Try again; read, the bar goes, the focus to the heading, and that is said', async () => {
    tenant.audit = new Error('The service is unavailable.');
    await draw();
    const bar = await screen.findByText(/which could not be read/);
    const retry = within(bar.closest('.fui-MessageBar') as HTMLElement).getByRole('button', { name: 'Try again' });
    retry.focus();
    tenant.audit = [];
    fireEvent.click(retry);
    await waitFor(() => expect(screen.queryByText(/which could not be read/)).toBeNull());
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'Deleted policies' }));
    await waitFor(() =>
      expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain(
        'The audit log was read: who deleted each policy is shown.',
      ),
    );
  });
});
