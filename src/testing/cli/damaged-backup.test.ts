// A backup in git that lost a policy's file (a bad merge, a hand cleanup) while its manifest still
// lists it, handed to every command that reads a backup, as real processes against the emulator's
// Contoso: drift from it fails the tenant (as `diff` of one backup does) instead of naming the policy
// as drift; a plan from it says it does not bring the policy back; lint says the policy is not linted.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantCopy } from '../../emulator/server/many-tenants';
import { clientIdOf, startTenantsWorld, TENANT_SECRET, tenantsFileOf, type TenantsWorld } from './tenants-world';

let world: TenantsWorld;
let backup: string;
beforeAll(async () => {
  world = await startTenantsWorld(2);
  writeFileSync(join(world.dir, 'one.json'), tenantsFileOf([1]));
  const run = await world.gatehouse(['backup', '--tenants', 'one.json', '--out', 'backups']);
  if (run.code !== 0) throw new Error(run.stderr);
  backup = join('backups', tenantCopy(1).id.toLowerCase());
  const file = readdirSync(join(world.dir, backup, 'policies')).find((name) => name.startsWith('CA035'))!;
  rmSync(join(world.dir, backup, 'policies', file));
}, 120_000);
afterAll(async () => world?.close());

describe('a backup that lost a policy its manifest lists', () => {
  it('diff --tenants fails the tenant with the file’s loss (exit 2), not drift of the policy (exit 1)', async () => {
    const run = await world.gatehouse(['diff', '--tenants', 'one.json', 'backups']);
    expect(run.code, run.stdout + run.stderr).toBe(2);
    expect(run.stdout).toContain('1 failed');
    expect(run.stdout).toMatch(/The baseline .* lost an item its manifest lists \(“CA035[^)]*\): drift from it would show it/);
    expect(run.stdout).not.toMatch(/CA035[^\n]*: added/);
  }, 120_000);

  it('plan says it does not bring the policy back, in its notes and the job summary', async () => {
    const env = { AZURE_CLIENT_ID: clientIdOf(1), AZURE_CLIENT_SECRET: TENANT_SECRET, GITHUB_STEP_SUMMARY: join(world.dir, 'summary.md') };
    const run = await world.gatehouse(['plan', backup, '--out', 'plan.json', '--tenant', tenantCopy(1).id], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /Notes:\n- the backup in .* lost an item its manifest lists \(“CA035[^)]*\): this plan does not bring it back/,
    );
    expect(readFileSync(join(world.dir, 'summary.md'), 'utf8')).toMatch(
      /lost an item its manifest lists \(“CA035[^)]*\): this plan does not bring it back/,
    );
  }, 120_000);

  it('lint --from warns that the policy is not linted', async () => {
    const run = await world.gatehouse(['lint', '--from', backup]);
    expect(run.stderr).toMatch(/Warning: the backup in .* lost an item its manifest lists \(“CA035[^)]*\): it is not linted/);
  }, 120_000);
});

describe('a backup of another tenant than the one signed in to', () => {
  it('diff says so and fails (exit 2) instead of reporting every object as drift', async () => {
    writeFileSync(join(world.dir, 'second.json'), tenantsFileOf([2]));
    expect((await world.gatehouse(['backup', '--tenants', 'second.json', '--out', 'others'])).code).toBe(0);
    const env = { AZURE_CLIENT_ID: clientIdOf(1), AZURE_CLIENT_SECRET: TENANT_SECRET };
    const other = join('others', tenantCopy(2).id.toLowerCase());
    const run = await world.gatehouse(['diff', other, '--tenant', tenantCopy(1).id], env);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stdout).toContain(
      `is of tenant ${tenantCopy(2).id} (Contoso 002), not of the tenant Contoso 001 (${tenantCopy(1).id}) signed in to`,
    );
    expect(run.stdout).toContain('--baseline');
    // Its own backup still compares as the same.
    const own = await world.gatehouse(['diff', backup, '--tenant', tenantCopy(1).id], env);
    expect(own.stdout).not.toContain('is of tenant');
  }, 120_000);
});
