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
});
