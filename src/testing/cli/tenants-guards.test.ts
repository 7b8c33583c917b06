// The --tenants commands where a pipeline could be told all is well when it is not, as real
// processes against the emulator's copies of Contoso: a token for another tenant than the entry
// names fails that tenant (nothing backed up under the wrong name); diff --tenants --format json is
// one JSON document; apply --tenants counts the writes it made (none for a plan already in place)
// and neither it nor one tenant's apply says anything of Group.Create for a plan that creates no
// group; report --tenants --backups applies the lint suppressions the tenant's backup holds.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withLintSuppressions } from '../../domain/bundle/bundle';
import { readTenantsReport } from '../../domain/tenants/report';
import { tenantCopy } from '../../emulator/server/many-tenants';
import { readBackup } from '../../cli/files';
import { writeBackup } from '../../cli/write-backup';
import { clientIdOf, TENANT_SECRET, tenantsFileOf, asAdminOf } from './tenants-world';
import { tenantsWorldForFile, folderOf } from './tenants-world-for-file';

const world = tenantsWorldForFile(2, { 'one.json': tenantsFileOf([1]) });

const POLICIES = '/v1.0/identity/conditionalAccess/policies';

const asAdmin = (n: number, method: string, path: string, body?: unknown) => asAdminOf(world, n, method, path, body);

async function report(args: string[]) {
  const run = await world.gatehouse(['report', ...args]);
  const read = readTenantsReport(readFileSync(join(world.dir, args[args.indexOf('--out') + 1]!, 'report.json'), 'utf8'));
  if (!read.ok) throw new Error(read.message);
  return { run, tenants: read.report.tenants };
}

