// auditLogs/signIns as Graph's pages document it (api-reference/beta/api/signin-list.md, signin-get.md,
// resources/signin.md, appliedconditionalaccesspolicy.md): the beta shape newest first, 1,000 a page
// with @odata.nextLink, $filter on time, user and app, interactive sign-ins unless the filter asks
// otherwise, report-only results only with `Prefer: include-unknown-enum-members`, the permissions,
// the licence refusal and the reports throttle; and sign-ins made through the control method.
import { describe, expect, it } from 'vitest';
import { testEmulator } from '../harness/test-emulator';
import { CONTOSO_TENANT_ID } from '../seed';
import { contosoDirectory as d } from '../seed/contoso';
import { microsoftApps } from '../seed/apps';
import { GraphError } from './http';
import { presentSignIn } from './sign-ins/present';
import type { JsonObject } from './model';

type SignIn = JsonObject & { appliedConditionalAccessPolicies: JsonObject[]; status: JsonObject };
const PATH = '/beta/auditLogs/signIns';
const PREFER = { prefer: 'include-unknown-enum-members' };

async function list(call: ReturnType<typeof testEmulator>['call'], query = '', headers: Record<string, string> = {}) {
  const response = await call('GET', `${PATH}${query}`, { headers });
  expect(response.status).toBe(200);
  return (await response.json()) as { value: SignIn[]; '@odata.nextLink'?: string; '@odata.context': string };
}

