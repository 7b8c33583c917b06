// Requests of Graph's own documentation (microsoft-graph-docs-contrib, api-reference/beta/api) sent as
// the pages write them, with the status codes and shapes the pages show: one audit event by id,
// authentication contexts created and deleted, combination configurations of authentication
// strengths, and templates with every condition key.
import { describe, expect, it } from 'vitest';
import { testEmulator } from '../harness/test-emulator';
import { PREPROD_TENANT_ID } from '../seed';
import type { JsonObject } from './model';

const json = async (response: Response) => (await response.json()) as JsonObject & { value?: JsonObject[] };

describe('directory audits (directoryaudit-get.md)', () => {
  it('gets one event by its id, and answers 404 in Graph’s error shape for an unknown one', async () => {
    const { call } = testEmulator();
    const first = (await json(await call('GET', '/beta/auditLogs/directoryAudits?$top=1'))).value![0]!;
    const response = await call('GET', `/beta/auditLogs/directoryAudits/${String(first.id)}`);
    expect(response.status).toBe(200);
    const event = await json(response);
    expect(event['@odata.context']).toBe('https://graph.microsoft.com/beta/$metadata#auditLogs/directoryAudits/$entity');
    expect({ ...event, '@odata.context': undefined }).toEqual({ ...first, '@odata.context': undefined });

    const missing = await call('GET', '/beta/auditLogs/directoryAudits/Directory_504a302a-8f2d-418d-b7df-bf77de6ed831_M1N6X_27777783');
    expect(missing.status).toBe(404);
    expect(((await json(missing)).error as JsonObject).code).toBe('Request_ResourceNotFound');
  });
});

describe('authentication contexts (conditionalaccessroot-post-…, authenticationcontextclassreference-get, -update, -delete)', () => {
  const PATH = '/beta/identity/conditionalAccess/authenticationContextClassReferences';
  const c1 = {
    id: 'c1',
    displayName: 'Contoso medium',
    description: 'Medium protection level defined for Contoso policy',
    isAvailable: true,
  };

  it('creates one with 201 and the object, reads, updates and deletes it', async () => {
    const { call } = testEmulator();
    const options = { tenantId: PREPROD_TENANT_ID };
    const created = await call('POST', PATH, { ...options, body: c1 });
    expect(created.status).toBe(201);
    expect(await json(created)).toEqual({
      '@odata.context': `https://graph.microsoft.com/beta/$metadata#identity/conditionalAccess/authenticationContextClassReferences/$entity`,
      ...c1,
    });

    const updated = await call('PATCH', `${PATH}/c1`, { ...options, body: { ...c1, isAvailable: false } });
    expect(updated.status).toBe(204);
    const read = await json(await call('GET', `${PATH}/c1`, options));
    expect(read).toMatchObject({ ...c1, isAvailable: false });

    expect((await call('DELETE', `${PATH}/c1`, options)).status).toBe(204);
    expect((await json(await call('GET', PATH, options))).value).toEqual([]);
    expect((await call('GET', `${PATH}/c1`, options)).status).toBe(404);
  });

  it('refuses an id outside c1…c99, an id that exists, and deleting a context a policy uses', async () => {
    const { call } = testEmulator();
    expect((await call('POST', PATH, { body: { ...c1, id: 'gold' } })).status).toBe(400);
    // Contoso already has c1, which CA019 requires.
    expect((await call('POST', PATH, { body: c1 })).status).toBe(409);
    const inUse = await call('DELETE', `${PATH}/c1`);
    expect(inUse.status).toBe(400);
    expect(((await json(inUse)).error as JsonObject).message).toContain('CA019');
    expect((await call('DELETE', `${PATH}/c2`)).status).toBe(204);
  });
});

