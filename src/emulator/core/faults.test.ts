// Fault rules that tests lean on: a write applied and then its connection dropped, and a 429 with or
// without Retry-After (Conditional Access's own limit sends none).
import { describe, expect, it } from 'vitest';
import { testEmulator } from '../harness/test-emulator';
import { CONTOSO_TENANT_ID } from '../seed';
import { DroppedConnection } from './http';

const POLICIES = '/beta/identity/conditionalAccess/policies';

describe('fault rules', () => {
  it('"drop-after" applies the write, then drops the connection', async () => {
    const { emulator, call } = testEmulator();
    const before = emulator.state.tenants.find((t) => t.id === CONTOSO_TENANT_ID)!.policies.length;
    emulator.setFaults(CONTOSO_TENANT_ID, { rules: [{ match: `POST ${POLICIES}`, fault: 'drop-after', times: 1 }] });
    const body = {
      displayName: 'Applied, answer lost',
      state: 'disabled',
      conditions: { users: { includeUsers: ['None'] }, applications: { includeApplications: ['All'] }, clientAppTypes: ['all'] },
      grantControls: { operator: 'OR', builtInControls: ['block'] },
    };
    await expect(call('POST', POLICIES, { body })).rejects.toBeInstanceOf(DroppedConnection);
    const policies = emulator.state.tenants.find((t) => t.id === CONTOSO_TENANT_ID)!.policies;
    expect(policies).toHaveLength(before + 1);
    expect(policies.at(-1)).toMatchObject({ displayName: 'Applied, answer lost' });
    // Only once: the next request goes through.
    expect((await call('GET', POLICIES)).status).toBe(200);
  });

  it('"drop" drops the connection without applying the write', async () => {
    const { emulator, call } = testEmulator();
    const [policy] = emulator.state.tenants.find((t) => t.id === CONTOSO_TENANT_ID)!.policies;
    emulator.setFaults(CONTOSO_TENANT_ID, { rules: [{ match: 'PATCH', fault: 'drop', times: 1 }] });
    await expect(call('PATCH', `${POLICIES}/${policy!.id as string}`, { body: { displayName: 'Never applied' } })).rejects.toBeInstanceOf(
      DroppedConnection,
    );
    expect((await (await call('GET', `${POLICIES}/${policy!.id as string}`)).json()) as object).toMatchObject({
      displayName: policy!.displayName,
    });
  });

  it('sends a 429 with Retry-After: 1 by default, the seconds given, or none', async () => {
    const { emulator, call } = testEmulator();
    const retryAfter = async (rule: { retryAfter?: number | null }) => {
      emulator.setFaults(CONTOSO_TENANT_ID, { rules: [{ match: `GET ${POLICIES}`, fault: 429, times: 1, ...rule }] });
      const response = await call('GET', POLICIES);
      expect(response.status).toBe(429);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('TooManyRequests');
      return response.headers.get('retry-after');
    };
    expect(await retryAfter({})).toBe('1');
    expect(await retryAfter({ retryAfter: 7 })).toBe('7');
    expect(await retryAfter({ retryAfter: null })).toBeNull();
  });

  it("answers each injected status with Graph's code and words for it, not a 5xx's", async () => {
    const { emulator, call } = testEmulator();
    const [policy] = emulator.state.tenants.find((t) => t.id === CONTOSO_TENANT_ID)!.policies;
    const injected = async (status: number, method: string, path: string) => {
      emulator.setFaults(CONTOSO_TENANT_ID, { rules: [{ match: `${method} ${path}`, fault: status, times: 1 }] });
      const response = await call(method, path, method === 'GET' ? {} : { body: { displayName: 'Refused' } });
      expect(response.status).toBe(status);
      return ((await response.json()) as { error: { code: string; message: string } }).error;
    };
    const one = `${POLICIES}/${policy!.id as string}`;
    expect(await injected(401, 'GET', POLICIES)).toEqual(
      expect.objectContaining({ code: 'InvalidAuthenticationToken', message: 'Access token has expired or is not yet valid.' }),
    );
    // Conditional Access refuses as it does without the permission: the scopes that would do.
    expect(await injected(403, 'PATCH', one)).toEqual(
      expect.objectContaining({ code: 'AccessDenied', message: expect.stringContaining('Policy.ReadWrite.ConditionalAccess') }),
    );
    // The directory refuses in its own words.
    expect(await injected(403, 'POST', '/v1.0/groups')).toEqual(
      expect.objectContaining({ code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' }),
    );
    expect(await injected(400, 'PATCH', one)).toEqual(
      expect.objectContaining({
        code: 'BadRequest',
        message: 'The server could not process the request because it is malformed or incorrect.',
      }),
    );
    expect(await injected(404, 'GET', one)).toEqual(expect.objectContaining({ code: 'ResourceNotFound' }));
    expect(await injected(404, 'GET', '/v1.0/users/someone')).toEqual(expect.objectContaining({ code: 'Request_ResourceNotFound' }));
    expect(await injected(409, 'PATCH', one)).toEqual(expect.objectContaining({ code: 'Conflict' }));
    expect(await injected(500, 'GET', POLICIES)).toEqual(
      expect.objectContaining({ code: 'InternalServerError', message: 'There was an internal server error while processing the request.' }),
    );
    expect(await injected(502, 'GET', POLICIES)).toEqual(expect.objectContaining({ code: 'BadGateway' }));
    expect(await injected(503, 'GET', POLICIES)).toEqual(
      expect.objectContaining({ code: 'ServiceUnavailable', message: 'The service is temporarily unavailable. Please retry later.' }),
    );
    expect(await injected(504, 'GET', POLICIES)).toEqual(expect.objectContaining({ code: 'GatewayTimeout' }));
    // Nothing was applied by the refused write.
    expect(emulator.state.tenants.find((t) => t.id === CONTOSO_TENANT_ID)!.policies[0]!.displayName).toBe(policy!.displayName);
  });
});
