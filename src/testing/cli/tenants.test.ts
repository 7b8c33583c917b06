// The command line over a tenants file, as real processes against the emulator's copies of Contoso:
// a backup of three tenants where one has a wrong secret (the others are backed up, the bad one is
// reported with why and no secret, exit 2); the all-tenant report with lint, emergency access, drift
// with its author and the last backup's age, read back as the console reads it; shards of a CI
// matrix that cover every tenant exactly once.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTenantsReport } from '../../domain/tenants/report';
import { tenantCopy } from '../../emulator/server/many-tenants';
import { createSeedState } from '../../emulator/seed';
import { clientIdOf, TENANT_SECRET, tenantsFileOf } from './tenants-world';
import { tenantsWorldForFile, folderOf } from './tenants-world-for-file';

const world = tenantsWorldForFile(6);

const WRONG = 'not-the-secret-7f3a9c';
const emergencyGroup = createSeedState().tenants[0]!.groups.find((g) => g.displayName === 'CA - Emergency access accounts')!.id;

/** Copies 1 and 2 fine (1 names its emergency group, 2 is held to its backup), copy 3 with a wrong secret. */
function writeThreeTenants(name: string) {
  const file = JSON.parse(
    tenantsFileOf([1, 2, 3], (n) =>
      n === 1
        ? { emergency: { groups: [emergencyGroup], users: ['break.glass.01@contoso-001.example'] } }
        : n === 2
          ? { baseline: `backups/${folderOf(2)}` }
          : {},
    ),
  ) as { tenants: { auth: Record<string, string> }[] };
  file.tenants[2]!.auth = { kind: 'secret', clientId: clientIdOf(3), secretEnv: 'COPY3_SECRET' };
  writeFileSync(join(world.dir, name), JSON.stringify(file));
}