describe('authentication strengths and their combination configurations', () => {
  /** The seeded custom strength (Contoso's contractor MFA). */
  const customStrengthId = (strengths: JsonObject[]) => String(strengths.find((s) => s.policyType === 'custom')!.id);
  const fido2 = {
    '@odata.type': '#microsoft.graph.fido2CombinationConfiguration',
    allowedAAGUIDs: [
      '486c3b50-889c-480a-abc5-c04ef7c873e0',
      'c042882f-a621-40c8-94d3-9cde3a826fed',
      'ec454c08-4c77-4012-9d48-45f7f0fccdfb',
    ],
    appliesToCombinations: ['fido2'],
  };

  it('gets a built-in strength with its (empty) combination configurations (authenticationstrengthpolicy-get.md)', async () => {
    const { call } = testEmulator();
    const response = await call('GET', '/beta/policies/authenticationStrengthPolicies/00000000-0000-0000-0000-000000000004');
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({
      id: '00000000-0000-0000-0000-000000000004',
      policyType: 'builtIn',
      requirementsSatisfied: 'mfa',
      allowedCombinations: ['windowsHelloForBusiness', 'fido2', 'x509CertificateMultiFactor'],
      combinationConfigurations: [],
    });
  });

  it('creates a custom strength with 201 (authenticationstrengthroot-post-policies.md)', async () => {
    const { call } = testEmulator();
    const response = await call('POST', '/beta/policies/authenticationStrengthPolicies', {
      body: {
        '@odata.type': '#microsoft.graph.authenticationStrengthPolicy',
        displayName: 'Contoso authentication level',
        description: 'The only authentication level allowed to access our secret apps',
        allowedCombinations: ['password, hardwareOath', 'password, sms'],
      },
    });
    expect(response.status).toBe(201);
    const created = await json(response);
    expect(created).toMatchObject({
      displayName: 'Contoso authentication level',
      policyType: 'custom',
      requirementsSatisfied: 'mfa',
      combinationConfigurations: [],
    });
    expect((await call('GET', `/beta/identity/conditionalAccess/authenticationStrength/policies/${String(created.id)}`)).status).toBe(200);
    const invalid = await call('POST', '/beta/policies/authenticationStrengthPolicies', {
      body: { displayName: 'x', allowedCombinations: ['password, carrierPigeon'] },
    });
    expect(invalid.status).toBe(400);
  });

  it('adds, lists, reads, updates and deletes a FIDO2 configuration of a custom strength, shown inline on the strength', async () => {
    const { call } = testEmulator();
    const id = customStrengthId((await json(await call('GET', '/beta/policies/authenticationStrengthPolicies'))).value!);
    // The create and get pages use …/authenticationStrength/policies; the list page the older …/authenticationStrengths/policies.
    const created = await call('POST', `/beta/identity/conditionalAccess/authenticationStrength/policies/${id}/combinationConfigurations`, {
      body: fido2,
    });
    expect(created.status).toBe(201);
    const configuration = await json(created);
    expect(configuration).toMatchObject(fido2);
    expect(configuration.id).toMatch(/^[0-9a-f-]{36}$/);
    const configurationPath = `/beta/identity/conditionalAccess/authenticationStrength/policies/${id}/combinationConfigurations/${String(configuration.id)}`;

    const listed = await json(
      await call('GET', `/beta/identity/conditionalAccess/authenticationStrengths/policies/${id}/combinationConfigurations`),
    );
    expect(listed.value).toEqual([{ ...fido2, id: configuration.id }]);
    expect((await json(await call('GET', configurationPath))).allowedAAGUIDs).toEqual(fido2.allowedAAGUIDs);
    const strength = await json(await call('GET', `/v1.0/policies/authenticationStrengthPolicies/${id}`));
    expect(strength.combinationConfigurations).toEqual([{ ...fido2, id: configuration.id }]);

    expect((await call('PATCH', configurationPath, { body: { appliesToCombinations: ['fido2'] } })).status).toBe(204);
    expect((await call('PATCH', configurationPath, { body: { appliesToCombinations: ['sms'] } })).status).toBe(400);
    expect((await call('DELETE', configurationPath)).status).toBe(204);
    expect((await json(await call('GET', `/beta/policies/authenticationStrengthPolicies/${id}/combinationConfigurations`))).value).toEqual(
      [],
    );
    expect((await call('GET', configurationPath)).status).toBe(404);
  });

  it('refuses configurations on a built-in strength and ones of an unknown type', async () => {
    const { call } = testEmulator();
    const builtIn = await call(
      'POST',
      '/beta/identity/conditionalAccess/authenticationStrength/policies/00000000-0000-0000-0000-000000000004/combinationConfigurations',
      { body: fido2 },
    );
    expect(builtIn.status).toBe(400);
    const id = customStrengthId((await json(await call('GET', '/beta/policies/authenticationStrengthPolicies'))).value!);
    const untyped = await call('POST', `/beta/policies/authenticationStrengthPolicies/${id}/combinationConfigurations`, {
      body: { appliesToCombinations: ['fido2'] },
    });
    expect(untyped.status).toBe(400);
  });

  it('renames a custom strength (204), changes its combinations (updateAllowedCombinations, 200) and deletes it once no policy requires it', async () => {
    const { call } = testEmulator();
    const created = await json(
      await call('POST', '/beta/policies/authenticationStrengthPolicies', {
        body: { displayName: 'Contoso authentication level', allowedCombinations: ['fido2', 'password, voice'] },
      }),
    );
    const path = `/beta/policies/authenticationStrengthPolicies/${String(created.id)}`;
    expect((await call('PATCH', path, { body: { displayName: 'Contoso level 2', description: 'Keys or voice' } })).status).toBe(204);
    expect((await call('PATCH', path, { body: { allowedCombinations: ['sms'] } })).status).toBe(400);
    const update = await call('POST', `${path}/updateAllowedCombinations`, { body: { allowedCombinations: ['password, voice'] } });
    expect(update.status).toBe(200);
    expect(await json(update)).toMatchObject({
      '@odata.type': '#microsoft.graph.updateAllowedCombinationsResult',
      previousCombinations: ['fido2', 'password, voice'],
      currentCombinations: ['password, voice'],
      conditionalAccessReferences: [],
    });
    expect(await json(await call('GET', path))).toMatchObject({
      displayName: 'Contoso level 2',
      description: 'Keys or voice',
      allowedCombinations: ['password, voice'],
    });
    expect((await call('DELETE', path)).status).toBe(204);
    expect((await call('GET', path)).status).toBe(404);
  });

  it('refuses to change a built-in strength or delete one a policy requires', async () => {
    const { call } = testEmulator();
    expect(
      (
        await call('PATCH', '/beta/policies/authenticationStrengthPolicies/00000000-0000-0000-0000-000000000002', {
          body: { displayName: 'Mine' },
        })
      ).status,
    ).toBe(400);
    const id = customStrengthId((await json(await call('GET', '/beta/policies/authenticationStrengthPolicies'))).value!);
    // CA028 requires the contractor strength.
    const inUse = await call('DELETE', `/beta/policies/authenticationStrengthPolicies/${id}`);
    expect(inUse.status).toBe(400);
    expect(((await json(inUse)).error as JsonObject).message).toContain('CA028');
    const update = await json(
      await call('POST', `/beta/policies/authenticationStrengthPolicies/${id}/updateAllowedCombinations`, {
        body: { allowedCombinations: ['fido2'] },
      }),
    );
    expect((update.conditionalAccessReferences as string[]).length).toBeGreaterThan(0);
  });

  it('lists the authentication method modes combinations are made of (authenticationstrengthroot-list-authenticationmethodmodes.md)', async () => {
    const { call } = testEmulator();
    const response = await call('GET', '/beta/identity/conditionalAccess/authenticationStrengths/authenticationMethodModes');
    expect(response.status).toBe(200);
    const modes = (await json(response)).value!;
    expect(modes).toContainEqual({
      id: 'deviceBasedPush',
      displayName: 'Microsoft Authenticator (Passwordless)',
      authenticationMethod: 'microsoftAuthenticator',
    });
    expect(modes.map((m) => m.id)).toEqual(
      expect.arrayContaining(['password', 'sms', 'fido2', 'x509CertificateMultiFactor', 'federatedSingleFactor']),
    );
    expect((await call('GET', '/v1.0/identity/conditionalAccess/authenticationStrength/authenticationMethodModes')).status).toBe(404);
  });

  it('expands a policy’s strength with its combination configurations, as the list policies page shows', async () => {
    const { call } = testEmulator();
    const body = await json(await call('GET', "/beta/identity/conditionalAccess/policies?$filter=startswith(displayName,'CA003')"));
    const grant = body.value![0]!.grantControls as JsonObject;
    expect((grant.authenticationStrength as JsonObject).combinationConfigurations).toEqual([]);
  });
});

