// @vitest-environment jsdom
// The bulk restore says which policies need which deleted named location and restores it first, as
// the single restore does; unticked, the policies that need it are left out and say why. A deleted
// object without a known name is said to be not found.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeletedNamedLocation, DeletedPolicy } from '../../graph/deleted-items';
import type { MissingDependency } from '../../domain/dependencies';
import type { BulkRun, BulkStatus } from '../../operations/bulk-run';
import { BulkConfirmDialog } from './bulk-panel';
import { BulkProgress } from './bulk-progress';
import { expectCouldNotBeChecked, focusedName } from './test-support';

afterEach(cleanup);

const oldVpn: DeletedNamedLocation = { id: 'loc-vpn', displayName: 'Old VPN egress' };
const ca090: DeletedPolicy = { id: 'CA090', displayName: 'CA090: Block sign-ins from the old VPN', state: 'enabled' };
const ca091: DeletedPolicy = { id: 'CA091', displayName: 'CA091: Test - block everything for pilot', state: 'disabled' };
const missingOf = (p: DeletedPolicy): MissingDependency[] =>
  p.id === 'CA090'
    ? [{ id: oldVpn.id, where: 'Included location', kind: 'namedLocation', exclusion: false, restorable: oldVpn, explanation: '' }]
    : [{ id: 'grp-gone', where: 'Excluded group', kind: 'directoryObject', exclusion: true, explanation: '' }];

function open(onStart = vi.fn()) {
  render(
    <BulkConfirmDialog
      kind="restore"
      policies={[ca090, ca091]}
      missingOf={missingOf}
      known={new Map()}
      checking={false}
      onStart={onStart}
      onClose={() => {}}
    />,
  );
  return onStart;
}

