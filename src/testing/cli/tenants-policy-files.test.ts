// plan --tenants from policy files that are no backup (a template, an export), as `gatehouse plan` takes them: each
// tenant's folder of desired states (or its baseline in the tenants file) is read as the console's Import reads
// policy files, each tenant's plan records it so, and apply --tenants writes the policies into each tenant.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tenantCopy } from '../../emulator/server/many-tenants';
import { asAdminOf, tenantsFileOf } from './tenants-world';
import { tenantsWorldForFile, folderOf } from './tenants-world-for-file';

const world = tenantsWorldForFile(2);

const template = (displayName: string, transferMethods: string) => ({
  displayName,
  state: 'enabledForReportingButNotEnforced',
  conditions: {
    users: { includeUsers: ['All'] },
    applications: { includeApplications: ['All'] },
    clientAppTypes: ['all'],
    authenticationFlows: { transferMethods },
  },
  grantControls: { operator: 'OR', builtInControls: ['block'] },
});

function writeTemplate(folder: string, displayName: string, transferMethods = 'deviceCodeFlow') {
  mkdirSync(join(world.dir, folder), { recursive: true });
  writeFileSync(join(world.dir, folder, 'policy.json'), JSON.stringify(template(displayName, transferMethods), null, 2));
}

async function policyNames(n: number): Promise<string[]> {
  // Read just after apply --tenants spent the tenant's Conditional Access budget: a 429 is waited out.
  const answer = await asAdminOf(world, n, 'GET', '/v1.0/identity/conditionalAccess/policies');
  expect(answer.status).toBe(200);
  return ((await answer.json()) as { value: { displayName: string }[] }).value.map((p) => p.displayName);
}

interface PlanFileRead {
  source: { path: string; kind?: string; tenantId: string | null };
  plan: { rows: { kind: string; action: string; displayName: string }[] };
}
const planOf = (folder: string, n: number) =>
  JSON.parse(readFileSync(join(world.dir, folder, folderOf(n), 'plan.json'), 'utf8')) as PlanFileRead;

describe('plan --tenants from policy files', () => {
  it('plans each tenant from its folder of policy files, records them as policy files, and apply --tenants writes them', async () => {
    writeFileSync(join(world.dir, 'two.json'), tenantsFileOf([1, 2]));
    writeTemplate(`desired/${folderOf(1)}`, 'Block device code flow (tenant 1)');
    writeTemplate(`desired/${folderOf(2)}`, 'Block device code flow (tenant 2)');
    const planned = await world.gatehouse(['plan', '--tenants', 'two.json', 'desired', '--out', 'plans']);
    expect(planned.code, planned.stderr).toBe(0);
    expect(planned.stdout).toContain('Conditional Access plans: 2 tenant(s), 0 failed.');
    for (const n of [1, 2]) {
      const name = tenantCopy(n).displayName;
      expect(planned.stdout).toMatch(
        new RegExp(`^ {2}${name} \\(${tenantCopy(n).id}\\): 1 to create, 0 to update; sha256 [0-9a-f]{64}$`, 'm'),
      );
      expect(planned.stderr).toContain(
        `[${name}] desired/${folderOf(n)} is not a Gatehouse backup (it has no manifest): read as the console's Import reads policy files, 1 Conditional Access policy in it`,
      );
      const file = planOf('plans', n);
      expect(file.source).toMatchObject({ path: `desired/${folderOf(n)}`, kind: 'policyFiles', tenantId: null });
      expect(file.plan.rows.filter((r) => r.kind === 'policy')).toEqual([
        expect.objectContaining({ action: 'create', displayName: `Block device code flow (tenant ${n})` }),
      ]);
    }

    const applied = await world.gatehouse(['apply', '--tenants', 'two.json', '--plans', 'plans']);
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toContain('Conditional Access apply: 2 tenant(s), 0 failed.');
    expect(await policyNames(1)).toContain('Block device code flow (tenant 1)');
    expect(await policyNames(1)).not.toContain('Block device code flow (tenant 2)');
    expect(await policyNames(2)).toContain('Block device code flow (tenant 2)');
  }, 180_000);

  it('plans a tenant from the policy files its baseline in the tenants file names, when no folder of desired states is given', async () => {
    // Another policy than the first test wrote (which a policy of the same content would match).
    writeTemplate('baseline-templates', 'Block authentication transfer (baseline)', 'authenticationTransfer');
    writeFileSync(
      join(world.dir, 'baseline.json'),
      tenantsFileOf([2], () => ({ baseline: 'baseline-templates' })),
    );
    const planned = await world.gatehouse(['plan', '--tenants', 'baseline.json', '--out', 'baseline-plans']);
    expect(planned.code, planned.stderr).toBe(0);
    expect(planned.stderr).toContain(`[${tenantCopy(2).displayName}] baseline-templates is not a Gatehouse backup (it has no manifest)`);
    const file = planOf('baseline-plans', 2);
    expect(file.source).toMatchObject({ path: 'baseline-templates', kind: 'policyFiles' });
    expect(file.plan.rows.filter((r) => r.kind === 'policy' && r.action === 'create').map((r) => r.displayName)).toEqual([
      'Block authentication transfer (baseline)',
    ]);
  }, 180_000);
});