describe('templates (conditionalaccesstemplate-get.md)', () => {
  const ID = 'c7503427-338e-4c5e-902d-abe252abfb43';

  it('returns every condition key of the page, unset ones as [] or null', async () => {
    const { call } = testEmulator();
    const response = await call('GET', `/beta/identity/conditionalAccess/templates/${ID}`);
    expect(response.status).toBe(200);
    const template = await json(response);
    expect(template['@odata.context']).toBe('https://graph.microsoft.com/beta/$metadata#identity/conditionalAccess/templates/$entity');
    const details = template.details as {
      conditions: JsonObject & { applications: JsonObject };
      grantControls: JsonObject;
      sessionControls: null;
    };
    expect(Object.keys(details.conditions).sort()).toEqual([
      'applications',
      'clientAppTypes',
      'clientApplications',
      'deviceStates',
      'devices',
      'locations',
      'platforms',
      'servicePrincipalRiskLevels',
      'signInRiskDetections',
      'signInRiskLevels',
      'times',
      'userRiskLevels',
      'users',
    ]);
    expect(details.conditions).toMatchObject({
      servicePrincipalRiskLevels: [],
      signInRiskDetections: null,
      times: null,
      deviceStates: null,
    });
    expect(Object.keys(details.conditions.applications).sort()).toEqual([
      'applicationFilter',
      'excludeApplications',
      'includeApplications',
      'includeAuthenticationContextClassReferences',
      'includeUserActions',
      'networkAccess',
    ]);
    expect(details.grantControls).toEqual({
      operator: 'OR',
      builtInControls: ['mfa'],
      customAuthenticationFactors: [],
      termsOfUse: [],
      authenticationStrength: null,
    });
  });

  it('Example 2: $select=details', async () => {
    const { call } = testEmulator();
    const template = await json(await call('GET', `/beta/identity/conditionalAccess/templates/${ID}?$select=details`));
    expect(template['@odata.context']).toBe(
      'https://graph.microsoft.com/beta/$metadata#identity/conditionalAccess/templates(details)/$entity',
    );
    expect(template.details).toBeDefined();
    expect(template.name).toBeUndefined();
  });

  it('every template’s details make a policy the service accepts', async () => {
    const { call, emulator } = testEmulator();
    for (const template of emulator.state.catalog.templates) {
      const details = template.details as JsonObject;
      const body = {
        displayName: String(template.name),
        state: 'enabledForReportingButNotEnforced',
        ...details,
        conditions: JSON.parse(
          JSON.stringify(details.conditions).replaceAll('Current administrator will be excluded', 'ab1d4a28-0000-4000-8000-000000000001'),
        ) as JsonObject,
      };
      const response = await call('POST', '/beta/identity/conditionalAccess/policies', { body });
      expect(response.status, String(template.name)).toBe(201);
    }
  });
});