describe('gatehouse --tenants, told the truth', () => {
  it('fails a tenant whose token is for another tenant, naming both: nothing is backed up or reported under its name; the others go on', async () => {
    // Copy 2's entry signs in with copy 1's application: the provider gives a token for copy 1.
    const file = JSON.parse(tenantsFileOf([1, 2])) as { tenants: { auth: { clientId: string } }[] };
    file.tenants[1]!.auth.clientId = clientIdOf(1);
    writeFileSync(join(world.dir, 'crossed.json'), JSON.stringify(file));
    const wrong = `Signed in to tenant ${tenantCopy(1).id}, not ${tenantCopy(2).id}: nothing was read.`;

    const backup = await world.gatehouse(['backup', '--tenants', 'crossed.json', '--out', 'crossed']);
    expect(backup.code, backup.stderr).toBe(2);
    expect(backup.stdout).toContain('2 tenant(s), 1 failed');
    expect(backup.stdout).toContain(`  Contoso 002 (${tenantCopy(2).id}): ${wrong}`);
    expect(readdirSync(join(world.dir, 'crossed'))).toEqual([folderOf(1)]);

    const { run, tenants } = await report(['--tenants', 'crossed.json', '--out', 'crossed-report']);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stdout).toContain('1 could not be read');
    expect(tenants.map((t) => [t.tenantId, t.error?.slice(0, wrong.length)])).toEqual([
      [tenantCopy(1).id, undefined],
      [tenantCopy(2).id, wrong],
    ]);

    // One tenant: --tenant by id is checked as well; by domain name it cannot be, and is not.
    const one = { AZURE_CLIENT_ID: clientIdOf(1), AZURE_CLIENT_SECRET: TENANT_SECRET };
    const byId = await world.gatehouse(['backup', '--tenant', tenantCopy(2).id, '--out', 'single'], one);
    expect(byId.code).toBe(2);
    expect(byId.stderr).toContain(`gatehouse backup: ${wrong}`);
    expect(existsSync(join(world.dir, 'single'))).toBe(false);
    const byDomain = await world.gatehouse(['backup', '--tenant', tenantCopy(1).defaultDomain, '--out', 'single'], one);
    expect(byDomain.code, byDomain.stderr).toBe(0);
  }, 120_000);

  it('refuses the second entry of a tenant listed twice (by its id and by its domain): one run per tenant, the other entry failed and named', async () => {
    const file = JSON.parse(tenantsFileOf([1, 2])) as { tenants: { id: string; name: string }[] };
    // Copy 1 again, by its domain this time (its own application signs in to it).
    file.tenants.push({ ...file.tenants[0]!, id: tenantCopy(1).defaultDomain, name: 'Contoso by domain' });
    writeFileSync(join(world.dir, 'twice.json'), JSON.stringify(file));

    const run = await world.gatehouse(['backup', '--tenants', 'twice.json', '--out', 'twice', '--concurrency', '1']);

    expect(run.code, run.stderr).toBe(2);
    expect(run.stdout).toContain('3 tenant(s), 1 failed');
    expect(run.stdout).toContain(
      `  Contoso by domain (${tenantCopy(1).defaultDomain}): ${tenantCopy(1).defaultDomain} signs in to tenant ${tenantCopy(1).id}, which the tenants file already lists as Contoso 001 (${tenantCopy(1).id}): nothing was read for it.`,
    );
    expect(readdirSync(join(world.dir, 'twice')).sort()).toEqual([folderOf(1), folderOf(2)].sort());
  }, 120_000);

  it('diff --tenants --format json prints one JSON document: each tenant’s drift with who changed it; the run’s lines go to stderr', async () => {
    expect((await world.gatehouse(['backup', '--tenants', 'one.json', '--out', 'backups'])).code).toBe(0);
    const policies = (await (await asAdmin(1, 'GET', POLICIES)).json()) as { value: { id: string; displayName: string }[] };
    const ca001 = policies.value.find((p) => p.displayName.startsWith('CA001'))!;
    expect((await asAdmin(1, 'PATCH', `${POLICIES}/${ca001.id}`, { state: 'disabled' })).status).toBe(204);

    const json = await world.gatehouse(['diff', '--tenants', 'one.json', 'backups', '--format', 'json']);
    expect(json.code, json.stderr).toBe(1);
    const document = JSON.parse(json.stdout) as {
      tenants: { id: string; name: string; drift: { name: string; kind: string; changes: string[]; author?: { by: string } }[] }[];
    };
    expect(document.tenants).toHaveLength(1);
    expect(document.tenants[0]).toMatchObject({ id: tenantCopy(1).id, name: 'Contoso 001' });
    expect(document.tenants[0]!.drift).toEqual([
      expect.objectContaining({
        name: 'CA001: Require MFA for all users',
        kind: 'changed',
        changes: ['State: On → Off'],
        author: expect.objectContaining({ by: 'admin@contoso-001.example' }),
      }),
    ]);
    expect(json.stderr).toContain('Conditional Access drift: 1 tenant(s), 0 failed, 1 with findings.');

    const markdown = await world.gatehouse(['diff', '--tenants', 'one.json', 'backups', '--format', 'markdown']);
    expect(markdown.code).toBe(1);
    expect(markdown.stdout).toContain(
      `### Contoso 001 (${tenantCopy(1).id})\n\n- CA001: Require MFA for all users: changed by admin@contoso-001.example`,
    );

    // A name from the tenant is shown as stored in the job summary too: its override as an escape, not turning the line.
    const forged = await asAdmin(1, 'POST', POLICIES, {
      displayName: 'CA099 \u202Ekcolb <b>x</b>',
      state: 'disabled',
      conditions: { users: { includeUsers: ['None'] }, applications: { includeApplications: ['All'] }, clientAppTypes: ['all'] },
      grantControls: { operator: 'OR', builtInControls: ['block'] },
    });
    expect(forged.status).toBe(201);
    const { id } = (await forged.json()) as { id: string };
    try {
      const added = await world.gatehouse(['diff', '--tenants', 'one.json', 'backups', '--format', 'markdown']);
      expect(added.code, added.stderr).toBe(1);
      expect(added.stdout, added.stdout).toContain('- CA099 \\\\u202Ekcolb &lt;b&gt;x&lt;/b&gt;: added');
      expect(added.stdout).not.toContain('\u202E');
    } finally {
      expect((await asAdmin(1, 'DELETE', `${POLICIES}/${id}`)).status).toBe(204);
    }
  }, 120_000);

  it('apply --tenants counts the writes it made: none when the plan is already in place; no word of Group.Create for a plan that creates no group', async () => {
    const plan = await world.gatehouse(['plan', '--tenants', 'one.json', 'backups', '--out', 'plans']);
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toContain('1 to update');

    const first = await world.gatehouse(['apply', '--tenants', 'one.json', '--plans', 'plans']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`Contoso 001 (${tenantCopy(1).id}): 1 write(s) for the plan's 1 change(s), each read back as planned`);
    // The application lacks Group.Create, which only a plan creating groups needs.
    expect(first.stderr).not.toContain('Group.Create');

    const again = await world.gatehouse(['apply', '--tenants', 'one.json', '--plans', 'plans']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(
      `Contoso 001 (${tenantCopy(1).id}): nothing written: the tenant already holds the plan's 1 change(s), each read back as planned`,
    );

    // One tenant's apply says nothing of Group.Create either.
    const planPath = join('plans', folderOf(1), 'plan.json');
    const hash = readFileSync(join(world.dir, 'plans', folderOf(1), 'plan.sha256'), 'utf8').trim();
    const env = { AZURE_TENANT_ID: tenantCopy(1).id, AZURE_CLIENT_ID: clientIdOf(1), AZURE_CLIENT_SECRET: TENANT_SECRET };
    const single = await world.gatehouse(['apply', '--plan', planPath, '--sha256', hash], env);
    expect(single.code, single.stderr).toBe(0);
    expect(single.stderr).not.toContain('Group.Create');
  }, 120_000);

  it('apply --tenants fails a gate (exit 1) when a tenant’s write reads back otherwise than planned, as one tenant’s apply does', async () => {
    // A location renamed in the tenant after the backup; the plan names it back.
    const LOCATIONS = '/v1.0/identity/conditionalAccess/namedLocations';
    const locations = (await (await asAdmin(1, 'GET', LOCATIONS)).json()) as { value: { id: string; displayName: string }[] };
    const location = locations.value.find((l) => l.displayName.startsWith('Azure VPN'))!;
    const renamed = await asAdmin(1, 'PATCH', `${LOCATIONS}/${location.id}`, {
      '@odata.type': '#microsoft.graph.ipNamedLocation',
      displayName: `${location.displayName} (old)`,
    });
    expect(renamed.status).toBe(204);
    const plan = await world.gatehouse(['plan', '--tenants', 'one.json', 'backups', '--out', 'differs']);
    expect(plan.code, plan.stderr).toBe(0);
    // What Graph keeps is not what the plan intended (as a service that rewrites a value would): the row's body is
    // edited to send another name, and the file approved as it now is.
    const folder = join(world.dir, 'differs', folderOf(1));
    const file = JSON.parse(readFileSync(join(folder, 'plan.json'), 'utf8')) as {
      plan: { rows: { kind: string; action: string; body: Record<string, unknown> | null }[] };
    };
    const row = file.plan.rows.find((r) => r.kind === 'namedLocation' && r.action === 'update')!;
    row.body = { ...row.body, displayName: `${location.displayName} (as stored)` };
    const text = `${JSON.stringify(file, null, 2)}\n`;
    writeFileSync(join(folder, 'plan.json'), text);
    writeFileSync(join(folder, 'plan.sha256'), `${createHash('sha256').update(text).digest('hex')}\n`);

    const run = await world.gatehouse(['apply', '--tenants', 'one.json', '--plans', 'differs']);
    expect(run.stdout, run.stderr).toContain('1 reading back otherwise than planned');
    expect(run.code, run.stderr).toBe(1);
    await asAdmin(1, 'PATCH', `${LOCATIONS}/${location.id}`, {
      '@odata.type': '#microsoft.graph.ipNamedLocation',
      displayName: location.displayName,
    });
  }, 120_000);

  it('apply --tenants refuses, before writing, a tenant whose plan creates a group the application cannot create and find', async () => {
    const plan = await world.gatehouse(['plan', '--tenants', 'one.json', 'backups', '--out', 'groups']);
    expect(plan.code, plan.stderr).toBe(0);
    const folder = join(world.dir, 'groups', folderOf(1));
    const file = JSON.parse(readFileSync(join(folder, 'plan.json'), 'utf8')) as { plan: { rows: Record<string, unknown>[] } };
    // A ring's group to create first, as a rollout's plan holds.
    file.plan.rows.unshift({
      key: 'group:group:Pilot ring',
      kind: 'group',
      displayName: 'Pilot ring',
      action: 'create',
      options: ['create'],
      why: 'Created now for the rollout.',
      sourceId: null,
      targetId: null,
      body: { displayName: 'Pilot ring', description: 'Created by Gatehouse for the rollout' },
      intended: { displayName: 'Pilot ring' },
      before: null,
      problems: [],
    });
    const text = `${JSON.stringify(file, null, 2)}\n`;
    writeFileSync(join(folder, 'plan.json'), text);
    writeFileSync(join(folder, 'plan.sha256'), `${createHash('sha256').update(text).digest('hex')}\n`);
    const writesBefore = world.log.filter(
      (r) => r.tenantId === tenantCopy(1).id && r.method !== 'GET' && !r.path.endsWith('/$batch'),
    ).length;

    const run = await world.gatehouse(['apply', '--tenants', 'one.json', '--plans', 'groups']);

    expect(run.code, run.stderr).toBe(2);
    expect(run.stdout).toMatch(/creates a group \('Pilot ring'\), and the application lacks .*Group\.Create.*Nothing was written\./);
    const writesAfter = world.log.filter(
      (r) => r.tenantId === tenantCopy(1).id && r.method !== 'GET' && !r.path.endsWith('/$batch'),
    ).length;
    expect(writesAfter).toBe(writesBefore);
  }, 120_000);

  it('report --tenants --backups applies the lint suppressions the tenant’s backup holds', async () => {
    const before = await report(['--tenants', 'one.json', '--backups', 'backups', '--out', 'report-before']);
    expect(before.run.code, before.run.stderr).not.toBe(2);
    const lint = before.tenants[0]!.lint!;
    expect(lint.suppressed).toBe(0);
    const rule = lint.rules[0]!;

    const folder = join(world.dir, 'backups', folderOf(1));
    const { bundle } = await readBackup(folder);
    await writeBackup(
      await withLintSuppressions(bundle, [{ ruleId: rule.ruleId, reason: 'Accepted for every policy', at: '2026-01-01T00:00:00Z' }]),
      folder,
    );
    const after = await report(['--tenants', 'one.json', '--backups', 'backups', '--out', 'report-after']);
    expect(after.run.code, after.run.stderr).not.toBe(2);
    expect(after.tenants[0]!.lint!.suppressed).toBe(rule.count);
    expect(after.tenants[0]!.lint!.rules.map((r) => r.ruleId)).not.toContain(rule.ruleId);
  }, 120_000);
});
