// @vitest-environment jsdom
// Adding a demo account keeps the account in use: the one added is offered (`added`) until the admin
// switches to it or dismisses the offer. Before, the console silently went on in the added account's tenant.
import { beforeEach, describe, expect, it } from 'vitest';
import { createDemoSession, type DemoDirectory } from './demo-session';

const directory: DemoDirectory = {
  accounts: [
    { id: 'ada.contoso', tenantId: 'contoso', tenantName: 'Contoso', displayName: 'Ada', userPrincipalName: 'ada@contoso', role: 'admin' },
    { id: 'bo.fabrikam', tenantId: 'fabrikam', tenantName: 'Fabrikam', displayName: 'Bo', userPrincipalName: 'bo@fabrikam', role: 'admin' },
    {
      id: 'cy.fabrikam',
      tenantId: 'fabrikam',
      tenantName: 'Fabrikam',
      displayName: 'Cy',
      userPrincipalName: 'cy@fabrikam',
      role: 'reader',
    },
  ],
  issueToken: () => 'token',
};

beforeEach(() => sessionStorage.clear());

describe('the demo session', () => {
  it('makes the first account signed in the one in use, with nothing offered', async () => {
    const session = createDemoSession(directory);
    await session.signIn('bo.fabrikam');
    expect(session.getSnapshot().active?.key).toBe('bo.fabrikam');
    expect(session.getSnapshot().added ?? null).toBeNull();
  });

  it('keeps the account in use when another is added, and offers the added one until the admin switches', async () => {
    const session = createDemoSession(directory);
    await session.signIn('ada.contoso');
    await session.signIn('bo.fabrikam');
    expect(session.getSnapshot().accounts.map((a) => a.key)).toEqual(['ada.contoso', 'bo.fabrikam']);
    expect(session.getSnapshot().active?.key).toBe('ada.contoso');
    expect(session.getSnapshot().added).toBe('bo.fabrikam');
    // Kept for the tab: a reload still works on Contoso.
    expect(createDemoSession(directory).getSnapshot().active?.key).toBe('ada.contoso');

    session.setActive('bo.fabrikam');
    expect(session.getSnapshot().active?.key).toBe('bo.fabrikam');
    expect(session.getSnapshot().added ?? null).toBeNull();
  });

  it('forgets the offer when dismissed or when the added account signs out', async () => {
    const session = createDemoSession(directory);
    await session.signIn('ada.contoso');
    await session.signIn('bo.fabrikam');
    session.dismissAdded!();
    expect(session.getSnapshot().added ?? null).toBeNull();
    expect(session.getSnapshot().active?.key).toBe('ada.contoso');

    await session.signIn('cy.fabrikam');
    expect(session.getSnapshot().added).toBe('cy.fabrikam');
    await session.signOut('cy.fabrikam');
    expect(session.getSnapshot().added ?? null).toBeNull();
    expect(session.getSnapshot().active?.key).toBe('ada.contoso');
  });

  it('offers nothing when the account in use signs in again (a sign-in Graph no longer accepted)', async () => {
    const session = createDemoSession(directory);
    await session.signIn('ada.contoso');
    await session.signIn('bo.fabrikam');
    session.dismissAdded!();
    await session.signIn('ada.contoso');
    expect(session.getSnapshot().active?.key).toBe('ada.contoso');
    expect(session.getSnapshot().added ?? null).toBeNull();
  });
});
