// @vitest-environment jsdom
// Adding an account from the menu keeps the tenant being worked on: the addition is said with a Switch
// button, and each switch (the button, or the menu) says which tenant the console now works on. Before,
// "Add" silently moved the console to the added account's tenant.
import { AnnounceProvider } from '@fluentui/react-components';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthProvider, createDemoSession, type DemoDirectory } from '../../auth';
import { TenantSessionProvider } from '../../session/tenant-session';
import type { AppConfig } from '../../shared/config';
import { ThemeProvider } from '../../shared/theme';
import { AccountMenu } from './account-menu';
import { AccountAddedBar, SwitchSaid } from './account-notices';

const directory: DemoDirectory = {
  accounts: [
    {
      id: 'ada.contoso',
      tenantId: 'contoso',
      tenantName: 'Contoso',
      displayName: 'Ada Lindqvist',
      userPrincipalName: 'ada@contoso.example',
      role: 'admin',
    },
    {
      id: 'ada.preprod',
      tenantId: 'preprod',
      tenantName: 'Contoso pre-production',
      displayName: 'Ada Lindqvist',
      userPrincipalName: 'ada@preprod.example',
      role: 'admin',
    },
  ],
  issueToken: () => 'token',
};

const config: AppConfig = {
  mode: 'demo',
  clientId: 'demo',
  tenant: 'demo',
  graphBaseUrl: 'https://graph.microsoft.com',
  loginHost: 'https://login.microsoftonline.com',
};

beforeEach(() => sessionStorage.clear());
afterEach(cleanup);

async function signedInToContoso() {
  const session = createDemoSession(directory);
  await session.signIn('ada.contoso');
  const said: string[] = [];
  const listener = { announce: (words: string) => said.push(words) };
  const Shell = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <ThemeProvider>
        <AnnounceProvider value={listener}>
          <AuthProvider session={session}>
            <TenantSessionProvider config={config}>{children}</TenantSessionProvider>
          </AuthProvider>
        </AnnounceProvider>
      </ThemeProvider>
    </QueryClientProvider>
  );
  render(
    <Shell>
      <AccountMenu demo={{ ...directory, reset() {}, setFaults() {} }} />
      <AccountAddedBar />
      <SwitchSaid />
    </Shell>,
  );
  const trigger = () => screen.getByRole('button', { name: /^Ada Lindqvist \(demo administrator\)/ });
  const addPreProduction = async () => {
    act(() => fireEvent.click(trigger()));
    fireEvent.click(
      await screen.findByRole('menuitem', { name: /^Add Ada Lindqvist \(administrator\) · Contoso pre-production$/ }, patient),
    );
  };
  return { said, trigger, addPreProduction };
}

const addedWords = 'Added Ada Lindqvist (Contoso pre-production). Switch to it from the account menu.';
/** Fluent's menus are slow to render in jsdom on a busy machine. */
const patient = { timeout: 10_000 };

describe('the account menu’s Add and Switch', { timeout: 60_000 }, () => {
  it('keeps the tenant being worked on when an account is added, and says the addition with a Switch button', async () => {
    const { said, trigger, addPreProduction } = await signedInToContoso();
    await addPreProduction();
    const notice = await screen.findByText(/^Added /, undefined, patient);
    expect(notice.textContent).toBe(addedWords);
    // The console still works on Contoso.
    expect(trigger().textContent).toMatch(/Contoso$/);
    expect(trigger().textContent).not.toMatch(/pre-production/);
    // Fluent says the bar as it appears; no switch was said.
    await waitFor(() => expect(said.some((words) => words.startsWith(addedWords))).toBe(true), patient);
    expect(said.filter((words) => words.startsWith('Now working on'))).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Switch' }));
    await waitFor(() => expect(trigger().textContent).toMatch(/Contoso pre-production$/), patient);
    expect(screen.queryByText(/^Added /)).toBeNull();
    await waitFor(() => expect(said).toContain('Now working on Contoso pre-production, as Ada Lindqvist.'), patient);
  });

  it('says the switch made from the menu, and the offer can be dismissed', async () => {
    const { said, trigger, addPreProduction } = await signedInToContoso();
    await addPreProduction();
    await screen.findByText(/^Added /, undefined, patient);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText(/^Added /)).toBeNull();
    expect(trigger().textContent).toMatch(/Contoso$/);

    act(() => fireEvent.click(trigger()));
    fireEvent.click(await screen.findByRole('menuitemradio', { name: /Contoso pre-production$/ }, patient));
    await waitFor(() => expect(trigger().textContent).toMatch(/Contoso pre-production$/), patient);
    await waitFor(() => expect(said).toContain('Now working on Contoso pre-production, as Ada Lindqvist.'), patient);

    act(() => fireEvent.click(trigger()));
    fireEvent.click(await screen.findByRole('menuitemradio', { name: /^Ada Lindqvist \(demo administrator\)\s*Contoso$/ }, patient));
    await waitFor(() => expect(said).toContain('Now working on Contoso, as Ada Lindqvist.'), patient);
  });
});
