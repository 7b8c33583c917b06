import { describe, expect, it } from 'vitest';
import { testEmulator } from '../harness/test-emulator';

type BatchBody = {
  responses: { id: string; status: number; headers: Record<string, string>; body?: { value?: unknown[]; error?: { code: string } } }[];
};

describe('$batch', () => {
  it('answers each request with its own status inside a 200', async () => {
    const { call } = testEmulator();
    const response = await call('POST', '/v1.0/$batch', {
      body: {
        requests: [
          { id: '1', method: 'GET', url: '/identity/conditionalAccess/policies?$select=displayName' },
          { id: '2', method: 'GET', url: '/identity/conditionalAccess/policies/00000000-0000-0000-0000-000000000000' },
          { id: '3', method: 'GET', url: '/groups?$top=2' },
        ],
      },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as BatchBody;
    const byId = Object.fromEntries(body.responses.map((r) => [r.id, r]));
    expect(byId['1']!.status).toBe(200);
    expect(byId['2']!.status).toBe(404);
    expect(byId['2']!.body!.error!.code).toBe('ResourceNotFound');
    expect(byId['3']!.body!.value).toHaveLength(2);
  });

  it('refuses more than 20 requests and duplicate ids', async () => {
    const { call } = testEmulator();
    const many = Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: '/groups' }));
    expect((await call('POST', '/v1.0/$batch', { body: { requests: many } })).status).toBe(400);
    const duplicate = [
      { id: 'a', method: 'GET', url: '/groups' },
      { id: 'a', method: 'GET', url: '/users' },
    ];
    expect((await call('POST', '/v1.0/$batch', { body: { requests: duplicate } })).status).toBe(400);
  });

  it('fails a request with 424 when the one it depends on failed', async () => {
    const { call } = testEmulator();
    const response = await call('POST', '/v1.0/$batch', {
      body: {
        requests: [
          { id: '1', method: 'GET', url: '/groups/00000000-0000-0000-0000-000000000000' },
          { id: '2', method: 'GET', url: '/groups', dependsOn: ['1'] },
        ],
      },
    });
    const body = (await response.json()) as BatchBody;
    expect(body.responses.find((r) => r.id === '2')!.status).toBe(424);
  });

  it('applies scopes and throttling to each request inside', async () => {
    const { call } = testEmulator({ rateLimits: true });
    const requests = Array.from({ length: 6 }, (_, i) => ({
      id: String(i),
      method: 'GET',
      url: '/identity/conditionalAccess/namedLocations',
    }));
    const body = (await (await call('POST', '/v1.0/$batch', { body: { requests } })).json()) as BatchBody;
    const statuses = body.responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(4);
    expect(statuses.filter((s) => s === 429)).toHaveLength(2);
    expect(body.responses.find((r) => r.status === 429)!.headers['Retry-After']).toBeUndefined();
  });
});

