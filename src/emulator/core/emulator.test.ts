import { describe, expect, it } from 'vitest';
import { testEmulator, READER_SCOPES } from '../harness/test-emulator';
import { PREPROD_TENANT_ID } from '../seed';

const POLICIES = '/v1.0/identity/conditionalAccess/policies';
const BETA_POLICIES = '/beta/identity/conditionalAccess/policies';
const DELETED = '/beta/identity/conditionalAccess/deletedItems/policies';

const minimalPolicy = {
  displayName: 'Test: require MFA',
  state: 'enabledForReportingButNotEnforced',
  conditions: { applications: { includeApplications: ['All'] }, users: { includeUsers: ['All'] }, clientAppTypes: ['all'] },
  grantControls: { operator: 'OR', builtInControls: ['mfa'] },
};

type GraphErrorBody = {
  error: {
    code: string;
    message: string;
    innerError: { message?: string; 'request-id': string; 'client-request-id': string; date: string };
  };
};

async function errorOf(response: Response) {
  const body = (await response.json()) as GraphErrorBody;
  return { status: response.status, ...body.error };
}

describe('conditional access policies', () => {
  it('lists every policy of the tenant in one page, in the full shape', async () => {
    const { call } = testEmulator();
    const response = await call('GET', POLICIES);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { value: Record<string, unknown>[]; '@odata.context': string };
    expect(body['@odata.context']).toContain('$metadata#identity/conditionalAccess/policies');
    expect(body.value.length).toBeGreaterThanOrEqual(30);
    expect(new Set(body.value.map((p) => p.state))).toEqual(new Set(['enabled', 'disabled', 'enabledForReportingButNotEnforced']));
    const first = body.value[0] as { conditions: { users: { includeRoles: unknown } } };
    expect(first.conditions.users.includeRoles).toEqual(expect.any(Array));
  });

  it('keeps tenants apart', async () => {
    const { call } = testEmulator();
    const contoso = (await (await call('GET', POLICIES)).json()) as { value: unknown[] };
    const preprod = (await (await call('GET', POLICIES, { tenantId: PREPROD_TENANT_ID })).json()) as { value: unknown[] };
    expect(preprod.value.length).toBeLessThan(contoso.value.length);
  });

  it('expands the authentication strength inline', async () => {
    const { call } = testEmulator();
    const body = (await (await call('GET', `${POLICIES}?$filter=startswith(displayName,'CA003')`)).json()) as {
      value: { grantControls: Record<string, { displayName?: string }> }[];
    };
    expect(body.value).toHaveLength(1);
    expect(body.value[0]!.grantControls.authenticationStrength!.displayName).toBe('Phishing-resistant MFA');
    expect(body.value[0]!.grantControls['authenticationStrength@odata.context']).toBeDefined();
  });

  it('creates a policy: 201 with the whole object, service-owned fields filled in', async () => {
    const { call } = testEmulator();
    const response = await call('POST', POLICIES, { body: minimalPolicy });
    expect(response.status).toBe(201);
    const created = (await response.json()) as Record<string, unknown> & { conditions: { users: Record<string, unknown> } };
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.createdDateTime).toBe('2026-11-20T10:00:00.000Z');
    expect(created.modifiedDateTime).toBeNull();
    expect(created.conditions.users.excludeGroups).toEqual([]);
    expect(created.sessionControls).toBeNull();
    const fetched = await call('GET', `${POLICIES}/${String(created.id)}`);
    expect(fetched.status).toBe(200);
  });

  it('rejects a body that does not match the schema with 1007', async () => {
    const { call } = testEmulator();
    const error = await errorOf(await call('POST', POLICIES, { body: { displayName: 'x', state: 'on' } }));
    expect(error.status).toBe(400);
    expect(error.code).toBe('BadRequest');
    expect(error.message).toMatch(/^1007:/);
    expect(error.innerError['request-id']).toMatch(/[0-9a-f-]{36}/);
  });

  it('rejects applications together with user actions with 1012', async () => {
    const { call } = testEmulator();
    const body = {
      ...minimalPolicy,
      conditions: {
        ...minimalPolicy.conditions,
        applications: { includeApplications: ['All'], includeUserActions: ['urn:user:registersecurityinfo'] },
      },
    };
    const error = await errorOf(await call('POST', POLICIES, { body }));
    expect(error.status).toBe(400);
    expect(error.innerError.message).toMatch(/^1012:/);
  });

  it('rejects password change without MFA under AND with 1032', async () => {
    const { call } = testEmulator();
    const body = { ...minimalPolicy, grantControls: { operator: 'OR', builtInControls: ['mfa', 'passwordChange'] } };
    const error = await errorOf(await call('POST', POLICIES, { body }));
    expect(error.innerError.message).toMatch(/^1032:/);
  });

  it('rejects a read-only templateId with 1118, and ignores other service-owned fields', async () => {
    const { call } = testEmulator();
    const withTemplate = await errorOf(
      await call('POST', POLICIES, { body: { ...minimalPolicy, templateId: 'c7503427-338e-4c5e-902d-abe252abfb43' } }),
    );
    expect(withTemplate.innerError.message).toMatch(/^1118:/);
    const withId = await call('POST', POLICIES, {
      body: { ...minimalPolicy, id: 'whatever', createdDateTime: '2020-01-01T00:00:00Z', '@odata.context': 'x' },
    });
    expect(withId.status).toBe(201);
  });

  it('rejects malformed JSON with Graph’s message', async () => {
    const { call } = testEmulator();
    const error = await errorOf(await call('POST', POLICIES, { rawBody: '{"displayName": ' }));
    expect(error.status).toBe(400);
    expect(error.message).toContain('Unable to read JSON request payload');
  });

  it('updates with 204: nested objects merge, arrays are replaced, modifiedDateTime is set', async () => {
    const { call, clock } = testEmulator();
    const list = (await (await call('GET', `${POLICIES}?$filter=startswith(displayName,'CA001')`)).json()) as {
      value: { id: string; conditions: { users: { excludeGroups: string[]; includeUsers: string[] } } }[];
    };
    const policy = list.value[0]!;
    clock.advance(60_000);
    const response = await call('PATCH', `${POLICIES}/${policy.id}`, {
      body: { state: 'disabled', conditions: { users: { excludeGroups: [] } } },
    });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    const after = (await (await call('GET', `${POLICIES}/${policy.id}`)).json()) as {
      state: string;
      modifiedDateTime: string;
      conditions: { users: { excludeGroups: string[]; includeUsers: string[] }; clientAppTypes: string[] };
    };
    expect(after.state).toBe('disabled');
    expect(after.conditions.users.excludeGroups).toEqual([]);
    expect(after.conditions.users.includeUsers).toEqual(['All']);
    expect(after.modifiedDateTime).toBe('2026-11-20T10:01:00.000Z');
  });

  it('answers 404 in Graph’s error shape for an unknown id', async () => {
    const { call } = testEmulator();
    const error = await errorOf(
      await call('GET', `${POLICIES}/00000000-1111-2222-3333-444444444444`, { headers: { 'client-request-id': 'abc-123' } }),
    );
    expect(error.status).toBe(404);
    expect(error.innerError['client-request-id']).toBe('abc-123');
    expect(error.innerError.date).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('enforces the 195-policy cap', async () => {
    const { call, emulator } = testEmulator();
    const tenant = emulator.state.tenants[0]!;
    const template = tenant.policies[0]!;
    while (tenant.policies.length < 195) tenant.policies.push({ ...template, id: crypto.randomUUID() });
    const error = await errorOf(await call('POST', POLICIES, { body: minimalPolicy }));
    expect(error.status).toBe(400);
    expect(error.message).toContain('195');
  });
});

describe('soft delete', () => {
  it('deletes with 204 into deletedItems, restores with 200 and the policy, purges with 204', async () => {
    const { call } = testEmulator();
    const created = (await (await call('POST', POLICIES, { body: minimalPolicy })).json()) as { id: string };
    expect((await call('DELETE', `${POLICIES}/${created.id}`)).status).toBe(204);
    expect((await call('GET', `${POLICIES}/${created.id}`)).status).toBe(404);

    const deleted = (await (await call('GET', DELETED)).json()) as { value: { id: string; deletedDateTime: string }[] };
    expect(deleted.value.find((p) => p.id === created.id)?.deletedDateTime).toBe('2026-11-20T10:00:00.000Z');

    const restore = await call('POST', `${DELETED}/${created.id}/restore`);
    expect(restore.status).toBe(200);
    // conditionalaccesspolicy-restore.md: the restored policy comes wrapped in "value".
    const restored = ((await restore.json()) as { value: { id: string; deletedDateTime: unknown; state: string } }).value;
    expect(restored).toMatchObject({ id: created.id, deletedDateTime: null, state: 'enabledForReportingButNotEnforced' });
    expect((await call('GET', `${BETA_POLICIES}/${created.id}`)).status).toBe(200);

    await call('DELETE', `${POLICIES}/${created.id}`);
    expect((await call('DELETE', `${DELETED}/${created.id}`)).status).toBe(204);
    expect((await call('GET', `${DELETED}/${created.id}`)).status).toBe(404);
  });

  it('keeps deleted policies for 30 days only', async () => {
    const { call, clock } = testEmulator();
    const created = (await (await call('POST', POLICIES, { body: minimalPolicy })).json()) as { id: string };
    await call('DELETE', `${POLICIES}/${created.id}`);
    clock.advance(29 * 86_400_000);
    expect((await call('GET', `${DELETED}/${created.id}`)).status).toBe(200);
    clock.advance(2 * 86_400_000);
    expect((await call('GET', `${DELETED}/${created.id}`)).status).toBe(404);
    expect((await call('POST', `${DELETED}/${created.id}/restore`)).status).toBe(404);
  });

  it('serves deletedItems in beta only', async () => {
    const { call } = testEmulator();
    const error = await errorOf(await call('GET', '/v1.0/identity/conditionalAccess/deletedItems/policies'));
    expect(error.status).toBe(404);
    expect(error.code).toBe('UnknownError');
  });
});

describe('audit log', () => {
  it('records every change with the whole policy as JSON strings', async () => {
    const { call } = testEmulator();
    const created = (await (await call('POST', POLICIES, { body: minimalPolicy })).json()) as { id: string };
    await call('PATCH', `${POLICIES}/${created.id}`, { body: { state: 'enabled' } });
    await call('DELETE', `${POLICIES}/${created.id}`);
    const filter = `targetResources/any(t: t/id eq '${created.id}')`;
    const body = (await (await call('GET', `/v1.0/auditLogs/directoryAudits?$filter=${encodeURIComponent(filter)}`)).json()) as {
      value: {
        activityDisplayName: string;
        targetResources: { modifiedProperties: { oldValue: string | null; newValue: string | null }[] }[];
      }[];
    };
    expect(body.value.map((e) => e.activityDisplayName)).toEqual([
      'Delete conditional access policy',
      'Update conditional access policy',
      'Add conditional access policy',
    ]);
    const update = body.value[1]!.targetResources[0]!.modifiedProperties[0]!;
    expect(JSON.parse(update.oldValue!)).toMatchObject({ state: 'enabledForReportingButNotEnforced' });
    expect(JSON.parse(update.newValue!)).toMatchObject({ state: 'enabled' });
  });

  it('has a seeded trail of recent changes, newest first, with paging', async () => {
    const { call } = testEmulator();
    const first = (await (await call('GET', '/v1.0/auditLogs/directoryAudits?$top=3')).json()) as {
      value: { activityDateTime: string }[];
      '@odata.nextLink'?: string;
    };
    expect(first.value).toHaveLength(3);
    expect(Date.parse(first.value[0]!.activityDateTime)).toBeGreaterThanOrEqual(Date.parse(first.value[1]!.activityDateTime));
    expect(first['@odata.nextLink']).toBeDefined();
    const next = new URL(first['@odata.nextLink']!);
    const second = await call('GET', `${next.pathname}${next.search}`);
    expect(second.status).toBe(200);
  });
});

describe('authentication and scopes', () => {
  it('answers 401 without a bearer token', async () => {
    const { emulator } = testEmulator();
    const response = await emulator.handle(new Request(`https://graph.microsoft.com${POLICIES}`));
    expect(response.status).toBe(401);
    expect(((await response.json()) as GraphErrorBody).error.code).toBe('InvalidAuthenticationToken');
  });

  it('answers 403 AccessDenied when the token lacks the scope for a write', async () => {
    const { call } = testEmulator();
    expect((await call('GET', POLICIES, { scopes: READER_SCOPES })).status).toBe(200);
    const error = await errorOf(await call('POST', POLICIES, { body: minimalPolicy, scopes: READER_SCOPES }));
    expect(error.status).toBe(403);
    expect(error.code).toBe('AccessDenied');
    expect(error.message).toContain('Policy.ReadWrite.ConditionalAccess');
  });

  it('needs AuditLog.Read.All for the audit log', async () => {
    const { call } = testEmulator();
    expect((await call('GET', '/v1.0/auditLogs/directoryAudits', { scopes: READER_SCOPES })).status).toBe(403);
  });
});

describe('throttling', () => {
  it('limits CA resources to 1 request per second per tenant, with no Retry-After', async () => {
    const { call, clock } = testEmulator({ rateLimits: true });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await call('GET', POLICIES)).status);
    expect(statuses.slice(0, 4)).toEqual([200, 200, 200, 200]);
    const throttled = await call('GET', POLICIES);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBeNull();
    expect(((await throttled.json()) as GraphErrorBody).error.code).toBe('TooManyRequests');
    // Other tenants have their own budget; directory reads are not CA resources.
    expect((await call('GET', POLICIES, { tenantId: PREPROD_TENANT_ID })).status).toBe(200);
    expect((await call('GET', '/v1.0/groups')).status).toBe(200);
    clock.advance(1000);
    expect((await call('GET', POLICIES)).status).toBe(200);
  });

  it('limits the audit log with a Retry-After', async () => {
    const { call } = testEmulator({ rateLimits: true });
    for (let i = 0; i < 5; i++) expect((await call('GET', '/v1.0/auditLogs/directoryAudits')).status).toBe(200);
    const throttled = await call('GET', '/v1.0/auditLogs/directoryAudits');
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('fault injection', () => {
  it('fails matching requests with a 5xx a set number of times', async () => {
    const { call, emulator } = testEmulator();
    emulator.setFaults(emulator.state.tenants[0]!.id, {
      rules: [{ match: 'GET /v1.0/identity/conditionalAccess/policies', fault: 503, times: 1 }],
    });
    const failed = await errorOf(await call('GET', POLICIES));
    expect(failed.status).toBe(503);
    expect(failed.code).toBe('ServiceUnavailable');
    expect((await call('GET', POLICIES)).status).toBe(200);
  });

  it('drops the connection when asked to', async () => {
    const { call, emulator } = testEmulator();
    emulator.setFaults(emulator.state.tenants[0]!.id, { rules: [{ match: 'policies', fault: 'drop', times: 1 }] });
    await expect(call('GET', POLICIES)).rejects.toThrow(/dropped/i);
  });
});
