// @vitest-environment jsdom
// The session's snapshot is what every screen of the signed-in account depends on: it changes when
// the accounts do, not with each token MSAL hands out (one per Graph request, cache hits included).
import { EventType } from '@azure/msal-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { account, fakeMsal, TEST_CONFIG } from './msal-fake';
import { createMsalSession } from './msal-session';

vi.mock('@azure/msal-browser', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  PublicClientApplication: (await import('./msal-fake')).FakePublicClientApplication,
}));

beforeEach(() => {
  fakeMsal.reset();
  sessionStorage.clear();
});

describe('the MSAL session’s snapshot', () => {
  it('stays the same object when MSAL hands out a token, so the screens depending on the account do not start again', async () => {
    fakeMsal.accounts = [account('ada', 'Ada Lindqvist')];
    const session = await createMsalSession(TEST_CONFIG);
    const told = vi.fn();
    session.subscribe(told);
    const before = session.getSnapshot();
    fakeMsal.emit(EventType.ACQUIRE_TOKEN_SUCCESS);
    fakeMsal.emit(EventType.ACQUIRE_TOKEN_SUCCESS);
    expect(session.getSnapshot()).toBe(before);
    expect(told).not.toHaveBeenCalled();
  });

  it('changes when an account signs in, keeping the object of the account already there', async () => {
    fakeMsal.accounts = [account('ada', 'Ada Lindqvist')];
    const session = await createMsalSession(TEST_CONFIG);
    const ada = session.getSnapshot().active;
    fakeMsal.accounts = [account('ada', 'Ada Lindqvist'), account('bo', 'Bo Berg')];
    fakeMsal.emit(EventType.LOGIN_SUCCESS);
    expect(session.getSnapshot().accounts.map((a) => a.name)).toEqual(['Ada Lindqvist', 'Bo Berg']);
    expect(session.getSnapshot().active).toBe(ada);
    session.setActive('bo.tenant');
    expect(session.getSnapshot().active?.name).toBe('Bo Berg');
  });
});
