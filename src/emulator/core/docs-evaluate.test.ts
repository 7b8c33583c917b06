// What If (api-reference/v1.0/api/conditionalaccessroot-evaluate.md) sent as the page writes it, with
// the defaults of signinconditions.md, and checkMemberGroups (directoryobject-checkmembergroups.md).
import { describe, expect, it } from 'vitest';
import { testEmulator } from '../harness/test-emulator';
import { CONTOSO_TENANT_ID } from '../seed';
import { microsoftApps } from '../seed/apps';
import { contosoDirectory as d } from '../seed/contoso';
import type { JsonObject } from './model';

type Result = JsonObject & { policyApplies: boolean; analysisReasons: string; displayName: string };
const hugo = d.user('Hugo Lefevre');

async function evaluate(call: ReturnType<typeof testEmulator>['call'], body: unknown, version = 'v1.0') {
  const response = await call('POST', `/${version}/identity/conditionalAccess/evaluate`, { body });
  return { status: response.status, body: (await response.json()) as { value: Result[]; error?: JsonObject; '@odata.context'?: string } };
}
const byName = (results: Result[]) => new Map(results.map((r) => [r.displayName.slice(0, 5), r]));
const user = { '@odata.type': '#microsoft.graph.userSignIn', userId: hugo };
const app = (appId: string) => ({ '@odata.type': '#microsoft.graph.applicationContext', includeApplications: [appId] });

