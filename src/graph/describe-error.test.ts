import { describe, expect, it } from 'vitest';
import { describeError } from './describe-error';
import { errorFromResponse } from './errors';

const forbidden = (method: string, path: string) =>
  errorFromResponse(
    403,
    { error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' } },
    {},
    method,
    path,
  );

describe('describeError for a refused request', () => {
  it('names the roles that can write when a write is refused', () => {
    for (const method of ['POST', 'PATCH', 'DELETE']) {
      const { title, message } = describeError(forbidden(method, '/beta/identity/conditionalAccess/policies/p1'), 'save the policy');
      expect(title).toBe('Permission needed');
      expect(message).toMatch(/^Microsoft Graph refused: Insufficient privileges to complete the operation\. /);
      expect(message).toContain('Conditional Access Administrator or Security Administrator');
      expect(message).toContain('Policy.ReadWrite.ConditionalAccess');
      // The reading roles are named only as what is not enough.
      expect(message).not.toMatch(/needs a role that can read/);
    }
  });

  it('names the roles that can read when a read is refused, including reads sent through $batch', () => {
    for (const [method, path] of [
      ['GET', '/beta/identity/conditionalAccess/policies'],
      ['POST', '/v1.0/$batch'],
    ] as const) {
      const { message } = describeError(forbidden(method, path));
      expect(message).toContain(
        'needs a role that can read Conditional Access (for example Global Reader, Security Reader or Conditional Access Administrator)',
      );
      expect(message).not.toContain('Security Administrator');
    }
  });
});

describe('describeError for an expired sign-in', () => {
  it('promises only what outlives signing in again: the drafts kept on this device, not a file chosen to import', () => {
    const expired = errorFromResponse(
      401,
      { error: { code: 'InvalidAuthenticationToken', message: 'Access token has expired.' } },
      {},
      'GET',
      '/v1.0/me',
    );
    const { title, message } = describeError(expired);
    expect(title).toBe('Your session has expired');
    expect(message).toMatch(/^Microsoft Graph no longer accepts your sign-in\. Sign in again to continue\./);
    expect(message).not.toMatch(/nothing you entered is lost/i);
    expect(message).toContain("the editor's drafts are kept on this device");
    expect(message).toContain('a file chosen to import');
  });
});
