import { describe, expect, it } from 'vitest';
import { readTenantsFile, shardOf } from './tenants-file';

const CLIENT = '11111111-2222-3333-4444-555555555555';
const TENANT = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';

describe('readTenantsFile', () => {
  it('reads every kind of sign-in, emergency accounts and a baseline', () => {
    const result = readTenantsFile(
      JSON.stringify({
        tenants: [
          {
            id: TENANT,
            name: 'Contoso',
            auth: { kind: 'federated', clientId: CLIENT },
            emergency: { groups: ['g1'] },
            baseline: 'baselines/contoso',
          },
          { id: 'fabrikam.onmicrosoft.com', name: 'Fabrikam', auth: { kind: 'certificate', clientId: CLIENT, certificatePath: 'fab.pem' } },
          { id: 'woodgrove.com', name: 'Woodgrove', auth: { kind: 'secret', clientId: CLIENT, secretEnv: 'WOODGROVE_SECRET' } },
        ],
      }),
    );
    expect(result).toEqual({
      ok: true,
      tenants: [
        {
          id: TENANT,
          name: 'Contoso',
          auth: { kind: 'federated', clientId: CLIENT },
          emergency: { users: [], groups: ['g1'] },
          baseline: 'baselines/contoso',
        },
        {
          id: 'fabrikam.onmicrosoft.com',
          name: 'Fabrikam',
          auth: { kind: 'certificate', clientId: CLIENT, certificatePath: 'fab.pem' },
          emergency: { users: [], groups: [] },
        },
        {
          id: 'woodgrove.com',
          name: 'Woodgrove',
          auth: { kind: 'secret', clientId: CLIENT, secretEnv: 'WOODGROVE_SECRET' },
          emergency: { users: [], groups: [] },
        },
      ],
    });
  });

  it('refuses a secret written in the file, naming where, and reports every problem at once', () => {
    const result = readTenantsFile(
      JSON.stringify([
        { id: TENANT, name: 'A', auth: { kind: 'secret', clientId: CLIENT, clientSecret: 'hunter2' } },
        { id: TENANT, name: 'B', auth: { kind: 'magic', clientId: 'nope' } },
        { id: 'not a tenant', auth: { kind: 'deviceCode', clientId: CLIENT } },
      ]),
    );
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems.map((p) => p.at)).toEqual([
      'tenants[0].auth.clientSecret',
      'tenants[1].id',
      'tenants[1].auth.clientId',
      'tenants[1].auth.kind',
      'tenants[2].id',
    ]);
    expect(problems[0]!.message).toContain('environment variable');
    expect(JSON.stringify(problems)).not.toContain('hunter2');
    expect(problems[1]!.message).toContain('tenants[0]');
  });

  it('says plainly when the file is not JSON', () => {
    const result = readTenantsFile('{\n  "tenants": [\n    { "id": "contoso.com", }\n  ]\n}');
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.problems[0]!.message).toMatch(/^The tenants file is not valid JSON: .* at line 3, column \d+\.$/);
  });
});

describe('shardOf', () => {
  it('puts each tenant in exactly one shard', () => {
    const tenants = Array.from({ length: 200 }, (_, i) => i);
    const shards = [1, 2, 3, 4, 5, 6, 7].map((i) => shardOf(tenants, i, 7));
    expect(shards.flat().sort((a, b) => a - b)).toEqual(tenants);
    expect(shards.map((s) => s.length)).toEqual([29, 29, 29, 29, 28, 28, 28]);
  });

  it('refuses a shard outside the count', () => {
    expect(() => shardOf([1], 0, 3)).toThrow('between 1 and 3');
    expect(() => shardOf([1], 1, 0)).toThrow('at least 1');
  });
});