describe('security defaults (identitysecuritydefaultsenforcementpolicy-get.md)', () => {
  it('answers the policy with isEnabled, off in a tenant using Conditional Access, and needs a read permission', async () => {
    const { call, emulator } = testEmulator();
    const response = await call('GET', '/v1.0/policies/identitySecurityDefaultsEnforcementPolicy');
    expect(response.status).toBe(200);
    const policy = await json(response);
    expect(policy['@odata.context']).toBe(
      'https://graph.microsoft.com/v1.0/$metadata#policies/identitySecurityDefaultsEnforcementPolicy/$entity',
    );
    expect(policy).toMatchObject({ displayName: 'Security Defaults', isEnabled: false });

    const state = structuredClone(emulator.state);
    state.tenants[0]!.securityDefaults = true;
    emulator.replaceState(state);
    const on = await json(await call('GET', '/v1.0/policies/identitySecurityDefaultsEnforcementPolicy?$select=isEnabled'));
    expect(on.isEnabled).toBe(true);
    expect((await call('GET', '/v1.0/policies/identitySecurityDefaultsEnforcementPolicy', { scopes: ['User.Read'] })).status).toBe(403);
  });
});

describe('users (user-get.md: GET /users/{id | userPrincipalName})', () => {
  it('reads a user by sign-in name, whatever its case, as by id; an unknown one is 404 in Graph’s shape', async () => {
    const { call } = testEmulator();
    const first = (await json(await call('GET', '/v1.0/users?$top=1'))).value![0]!;
    const upn = String(first.userPrincipalName);
    const byId = await json(await call('GET', `/v1.0/users/${String(first.id)}?$select=id,displayName`));
    const byName = await call('GET', `/v1.0/users/${encodeURIComponent(upn.toUpperCase())}?$select=id,displayName`);
    expect(byName.status).toBe(200);
    expect(await json(byName)).toEqual(byId);

    const missing = await call('GET', `/v1.0/users/${encodeURIComponent('nobody@contoso.com')}`);
    expect(missing.status).toBe(404);
    expect(((await json(missing)).error as JsonObject).code).toBe('Request_ResourceNotFound');
  });
});
