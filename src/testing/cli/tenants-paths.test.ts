// The many-tenant commands as a pipeline runner gives them paths: an absolute --out is written
// where it says; plan --tenants gives the same plan file (and hash) whatever folder the runner
// checked the repository out in; apply --tenants applies it from there; diff --tenants prints each
// tenant's drift in the file's order, not as the tenants finish; sign-in options one tenant takes
// are refused rather than ignored; a single-tenant plan writes plan.sha256 beside it as --tenants does.
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tenantCopy } from '../../emulator/server/many-tenants';
import { TENANT_SECRET, tenantsFileOf, clientIdOf, asAdminOf } from './tenants-world';
import { tenantsWorldForFile, folderOf } from './tenants-world-for-file';

const world = tenantsWorldForFile(2, { 'two.json': tenantsFileOf([1, 2]) });

const POLICIES = '/v1.0/identity/conditionalAccess/policies';

const asAdmin = (n: number, method: string, path: string, body?: unknown) => asAdminOf(world, n, method, path, body);

describe('gatehouse --tenants and paths', () => {
  it('writes an absolute --out where it says (backup, report, plan), and lint --from an absolute folder of backups', async () => {
    const abs = join(world.dir, 'absolute');
    const backup = await world.gatehouse(['backup', '--tenants', 'two.json', '--out', join(abs, 'backups')]);
    expect(backup.code, backup.stderr).toBe(0);
    for (const n of [1, 2]) expect(existsSync(join(abs, 'backups', folderOf(n), 'manifest.json'))).toBe(true);

    const report = await world.gatehouse([
      'report',
      '--tenants',
      'two.json',
      '--backups',
      join(abs, 'backups'),
      '--out',
      join(abs, 'report'),
    ]);
    expect(report.code, report.stderr).toBe(0);
    expect(existsSync(join(abs, 'report', 'report.json'))).toBe(true);
    expect(report.stdout).not.toContain('no backup in');

    const plan = await world.gatehouse(['plan', '--tenants', 'two.json', join(abs, 'backups'), '--out', join(abs, 'plans')]);
    expect(plan.code, plan.stderr).toBe(0);
    for (const n of [1, 2]) expect(existsSync(join(abs, 'plans', folderOf(n), 'plan.sha256'))).toBe(true);
    // The emergency accounts come from the tenants file: said so, not as a missing --emergency.
    expect(plan.stderr).toContain('The tenants file names no emergency account for this tenant: the plan is not checked for lock-outs.');
    expect(plan.stderr).not.toContain('--emergency');

    const lint = await world.gatehouse([
      'lint',
      '--tenants',
      'two.json',
      '--from',
      join(abs, 'backups'),
      '--format',
      'junit',
      '--out',
      join(abs, 'lint'),
    ]);
    expect(lint.code, lint.stderr).toBe(0);
    expect(existsSync(join(abs, 'lint', `${folderOf(1)}.xml`))).toBe(true);
  }, 120_000);

  it('plans the same file, with the same sha256, in two different working folders; apply --tenants applies it there', async () => {
    const plans = [];
    for (const runner of ['runner-a', 'runner-b']) {
      const cwd = join(world.dir, runner, 'work');
      mkdirSync(cwd, { recursive: true });
      writeFileSync(join(cwd, 'tenants.json'), tenantsFileOf([1]));
      cpSync(join(world.dir, 'absolute', 'backups', folderOf(1)), join(cwd, 'desired', folderOf(1)), { recursive: true });
      const run = await world.gatehouse(['plan', '--tenants', 'tenants.json', 'desired', '--out', 'plans'], {}, cwd);
      expect(run.code, run.stderr).toBe(0);
      const planFile = readFileSync(join(cwd, 'plans', folderOf(1), 'plan.json'), 'utf8');
      expect((JSON.parse(planFile) as { source: { path: string } }).source.path).toBe(`desired/${folderOf(1)}`);
      plans.push({ cwd, hash: readFileSync(join(cwd, 'plans', folderOf(1), 'plan.sha256'), 'utf8'), planFile });
    }
    expect(plans[1]!.planFile).toBe(plans[0]!.planFile);
    expect(plans[1]!.hash).toBe(plans[0]!.hash);
    const applied = await world.gatehouse(['apply', '--tenants', 'tenants.json', '--plans', 'plans'], {}, plans[1]!.cwd);
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toContain('1 tenant(s), 0 failed');
  }, 120_000);

  it('prints each tenant’s drift in the order of the tenants file, however the tenants finish', async () => {
    for (const n of [1, 2]) {
      const policies = (await (await asAdmin(n, 'GET', POLICIES)).json()) as { value: { id: string; displayName: string }[] };
      const ca001 = policies.value.find((p) => p.displayName.startsWith('CA001'))!;
      expect((await asAdmin(n, 'PATCH', `${POLICIES}/${ca001.id}`, { state: 'disabled' })).status).toBe(204);
    }
    // Tenant 1, first in the file, is throttled: its first reads of the policies wait out a Retry-After,
    // and it finishes last. (A fault, not its spent budget: that refills in seconds, sooner than a
    // busy machine starts the command.)
    const throttled = { rules: [{ match: 'GET /beta/identity/conditionalAccess/policies', fault: 429, times: 2, retryAfter: 2 }] };
    const faults = await fetch(`${world.graphUrl}/_emulator/tenants/${tenantCopy(1).id}/faults`, {
      method: 'PATCH',
      body: JSON.stringify(throttled),
    });
    expect(faults.status).toBe(200);
    const drift = await world.gatehouse(['diff', '--tenants', 'two.json', join(world.dir, 'absolute', 'backups')]);
    expect(drift.code, drift.stderr).toBe(1);
    const done = [...drift.stderr.matchAll(/\] (Contoso 00\d) \(/g)].map((m) => m[1]);
    expect(done).toEqual(['Contoso 002', 'Contoso 001']);
    const printed = [...drift.stdout.matchAll(/^ {2}(Contoso 00\d): CA001/gm)].map((m) => m[1]);
    expect(printed).toEqual(['Contoso 001', 'Contoso 002']);
  }, 120_000);

  it('refuses a sign-in option one tenant takes, saying the credentials come from the tenants file', async () => {
    for (const args of [
      ['backup', '--tenants', 'two.json', '--out', 'x', '--certificate', 'cert.pem'],
      ['lint', '--tenants', 'two.json', '--client-id', clientIdOf(1)],
      ['diff', '--tenants', 'two.json', '--auth', 'secret'],
      ['plan', '--tenants', 'two.json', '--out', 'p', '--federated-token-file', 'token'],
    ]) {
      const run = await world.gatehouse(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr.trim()).toMatch(
        /^gatehouse \w+: --[\w-]+ is not taken with --tenants: each tenant's credentials come from its entry in the tenants file/,
      );
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
    const help = await world.gatehouse(['report', '--help']);
    for (const option of ['--certificate', '--client-id', '--auth ', '--federated-token-file']) expect(help.stdout).not.toContain(option);
    expect((await world.gatehouse(['report', '--tenants', 'two.json', '--out', 'r', '--certificate', 'c.pem'])).code).toBe(2);
  }, 120_000);

  it('single-tenant plan writes plan.sha256 beside the plan, as plan --tenants does', async () => {
    const env = { AZURE_TENANT_ID: tenantCopy(2).id, AZURE_CLIENT_ID: clientIdOf(2), AZURE_CLIENT_SECRET: TENANT_SECRET };
    mkdirSync(join(world.dir, 'single'), { recursive: true });
    const run = await world.gatehouse(['plan', join(world.dir, 'absolute', 'backups', folderOf(2)), '--out', 'single/plan.json'], env);
    expect(run.code, run.stderr).toBe(0);
    const hash = /^sha256 ([0-9a-f]{64})$/m.exec(run.stdout)![1]!;
    expect(readFileSync(join(world.dir, 'single', 'plan.sha256'), 'utf8')).toBe(`${hash}\n`);
    expect(run.stdout).toContain('written to single/plan.json (its sha256 to single/plan.sha256)');
  }, 120_000);
});
