// Graph reads a path's segments in any case: v1.0/api/directoryaudit-list.md writes
// GET /auditLogs/directoryaudits.
import { describe, expect, it } from 'vitest';
import { testEmulator } from '../harness/test-emulator';
import type { JsonObject } from './model';

describe('paths in another case', () => {
  it('list the directory audits as the documentation writes the path', async () => {
    const { call } = testEmulator();
    const response = await call('GET', '/v1.0/auditLogs/directoryaudits');
    expect(response.status).toBe(200);
    expect(Array.isArray(((await response.json()) as JsonObject).value)).toBe(true);
  });

  it('reach a policy by its id, which keeps its own case', async () => {
    const { call, emulator } = testEmulator();
    const id = String(emulator.state.tenants[0]!.policies[0]!.id);
    const response = await call('GET', `/v1.0/IDENTITY/conditionalaccess/Policies/${id}`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as JsonObject).id).toBe(id);
  });
});
