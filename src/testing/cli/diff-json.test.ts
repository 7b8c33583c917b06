// `diff --format json` prints one document, whatever is compared (a backup with the tenant, each tenant of a
// tenants file, a desired state with --baseline): the format marker, and each comparison's from, to, drift,
// note and damaged, with items of one shape; a policy added since the backup names who added it in every run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantCopy } from '../../emulator/server/many-tenants';
import { deviceCodeBlock } from './cli-world-for-file';
import { clientIdOf, startTenantsWorld, TENANT_SECRET, tenantsFileOf, type TenantsWorld } from './tenants-world';

let world: TenantsWorld;
const folder = () => join('backups', tenantCopy(1).id.toLowerCase());
const BLOCK = deviceCodeBlock('Block device code flow', 'enabled');

beforeAll(async () => {
  world = await startTenantsWorld(1);
  writeFileSync(join(world.dir, 'one.json'), tenantsFileOf([1]));
  const run = await world.gatehouse(['backup', '--tenants', 'one.json', '--out', 'backups']);
  if (run.code !== 0) throw new Error(run.stderr);
}, 120_000);
afterAll(async () => world?.close());

describe('diff --format json', () => {
  it('is one shape for a backup, a tenants file and a desired state; an added policy has its author in each', async () => {
    const env = { AZURE_CLIENT_ID: clientIdOf(1), AZURE_CLIENT_SECRET: TENANT_SECRET };
    const post = async () =>
      fetch(`${world.graphUrl}/v1.0/identity/conditionalAccess/policies`, {
        method: 'POST',
        headers: { authorization: `Bearer ${await world.adminToken(1)}`, 'content-type': 'application/json' },
        body: JSON.stringify({ ...BLOCK, displayName: 'Added after the backup' }),
      });
    let added = await post();
    for (let tries = 0; added.status === 429 && tries < 5; tries++) {
      await new Promise((r) => setTimeout(r, 1100));
      added = await post();
    }
    expect(added.status).toBe(201);
    const { id } = (await added.json()) as { id: string };
    const addedItem = {
      section: 'policies',
      name: 'Added after the backup',
      id,
      kind: 'added',
      changes: [],
      author: { by: `admin@${tenantCopy(1).defaultDomain}`, at: expect.any(String), activity: expect.any(String) },
    };

    const one = await world.gatehouse(['diff', folder(), '--tenant', tenantCopy(1).id, '--format', 'json'], env);
    expect(one.code, one.stderr).toBe(1);
    const single = JSON.parse(one.stdout) as Record<string, unknown>;
    expect(single).toEqual({
      format: 'gatehouse.diff',
      version: 2,
      from: `the backup in ${folder()}`,
      to: expect.stringContaining(tenantCopy(1).displayName),
      drift: [addedItem],
      note: null,
      damaged: false,
    });

    const many = await world.gatehouse(['diff', '--tenants', 'one.json', 'backups', '--format', 'json']);
    expect(many.code, many.stderr).toBe(1);
    expect(JSON.parse(many.stdout)).toEqual({
      format: 'gatehouse.diff',
      version: 2,
      tenants: [
        { id: tenantCopy(1).id, name: tenantCopy(1).displayName, baseline: folder(), ...single, format: undefined, version: undefined },
      ],
    });

    mkdirSync(join(world.dir, 'desired'));
    writeFileSync(join(world.dir, 'desired', 'block.json'), JSON.stringify(BLOCK));
    const desired = await world.gatehouse(['diff', 'desired', '--baseline', '--tenant', tenantCopy(1).id, '--format', 'json'], env);
    expect(desired.code, desired.stderr).toBe(1);
    expect(JSON.parse(desired.stdout)).toEqual({
      format: 'gatehouse.diff',
      version: 2,
      from: 'the baseline in desired',
      to: single.to,
      // The planner matches the added policy by its content: it differs by its name, and names the tenant's id.
      drift: [
        {
          section: 'policies',
          name: 'Block device code flow',
          id,
          kind: 'differs',
          changes: ['Name: Added after the backup → Block device code flow'],
        },
      ],
      note: null,
      damaged: false,
      unplaced: [],
    });
  }, 180_000);
});
