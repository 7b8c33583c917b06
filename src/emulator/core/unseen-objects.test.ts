// The fault setting newObjectsUnseenForMs: a policy write naming a strength or named location created
// less than that long ago is refused, naming its id, as Graph refuses an unknown one; once the time has
// passed on the emulator's clock, the same write goes through. Without the setting, nothing changes.
import { describe, expect, it } from 'vitest';
import { testEmulator } from '../harness/test-emulator';
import { CONTOSO_TENANT_ID } from '../seed';

const POLICIES = '/beta/identity/conditionalAccess/policies';
const STRENGTHS = '/beta/identity/conditionalAccess/authenticationStrength/policies';
const LOCATIONS = '/beta/identity/conditionalAccess/namedLocations';

const policy = (grantControls: unknown, locations?: unknown) => ({
  displayName: 'Names a new object',
  state: 'disabled',
  conditions: {
    users: { includeUsers: ['None'] },
    applications: { includeApplications: ['All'] },
    clientAppTypes: ['all'],
    ...(locations ? { locations } : {}),
  },
  grantControls,
});

async function setUp(unseenForMs?: number) {
  const world = testEmulator();
  if (unseenForMs !== undefined) world.emulator.setFaults(CONTOSO_TENANT_ID, { newObjectsUnseenForMs: unseenForMs });
  const strength = (await (
    await world.call('POST', STRENGTHS, { body: { displayName: 'Just made', allowedCombinations: ['fido2'] } })
  ).json()) as { id: string };
  const location = (await (
    await world.call('POST', LOCATIONS, {
      body: {
        '@odata.type': '#microsoft.graph.ipNamedLocation',
        displayName: 'Just made',
        ipRanges: [{ '@odata.type': '#microsoft.graph.iPv4CidrRange', cidrAddress: '198.51.100.0/24' }],
      },
    })
  ).json()) as { id: string };
  return { ...world, strength: strength.id, location: location.id };
}

const refusal = async (response: Response) => {
  expect(response.status).toBe(400);
  return ((await response.json()) as { error: { code: string; message: string; innerError?: { message?: string } } }).error;
};

describe('newObjectsUnseenForMs', () => {
  it('refuses a policy create naming a strength created within the window, naming the id, and accepts it after', async () => {
    const { call, clock, strength } = await setUp(20_000);
    const body = policy({ operator: 'OR', builtInControls: [], authenticationStrength: { id: strength } });
    clock.advance(19_000);
    const error = await refusal(await call('POST', POLICIES, { body }));
    expect(error).toMatchObject({
      code: 'BadRequest',
      message: `The authentication strength '${strength}' does not exist in this tenant.`,
    });
    clock.advance(1_000);
    expect((await call('POST', POLICIES, { body })).status).toBe(201);
  });

  it('refuses an update that names a strength created within the window', async () => {
    const { emulator, call, strength } = await setUp(20_000);
    const existing = emulator.state.tenants.find((t) => t.id === CONTOSO_TENANT_ID)!.policies[0]!;
    const response = await call('PATCH', `${POLICIES}/${String(existing.id)}`, {
      body: { grantControls: { operator: 'OR', builtInControls: [], authenticationStrength: { id: strength } } },
    });
    expect((await refusal(response)).message).toContain(strength);
  });

  it('refuses a policy naming a named location created within the window with the number Graph gives, naming the id', async () => {
    const { call, clock, location } = await setUp(20_000);
    const body = policy({ operator: 'OR', builtInControls: ['mfa'] }, { includeLocations: ['All'], excludeLocations: [location] });
    const error = await refusal(await call('POST', POLICIES, { body }));
    expect(error.innerError?.message).toBe(`1040: NamedLocation with id ${location} does not exist in the directory.`);
    clock.advance(20_000);
    expect((await call('POST', POLICIES, { body })).status).toBe(201);
  });

  it('sees new objects at once without the setting', async () => {
    const { call, strength, location } = await setUp();
    const body = policy(
      { operator: 'OR', builtInControls: [], authenticationStrength: { id: strength } },
      { includeLocations: [location], excludeLocations: [] },
    );
    expect((await call('POST', POLICIES, { body })).status).toBe(201);
  });
});