describe('listing sign-ins (signin-list.md)', () => {
  it('answers the beta shape, newest first, 1,000 a page with a nextLink that continues without overlap', async () => {
    const { call } = testEmulator();
    const first = await list(call);
    expect(first['@odata.context']).toBe('https://graph.microsoft.com/beta/$metadata#auditLogs/signIns');
    expect(first.value).toHaveLength(1000);
    const times = first.value.map((s) => Date.parse(String(s.createdDateTime)));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(first.value[0]).toMatchObject({
      id: expect.any(String),
      userId: expect.any(String),
      userPrincipalName: expect.any(String),
      appId: expect.any(String),
      ipAddress: expect.any(String),
      location: { countryOrRegion: expect.any(String) },
      deviceDetail: { operatingSystem: expect.any(String), isCompliant: expect.any(Boolean) },
      status: { errorCode: expect.any(Number) },
      conditionalAccessStatus: expect.stringMatching(/^(success|failure|notApplied)$/),
      isInteractive: true,
      signInEventTypes: ['interactiveUser'],
    });
    const policy = first.value[0]!.appliedConditionalAccessPolicies[0]!;
    expect(Object.keys(policy).sort()).toEqual(
      [
        'conditionsNotSatisfied',
        'conditionsSatisfied',
        'displayName',
        'enforcedGrantControls',
        'enforcedSessionControls',
        'id',
        'result',
      ].sort(),
    );

    const next = first['@odata.nextLink']!;
    expect(next).toMatch(/%24skiptoken=|\$skiptoken=/);
    const second = await list(call, next.slice(next.indexOf('?')));
    const ids = new Set(first.value.map((s) => s.id));
    expect(second.value.length).toBeGreaterThan(0);
    expect(second.value.some((s) => ids.has(s.id))).toBe(false);
  });

  it('honours $top up to the documented maximum of 1,000', async () => {
    const { call } = testEmulator();
    const page = await list(call, '?$top=50');
    expect(page.value).toHaveLength(50);
    expect(page['@odata.nextLink']).toContain('%24top=50');
    expect((await list(call, '?$top=5000')).value).toHaveLength(1000);
  });

  it('sends each sign-in whole, as built from the log, read after read; $select still trims it', async () => {
    const { call, emulator } = testEmulator();
    const tenant = emulator.state.tenants.find((t) => t.id === CONTOSO_TENANT_ID)!;
    const built = (page: { value: SignIn[] }, includeUnknown: boolean) =>
      page.value.map((s) =>
        presentSignIn(
          tenant,
          tenant.signInLog!.entries.find((e) => e.id === s.id)!,
          includeUnknown,
        ),
      );
    for (let read = 0; read < 2; read++) {
      const opted = await list(call, '?$top=200', PREFER);
      expect(opted.value).toEqual(built(opted, true));
      const plain = await list(call, '?$top=200');
      expect(plain.value).toEqual(built(plain, false));
    }
    const trimmed = await list(call, '?$top=200&$select=id,userId', PREFER);
    expect(trimmed.value.every((s) => Object.keys(s).sort().join() === 'id,userId')).toBe(true);
  });

  it('returns only interactive sign-ins unless the filter names signInEventTypes (signin.md)', async () => {
    const { call } = testEmulator();
    const all = await list(call, '?$top=1000');
    expect(all.value.every((s) => s.isInteractive === true)).toBe(true);
    const nonInteractive = await list(call, `?$filter=signInEventTypes/any(t: t eq 'nonInteractiveUser')`);
    expect(nonInteractive.value.length).toBeGreaterThan(0);
    expect(nonInteractive.value.every((s) => s.isInteractive === false)).toBe(true);
    const workloads = await list(call, `?$filter=signInEventTypes/any(t: t eq 'servicePrincipal')`);
    expect(workloads.value.length).toBeGreaterThan(0);
    expect(workloads.value.every((s) => s.servicePrincipalId !== '' && s.userId === '')).toBe(true);
    const users = await list(call, `?$filter=signInEventTypes/any(t: t eq 'interactiveUser' or t eq 'nonInteractiveUser')&$top=1000`);
    expect(users.value.some((s) => s.isInteractive === false) && users.value.some((s) => s.isInteractive === true)).toBe(true);
    expect(users.value.every((s) => s.userId !== '')).toBe(true);
  });

  it('filters by createdDateTime ge/le, userId, userPrincipalName and appId, joined with and', async () => {
    const { call, clock } = testEmulator();
    const from = new Date(clock.now.getTime() - 2 * 86_400_000).toISOString();
    const to = new Date(clock.now.getTime() - 86_400_000).toISOString();
    const window = await list(call, `?$filter=createdDateTime ge ${from} and createdDateTime le ${to}`);
    expect(window.value.length).toBeGreaterThan(50);
    expect(window.value.every((s) => String(s.createdDateTime) >= from && String(s.createdDateTime) <= to)).toBe(true);

    const hugo = d.user('Hugo Lefevre');
    const byUser = await list(call, `?$filter=userId eq '${hugo}' and appId eq '${microsoftApps.teams.appId}'`);
    expect(byUser.value.length).toBeGreaterThan(0);
    expect(byUser.value.every((s) => s.userId === hugo && s.appId === microsoftApps.teams.appId)).toBe(true);
    const byName = await list(call, `?$filter=userPrincipalName eq 'hugo.lefevre@contoso.example'`);
    expect(byName.value.map((s) => s.id)).toEqual((await list(call, `?$filter=userId eq '${hugo}'`)).value.map((s) => s.id));
  });

  it('shows a guest by their own address in lower case, with their home tenant', async () => {
    const { call } = testEmulator();
    const sam = await list(call, `?$filter=userId eq '${d.user('Sam Carter')}'&$top=1`);
    expect(sam.value[0]).toMatchObject({
      userPrincipalName: 'sam.carter@fabrikam.example',
      userType: 'guest',
      crossTenantAccessType: 'b2bCollaboration',
    });
  });
});

describe('report-only results and the Prefer header (appliedconditionalaccesspolicy.md)', () => {
  it('sends reportOnly* results and servicePrincipals conditions only to callers that opt in', async () => {
    const { call } = testEmulator();
    const results = (page: { value: SignIn[] }) =>
      page.value.flatMap((s) => s.appliedConditionalAccessPolicies.map((p) => String(p.result)));
    const plain = results(await list(call));
    const opted = results(await list(call, '', PREFER));
    expect(plain.some((r) => r.startsWith('reportOnly'))).toBe(false);
    expect(plain).toContain('unknownFutureValue');
    expect(opted).toEqual(expect.arrayContaining(['reportOnlySuccess', 'reportOnlyFailure', 'reportOnlyNotApplied']));
    expect(opted).not.toContain('unknownFutureValue');
    // Asked again without opting in, the page is as it was: what one caller was sent is not what the next gets.
    expect(results(await list(call))).toEqual(plain);
    // Enforced results are the same either way.
    expect(plain.filter((r) => !r.startsWith('unknown'))).toEqual(opted.filter((r) => !r.startsWith('reportOnly')));

    const filter = `?$filter=signInEventTypes/any(t: t eq 'servicePrincipal')`;
    const conditions = (page: { value: SignIn[] }) =>
      page.value.flatMap((s) => s.appliedConditionalAccessPolicies.map((p) => String(p.conditionsSatisfied)));
    expect(conditions(await list(call, filter)).some((c) => c.includes('servicePrincipals'))).toBe(false);
    expect(conditions(await list(call, filter, PREFER)).some((c) => c.includes('servicePrincipals'))).toBe(true);
  });
});

