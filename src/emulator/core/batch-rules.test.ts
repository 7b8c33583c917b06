// concepts/json-batching.md: request ids are not case-sensitive and must be unique; a request with a
// body must carry a Content-Type header.
import { describe, expect, it } from 'vitest';
import { testEmulator } from '../harness/test-emulator';

type BatchBody = { responses: { id: string; status: number }[] };
type ErrorBody = { error: { code: string; message: string } };
const LOCATIONS = '/identity/conditionalAccess/namedLocations';
const location = {
  '@odata.type': '#microsoft.graph.countryNamedLocation',
  displayName: 'Batched',
  countriesAndRegions: ['NL'],
};

describe('$batch', () => {
  it('refuses a write whose body comes without Content-Type, naming the request, and writes nothing', async () => {
    const { call, emulator } = testEmulator();
    const before = emulator.state.tenants[0]!.namedLocations.length;
    const response = await call('POST', '/v1.0/$batch', {
      body: { requests: [{ id: '1', method: 'POST', url: LOCATIONS, body: location }] },
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.message).toBe('Write request id : 1 does not contain Content-Type header or body.');
    expect(emulator.state.tenants[0]!.namedLocations).toHaveLength(before);
  });

  it('takes the write when the body comes with a Content-Type header in any case', async () => {
    const { call } = testEmulator();
    const response = await call('POST', '/v1.0/$batch', {
      body: { requests: [{ id: '1', method: 'POST', url: LOCATIONS, body: location, headers: { 'content-type': 'application/json' } }] },
    });
    expect(((await response.json()) as BatchBody).responses[0]!.status).toBe(201);
  });

  it('refuses ids that differ only in case, as duplicates', async () => {
    const { call } = testEmulator();
    const requests = [
      { id: 'a', method: 'GET', url: LOCATIONS },
      { id: 'A', method: 'GET', url: LOCATIONS },
    ];
    expect((await call('POST', '/v1.0/$batch', { body: { requests } })).status).toBe(400);
  });

  it('follows dependsOn whatever the case of the id it names', async () => {
    const { call } = testEmulator();
    const response = await call('POST', '/v1.0/$batch', {
      body: {
        requests: [
          { id: 'first', method: 'GET', url: '/groups/00000000-0000-0000-0000-000000000000' },
          { id: 'second', method: 'GET', url: '/groups', dependsOn: ['FIRST'] },
        ],
      },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as BatchBody;
    expect(body.responses.find((r) => r.id === 'second')!.status).toBe(424);
  });
});
