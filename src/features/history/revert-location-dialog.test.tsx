// @vitest-environment jsdom
// Reverting a named location from the change history: while the write is out, the dialog's buttons keep
// the keyboard's focus (a disabled button drops it behind the modal) and a screen reader hears that it
// is reverting; the location's name is isolated in what the dialog says.
import { QueryClient, QueryClientProvider, queryOptions } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, expect, it, vi } from 'vitest';
import type { LocationRevertOutcome } from '../../operations/revert-named-location';

const OFFICE = { '@odata.type': '#microsoft.graph.ipNamedLocation', displayName: 'Office', isTrusted: false };
const BEFORE = { ...OFFICE, ipRanges: [{ '@odata.type': '#microsoft.graph.iPv4CidrRange', cidrAddress: '203.0.113.0/24' }] };
const AFTER = { ...OFFICE, ipRanges: [{ '@odata.type': '#microsoft.graph.iPv4CidrRange', cidrAddress: '198.51.100.0/24' }] };
const location = vi.hoisted(() => ({ now: {} as object }));

vi.mock('../../session/tenant-session', () => ({
  useTenantSession: () => ({ account: { key: 'acct', tenantId: 'tenant-1', name: 'Ada Lindqvist' }, scopeKey: ['acct'], client: {} }),
}));
vi.mock('../../policy-ui/queries', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  namedLocationsQuery: () => queryOptions({ queryKey: ['locations'], queryFn: () => Promise.resolve([location.now]) }),
}));
vi.mock('../../policy-ui/policy-diff', () => ({
  PolicyDiff: () => <p>Diff</p>,
  useDiffView: () => useState('split'),
  useInlineDiff: () => false,
}));

const { RevertLocationDialog } = await import('./revert-location-dialog');

afterEach(cleanup);

function renderDialog(name: string, onClose = vi.fn(), answer = new Promise<LocationRevertOutcome>(() => {})) {
  location.now = { id: 'loc-1', ...AFTER, displayName: name };
  const write = { mutateAsync: vi.fn(() => answer) };
  const change = {
    id: 'loc-1',
    name,
    activity: 'Update named location',
    at: new Date().toISOString(),
    before: { ...BEFORE, displayName: name },
    after: { ...AFTER, displayName: name },
  };
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <RevertLocationDialog change={change} policies={[]} names={undefined} write={write} onDone={vi.fn()} onClose={onClose} />
    </QueryClientProvider>,
  );
  return write;
}

it('keeps both buttons focusable while reverting, says "Reverting…", and ignores Cancel meanwhile', async () => {
  const onClose = vi.fn();
  const write = renderDialog('Office', onClose);
  const revert = await screen.findByRole('button', { name: 'Revert the location' });
  await vi.waitFor(() => expect(revert.hasAttribute('disabled') || revert.getAttribute('aria-disabled') === 'true').toBe(false));
  revert.focus();
  fireEvent.click(revert);

  expect(write.mutateAsync).toHaveBeenCalledTimes(1);
  const busy = await screen.findByRole('button', { name: 'Reverting…' });
  expect(busy).toBe(revert);
  expect(busy.hasAttribute('disabled')).toBe(false);
  expect(busy.getAttribute('aria-disabled')).toBe('true');
  expect(document.activeElement).toBe(busy);
  expect(screen.getAllByRole('status').some((s) => s.textContent === 'Reverting Office…')).toBe(true);

  const cancel = screen.getByRole('button', { name: 'Cancel' });
  expect(cancel.hasAttribute('disabled')).toBe(false);
  fireEvent.click(cancel);
  fireEvent.click(busy);
  expect(onClose).not.toHaveBeenCalled();
  expect(write.mutateAsync).toHaveBeenCalledTimes(1);
});

it("isolates the location's name in the title and in what is said while reverting", async () => {
  renderDialog('Office \u202Eevil');
  expect((await screen.findByRole('dialog')).getAttribute('aria-labelledby')).toBeTruthy();
  const title = document.getElementById(screen.getByRole('dialog').getAttribute('aria-labelledby')!)!;
  expect(title.textContent).toBe('Revert “Office \\u202Eevil”?');
  const revert = await screen.findByRole('button', { name: 'Revert the location' });
  await vi.waitFor(() => expect(revert.hasAttribute('disabled')).toBe(false));
  fireEvent.click(revert);
  expect(screen.getAllByRole('status').some((s) => s.textContent === 'Reverting Office \\u202Eevil…')).toBe(true);
});

it('a change found by the write (made since the dialog read it) leaves the focus on Close, in the dialog', async () => {
  const since = { id: 'loc-1', ...AFTER, ipRanges: [{ '@odata.type': '#microsoft.graph.iPv4CidrRange', cidrAddress: '192.0.2.0/24' }] };
  renderDialog('Office', vi.fn(), Promise.resolve({ kind: 'conflict', current: since } as LocationRevertOutcome));
  const revert = await screen.findByRole('button', { name: 'Revert the location' });
  await vi.waitFor(() => expect(revert.hasAttribute('disabled')).toBe(false));
  revert.focus();
  fireEvent.click(revert);
  const close = await screen.findByRole('button', { name: 'Close' });
  await vi.waitFor(() => expect(document.activeElement).toBe(close));
  expect(screen.getByText(/was changed since/)).toBeTruthy();
});
