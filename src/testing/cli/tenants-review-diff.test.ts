// diff --tenants <folder of backups>: each tenant is compared with its folder there when it has one, else with
// its baseline in the tenants file (as --help and the README say); a tenant with neither fails, naming both places.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tenantCopy } from '../../emulator/server/many-tenants';
import { tenantsFileOf } from './tenants-world';
import { tenantsWorldForFile, folderOf } from './tenants-world-for-file';

// Tenant 1 has a baseline in bl.json; tenant 2 has none.
const world = tenantsWorldForFile(2, {
  'two.json': tenantsFileOf([1, 2]),
  'bl.json': tenantsFileOf([1, 2], (n) => (n === 1 ? { baseline: `backups/${folderOf(1)}` } : {})),
});

describe('diff --tenants with a folder holding the backup of only some tenants', () => {
  it('compares each tenant with its folder there, else with its baseline; one with neither fails naming both', async () => {
    const backup = await world.gatehouse(['backup', '--tenants', 'two.json', '--out', 'backups']);
    expect(backup.code, backup.stderr).toBe(0);
    // partial/ holds tenant 2's backup only.
    cpSync(join(world.dir, 'backups', folderOf(2)), join(world.dir, 'partial', folderOf(2)), { recursive: true });

    const diff = await world.gatehouse(['diff', '--tenants', 'bl.json', 'partial', '--format', 'json']);
    expect(diff.code, diff.stderr).toBe(0);
    const { tenants } = JSON.parse(diff.stdout) as { tenants: { id: string; baseline?: string; error?: string }[] };
    expect(tenants.map((t) => t.error)).toEqual([undefined, undefined]);
    // Each path as given from the working folder, as `diff <backup>` names its backup.
    expect(tenants[0]!.baseline).toBe(join('backups', folderOf(1)));
    expect(tenants[1]!.baseline).toBe(join('partial', folderOf(2)));
    expect(diff.stderr).toContain('Conditional Access drift: 2 tenant(s), 0 failed.');

    // Without a baseline in the file, tenant 1 has nothing to compare with: said, naming where it looked.
    const neither = await world.gatehouse(['diff', '--tenants', 'two.json', 'partial']);
    expect(neither.code).toBe(2);
    expect(neither.stdout).toContain(
      `  ${tenantCopy(1).displayName} (${tenantCopy(1).id}): Nothing to compare ${tenantCopy(1).displayName} with: no folder partial/${folderOf(1)}, and no baseline for it in the tenants file (two.json).\n`,
    );
    expect(neither.stdout).toContain('Conditional Access drift: 2 tenant(s), 1 failed.');
  }, 120_000);
});
