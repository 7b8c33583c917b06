// plan --tenants guards each tenant for the emergency accounts its entry in the tenants file names: a
// desired state whose policy would lock one of them out stops that tenant's plan (exit 1), naming the
// account and the policy, while a tenant whose plan is safe is planned as usual.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contosoDirectory as d } from '../../emulator/seed/contoso';
import { tenantCopy } from '../../emulator/server/many-tenants';
import { tenantsFileOf } from './tenants-world';
import { tenantsWorldForFile, folderOf } from './tenants-world-for-file';

const world = tenantsWorldForFile(2);

describe('gatehouse plan --tenants and the emergency accounts of the tenants file', () => {
  it('exits 1 when a policy of a tenant’s plan would lock out one of its emergency accounts, naming the account and the policy', async () => {
    // Both tenants name Break Glass 01, the first by sign-in name, the second by id: each is guarded for its own.
    writeFileSync(
      join(world.dir, 'guarded.json'),
      tenantsFileOf([1, 2], (n) => ({
        emergency: { users: [n === 1 ? `break.glass.01@${tenantCopy(1).defaultDomain}` : d.user('Break Glass 01')], groups: [] },
      })),
    );
    const backup = await world.gatehouse(['backup', '--tenants', 'guarded.json', '--out', 'desired']);
    expect(backup.code, backup.stderr).toBe(0);

    // Tenant 1's desired CA001 no longer excludes the emergency group that holds Break Glass 01.
    const policies = join(world.dir, 'desired', folderOf(1), 'policies');
    const path = join(
      policies,
      readdirSync(policies).find((n) => n.startsWith('CA001'))!,
    );
    const policy = JSON.parse(readFileSync(path, 'utf8')) as {
      displayName: string;
      state: string;
      conditions: { users: { excludeGroups: string[] } };
    };
    policy.conditions.users.excludeGroups = [];
    policy.state = 'enabled';
    writeFileSync(path, `${JSON.stringify(policy, null, 2)}\n`);

    const plan = await world.gatehouse(['plan', '--tenants', 'guarded.json', 'desired', '--out', 'plans']);
    expect(plan.code, plan.stderr).toBe(1);
    const one = tenantCopy(1).displayName;
    const two = tenantCopy(2).displayName;
    // Which tenant, which account, which policy.
    expect(plan.stdout).toMatch(
      new RegExp(`^  ${one} \\([0-9a-f-]+\\): 0 to create, 1 to update; problems to confirm first; sha256 `, 'm'),
    );
    const tenantLines = plan.stderr.split('\n').filter((l) => l.startsWith(`[${one}]`));
    const problem = tenantLines.find((l) => l.includes('Break Glass 01') && l.includes(policy.displayName));
    expect(problem, tenantLines.join('\n')).toBeDefined();
    expect(tenantLines.join('\n')).toMatch(/--confirm 'lockout:policy:[0-9a-f-]+:Break Glass 01 \(emergency access\)'/);
    // The other tenant's plan is safe: nothing to confirm there.
    expect(plan.stdout).toMatch(new RegExp(`^  ${two} \\([0-9a-f-]+\\): 0 to create, 0 to update; sha256 `, 'm'));
    expect(plan.stderr).not.toMatch(new RegExp(`^\\[${two}\\].*Break Glass 01`, 'm'));
  }, 180_000);

  it('refuses a sign-in name its tenant does not hold, naming it and the tenant', async () => {
    writeFileSync(
      join(world.dir, 'unknown.json'),
      tenantsFileOf([1], () => ({ emergency: { users: [`nobody@${tenantCopy(1).defaultDomain}`], groups: [] } })),
    );
    const backup = await world.gatehouse(['backup', '--tenants', 'unknown.json', '--out', 'same']);
    expect(backup.code, backup.stderr).toBe(0);
    const plan = await world.gatehouse(['plan', '--tenants', 'unknown.json', 'same', '--out', 'plans-unknown']);
    expect(plan.code).not.toBe(0);
    expect(`${plan.stdout}${plan.stderr}`).toContain(
      `The emergency account 'nobody@${tenantCopy(1).defaultDomain}' of ${tenantCopy(1).displayName} is not in its directory.`,
    );
  }, 120_000);
});
