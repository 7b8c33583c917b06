// What the admin reads after the identity provider sent them back refused: only what is true of the page
// they left (a draft is kept only in the editor, a run may have written before it asked), titled by what
// happened, and with the tenant's names from Entra's own words isolated among the console's.
import { describe, expect, it } from 'vitest';
import { signInProblemOf, type RedirectPurpose } from './sign-in-problem';

const WRITE = ['Policy.ReadWrite.ConditionalAccess', 'Policy.Read.All'];
const consentFrom = (path: string): RedirectPurpose => ({ kind: 'consent', scopes: WRITE, path });
const declined = { errorCode: 'access_denied', errorMessage: 'AADSTS65004: User declined to consent to access the app.' };

describe('a declined consent to write', () => {
  it('promises the draft is kept only when it came from the editor', () => {
    for (const path of ['/policies/p1/edit', '/policies/new', '/policies/new?duplicate=p2']) {
      const { title, message } = signInProblemOf(declined, consentFrom(path));
      expect(title).toBe('Permission not granted');
      expect(message).toContain('Permission to change policies was not granted (AADSTS65004)');
      expect(message).toContain('your draft is kept');
    }
  });

  it('does not say a draft is kept on Import, where the file and choices were in memory and are gone', () => {
    const { message } = signInProblemOf(declined, consentFrom('/import'));
    expect(message).not.toContain('draft is kept');
    expect(message).toContain('a file chosen to import');
  });

  it('does not say nothing was changed: a run may have written (created groups) before the write that asked', () => {
    for (const path of ['/import', '/rollout?policy=p1', '/policies/p1/edit']) {
      const { message } = signInProblemOf(declined, consentFrom(path));
      expect(message).not.toMatch(/nothing was changed/i);
      expect(message).toMatch(/change[^.;]* was not made/);
    }
  });
});

describe('a consent trip that was not declined', () => {
  it('titles a cancelled one as cancelled, not as a permission refused, and claims nothing unchanged', () => {
    const { title, message } = signInProblemOf({ errorCode: 'user_cancelled' }, consentFrom('/import'));
    expect(title).not.toBe('Permission not granted');
    expect(title).toMatch(/cancelled/i);
    expect(message).toContain('was cancelled (user_cancelled)');
    expect(message).not.toMatch(/nothing was changed/i);
  });

  it('titles a failed re-authentication as not completed', () => {
    const blocked = { errorCode: 'access_denied', errorMessage: 'AADSTS53003: Access has been blocked by Conditional Access policies.' };
    const { title, message } = signInProblemOf(blocked, consentFrom('/policies/p1/edit'));
    expect(title).not.toBe('Permission not granted');
    expect(title).toMatch(/did not complete/);
    expect(message).toContain('did not complete (AADSTS53003): Access has been blocked by Conditional Access policies.');
    expect(message).not.toMatch(/nothing was changed/i);
  });
});

describe("Entra's words with the tenant's names in them", () => {
  const notInTenant = (tenant: string, app = 'Gatehouse') => ({
    errorCode: 'invalid_request',
    errorMessage:
      `AADSTS50020: User account 'ada@example.com' from identity provider 'live.com' does not exist in tenant '${tenant}' and cannot ` +
      `access the application '${app}' in that tenant.\r\nTrace ID: 1 Correlation ID: 2`,
  });

  it('shows the override in a tenant name as an escape, so the sentence after it reads as written', () => {
    const { message } = signInProblemOf(notInTenant('\u202Eevil'), null);
    expect(message).toContain("tenant '\\u202Eevil' and cannot access the application 'Gatehouse' in that tenant.");
    expect(message).toMatch(/in that tenant\.$/);
  });

  it('isolates a right-to-left name and leaves left-to-right names as they are', () => {
    const { message } = signInProblemOf(notInTenant('Contoso', 'שער'), null);
    expect(message).toContain("tenant 'Contoso' and");
    expect(message).toContain("the application '\u2068שער\u2069' in that tenant.");
  });

  it('closes what a name cut short by the length limit left open, before the console’s own words', () => {
    const long = { errorCode: 'invalid_request', errorMessage: `AADSTS50020: Tenant '${'שער'.repeat(150)}' is unknown.` };
    const { message } = signInProblemOf(long, consentFrom('/import'));
    const said = message.slice(message.indexOf(': ') + 2, message.indexOf('…') + 1);
    expect(said.startsWith('\u2068')).toBe(true);
    expect(message).toContain('…\u2069');
  });
});
