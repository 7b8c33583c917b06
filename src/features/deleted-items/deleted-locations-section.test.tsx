// @vitest-environment jsdom
// A deleted named location is restored only after a confirmation that names the tenant's policies that
// use it (and, for a trusted one, those that use All trusted locations), with their state: they take it
// into account again at once. While it is restored its button keeps the focus and Restoring… is said;
// once done, or once deleted for good, the outcome is said and the focus is on the next row's button or
// on the section's heading, never dropped to the page's start.
import { AnnounceProvider } from '@fluentui/react-components';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeletedNamedLocation } from '../../graph/deleted-items';
import { DeletedLocationsSection, type LocationUser, type TenantPolicies } from './deleted-locations-section';

const writes = vi.hoisted(() => ({ restore: vi.fn(), purge: vi.fn() }));
vi.mock('../../policy-ui/writes', () => ({
  useRestoreNamedLocation: () => ({ mutateAsync: writes.restore }),
  usePurgeNamedLocation: () => ({ mutateAsync: writes.purge }),
}));
vi.mock('../../session/write-access', () => ({
  useWriteAccess: () => ({ allowed: true, reason: null }),
  WriteAccessTooltip: ({ children }: { children: ReactElement }) => children,
}));

const vpn: DeletedNamedLocation = {
  id: 'loc-vpn',
  displayName: 'Old VPN egress',
  ipRanges: [{ cidrAddress: '203.0.113.0/24' }],
  isTrusted: true,
  deletedDateTime: '2026-01-01T10:00:00Z',
} as DeletedNamedLocation;
const lab: DeletedNamedLocation = {
  id: 'loc-lab',
  displayName: 'Lab network',
  countriesAndRegions: ['SE'],
  deletedDateTime: '2026-01-02T10:00:00Z',
} as DeletedNamedLocation;

const users = (id: string): LocationUser[] =>
  id === vpn.id
    ? [
        { name: 'CA090: Block sign-ins from the old VPN', state: 'enabled', inTenant: true },
        { name: 'CA095: Old pilot', state: 'disabled', inTenant: false },
      ]
    : [];
const trusted: LocationUser[] = [
  { name: 'CA010: Skip MFA on trusted networks', state: 'enabledForReportingButNotEnforced', inTenant: true },
];

function draw(locations = [vpn, lab], tenantPolicies?: TenantPolicies) {
  return render(
    <DeletedLocationsSection
      locations={locations}
      now={new Date('2026-01-05T10:00:00Z')}
      usedBy={users}
      trustedUsers={trusted}
      tenantPolicies={tenantPolicies}
      deletions={undefined}
    />,
  );
}

const rowOf = (name: string) => screen.getAllByRole('row').find((r) => r.textContent?.includes(name))!;

beforeEach(() => {
  writes.restore.mockReset();
  writes.purge.mockReset();
});
afterEach(cleanup);