describe('directory lookups', () => {
  it('returns the objects getByIds finds and leaves out the rest', async () => {
    const { call, emulator } = testEmulator();
    const group = emulator.state.tenants[0]!.groups[0]!;
    const response = await call('POST', '/v1.0/directoryObjects/getByIds', {
      body: { ids: [group.id, '00000000-0000-0000-0000-00000000dead'], types: ['group', 'user'] },
    });
    const body = (await response.json()) as { value: { id: string; '@odata.type': string; displayName: string }[] };
    expect(body.value).toEqual([
      expect.objectContaining({ id: group.id, '@odata.type': '#microsoft.graph.group', displayName: group.displayName }),
    ]);
  });

  it('answers only the properties $select names, each object keeping its type', async () => {
    const { call, emulator } = testEmulator();
    const user = emulator.state.tenants[0]!.users[0]!;
    const response = await call('POST', '/v1.0/directoryObjects/getByIds?$select=id,displayName,userPrincipalName,appId', {
      body: { ids: [user.id], types: ['user'] },
    });
    const body = (await response.json()) as { value: Record<string, unknown>[] };
    expect(body.value).toEqual([
      { '@odata.type': '#microsoft.graph.user', id: user.id, displayName: user.displayName, userPrincipalName: user.userPrincipalName },
    ]);
  });

  it('saves the tenant after a write, never after a lookup sent as a POST (the demo keeps it in the browser’s storage)', async () => {
    let saves = 0;
    const { call, emulator } = testEmulator({ onChange: () => saves++ });
    const ids = emulator.state.tenants[0]!.users.slice(0, 3).map((u) => u.id);
    const lookups = await call('POST', '/v1.0/$batch', {
      body: {
        requests: [
          { id: '1', method: 'POST', url: '/directoryObjects/getByIds', body: { ids }, headers: { 'Content-Type': 'application/json' } },
          { id: '2', method: 'GET', url: '/groups?$top=1' },
        ],
      },
    });
    expect(lookups.status).toBe(200);
    expect(saves).toBe(0);
    const policy = emulator.state.tenants[0]!.policies[0]!;
    const updated = await call('PATCH', `/v1.0/identity/conditionalAccess/policies/${policy.id}`, { body: { state: 'disabled' } });
    expect(updated.status).toBe(204);
    expect(saves).toBe(1);
  });

  it('refuses more than 1000 ids', async () => {
    const { call } = testEmulator();
    const ids = Array.from({ length: 1001 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    expect((await call('POST', '/v1.0/directoryObjects/getByIds', { body: { ids } })).status).toBe(400);
  });

  it('finds service principals by appId with an in filter', async () => {
    const { call } = testEmulator();
    const filter = encodeURIComponent("appId in ('00000002-0000-0ff1-ce00-000000000000','cc15fd57-2c6c-4117-a88c-83b1d56b4bbe')");
    const body = (await (await call('GET', `/v1.0/servicePrincipals?$filter=${filter}&$select=appId,displayName`)).json()) as {
      value: { displayName: string }[];
    };
    expect(body.value.map((sp) => sp.displayName).sort()).toEqual(['Microsoft Teams Services', 'Office 365 Exchange Online']);
  });

  it('needs ConsistencyLevel: eventual for $search, as Graph does', async () => {
    const { call } = testEmulator();
    expect((await call('GET', '/v1.0/users?$search="displayName:grace"')).status).toBe(400);
    const found = await call('GET', '/v1.0/users?$search="displayName:grace"', { headers: { ConsistencyLevel: 'eventual' } });
    expect(((await found.json()) as { value: { displayName: string }[] }).value.map((u) => u.displayName)).toEqual(['Grace Kim']);
  });

  it('answers an unsupported filter with 400', async () => {
    const { call } = testEmulator();
    const response = await call('GET', `/v1.0/groups?$filter=${encodeURIComponent('displayName contains x')}`);
    expect(response.status).toBe(400);
  });
});

describe('named locations', () => {
  it('requires @odata.type on create and returns 201 with the location', async () => {
    const { call } = testEmulator();
    const body = { displayName: 'Lab', ipRanges: [{ '@odata.type': '#microsoft.graph.iPv4CidrRange', cidrAddress: '10.1.0.0/16' }] };
    expect((await call('POST', '/v1.0/identity/conditionalAccess/namedLocations', { body })).status).toBe(400);
    const created = await call('POST', '/v1.0/identity/conditionalAccess/namedLocations', {
      body: { '@odata.type': '#microsoft.graph.ipNamedLocation', ...body },
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ '@odata.type': '#microsoft.graph.ipNamedLocation', isTrusted: false });
  });

  it('soft-deletes and restores named locations in beta', async () => {
    const { call, emulator } = testEmulator();
    // A trusted location cannot be deleted: this one is not.
    const id = String(emulator.state.tenants[0]!.namedLocations.find((l) => l.isTrusted !== true)!.id);
    expect((await call('DELETE', `/v1.0/identity/conditionalAccess/namedLocations/${id}`)).status).toBe(204);
    const restored = await call('POST', `/beta/identity/conditionalAccess/deletedItems/namedLocations/${id}/restore`);
    expect(restored.status).toBe(200);
    expect((await call('GET', `/v1.0/identity/conditionalAccess/namedLocations/${id}`)).status).toBe(200);
  });
});
