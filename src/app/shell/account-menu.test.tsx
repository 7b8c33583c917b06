// @vitest-environment jsdom
// The account's and the tenant's names come from the tenant: a direction control in one (U+202E) stays
// inside it, in the button, its tooltip, the list of accounts and "Sign out …".
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import type { SignedInAccount } from '../../auth';
import { ThemeProvider } from '../../shared/theme';
import { AccountMenu } from './account-menu';

const eve: SignedInAccount = {
  key: 'eve',
  name: 'Eve\u202E',
  username: 'eve@contoso.com',
  tenantId: 'tenant-1',
  objectId: 'u1',
  tenantName: 'Contoso\u202E',
  demo: false,
};

vi.mock('../../auth', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  useAuth: () => ({ accounts: [eve], active: eve, session: { setActive() {}, signIn() {}, signOut() {} } }),
}));
vi.mock('../../session/organization-query', () => ({ useOrganizationName: () => 'Contoso\u202E' }));
vi.mock('../../session/tenant-session', () => ({ useTenantSession: () => ({}) }));

afterEach(cleanup);

const bdis = (element: Element) => [...element.querySelectorAll('bdi')].map((bdi) => bdi.textContent);

it('isolates the account and tenant names wherever the menu shows them', async () => {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <ThemeProvider>
        <AccountMenu />
      </ThemeProvider>
    </QueryClientProvider>,
  );
  const trigger = screen.getByRole('button', { name: /Eve/ });
  expect(bdis(trigger)).toEqual(['Eve\\u202E', 'Contoso\\u202E']);
  expect(trigger.title).toBe('Signed in as eve@contoso.com in Contoso\\u202E');
  act(() => fireEvent.click(trigger));
  const account = await screen.findByRole('menuitemradio', { name: /Eve/ });
  expect(bdis(account)).toEqual(['Eve\\u202E', 'Contoso\\u202E']);
  expect(bdis(screen.getByRole('menuitem', { name: /^Sign out/ }))).toEqual(['Eve\\u202E']);
});
