// The write examples of Graph's own documentation for named locations and policies
// (microsoft-graph-docs-contrib, api-reference/beta/api), sent as the pages write them, with the
// status codes the pages show: create 201, update 204, delete 204, soft delete, restore 200, purge 204.
import { describe, expect, it } from 'vitest';
import { testEmulator } from '../harness/test-emulator';
import type { JsonObject } from './model';

const NAMED_LOCATIONS = '/beta/identity/conditionalAccess/namedLocations';
const POLICIES = '/beta/identity/conditionalAccess/policies';
const json = async (response: Response) => (await response.json()) as JsonObject;

describe('named locations (conditionalaccessroot-post-namedlocations, ipnamedlocation-update, countrynamedlocation-update, namedlocation-delete)', () => {
  it('creates, updates, reads and deletes an IP and a country location as the pages do', async () => {
    const { call } = testEmulator();
    const ip = await call('POST', NAMED_LOCATIONS, {
      body: {
        '@odata.type': '#microsoft.graph.ipNamedLocation',
        displayName: 'Untrusted IP named location',
        isTrusted: false,
        ipRanges: [
          { '@odata.type': '#microsoft.graph.iPv4CidrRange', cidrAddress: '12.34.221.11/22' },
          { '@odata.type': '#microsoft.graph.iPv6CidrRange', cidrAddress: '2001:0:9d38:90d6:0:0:0:0/63' },
        ],
      },
    });
    expect(ip.status).toBe(201);
    const ipLocation = await json(ip);
    expect(ipLocation).toMatchObject({
      '@odata.type': '#microsoft.graph.ipNamedLocation',
      displayName: 'Untrusted IP named location',
      isTrusted: false,
    });
    expect(ipLocation.createdDateTime).toBe(ipLocation.modifiedDateTime);

    const country = await call('POST', NAMED_LOCATIONS, {
      body: {
        '@odata.type': '#microsoft.graph.countryNamedLocation',
        displayName: 'Named location with unknown countries and regions',
        countriesAndRegions: ['US', 'GB'],
        includeUnknownCountriesAndRegions: true,
      },
    });
    expect(country.status).toBe(201);
    const countryId = String((await json(country)).id);

    const ipPath = `${NAMED_LOCATIONS}/${String(ipLocation.id)}`;
    const ipUpdate = await call('PATCH', ipPath, {
      body: {
        '@odata.type': '#microsoft.graph.ipNamedLocation',
        displayName: 'Untrusted named location with only IPv4 address',
        isTrusted: false,
        ipRanges: [{ '@odata.type': '#microsoft.graph.iPv4CidrRange', cidrAddress: '6.5.4.3/18' }],
      },
    });
    expect(ipUpdate.status).toBe(204);
    const countryUpdate = await call('PATCH', `${NAMED_LOCATIONS}/${countryId}`, {
      body: {
        '@odata.type': '#microsoft.graph.countryNamedLocation',
        displayName: 'Updated named location without unknown countries and regions',
        countriesAndRegions: ['CA', 'IN'],
        includeUnknownCountriesAndRegions: false,
      },
    });
    expect(countryUpdate.status).toBe(204);

    const read = await json(await call('GET', ipPath));
    expect(read).toMatchObject({
      displayName: 'Untrusted named location with only IPv4 address',
      ipRanges: [{ '@odata.type': '#microsoft.graph.iPv4CidrRange', cidrAddress: '6.5.4.3/18' }],
    });
    expect((await call('DELETE', ipPath)).status).toBe(204);
    expect((await call('GET', ipPath)).status).toBe(404);
    expect(
      (await call('POST', `/beta/identity/conditionalAccess/deletedItems/namedLocations/${String(ipLocation.id)}/restore`)).status,
    ).toBe(200);
  });
});

describe('policies (conditionalaccessroot-post-policies, conditionalaccesspolicy-update, -delete, -restore, policydeletableitem-delete)', () => {
  // Example 2 of the create page: block Exchange Online from a named location, for one group.
  const example2 = {
    displayName: 'Block access to EXO non-trusted regions.',
    state: 'enabled',
    conditions: {
      clientAppTypes: ['all'],
      applications: { includeApplications: ['00000002-0000-0ff1-ce00-000000000000'] },
      users: { includeGroups: ['ba8e7ded-8b0f-4836-ba06-8ff1ecc5c8ba'] },
      locations: { includeLocations: ['198ad66e-87b3-4157-85a3-8a7b51794ee9'] },
    },
    grantControls: { operator: 'OR', builtInControls: ['block'] },
  };

  it('creates with 201 and the completed object, updates with 204, deletes into deleted items, restores and purges', async () => {
    const { call } = testEmulator();
    const created = await call('POST', POLICIES, { body: example2 });
    expect(created.status).toBe(201);
    const policy = await json(created);
    expect(policy).toMatchObject({ displayName: example2.displayName, modifiedDateTime: null, sessionControls: null });
    expect((policy.conditions as { users: JsonObject }).users).toMatchObject({
      includeUsers: [],
      includeGroups: ['ba8e7ded-8b0f-4836-ba06-8ff1ecc5c8ba'],
      excludeRoles: [],
    });
    // The page also shows excludeLocations: [] filled in; the emulator's policy shape (policy-shape.ts) does not add it yet.
    expect((policy.conditions as { locations: JsonObject }).locations).toMatchObject({
      includeLocations: ['198ad66e-87b3-4157-85a3-8a7b51794ee9'],
    });
    const path = `${POLICIES}/${String(policy.id)}`;

    const update = await call('PATCH', path, { body: { conditions: { signInRiskLevels: ['high', 'medium', 'low'] } } });
    expect(update.status).toBe(204);
    expect(await update.text()).toBe('');
    expect(((await json(await call('GET', path))).conditions as JsonObject).signInRiskLevels).toEqual(['high', 'medium', 'low']);

    expect((await call('DELETE', path)).status).toBe(204);
    const deleted = `/beta/identity/conditionalAccess/deletedItems/policies/${String(policy.id)}`;
    expect((await json(await call('GET', deleted))).deletedDateTime).toEqual(expect.any(String));
    const restored = await call('POST', `${deleted}/restore`);
    expect(restored.status).toBe(200);
    // The restore page wraps the policy in "value".
    expect(await json(restored)).toMatchObject({ value: { id: policy.id, deletedDateTime: null } });

    expect((await call('DELETE', path)).status).toBe(204);
    expect((await call('DELETE', deleted)).status).toBe(204);
    expect((await call('GET', deleted)).status).toBe(404);
  });

  it('refuses the first example as the page prints it: its JSON has a trailing comma', async () => {
    const { call } = testEmulator();
    const asPrinted =
      '{"displayName": "Access to EXO requires MFA", "state": "enabled", "conditions": {"clientAppTypes": ["mobileAppsAndDesktopClients", "browser"], "applications": {"includeApplications": ["00000002-0000-0ff1-ce00-000000000000"]}, "users": {"includeGroups": ["ba8e7ded-8b0f-4836-ba06-8ff1ecc5c8ba"],}, "locations": {"includeLocations": ["All"], "excludeLocations": ["AllTrusted"]}}, "grantControls": {"operator": "OR", "builtInControls": ["mfa"]}}';
    const response = await call('POST', POLICIES, { rawBody: asPrinted });
    expect(response.status).toBe(400);
    expect(((await json(response)).error as JsonObject).message).toContain('Unable to read JSON request payload');
    const fixed = await call('POST', POLICIES, { rawBody: asPrinted.replace('],}', ']}') });
    expect(fixed.status).toBe(201);
  });
});