describe('DeletedLocationsSection', () => {
  it('asks before restoring, naming the policies in the tenant that use it and their state', () => {
    draw();
    fireEvent.click(within(rowOf('Old VPN egress')).getByRole('button', { name: 'Restore' }));
    expect(writes.restore).not.toHaveBeenCalled();
    const dialog = screen.getByRole('dialog', { name: 'Restore “Old VPN egress”?' });
    expect(dialog.textContent).toContain('enforce on it again at once');
    const list = within(dialog).getByRole('list', { name: 'Policies in the tenant that use it' });
    expect(list.textContent).toContain('CA090: Block sign-ins from the old VPN (in the tenant, On)');
    expect(list.textContent).toContain('CA010: Skip MFA on trusted networks (in the tenant, Report-only), through All trusted locations');
    expect(dialog.textContent).toContain('Deleted policies that use it: CA095: Old pilot.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(writes.restore).not.toHaveBeenCalled();
  });

  it('keeps the focus on the busy button, says Restoring…, then says it was restored and moves the focus to the next row', async () => {
    let answer!: () => void;
    writes.restore.mockReturnValue(new Promise<void>((resolve) => (answer = resolve)));
    draw();
    fireEvent.click(within(rowOf('Old VPN egress')).getByRole('button', { name: 'Restore' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Restore' }));
    expect(writes.restore).toHaveBeenCalledWith('loc-vpn');
    const busy = within(rowOf('Old VPN egress')).getByRole('button', { name: 'Restoring…' });
    expect(busy.getAttribute('aria-disabled')).toBe('true');
    expect(busy.hasAttribute('disabled')).toBe(false);
    expect(screen.getAllByRole('status').some((s) => s.textContent === 'Restoring…')).toBe(true);
    await act(async () => answer());
    expect(screen.getByText(/was restored\./).textContent).toBe('“Old VPN egress” was restored.');
    expect(document.activeElement).toBe(within(rowOf('Lab network')).getByRole('button', { name: 'Restore' }));
  });

  it('the only one restored: the focus is on the section heading', async () => {
    writes.restore.mockResolvedValue(undefined);
    draw([lab]);
    fireEvent.click(within(rowOf('Lab network')).getByRole('button', { name: 'Restore' }));
    expect(within(screen.getByRole('dialog')).getByText(/No policy in the tenant uses it/)).toBeTruthy();
    await act(async () => fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Restore' })));
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Deleted named locations' }));
  });

  it('before the tenant’s policies are read, a permanent delete warns that whether one still refers to it is not known', () => {
    draw([lab], { status: 'loading' });
    fireEvent.click(within(rowOf('Lab network')).getByRole('button', { name: 'Delete permanently…' }));
    expect(screen.getByRole('dialog').textContent).toContain(
      "Whether a policy in the tenant still refers to it is not known: the tenant's policies are still being read.",
    );
  });

  it('a permanent delete is said, and the focus moves to the next row', async () => {
    writes.purge.mockResolvedValue(undefined);
    draw();
    fireEvent.click(within(rowOf('Lab network')).getByRole('button', { name: 'Delete permanently…' }));
    fireEvent.change(within(screen.getByRole('dialog')).getByRole('textbox'), { target: { value: 'Lab network' } });
    await act(async () => fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete permanently' })));
    expect(writes.purge).toHaveBeenCalledWith('loc-lab');
    expect(screen.getByText(/was deleted permanently\./).textContent).toBe('“Lab network” was deleted permanently.');
    expect(document.activeElement).toBe(within(rowOf('Old VPN egress')).getByRole('button', { name: 'Delete permanently…' }));
  });

  // The tenant's policies arrive while the confirmation is open: its words change in place, so what was
  // found is said (once: the warning that appears is not said a second time by the announcer), and the
  // focus stays where it was.
  it('says what was found when the tenant’s policies arrive while it is open, once, the focus staying put', () => {
    const announced: string[] = [];
    const announcer = { announce: (message: string) => void announced.push(message) };
    const section = (tenantPolicies: TenantPolicies) => (
      <AnnounceProvider value={announcer}>
        <DeletedLocationsSection
          locations={[vpn, lab]}
          now={new Date('2026-01-05T10:00:00Z')}
          usedBy={users}
          trustedUsers={trusted}
          tenantPolicies={tenantPolicies}
          deletions={undefined}
        />
      </AnnounceProvider>
    );
    const { rerender } = render(section({ status: 'loading' }));
    fireEvent.click(within(rowOf('Old VPN egress')).getByRole('button', { name: 'Restore' }));
    const cancel = within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' });
    cancel.focus();
    expect(screen.getAllByRole('status').some((s) => /were read/.test(s.textContent ?? ''))).toBe(false);
    rerender(section({ status: 'read' }));
    const said = [...announced, ...screen.getAllByRole('status').map((s) => s.textContent ?? '')];
    expect(said.filter((words) => words.includes('CA090: Block sign-ins from the old VPN'))).toHaveLength(1);
    expect(said).toContain(
      "The tenant's policies were read: 2 policies in the tenant use it: CA090: Block sign-ins from the old VPN (in the tenant, On), CA010: Skip MFA on trusted networks (in the tenant, Report-only), through All trusted locations.",
    );
    expect(document.activeElement).toBe(cancel);
  });

  it('read again on Try again: says it is reading, then that they could not be read again, or that none uses it', () => {
    const failed = (retrying: boolean): TenantPolicies => ({
      status: 'failed',
      reason: 'Graph is unavailable.',
      retrying,
      onRetry: () => {},
    });
    const again = (tenantPolicies: TenantPolicies) => (
      <DeletedLocationsSection
        locations={[lab]}
        now={new Date('2026-01-05T10:00:00Z')}
        usedBy={users}
        tenantPolicies={tenantPolicies}
        deletions={undefined}
      />
    );
    const said = () => screen.getAllByRole('status').map((s) => s.textContent);
    const { rerender } = draw([lab], failed(false));
    fireEvent.click(within(rowOf('Lab network')).getByRole('button', { name: 'Restore' }));
    const tryAgain = within(screen.getByRole('dialog')).getByRole('button', { name: 'Try again' });
    tryAgain.focus();
    rerender(again(failed(true)));
    expect(said()).toContain("Reading the tenant's policies again…");
    rerender(again(failed(false)));
    expect(said()).toContain("The tenant's policies could not be read again: Graph is unavailable.");
    expect(document.activeElement).toBe(tryAgain);
    rerender(again({ status: 'read' }));
    expect(said()).toContain("The tenant's policies were read: no policy in the tenant uses it.");
    expect(document.activeElement).toBe(within(screen.getByRole('dialog')).getByRole('button', { name: 'Restore' }));
  });
});