describe('gatehouse over a tenants file', () => {
  it('backs up each tenant into its own folder; the tenant with a wrong secret is reported with why, the others go on, exit 2; a second run touches nothing', async () => {
    writeThreeTenants('three.json');
    const env = { COPY3_SECRET: WRONG };
    const run = await world.gatehouse(['backup', '--tenants', 'three.json', '--out', 'backups'], env);
    expect(run.code, run.stderr).toBe(2);
    for (const output of [run.stdout, run.stderr]) {
      expect(output).not.toContain(WRONG);
      expect(output).not.toContain(TENANT_SECRET);
    }
    expect(run.stdout).toContain('3 tenant(s), 1 failed');
    expect(run.stdout).toMatch(
      /Contoso 003 \([0-9a-f-]+\): Sign-in failed at https:\/\/localhost:\d+: invalid_client: AADSTS7000215: Invalid client secret/,
    );
    expect(run.stderr).toMatch(/Contoso 001 \([0-9a-f-]+\): backed up to backups\/[0-9a-f-]+: 35 policies/);
    expect(readdirSync(join(world.dir, 'backups')).sort()).toEqual([folderOf(1), folderOf(2)].sort());
    for (const n of [1, 2]) {
      const manifest = JSON.parse(readFileSync(join(world.dir, 'backups', folderOf(n), 'manifest.json'), 'utf8')) as {
        tenant: { id: string; name: string };
      };
      expect(manifest.tenant).toEqual({ id: tenantCopy(n).id, name: tenantCopy(n).displayName });
      expect(existsSync(join(world.dir, 'backups', folderOf(n), 'policies/CA001-Require-MFA-for-all-users.json'))).toBe(true);
    }
    const manifest = readFileSync(join(world.dir, 'backups', folderOf(1), 'manifest.json'), 'utf8');

    const again = await world.gatehouse(['backup', '--tenants', 'three.json', '--out', 'backups'], env);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/Contoso 001 \([0-9a-f-]+\): unchanged since the backup in backups/);
    expect(readFileSync(join(world.dir, 'backups', folderOf(1), 'manifest.json'), 'utf8')).toBe(manifest);
  }, 120_000);

  it('writes the all-tenant report: policies, lint, emergency access, drift with its author, last backup; the unreadable tenant says why; the console reads it back', async () => {
    // Copy 2's admin turns CA001 off after the backup.
    const ca001 = JSON.parse(
      readFileSync(join(world.dir, 'backups', folderOf(2), 'policies/CA001-Require-MFA-for-all-users.json'), 'utf8'),
    ) as { id: string };
    const patch = async () =>
      fetch(`${world.graphUrl}/v1.0/identity/conditionalAccess/policies/${ca001.id}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${await world.adminToken(2)}`, 'content-type': 'application/json' },
        body: JSON.stringify({ state: 'disabled' }),
      });
    // The tenant's Conditional Access limit applies to its admin too: the backup just used its burst.
    let patched = await patch();
    for (let tries = 0; patched.status === 429 && tries < 5; tries++) {
      await new Promise((r) => setTimeout(r, 1100));
      patched = await patch();
    }
    expect(patched.status).toBe(204);

    const run = await world.gatehouse(['report', '--tenants', 'three.json', '--backups', 'backups', '--out', 'report'], {
      COPY3_SECRET: WRONG,
      GITHUB_STEP_SUMMARY: join(world.dir, 'summary.md'),
    });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stdout).toContain('Report of 3 tenant(s) written to report/report.json');
    const read = readTenantsReport(readFileSync(join(world.dir, 'report/report.json'), 'utf8'));
    if (!read.ok) throw new Error(read.message);
    const [first, second, third] = read.report.tenants;
    expect(read.report.tenants.map((t) => t.name)).toEqual(['Contoso 001', 'Contoso 002', 'Contoso 003']);
    expect(third!.error).toMatch(/^Sign-in failed at .*invalid_client: AADSTS7000215: Invalid client secret provided/);
    expect(third!.policies).toBeUndefined();

    expect(first!.policies).toMatchObject({ total: 35 });
    expect(first!.lint!.errors + first!.lint!.warnings).toBeGreaterThan(0);
    // Break Glass 01 (named by sign-in name) is in the emergency group, which Contoso's policies exclude: only the two
    // that forget the group (CA021, CA032) reach the accounts. Without its membership read, 20 policies would.
    expect(first!.emergency).toEqual({ affected: 2, worst: 'high' });
    expect(first!.drift).toBeUndefined();
    const taken = JSON.parse(readFileSync(join(world.dir, 'backups', folderOf(1), 'manifest.json'), 'utf8')) as { capturedAt: string };
    expect(first!.lastBackupAt).toBe(taken.capturedAt);

    expect(second!.emergency).toBeUndefined();
    expect(second!.drift!.changed).toEqual([
      { name: 'CA001: Require MFA for all users', by: 'admin@contoso-002.example', at: expect.any(String) },
    ]);
    expect(second!.drift!.added).toEqual([]);
    expect(second!.policies!.off).toBe(first!.policies!.off + 1);

    const markdown = readFileSync(join(world.dir, 'report/report.md'), 'utf8');
    const html = readFileSync(join(world.dir, 'report/report.html'), 'utf8');
    expect(readFileSync(join(world.dir, 'summary.md'), 'utf8')).toContain(markdown.trim());
    for (const text of [markdown, html, run.stdout, run.stderr, readFileSync(join(world.dir, 'report/report.json'), 'utf8')]) {
      expect(text).not.toContain(WRONG);
      expect(text).toContain('Invalid client secret');
    }
    expect(markdown).toContain('- changed: CA001: Require MFA for all users by admin@contoso-002.example');
    expect(html).toMatch(/<th scope="row">Contoso 002<div class="id">[^<]+<\/div><\/th>(<td>[^<]*<\/td>){2}<td>1 changed<\/td>/);

    // Without the unreadable tenant: the drift alone makes exit 1.
    writeFileSync(
      join(world.dir, 'two.json'),
      JSON.stringify({ tenants: JSON.parse(readFileSync(join(world.dir, 'three.json'), 'utf8')).tenants.slice(0, 2) }),
    );
    const drifted = await world.gatehouse(['diff', '--tenants', 'two.json', 'backups']);
    expect(drifted.code, drifted.stderr).toBe(1);
    expect(drifted.stdout).toContain('Contoso 002: CA001: Require MFA for all users: changed by admin@contoso-002.example');
    expect(drifted.stdout).toContain('State: On → Off');
    expect(drifted.stderr).toMatch(/Contoso 001 \([0-9a-f-]+\): no drift/);

    // Lint of every tenant's backup, offline: one SARIF file per tenant; warnings fail the job when asked.
    const lint = await world.gatehouse(['lint', '--tenants', 'two.json', '--from', 'backups', '--format', 'sarif', '--out', 'sarif']);
    expect(lint.code, lint.stderr).toBe(0);
    expect(lint.stderr).toMatch(/Contoso 001 \([0-9a-f-]+\): 0 error\(s\), \d+ warning\(s\)/);
    for (const n of [1, 2]) {
      const sarif = JSON.parse(readFileSync(join(world.dir, 'sarif', `${folderOf(n)}.sarif`), 'utf8')) as {
        version: string;
        runs: { results: { locations: { physicalLocation?: { artifactLocation: { uri: string } } }[] }[] }[];
      };
      expect(sarif.version).toBe('2.1.0');
      expect(sarif.runs[0]!.results.length).toBeGreaterThan(0);
      // Code scanning refuses a result without a file: each is on its policy's file or the tenant's manifest.
      const uris = new Set(sarif.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation?.artifactLocation.uri));
      expect(uris).toContain(`backups/${folderOf(n)}/manifest.json`);
      for (const uri of uris) expect(uri && existsSync(join(world.dir, uri))).toBe(true);
    }
    // The folder of backups itself is not one backup: refused, not read as its first tenant.
    const several = await world.gatehouse(['lint', '--from', 'backups']);
    expect(several.code).toBe(2);
    expect(several.stderr).toContain('backups: This folder holds 2 backups, one in each of');
    expect(several.stderr).toContain('gatehouse lint --tenants <file> --from backups');
    const strict = await world.gatehouse(['lint', '--tenants', 'two.json', '--from', 'backups', '--fail-on', 'warning']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('Conditional Access lint: 2 tenant(s), 0 failed, 2 with findings.');
    const permissions = await world.gatehouse(['permissions', 'report']);
    expect(permissions.stdout).toMatch(/gatehouse report: .*\n\s+Policy\.Read\.All[\s\S]*AuditLog\.Read\.All\s+\(optional\)/);
  }, 120_000);

  it('shards of a CI matrix back up every tenant exactly once; a secret in the file is refused, a missing variable fails only its tenant', async () => {
    writeFileSync(join(world.dir, 'six.json'), tenantsFileOf([1, 2, 3, 4, 5, 6]));
    const runs = await Promise.all(
      [1, 2, 3, 4].map((i) => world.gatehouse(['backup', '--tenants', 'six.json', '--shard', `${i}/4`, '--out', `shard-${i}`])),
    );
    const seen = runs.map((run) => {
      expect(run.code, run.stderr).toBe(0);
      return readdirSync(join(world.dir, `shard-${runs.indexOf(run) + 1}`));
    });
    expect(seen.map((s) => s.length)).toEqual([2, 2, 1, 1]);
    expect(seen.flat().sort()).toEqual([1, 2, 3, 4, 5, 6].map(folderOf).sort());
    const wrong = await world.gatehouse(['backup', '--tenants', 'six.json', '--shard', '5/4', '--out', 'x']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--shard 5/4: The shard is between 1 and 4, not 5.');

    // A secret written in the file is refused with its place; a variable the file names but the job lacks is said for that tenant.
    const leaked = JSON.parse(tenantsFileOf([1, 2])) as { tenants: { auth: Record<string, string> }[] };
    leaked.tenants[1]!.auth.clientSecret = 'pasted-by-mistake';
    writeFileSync(join(world.dir, 'leaked.json'), JSON.stringify(leaked));
    const refused = await world.gatehouse(['backup', '--tenants', 'leaked.json', '--out', 'x']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('leaked.json:\n  tenants[1].auth.clientSecret: A secret does not belong in the tenants file');
    expect(refused.stderr).not.toContain('pasted-by-mistake');
    const unset = JSON.parse(tenantsFileOf([1, 2])) as { tenants: { auth: Record<string, string> }[] };
    unset.tenants[1]!.auth.secretEnv = 'COPY2_SECRET';
    writeFileSync(join(world.dir, 'unset.json'), JSON.stringify(unset));
    const missing = await world.gatehouse(['backup', '--tenants', 'unset.json', '--out', 'unset']);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toMatch(
      /Contoso 002 \([0-9a-f-]+\): The environment variable COPY2_SECRET, which the tenants file names for its secret, is not set\./,
    );
    expect(readdirSync(join(world.dir, 'unset'))).toEqual([folderOf(1)]);
  }, 120_000);
});