describe('access to the sign-in log', () => {
  it('needs AuditLog.Read.All and Directory.Read.All, each refusal naming the missing one', async () => {
    const { call } = testEmulator();
    const noAudit = await call('GET', PATH, { scopes: ['Directory.Read.All'] });
    expect(noAudit.status).toBe(403);
    expect(((await noAudit.json()) as { error: JsonObject }).error).toMatchObject({
      code: 'Authentication_MSGraphPermissionMissing',
      message: expect.stringContaining('AuditLog.Read.All'),
    });
    const noDirectory = await call('GET', PATH, { scopes: ['AuditLog.Read.All'] });
    expect(noDirectory.status).toBe(403);
    expect(((await noDirectory.json()) as { error: JsonObject }).error.message).toContain('Directory.Read.All');
  });

  it('refuses a tenant without a P1 or P2 licence with 403 and the licence code', async () => {
    const { call, emulator } = testEmulator();
    emulator.setFaults(CONTOSO_TENANT_ID, { unlicensed: true });
    const response = await call('GET', PATH);
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: JsonObject }).error).toMatchObject({
      code: 'Authentication_RequestFromNonPremiumTenantOrB2CTenant',
      message: "Neither tenant is B2C or tenant doesn't have premium license",
    });
  });

  it('throttles at 5 requests per 10 seconds with 429 and Retry-After', async () => {
    const { call, clock } = testEmulator({ rateLimits: true });
    for (let index = 0; index < 5; index++) expect((await call('GET', `${PATH}?$top=1`)).status).toBe(200);
    const throttled = await call('GET', `${PATH}?$top=1`);
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    clock.advance(Number(throttled.headers.get('retry-after')) * 1000);
    expect((await call('GET', `${PATH}?$top=1`)).status).toBe(200);
  });
});

describe('one sign-in (signin-get.md) and the control method that makes sign-ins happen', () => {
  it('records a sign-in decided against the policies now, lists it first and gets it by id', async () => {
    const { call, emulator, clock } = testEmulator();
    const [made] = emulator.recordSignIns(CONTOSO_TENANT_ID, {
      userId: d.user('Grace Kim'),
      appId: microsoftApps.exchangeOnline.appId,
      ipAddress: '84.20.30.40',
      country: 'BR',
    });
    expect(made).toMatchObject({
      createdDateTime: clock.now.toISOString(),
      conditionalAccessStatus: 'failure',
      status: { errorCode: 53003 },
    });
    const blockedBy = (made!.appliedConditionalAccessPolicies as JsonObject[])
      .filter((p) => p.result === 'failure')
      .map((p) => p.displayName);
    expect(blockedBy).toContain('CA006: Block access from outside allowed countries');

    expect((await list(call, '?$top=1')).value[0]!.id).toBe(made!.id);
    const one = await call('GET', `${PATH}/${String(made!.id)}`, { headers: PREFER });
    expect(one.status).toBe(200);
    expect(await one.json()).toMatchObject({
      '@odata.context': 'https://graph.microsoft.com/beta/$metadata#auditLogs/signIns/$entity',
      ...made,
    });
    expect((await call('GET', `${PATH}/not-a-sign-in`)).status).toBe(404);
  });

  it('refuses facts it cannot decide, naming the sign-in and the field', () => {
    const { emulator } = testEmulator();
    const attempt = (facts: unknown) => () => emulator.recordSignIns(CONTOSO_TENANT_ID, facts);
    expect(
      attempt([
        { userId: d.user('Grace Kim'), appId: 'x', ipAddress: '1.2.3.4' },
        { appId: 'x', ipAddress: '1.2.3.4' },
      ]),
    ).toThrow(/Sign-in 1: give exactly one of "userId" and "servicePrincipalId"/);
    expect(attempt({ userId: d.user('Grace Kim'), appId: 'x', ipAddress: '1.2.3.4', platform: 'amiga' })).toThrow(
      /"platform" must be one of/,
    );
    expect(attempt({ userId: 'nobody', appId: 'x', ipAddress: '1.2.3.4' })).toThrow(GraphError);
  });
});
