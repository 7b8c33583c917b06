// The --tenants commands and report --join, given an --out that is a file where their folder goes (or
// one in the way of it): refused before any tenant is read (nothing asked of Graph), exit 2, saying what
// the folder is for; before, each tenant was signed in to and read, then failed at its write.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTenantsWorld, TENANT_SECRET, tenantsFileOf, type TenantsWorld } from './tenants-world';

let world: TenantsWorld;
beforeAll(async () => {
  world = await startTenantsWorld(1);
  writeFileSync(join(world.dir, 'tenants.json'), tenantsFileOf([1]));
  writeFileSync(join(world.dir, 'notes.txt'), 'the team’s notes, not a folder');
  // A name lint --tenants does not refuse for its look (it refuses notes.txt as a file's name).
  writeFileSync(join(world.dir, 'NOTES'), 'the team’s notes, not a folder');
  mkdirSync(join(world.dir, 'shards'));
}, 120_000);
afterAll(async () => world?.close());

const file = (holds: string) => `--out notes.txt is a file: give a folder for ${holds}.`;

describe('--out of the many-tenant commands, checked before any tenant is read', () => {
  it.each([
    [['report', '--tenants', 'tenants.json', '--out', 'notes.txt'], file('report.json, report.md and report.html')],
    [['report', '--join', 'shards', '--out', 'notes.txt'], file('report.json, report.md and report.html')],
    [['backup', '--tenants', 'tenants.json', '--out', 'notes.txt'], file('one folder per tenant')],
    [
      ['backup', '--tenants', 'tenants.json', '--out', 'notes.txt/ca'],
      'Cannot make the folder notes.txt/ca: notes.txt is a file, not a folder.',
    ],
    [
      ['lint', '--tenants', 'tenants.json', '--out', 'NOTES'],
      "--out NOTES is a file: give a folder for each tenant's lint file (<tenant id>.txt).",
    ],
    [['plan', '--tenants', 'tenants.json', '--out', 'notes.txt'], file('one folder per tenant, with its plan.json and plan.sha256')],
  ])(
    '%j is refused before any request',
    async (args, words) => {
      const before = world.log.length;
      const result = await world.gatehouse(args, { TENANT_SECRET });
      expect(result.stderr).toBe(`gatehouse ${args[0]}: ${words}\n`);
      expect(result.code).toBe(2);
      expect(world.log.length, 'nothing asked of Graph').toBe(before);
    },
    90_000,
  );
});
