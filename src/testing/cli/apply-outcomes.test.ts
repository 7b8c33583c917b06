// What apply says as a pipeline's log reads it: its first line counts the writes Graph accepted (a plan
// already in place says nothing needed writing); a write that fails the same way on every retry (the
// policy deleted since the plan, content Graph refuses) says what to do instead of 'apply again', which
// stays for what a retry fixes (a 5xx).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminRequests, cliWorldForFile, granted, hashOf, secret } from './cli-world-for-file';

const world = cliWorldForFile();

const POLICIES = '/v1.0/identity/conditionalAccess/policies';

const asAdmin = adminRequests(world);

async function fault(rule: { match: string; fault: number; times: number }) {
  await fetch(`${world.graphUrl}/_emulator/tenants/${world.tenantId}/faults`, { method: 'PUT', body: JSON.stringify({ rules: [rule] }) });
}

let ca001: { id: string; displayName: string };

/** A plan that turns CA001 back on (its backup's state), made after an admin turned it off. */
async function planTurningOn(out: string): Promise<string> {
  expect((await asAdmin('PATCH', `${POLICIES}/${ca001.id}`, { state: 'disabled' })).status).toBe(204);
  const planned = await world.gatehouse(['plan', 'baseline', '--out', out], secret);
  expect(planned.code, planned.stderr).toBe(0);
  expect(planned.stdout).toMatch(/^0 to create, 1 to update;/m);
  return hashOf(planned.stdout);
}

const apply = (plan: string, hash: string) => granted(world, () => world.gatehouse(['apply', '--plan', plan, '--sha256', hash], secret));

describe('gatehouse apply, what it says', () => {
  beforeAll(async () => {
    expect((await world.gatehouse(['backup', '--out', 'baseline'], secret)).code).toBe(0);
    const folder = join(world.dir, 'baseline', 'policies');
    ca001 = JSON.parse(
      readFileSync(
        join(
          folder,
          readdirSync(folder).find((n) => n.startsWith('CA001'))!,
        ),
        'utf8',
      ),
    ) as typeof ca001;
  }, 120_000);

  it('counts the writes Graph accepted: the same plan applied again says nothing needed writing', async () => {
    const hash = await planTurningOn('on.json');
    const first = await apply('on.json', hash);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout.split('\n')[0]).toBe(
      `Plan applied to tenant ${world.tenantId}: 1 write for the plan's 1 change(s), each read back as planned.`,
    );
    expect(first.stderr).toContain(`update policy '${ca001.displayName}'…\n`);
    expect(first.stderr).not.toContain('already as planned');

    const again = await apply('on.json', hash);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout.split('\n')[0]).toBe(
      `Nothing written to tenant ${world.tenantId}: nothing needed writing, the tenant already holds the plan's 1 change(s) (each read back as planned).`,
    );
    // Its progress line says nothing was written for it.
    expect(again.stderr).toContain(`update policy '${ca001.displayName}': already as planned, nothing written.\n`);
  }, 180_000);

  it('after the policy was deleted since the plan (404), says to plan again against the tenant as it is now, not to apply again', async () => {
    const hash = await planTurningOn('deleted.json');
    expect((await asAdmin('DELETE', `${POLICIES}/${ca001.id}`)).status).toBe(204);
    try {
      const run = await apply('deleted.json', hash);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`'${ca001.displayName}': not in the tenant (deleted since the plan was made).`);
      expect(run.stderr).toContain('Plan again from baseline against the tenant as it is now');
      expect(run.stderr).not.toContain('Apply the same plan again');
    } finally {
      // Back for the next test, as the backup has it.
      expect((await asAdmin('POST', `/beta/identity/conditionalAccess/deletedItems/policies/${ca001.id}/restore`)).status).toBe(200);
    }
  }, 180_000);

  it('when Graph refuses the content (400), quotes its message and says to correct the backup, not to apply again', async () => {
    const hash = await planTurningOn('refused.json');
    await fault({ match: `PATCH /beta/identity/conditionalAccess/policies/${ca001.id}`, fault: 400, times: 1 });
    const run = await apply('refused.json', hash);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `'${ca001.displayName}': Graph refused its content (400): "The server could not process the request because it is malformed or incorrect."`,
    );
    expect(run.stderr).toContain('Correct it in the backup (baseline), plan again');
    expect(run.stderr).not.toContain('Apply the same plan again');
  }, 180_000);

  it('a create Graph accepted but does not show when read back (404) says so and to apply again: applied again, it is not made twice', async () => {
    // CA001 as the backup has it (the test before left it off), and CA035 deleted for good since: the plan creates it alone.
    expect((await asAdmin('PATCH', `${POLICIES}/${ca001.id}`, { state: 'enabled' })).status).toBe(204);
    const ca035 = ((await (await asAdmin('GET', POLICIES)).json()) as { value: { id: string; displayName: string }[] }).value.find((p) =>
      p.displayName.startsWith('CA035'),
    )!;
    expect((await asAdmin('DELETE', `${POLICIES}/${ca035.id}`)).status).toBe(204);
    expect((await asAdmin('DELETE', `/beta/identity/conditionalAccess/deletedItems/policies/${ca035.id}`)).status).toBe(204);
    const planned = await world.gatehouse(['plan', 'baseline', '--out', 'created.json'], secret);
    expect(planned.stdout).toMatch(/^1 to create, 0 to update;/m);
    const hash = /^sha256 ([0-9a-f]{64})$/m.exec(planned.stdout)![1]!;
    // Every read of one policy answers 404 (a new policy not yet visible where it is read), past the run's waits.
    await fault({ match: 'GET /beta/identity/conditionalAccess/policies/', fault: 404, times: 20 });
    try {
      const run = await apply('created.json', hash);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`'${ca035.displayName}': Graph accepted it, but it was not found when read back`);
      expect(run.stderr).toContain('Apply the same plan again');
      expect(run.stderr).not.toContain('deleted since the plan was made');
    } finally {
      await fetch(`${world.graphUrl}/_emulator/tenants/${world.tenantId}/faults`, { method: 'PUT', body: JSON.stringify({ rules: [] }) });
    }
    const again = await apply('created.json', hash);
    expect(again.code, again.stderr).toBe(0);
    const named = ((await (await asAdmin('GET', POLICIES)).json()) as { value: { displayName: string }[] }).value.filter(
      (p) => p.displayName === ca035.displayName,
    );
    expect(named).toHaveLength(1);
  }, 240_000);

  it('keeps apply again for what a retry fixes (a 503)', async () => {
    const hash = await planTurningOn('busy.json');
    // Past the client's own retries (each write looked for, then sent again).
    await fault({ match: `PATCH /beta/identity/conditionalAccess/policies/${ca001.id}`, fault: 503, times: 10 });
    const run = await apply('busy.json', hash);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Apply the same plan again to resume');
    expect(run.stderr).not.toContain('Plan again');
    await fetch(`${world.graphUrl}/_emulator/tenants/${world.tenantId}/faults`, { method: 'PUT', body: JSON.stringify({ rules: [] }) });
    const resumed = await apply('busy.json', hash);
    expect(resumed.code, resumed.stderr).toBe(0);
  }, 180_000);
});
