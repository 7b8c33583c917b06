// The $filter examples of Graph's own documentation (microsoft-graph-docs-contrib, api-reference/beta/api),
// sent as the pages write them, with the answers the pages show: isof, has on flags, lambdas over
// collections (with a type cast, an empty any(), in), and or/and/ne null.
import { describe, expect, it } from 'vitest';
import { testEmulator } from '../harness/test-emulator';
import { PREPROD_TENANT_ID } from '../seed';
import type { JsonObject } from './model';
import { completePolicy } from './policy-shape';

type List = { '@odata.context': string; '@odata.count'?: number; value: JsonObject[] };

async function list(response: Response): Promise<List> {
  expect(response.status).toBe(200);
  return (await response.json()) as List;
}

const names = (body: List) => body.value.map((item) => item.displayName ?? item.name);

describe('named locations (conditionalaccessroot-list-namedlocations.md)', () => {
  it('Example 2: isof() keeps only the IP named locations', async () => {
    const { call } = testEmulator();
    const body = await list(
      await call('GET', "/beta/identity/conditionalAccess/namedLocations?$filter=isof('microsoft.graph.ipNamedLocation')"),
    );
    expect(names(body)).toEqual(['Corporate network', 'Branch offices', 'Azure VPN egress']);
    expect(new Set(body.value.map((l) => l['@odata.type']))).toEqual(new Set(['#microsoft.graph.ipNamedLocation']));
  });

  it('Example 3: createdDateTime ge an unquoted date-time', async () => {
    const { call, clock } = testEmulator();
    const all = await list(
      await call('GET', '/beta/identity/conditionalAccess/namedLocations?$filter=createdDateTime ge 2019-09-01T00:00:00Z'),
    );
    expect(all.value).toHaveLength(5);
    // The same form with a date that splits the seed: only locations created in the last 300 days.
    const since = new Date(clock.now.getTime() - 300 * 86_400_000).toISOString();
    const recent = await list(await call('GET', `/beta/identity/conditionalAccess/namedLocations?$filter=createdDateTime ge ${since}`));
    expect(names(recent)).toEqual(['Azure VPN egress', 'Allowed countries', 'Blocked countries']);
  });

  it('Example 4: a lambda over a property of one derived type, after a type cast', async () => {
    const { call } = testEmulator();
    // The country location of the page's first example (US and CA), created as the create page shows.
    const created = await call('POST', '/beta/identity/conditionalAccess/namedLocations', {
      body: {
        '@odata.type': '#microsoft.graph.countryNamedLocation',
        displayName: 'Country named location',
        countriesAndRegions: ['US', 'CA'],
        includeUnknownCountriesAndRegions: false,
      },
    });
    expect(created.status).toBe(201);
    const body = await list(
      await call(
        'GET',
        "/beta/identity/conditionalAccess/namedLocations?$filter=microsoft.graph.countryNamedLocation/countriesAndRegions/any(c: c eq 'CA')",
      ),
    );
    expect(names(body)).toEqual(['Country named location']);
  });
});

describe('policies (conditionalaccessroot-list-policies.md)', () => {
  const simple = (displayName: string, control: string) => ({
    displayName,
    state: 'disabled',
    conditions: { clientAppTypes: ['all'], applications: { includeApplications: ['None'] }, users: { includeUsers: ['None'] } },
    grantControls: { operator: 'OR', builtInControls: [control] },
  });

  it('Example 1: displayName eq … or displayName eq …', async () => {
    const { call } = testEmulator();
    for (const [name, control] of [
      ['SimplePolicy1', 'block'],
      ['SimplePolicy2', 'mfa'],
    ] as const) {
      expect((await call('POST', '/beta/identity/conditionalAccess/policies', { body: simple(name, control) })).status).toBe(201);
    }
    const body = await list(
      await call(
        'GET',
        "/beta/identity/conditionalAccess/policies?$filter=displayName eq 'SimplePolicy1' or displayName eq 'SimplePolicy2'",
      ),
    );
    expect(names(body)).toEqual(['SimplePolicy1', 'SimplePolicy2']);
  });

  it('Example 2: enabled policies scoped to agents, with empty any(), ne null and any(x: x in (…)), counted', async () => {
    const { call, emulator } = testEmulator();
    const tenant = emulator.state.tenants.find((t) => t.id === PREPROD_TENANT_ID)!;
    // The page's two answers, stored as the service would hold them.
    tenant.policies.push(
      completePolicy({
        id: '128c8c73-0a52-4f16-94ab-55f640d0fe1f',
        displayName: 'Block all unapproved agents',
        state: 'enabled',
        conditions: {
          applications: { includeApplications: ['All'], excludeApplications: ['Office365'] },
          clientApplications: {
            agentIdServicePrincipalFilter: {
              mode: 'include',
              rule: 'CustomSecurityAttribute.ConditionalAccess_isApproved -contains "False"',
            },
          },
          users: { includeUsers: ['None'] },
        },
        grantControls: { builtInControls: ['block'] },
      }),
      completePolicy({
        id: '1318e96f-b473-4e7f-91dd-bf0b0a8d18dd',
        displayName: 'Block all agent users from accessing resources',
        state: 'enabled',
        conditions: { applications: { includeApplications: ['All'] }, users: { includeUsers: ['AllAgentIdUsers'] } },
        grantControls: { builtInControls: ['block'] },
      }),
      completePolicy({
        id: '2d4f6a8c-0000-4000-8000-000000000001',
        displayName: 'Agent users, report-only',
        state: 'enabledForReportingButNotEnforced',
        conditions: { applications: { includeApplications: ['All'] }, users: { includeUsers: ['AllAgentIdUsers'] } },
        grantControls: { builtInControls: ['block'] },
      }),
    );
    const body = await list(
      await call(
        'GET',
        "/beta/identity/conditionalAccess/policies?$count=true&$filter=state eq 'enabled' and (conditions/clientApplications/includeAgentIdServicePrincipals/any() or conditions/clientApplications/excludeAgentIdServicePrincipals/any() or conditions/clientApplications/agentIdServicePrincipalFilter ne null or conditions/users/includeUsers/any(includeUsers:includeUsers in ('AllAgentIdUsers')))",
        { tenantId: PREPROD_TENANT_ID },
      ),
    );
    expect(names(body)).toEqual(['Block all unapproved agents', 'Block all agent users from accessing resources']);
    expect(body['@odata.count']).toBe(2);
  });
});

