// @vitest-environment jsdom
// Settings by keyboard and screen reader: every change is said, the second like the first; clearing the
// emergency-access accounts can be undone and leaves the focus on Undo; removing the last account
// leaves the focus in the box that adds one.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';

// A tenant of its own for each test: the setting's store keeps what it read.
const session = vi.hoisted(() => ({ tenantId: 'tenant-0' }));
vi.mock('../../session/tenant-session', () => ({
  useTenantSession: () => ({
    account: { key: 'acct', tenantId: session.tenantId, tenantName: 'Contoso', name: 'Ada Lindqvist' },
    scopeKey: ['acct'],
    client: {},
  }),
}));

const { SettingsPage } = await import('./settings-page');

const BREAK_GLASS = [
  { id: 'u1', name: 'Break Glass 01' },
  { id: 'u2', name: 'Break Glass 02' },
];

beforeEach(() => {
  session.tenantId = `tenant-${Number(session.tenantId.slice(7)) + 1}`;
  localStorage.setItem(`gatehouse.emergency-access.${session.tenantId}`, JSON.stringify({ users: BREAK_GLASS, groups: [] }));
});
afterEach(() => {
  cleanup();
  localStorage.clear();
});

function renderPage() {
  const router = createMemoryRouter([{ path: '/settings', element: <SettingsPage /> }], { initialEntries: ['/settings'] });
  render(
    <QueryClientProvider client={new QueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

const savedStatus = () => screen.getAllByRole('status').find((s) => s.textContent?.includes('Saved in this browser'));
const accounts = () => screen.queryByRole('toolbar', { name: 'Emergency-access accounts' });

it('says the second change as it said the first: its words are put in the status anew', () => {
  renderPage();
  fireEvent.click(screen.getByRole('button', { name: /Remove Break Glass 01/ }));
  const first = savedStatus()!.firstElementChild;
  expect(first).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: /Remove Break Glass 02/ }));
  const second = savedStatus()!.firstElementChild;
  expect(second).toBeTruthy();
  expect(first!.isConnected).toBe(false);
});

it('puts the focus in the box that adds an account when the last one is removed', () => {
  renderPage();
  fireEvent.click(screen.getByRole('button', { name: /Remove Break Glass 01/ }));
  const last = screen.getByRole('button', { name: /Remove Break Glass 02/ });
  last.focus();
  fireEvent.click(last);
  expect(accounts()).toBeNull();
  expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Users' }));
});

it('clears the emergency access with Undo, which has the focus, and Undo puts back every account', () => {
  renderPage();
  const clear = screen.getByRole('button', { name: 'Clear emergency access' });
  clear.focus();
  fireEvent.click(clear);
  expect(accounts()).toBeNull();
  const undo = screen.getByRole('button', { name: 'Undo' });
  expect(document.activeElement).toBe(undo);
  expect(undo.getAttribute('aria-describedby')).toBeTruthy();
  expect(document.getElementById(undo.getAttribute('aria-describedby')!)!.textContent).toBe(
    'Cleared 2 accounts: Break Glass 01, Break Glass 02.',
  );

  fireEvent.click(undo);
  expect(within(accounts()!).getByText('Break Glass 01')).toBeTruthy();
  expect(within(accounts()!).getByText('Break Glass 02')).toBeTruthy();
  expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Clear emergency access' }));
  expect(JSON.parse(localStorage.getItem(`gatehouse.emergency-access.${session.tenantId}`)!)).toEqual({ users: BREAK_GLASS, groups: [] });
});

it("isolates an account's name in its Remove button, so a direction control in it cannot reorder the words", () => {
  localStorage.setItem(
    `gatehouse.emergency-access.${session.tenantId}`,
    JSON.stringify({ users: [{ id: 'u9', name: 'Break \u202EGlass' }], groups: [] }),
  );
  renderPage();
  expect(
    screen
      .getByRole('button', { name: /Remove/ })
      .querySelector('[aria-label^="Remove"]')!
      .getAttribute('aria-label'),
  ).toBe('Remove Break \\u202EGlass');
});