describe('What If (conditionalaccessroot-evaluate.md)', () => {
  it('answers the page’s first example: the policies that apply, each whole with policyApplies and notSet', async () => {
    const { call } = testEmulator();
    const { status, body } = await evaluate(call, {
      signInIdentity: user,
      signInContext: app(microsoftApps.sharePointOnline.appId),
      signInConditions: {
        devicePlatform: 'android',
        clientAppType: 'browser',
        signInRiskLevel: 'high',
        userRiskLevel: 'high',
        country: 'US',
        ipAddress: '40.77.182.32',
        insiderRiskLevel: 'elevated',
        authenticationFlow: { transferMethod: 'deviceCodeFlow' },
        deviceInfo: { isCompliant: true },
      },
      appliedPoliciesOnly: true,
    });
    expect(status).toBe(200);
    expect(body['@odata.context']).toBe('https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.whatIfAnalysisResult)');
    expect(body.value.every((r) => r.policyApplies && r.analysisReasons === 'notSet')).toBe(true);
    const applied = byName(body.value);
    for (const name of ['CA001', 'CA011', 'CA012', 'CA013', 'CA018', 'CA021']) expect(applied.has(name), name).toBe(true);
    // A compliant device is outside CA010's filter; Teams and Exchange only for CA030; not a guest for CA014.
    for (const name of ['CA010', 'CA030', 'CA014']) expect(applied.has(name), name).toBe(false);
    expect(applied.get('CA011')).toMatchObject({
      state: 'enabled',
      conditions: { signInRiskLevels: ['high', 'medium'] },
      grantControls: { builtInControls: ['mfa'] },
    });
  });

  it('lists every policy without appliedPoliciesOnly, with the reason each one does not apply', async () => {
    const { call } = testEmulator();
    const { body } = await evaluate(call, {
      signInIdentity: user,
      signInContext: app(microsoftApps.exchangeOnline.appId),
      signInConditions: {
        devicePlatform: 'windows',
        clientAppType: 'mobileAppsAndDesktopClients',
        ipAddress: '203.0.113.7',
        country: 'NL',
      },
    });
    const all = byName(body.value);
    expect(body.value.length).toBeGreaterThan(30);
    expect(all.get('CA001')).toMatchObject({ policyApplies: true, analysisReasons: 'notSet' });
    expect(all.get('CA002')).toMatchObject({ policyApplies: false, analysisReasons: 'clientApps' });
    expect(all.get('CA005')).toMatchObject({ policyApplies: false, analysisReasons: 'application' });
    expect(all.get('CA009')).toMatchObject({ policyApplies: false, analysisReasons: 'users' });
    expect(all.get('CA011')).toMatchObject({ policyApplies: false, analysisReasons: 'signInRisk' });
    expect(all.get('CA030')).toMatchObject({ policyApplies: false, analysisReasons: 'location' });
    expect(all.get('CA027')).toMatchObject({ policyApplies: false, analysisReasons: 'policyNotEnabled' });
  });

  it('with the documented defaults (platform and client app "all", no location), cannot decide conditions on them', async () => {
    const { call } = testEmulator();
    const { body } = await evaluate(call, {
      signInIdentity: user,
      signInContext: app(microsoftApps.exchangeOnline.appId),
      signInConditions: {},
    });
    const all = byName(body.value);
    expect(all.get('CA001')).toMatchObject({ policyApplies: true, analysisReasons: 'notSet' });
    expect(all.get('CA002')).toMatchObject({ policyApplies: false, analysisReasons: 'notEnoughInformation' });
    expect(all.get('CA006')).toMatchObject({ policyApplies: false, analysisReasons: 'notEnoughInformation' });
    expect(all.get('CA008')).toMatchObject({ policyApplies: false, analysisReasons: 'notEnoughInformation' });
    // deviceinfo.md: isCompliant defaults to false, so CA010's filter matches.
    expect(all.get('CA010')).toMatchObject({ policyApplies: true });
  });

  it('evaluates user actions, authentication contexts and service principals, in beta too', async () => {
    const { call } = testEmulator();
    const register = await evaluate(
      call,
      {
        signInIdentity: user,
        signInContext: { '@odata.type': '#microsoft.graph.userActionContext', userAction: 'registerSecurityInformation' },
        signInConditions: { ipAddress: '84.20.30.40', country: 'NL' },
        appliedPoliciesOnly: true,
      },
      'beta',
    );
    expect(register.body.value.map((r) => r.displayName.slice(0, 5))).toEqual(['CA004']);
    const context = await evaluate(call, {
      signInIdentity: user,
      signInContext: { '@odata.type': '#microsoft.graph.authContext', authenticationContextValue: 'c1' },
      signInConditions: { ipAddress: '84.20.30.40', country: 'NL' },
    });
    expect(byName(context.body.value).get('CA019')).toMatchObject({ policyApplies: true });
    expect(byName(context.body.value).get('CA001')).toMatchObject({ policyApplies: false, analysisReasons: 'authenticationContext' });
    const workload = await evaluate(call, {
      signInIdentity: {
        '@odata.type': '#microsoft.graph.servicePrincipalSignIn',
        servicePrincipalId: d.servicePrincipal('Contoso Payroll Sync'),
      },
      signInContext: app(microsoftApps.microsoftGraph.appId),
      signInConditions: { servicePrincipalRiskLevel: 'high', country: 'CA', ipAddress: '40.77.182.32' },
      appliedPoliciesOnly: true,
    });
    expect(workload.body.value.map((r) => r.displayName.slice(0, 5)).sort()).toEqual(['CA016', 'CA017']);
  });

  it('answers 400 in Graph’s error shape for a missing required part or an unknown user', async () => {
    const { call } = testEmulator();
    for (const missing of ['signInIdentity', 'signInContext', 'signInConditions']) {
      const body: JsonObject = { signInIdentity: user, signInContext: app(microsoftApps.exchangeOnline.appId), signInConditions: {} };
      delete body[missing];
      const answer = await evaluate(call, body);
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatchObject({ code: 'BadRequest', message: expect.stringContaining(missing) });
      expect(answer.body.error?.innerError).toMatchObject({ 'request-id': expect.any(String) });
    }
    const stranger = await evaluate(call, {
      signInIdentity: { ...user, userId: '00000000-0000-0000-0000-00000000beef' },
      signInContext: app('x'),
      signInConditions: {},
    });
    expect(stranger.status).toBe(400);
    expect(stranger.body.error?.message).toContain('userId does not exist');
  });

  it('needs a Conditional Access read permission', async () => {
    const { call } = testEmulator();
    const response = await call('POST', '/v1.0/identity/conditionalAccess/evaluate', {
      scopes: ['Directory.Read.All'],
      body: { signInIdentity: user, signInContext: app('x'), signInConditions: {} },
    });
    expect(response.status).toBe(403);
    const granted = await call('POST', '/v1.0/identity/conditionalAccess/evaluate', {
      scopes: ['Policy.Read.ConditionalAccess'],
      body: { signInIdentity: user, signInContext: app('x'), signInConditions: {} },
    });
    expect(granted.status).toBe(200);
  });
});

describe('checkMemberGroups (directoryobject-checkmembergroups.md)', () => {
  it('returns the given groups the user is in, through nested groups too', async () => {
    const { call, emulator } = testEmulator();
    const [outer, inner, other] = [d.group('CA - Pilot users'), d.group('Finance'), d.group('HR')];
    const tenant = emulator.state.tenants.find((t) => t.id === CONTOSO_TENANT_ID)!;
    tenant.groupMembers = { ...tenant.groupMembers, [outer]: [inner], [inner]: [hugo] };
    const response = await call('POST', `/v1.0/users/${hugo}/checkMemberGroups`, { body: { groupIds: [outer, other, inner] } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#Collection(Edm.String)',
      value: [outer, inner],
    });
    const many = await call('POST', `/v1.0/users/${hugo}/checkMemberGroups`, { body: { groupIds: Array<string>(21).fill(outer) } });
    expect(many.status).toBe(400);
    expect((await call('POST', `/v1.0/users/${d.gone('Nobody')}/checkMemberGroups`, { body: { groupIds: [outer] } })).status).toBe(404);
  });
});