describe('authentication strengths (authenticationstrengthroot-list-policies.md)', () => {
  it('Example 2: any() with has on a flags value matches "password,sms" whatever the order and spacing', async () => {
    const { call } = testEmulator();
    const body = await list(
      await call('GET', "/beta/policies/authenticationStrengthPolicies?$filter=allowedCombinations/any(x:x has 'sms, password')"),
    );
    expect(body.value.map((s) => s.id)).toEqual(['00000000-0000-0000-0000-000000000002']);
    expect(body.value[0]!.combinationConfigurations).toEqual([]);
  });

  it('has needs every flag: a single mode matches the combinations that contain it', async () => {
    const { call } = testEmulator();
    const body = await list(
      await call('GET', "/beta/policies/authenticationStrengthPolicies?$filter=allowedCombinations/any(x:x has 'fido2')"),
    );
    expect(body.value).toHaveLength(4);
    const none = await list(
      await call('GET', "/beta/policies/authenticationStrengthPolicies?$filter=allowedCombinations/any(x:x has 'sms, fido2')"),
    );
    expect(none.value).toEqual([]);
  });
});

describe('templates (conditionalaccessroot-list-templates.md)', () => {
  it('Example 2: $select with scenarios has a flag', async () => {
    const { call, emulator } = testEmulator();
    const body = await list(
      await call(
        'GET',
        "/beta/identity/conditionalAccess/templates?$select=name,description,id,scenarios&$filter=scenarios has 'secureFoundation'",
      ),
    );
    const expected = emulator.state.catalog.templates.filter((t) => String(t.scenarios).split(',').includes('secureFoundation'));
    expect(body.value.map((t) => t.id)).toEqual(expected.map((t) => t.id));
    expect(body.value.length).toBeGreaterThanOrEqual(4);
    expect(body.value.length).toBeLessThan(emulator.state.catalog.templates.length);
    expect(Object.keys(body.value[0]!).sort()).toEqual(['description', 'id', 'name', 'scenarios']);
    expect(body['@odata.context']).toBe(
      'https://graph.microsoft.com/beta/$metadata#identity/conditionalAccess/templates(name,description,id,scenarios)',
    );
  });
});

describe('directory audits (directoryaudit-list.md)', () => {
  it('Example 2: a filter on initiatedBy/user/id', async () => {
    const { call } = testEmulator();
    const nobody = await list(
      await call('GET', "/beta/auditLogs/directoryAudits?$filter=initiatedBy/user/id eq '00000000-0000-0000-0000-000000000000'"),
    );
    expect(nobody.value).toEqual([]);
    const all = await list(await call('GET', '/beta/auditLogs/directoryAudits'));
    const someone = all.value.map((e) => (e.initiatedBy as { user: { id: string } | null }).user?.id).find(Boolean)!;
    const theirs = await list(await call('GET', `/beta/auditLogs/directoryAudits?$filter=initiatedBy/user/id eq '${someone}'`));
    expect(theirs.value.length).toBeGreaterThan(0);
    expect(theirs.value.every((e) => (e.initiatedBy as { user: { id: string } | null }).user?.id === someone)).toBe(true);
  });
});
