// apply as a pipeline runs it when something goes wrong: a write refused halfway stops the run
// (exit 2, a journal beside the plan); applying the same approved plan again resumes it, writing
// nothing twice; a plan approved for another tenant is refused before anything is written.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backedUp } from './apply-resume.fixture';
import { adminRequests, cliWorldForFile, granted, hashOf, secret } from './cli-world-for-file';

const world = cliWorldForFile();
const asAdmin = adminRequests(world);

describe('gatehouse apply', () => {
  it('stops on a refused write, and the same plan applied again resumes without writing anything twice', async () => {
    expect((await world.gatehouse(['backup', '--out', 'baseline'], secret)).code).toBe(0);
    const ca001 = backedUp(world, 'baseline', 'policies', 'CA001');
    const location = backedUp(world, 'baseline', 'named-locations', 'Azure-VPN');
    expect((await asAdmin('PATCH', `/v1.0/identity/conditionalAccess/policies/${ca001.id}`, { state: 'disabled' })).status).toBe(204);
    expect(
      (
        await asAdmin('PATCH', `/v1.0/identity/conditionalAccess/namedLocations/${location.id}`, {
          '@odata.type': '#microsoft.graph.ipNamedLocation',
          displayName: `${location.displayName} (old)`,
        })
      ).status,
    ).toBe(204);

    const planned = await world.gatehouse(['plan', 'baseline', '--out', 'plan.json'], secret);
    expect(planned.code, planned.stderr).toBe(0);
    const hash = hashOf(planned.stdout);

    // The policy's write is refused once (as a revoked consent would be); the named location's goes through first.
    await fetch(`${world.graphUrl}/_emulator/tenants/${world.tenantId}/faults`, {
      method: 'PUT',
      body: JSON.stringify({ rules: [{ match: `PATCH /beta/identity/conditionalAccess/policies/${ca001.id}`, fault: 403, times: 1 }] }),
    });
    await granted(world, async () => {
      const stopped = await world.gatehouse(['apply', '--plan', 'plan.json', '--sha256', hash], secret);
      expect(stopped.code).toBe(2);
      expect(stopped.stderr).toContain('1 of 2 write(s) did not complete');
      expect(stopped.stderr).toContain('Apply the same plan again to resume');
      expect(existsSync(join(world.dir, 'plan.json.run.json'))).toBe(true);

      const resumed = await world.gatehouse(['apply', '--plan', 'plan.json', '--sha256', hash], secret);
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(resumed.stderr).toMatch(/Resuming the run of .+: 1 of the plan's 2 change\(s\) done \(1 written\)\./);
      expect(existsSync(join(world.dir, 'plan.json.run.json'))).toBe(false);
    });

    // The named location was written once: the admin's rename, then the run's one write back.
    const audits = (await (await asAdmin('GET', `/v1.0/auditLogs/directoryAudits?$top=100`)).json()) as {
      value: { activityDisplayName: string; targetResources: { id: string }[] }[];
    };
    const locationUpdates = audits.value.filter(
      (e) => e.activityDisplayName === 'Update named location' && e.targetResources[0]?.id === location.id,
    );
    expect(locationUpdates).toHaveLength(2);
    expect((await world.gatehouse(['diff', 'baseline'], secret)).code).toBe(0);
  }, 180_000);

  it('a job run again without the journal (a fresh runner) creates nothing twice', async () => {
    expect((await world.gatehouse(['backup', '--out', 'again'], secret)).code).toBe(0);
    const ca001 = backedUp(world, 'again', 'policies', 'CA001');
    expect((await asAdmin('DELETE', `/v1.0/identity/conditionalAccess/policies/${ca001.id}`)).status).toBe(204);
    // Deleted for good: one still in deleted items would be restored, not created (a create is what this test re-runs).
    expect((await asAdmin('DELETE', `/beta/identity/conditionalAccess/deletedItems/policies/${ca001.id}`)).status).toBe(204);
    const planned = await world.gatehouse(['plan', 'again', '--out', 'again.json'], secret);
    expect(planned.stdout).toContain(`- create policy '${ca001.displayName}'`);
    const hash = hashOf(planned.stdout);
    const named = async () =>
      (
        (await (await asAdmin('GET', '/v1.0/identity/conditionalAccess/policies')).json()) as { value: { displayName: string }[] }
      ).value.filter((p) => p.displayName === ca001.displayName);
    await granted(world, async () => {
      const applied = await world.gatehouse(['apply', '--plan', 'again.json', '--sha256', hash], secret);
      expect(applied.code).toBe(0);
      // Each write is announced once.
      expect(applied.stderr.split(`create policy '${ca001.displayName}'…`)).toHaveLength(2);
      expect(await named()).toHaveLength(1);
      // The journal is gone once a run completes, as it is on a new machine: the same plan again finds the policy it wrote.
      const rerun = await world.gatehouse(['apply', '--plan', 'again.json', '--sha256', hash], secret);
      expect(rerun.code, rerun.stderr).toBe(0);
      expect(rerun.stdout).toContain('written by an earlier attempt: not created twice');
      expect(await named()).toHaveLength(1);
    });
  }, 180_000);

  it('refuses a plan approved for another tenant before writing anything', async () => {
    const plan = JSON.parse(readFileSync(join(world.dir, 'plan.json'), 'utf8')) as { tenant: { id: string } };
    plan.tenant.id = '00000000-0000-4000-8000-000000000001';
    const text = `${JSON.stringify(plan, null, 2)}\n`;
    writeFileSync(join(world.dir, 'other-tenant.json'), text);
    const hash = createHash('sha256').update(text).digest('hex');
    await granted(world, async () => {
      const run = await world.gatehouse(['apply', '--plan', 'other-tenant.json', '--sha256', hash], secret);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(
        `was planned for tenant 00000000-0000-4000-8000-000000000001; signed in to ${world.tenantId}. Nothing was written.`,
      );
    });
  }, 120_000);
});
