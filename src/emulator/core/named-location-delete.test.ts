// entra-docs concept-assignment-network.md: "Locations marked as trusted can't be deleted without
// first removing the trusted designation."
import { describe, expect, it } from 'vitest';
import { testEmulator } from '../harness/test-emulator';
import type { JsonObject } from './model';

const NAMED_LOCATIONS = '/v1.0/identity/conditionalAccess/namedLocations';
const json = async (response: Response) => (await response.json()) as JsonObject;

async function locationNamed(call: ReturnType<typeof testEmulator>['call'], name: string): Promise<JsonObject> {
  const list = (await json(await call('GET', NAMED_LOCATIONS))).value as JsonObject[];
  return list.find((l) => l.displayName === name)!;
}

describe('deleting a trusted named location', () => {
  it('is refused with a 400 that says the location is trusted, and the location stays', async () => {
    const { call } = testEmulator();
    const trusted = await locationNamed(call, 'Corporate network');
    const response = await call('DELETE', `${NAMED_LOCATIONS}/${String(trusted.id)}`);
    expect(response.status).toBe(400);
    const error = (await json(response)).error as JsonObject;
    expect(error.code).toBe('BadRequest');
    expect(error.message).toMatch(/trusted/);
    expect(await locationNamed(call, 'Corporate network')).toBeDefined();
  });

  it('goes ahead once the trusted designation is removed', async () => {
    const { call } = testEmulator();
    const trusted = await locationNamed(call, 'Corporate network');
    const url = `${NAMED_LOCATIONS}/${String(trusted.id)}`;
    const patched = await call('PATCH', url, { body: { '@odata.type': '#microsoft.graph.ipNamedLocation', isTrusted: false } });
    expect(patched.status).toBe(204);
    expect((await call('DELETE', url)).status).toBe(204);
    expect(await locationNamed(call, 'Corporate network')).toBeUndefined();
  });
});
