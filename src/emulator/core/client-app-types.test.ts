// conditions.clientAppTypes: Required (v1.0/resources/conditionalaccessconditionset.md); Graph refuses
// an explicit [] with 1064 and names ['All'] as the way to target every client app.
import { describe, expect, it } from 'vitest';
import { testEmulator } from '../harness/test-emulator';
import type { JsonObject } from './model';

const POLICIES = '/v1.0/identity/conditionalAccess/policies';
const json = async (response: Response) => (await response.json()) as JsonObject;
const policy = (clientAppTypes?: unknown) => ({
  displayName: 'Client apps',
  state: 'disabled',
  conditions: {
    applications: { includeApplications: ['All'] },
    users: { includeUsers: ['None'] },
    ...(clientAppTypes === undefined ? {} : { clientAppTypes }),
  },
  grantControls: { operator: 'OR', builtInControls: ['mfa'] },
});
const innerMessage = async (response: Response) => String(((await json(response)).error as { innerError: JsonObject }).innerError.message);

describe('clientAppTypes', () => {
  it('refuses [] on create with 1064, saying to use All', async () => {
    const { call } = testEmulator();
    const response = await call('POST', POLICIES, { body: policy([]) });
    expect(response.status).toBe(400);
    expect(await innerMessage(response)).toMatch(/^1064: 'clientAppTypes' condition does not support \[\]\. .*\['All'\]/);
  });

  it('refuses [] in an update with 1064, and the policy keeps its client apps', async () => {
    const { call } = testEmulator();
    const created = await json(await call('POST', POLICIES, { body: policy(['browser']) }));
    const url = `${POLICIES}/${String(created.id)}`;
    const response = await call('PATCH', url, { body: { conditions: { clientAppTypes: [] } } });
    expect(response.status).toBe(400);
    expect(await innerMessage(response)).toMatch(/^1064:/);
    expect(((await json(await call('GET', url))).conditions as JsonObject).clientAppTypes).toEqual(['browser']);
  });

  it("accepts 'All' and stores it as 'all'", async () => {
    const { call } = testEmulator();
    const response = await call('POST', POLICIES, { body: policy(['All']) });
    expect(response.status).toBe(201);
    expect(((await json(response)).conditions as JsonObject).clientAppTypes).toEqual(['all']);
  });

  it("stores a create without clientAppTypes as ['all'], never []", async () => {
    const { call } = testEmulator();
    const response = await call('POST', POLICIES, { body: policy() });
    expect(response.status).toBe(201);
    expect(((await json(response)).conditions as JsonObject).clientAppTypes).toEqual(['all']);
  });
});