describe('BulkConfirmDialog (restore)', () => {
  it('says which policy needs which deleted named location, and restores it first by default', () => {
    const onStart = open();
    const locations = screen.getByRole('list', { name: 'Deleted named locations they need' });
    expect(within(locations).getByRole('checkbox', { name: 'Restore named location “Old VPN egress” first' })).toHaveProperty(
      'checked',
      true,
    );
    expect(locations.textContent).toContain('Needed by CA090: Block sign-ins from the old VPN');
    const policies = screen.getByRole('list', { name: 'Policies in this run' });
    expect(policies.textContent).toContain('not found: deleted, or never in this tenant');
    fireEvent.click(screen.getByRole('button', { name: 'Restore 1 named location and 2 policies' }));
    expect(onStart).toHaveBeenCalledWith(true, [ca090, ca091]);
  });

  it('unticked, leaves out the policies that need the location, saying why', () => {
    const onStart = open();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Restore named location “Old VPN egress” first' }));
    expect(screen.getByRole('list', { name: 'Policies in this run' }).textContent).toContain(
      'left out: it needs the deleted named location “Old VPN egress”, not restored in this run',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Restore 1 policy (1 left out)' }));
    expect(onStart).toHaveBeenCalledWith(true, [ca091]);
  });
});

describe('BulkConfirmDialog (restore) when what they refer to could not be checked', () => {
  it('says so with the reason, offers Try again, and restores only without the check', () => {
    const onRetry = vi.fn();
    const onStart = vi.fn();
    render(
      <BulkConfirmDialog
        kind="restore"
        policies={[ca091]}
        missingOf={() => []}
        known={new Map()}
        checking={false}
        unchecked={{ reason: 'Names could not be looked up: the service is unavailable.', onRetry }}
        onStart={onStart}
        onClose={() => {}}
      />,
    );
    expectCouldNotBeChecked(screen.getByRole('dialog'), {
      plural: true,
      reason: 'Names could not be looked up: the service is unavailable.',
      onRetry,
    });
    expect(onStart).toHaveBeenCalledWith(true, [ca091]);
  });
});

describe('BulkConfirmDialog (restore) checking again', () => {
  it('keeps the focus on Try again while it checks, then moves it to the restore button and says what was found', () => {
    const unchecked = { reason: 'Names could not be looked up: the service is unavailable.', onRetry: vi.fn() };
    const dialog = (checking: boolean, stillUnchecked: boolean) => (
      <BulkConfirmDialog
        kind="restore"
        policies={[ca091]}
        missingOf={missingOf}
        known={new Map()}
        checking={checking}
        unchecked={stillUnchecked ? unchecked : null}
        onStart={() => {}}
        onClose={() => {}}
      />
    );
    const said = () => screen.getAllByRole('status', { hidden: true }).map((s) => s.textContent);
    const tryAgain = () => screen.getByRole('button', { name: 'Try again', hidden: true });
    const { rerender } = render(dialog(false, true));
    tryAgain().focus();
    fireEvent.click(tryAgain());
    expect(unchecked.onRetry).toHaveBeenCalled();
    rerender(dialog(true, true));
    expect(document.activeElement).toBe(tryAgain());
    expect(tryAgain().getAttribute('aria-disabled')).toBe('true');
    expect(said()).toContain('Checking again…');
    rerender(dialog(false, false));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Restore', hidden: true }));
    expect(said().some((s) => s?.startsWith('Checked: CA091: Test - block everything for pilot refers to excluded group'))).toBe(true);
  });
});

describe('BulkConfirmDialog: names isolated', () => {
  it('isolates a name holding a direction control in the checkbox that restores it first', () => {
    const evil: DeletedNamedLocation = { id: 'loc-evil', displayName: 'Lab \u202Eevil' };
    render(
      <BulkConfirmDialog
        kind="restore"
        policies={[ca090]}
        missingOf={() => [
          { id: evil.id, where: 'Included location', kind: 'namedLocation', exclusion: false, restorable: evil, explanation: '' },
        ]}
        known={new Map()}
        checking={false}
        onStart={() => {}}
        onClose={() => {}}
      />,
    );
    expect(screen.getByRole('checkbox', { name: 'Restore named location “Lab \\u202Eevil” first' })).toBeTruthy();
  });
});

// Stop, Resume and the end of a run change what the bar offers: the keyboard's focus stays on the bar's
// button as it does, never dropped to the page's start.
describe('BulkProgress: where the focus goes as the run stops, resumes and ends', () => {
  const runOf = (...statuses: BulkStatus[]): BulkRun => ({
    kind: 'restore',
    reportOnly: true,
    startedAt: '2026-01-05T10:00:00Z',
    items: statuses.map((status, i) => ({ id: `CA09${i}`, name: `CA09${i}: Policy ${i}`, status })),
  });
  const bar = (run: BulkRun, running: boolean, { stopping = false, checking = false } = {}) => (
    <BulkProgress
      run={run}
      locations={null}
      running={running}
      stopping={stopping}
      checking={checking}
      onStop={() => {}}
      onResume={() => {}}
      onDismiss={() => {}}
    />
  );

  it('after Stop, on the button saying it stops, then on Resume; after Resume, on Stop; at the end, on Dismiss', () => {
    const { rerender } = render(bar(runOf('done', 'running', 'pending'), true));
    const stop = screen.getByRole('button', { name: 'Stop after this one' });
    stop.focus();
    fireEvent.click(stop);
    rerender(bar(runOf('done', 'running', 'pending'), true, { stopping: true }));
    expect(focusedName()).toBe('Stopping…');
    expect(document.activeElement!.getAttribute('aria-disabled')).toBe('true');
    rerender(bar(runOf('done', 'done', 'pending'), false));
    expect(focusedName()).toBe('Resume (1 left)');
    fireEvent.click(screen.getByRole('button', { name: 'Resume (1 left)' }));
    rerender(bar(runOf('done', 'done', 'running'), true));
    expect(focusedName()).toBe('Stop after this one');
    rerender(bar(runOf('done', 'done', 'done'), false));
    expect(focusedName()).toBe('Dismiss');
  });

  it('a run that stops on a failure while the focus is on Stop leaves it on Resume, held (aria-disabled) while it checks', () => {
    const { rerender } = render(bar(runOf('done', 'running'), true));
    screen.getByRole('button', { name: 'Stop after this one' }).focus();
    rerender(bar(runOf('done', 'failed'), false, { checking: true }));
    expect(focusedName()).toBe('Resume (1 left)');
    expect(document.activeElement!.getAttribute('aria-disabled')).toBe('true');
    rerender(bar(runOf('done', 'failed'), false));
    expect(focusedName()).toBe('Resume (1 left)');
    expect(document.activeElement!.getAttribute('aria-disabled')).toBeNull();
  });

  it('a run that tried every item says it ended, not that it was stopped; one with items untried says stopped', () => {
    const { rerender } = render(bar(runOf('done', 'failed', 'running'), true));
    rerender(bar(runOf('done', 'failed', 'done'), false));
    expect(screen.getByText('Ended: 2 of 3 done, 1 failed')).toBeTruthy();
    expect(document.body.textContent).toContain('Run ended: 2 of 3 restored, 1 failed. Resume tries the one that failed again.');
    cleanup();
    const again = render(bar(runOf('done', 'running', 'pending'), true));
    again.rerender(bar(runOf('done', 'failed', 'pending'), false));
    expect(screen.getByText('Stopped: 1 of 3 done, 1 failed')).toBeTruthy();
    expect(document.body.textContent).toContain('Run stopped: 1 of 3 restored, 1 failed. Resume goes on with the 2 left.');
  });
});
