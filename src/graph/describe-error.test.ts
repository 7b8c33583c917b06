import { describe, expect, it } from 'vitest';
import { describeError, titleInSentence } from './describe-error';
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

describe('describeError for a read that needs the admin to sign in again', () => {
  // The auth layer's SignInNeededError, as graph sees it (by its name; graph does not import auth).
  const needed = (reason: string) =>
    Object.assign(new Error('Your sign-in has expired. Sign in again to go on reading the tenant.'), { name: 'SignInNeededError', reason });

  it('says the sign-in expired, that reading goes on after signing in again, and offers it (as a refused sign-in does)', () => {
    const { title, message, status, code } = describeError(needed('login_required'), 'load the policies');
    expect(title).toBe('Your sign-in has expired');
    expect(message).toMatch(
      /^Your sign-in has expired, or a sign-in policy asks you to sign in again\. Sign in again to go on reading the tenant\./,
    );
    // What outlives the trip to the identity provider, and no more.
    expect(message).toContain("the editor's drafts are kept on this device");
    expect(message).not.toMatch(/nothing (you entered )?is lost/i);
    expect(status).toBe(401);
    expect(code).toBe('login_required');
  });

  it('asks for the read permissions again when the identity provider says consent is needed', () => {
    const { title, message } = describeError(needed('consent_required'));
    expect(title).toBe('Permission needed again');
    expect(message).toContain('read permissions to be granted again');
  });
});

describe('describeError for a refused request that is not what its method suggests', () => {
  it('asks for reading rights, not for the right to change policies, when What if (a read sent by POST) is refused', () => {
    const refused = errorFromResponse(
      403,
      { error: { code: 'Forbidden', message: 'x' } },
      new Headers(),
      'POST',
      '/v1.0/identity/conditionalAccess/evaluate',
    );
    const { message } = describeError(refused, 'run What if');
    expect(message).not.toContain('Policy.ReadWrite.ConditionalAccess');
    expect(message).toContain('needs a role that can read Conditional Access');
  });

  it('asks for reading rights when a lookup of names by id (getByIds, a POST) is refused', () => {
    const { message } = describeError(forbidden('POST', '/v1.0/directoryObjects/getByIds'));
    expect(message).not.toContain('Policy.ReadWrite.ConditionalAccess');
    expect(message).toContain('needs a role that can read');
  });

  it("asks for rights over groups, which Conditional Access Administrator lacks, when a plan's group create is refused", () => {
    const { message } = describeError(forbidden('POST', '/v1.0/groups'), 'create the group');
    expect(message).toContain('Group.ReadWrite.All');
    expect(message).toContain('the Conditional Access Administrator role cannot');
    expect(message).not.toContain('Policy.ReadWrite.ConditionalAccess');
  });

  it('still names the roles that change Conditional Access for named locations, strengths and deleted items', () => {
    for (const [method, path] of [
      ['PATCH', '/v1.0/identity/conditionalAccess/namedLocations/l1'],
      ['POST', '/beta/policies/authenticationStrengthPolicies'],
      ['POST', '/beta/identity/conditionalAccess/deletedItems/policies/p1/restore'],
    ] as const) {
      expect(describeError(forbidden(method, path)).message).toContain('Policy.ReadWrite.ConditionalAccess');
    }
  });
});

describe('describeError for a create whose answer was lost', () => {
  // src/operations' CreateOutcomeUnknown, as graph sees it (by its name; graph does not import operations).
  const lost = (name: string) =>
    Object.assign(
      new Error(
        "Microsoft Graph's answer to the create was lost (the connection failed), and the policy had not appeared in the tenant after waiting. It may still have been created: trying again looks for it first, and creates it only if it is not there.",
      ),
      { name },
    );

  it('is headed as a policy that may have been created, not as one that could not be, above words that say so', () => {
    const { title, message } = describeError(lost('CreateOutcomeUnknown'), 'create the policy');
    expect(title).toBe('The policy may have been created');
    expect(title).not.toMatch(/^Could not/);
    expect(message).toContain('It may still have been created');
  });

  it("says it may have been done, in general words, for a plan's create and another action", () => {
    expect(describeError(lost('ObjectCreateOutcomeUnknown'), 'create the group').title).toBe('The group may have been created');
    expect(describeError(lost('CreateOutcomeUnknown'), 'restore the policy').title).not.toMatch(/^Could not/);
  });
});

describe('titleInSentence', () => {
  it('lowers the first letter of a title set in a sentence, but not of a name it starts with', () => {
    expect(titleInSentence('Microsoft Graph is unreachable')).toBe('Microsoft Graph is unreachable');
    expect(titleInSentence('Microsoft Graph had a problem')).toBe('Microsoft Graph had a problem');
    expect(titleInSentence('Your session has expired')).toBe('your session has expired');
    expect(titleInSentence('Permission needed')).toBe('permission needed');
    expect(titleInSentence('Not found')).toBe('not found');
  });
});
