// The restore answers as the beta pages show them: conditionalaccesspolicy-restore.md wraps the
// policy in "value"; ipnamedlocation-restore.md answers the location itself with its @odata.context.
// The console's restore (src/graph/deleted-items.ts) reads both.
import { describe, expect, it } from 'vitest';
import { testEmulator } from '../harness/test-emulator';
import type { JsonObject } from './model';

const CA = '/beta/identity/conditionalAccess';
const json = async (response: Response) => (await response.json()) as JsonObject;

describe('restoring from deleted items', () => {
  it('answers a policy wrapped in value, as the page shows', async () => {
    const { call, emulator } = testEmulator();
    const policy = emulator.state.tenants[0]!.policies[0]!;
    expect((await call('DELETE', `${CA}/policies/${String(policy.id)}`)).status).toBe(204);
    const response = await call('POST', `${CA}/deletedItems/policies/${String(policy.id)}/restore`);
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(Object.keys(body)).toEqual(['value']);
    expect(body.value).toMatchObject({ id: policy.id, displayName: policy.displayName, deletedDateTime: null });
  });

  it('answers a named location as itself, with the context the page shows', async () => {
    const { call, emulator } = testEmulator();
    const location = emulator.state.tenants[0]!.deletedNamedLocations[0]!;
    const response = await call('POST', `${CA}/deletedItems/namedLocations/${String(location.id)}/restore`);
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({
      '@odata.context': 'https://graph.microsoft.com/beta/$metadata#microsoft.graph.namedLocation',
      id: location.id,
      displayName: location.displayName,
      deletedDateTime: null,
    });
  });
});
