// apply cancelled as a CI job is (SIGINT, then SIGTERM): it starts no new write, lets the one under way finish, says
// how far it got and how to resume, and exits 130; a second signal stops it at once. The run applied again says
// truthfully what the stopped run wrote and what became of the write under way when it stopped.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cancelled, driftQuiet } from './apply-cancel.fixture';
import { ALL_READS } from './cli-world';
import { adminRequests, cliWorldForFile, hashOf, secret, WRITER } from './cli-world-for-file';

const world = cliWorldForFile();

const asAdmin = adminRequests(world);

const latency = (latencyMs: number) =>
  fetch(`${world.graphUrl}/_emulator/tenants/${world.tenantId}/faults`, { method: 'PATCH', body: JSON.stringify({ latencyMs }) });

/** Plans `count` policies that enforce nothing back from the other such state an admin set them to. */
async function planOf(name: string, count: number): Promise<string> {
  expect((await world.gatehouse(['backup', '--out', name], secret)).code).toBe(0);
  await driftQuiet(join(world.dir, name, 'policies'), count, asAdmin);
  const planned = await world.gatehouse(['plan', name, '--out', `${name}.json`], secret);
  expect(planned.code, planned.stderr).toBe(0);
  return hashOf(planned.stdout);
}

describe('gatehouse apply, cancelled', () => {
  it('on SIGINT finishes the write under way, says what was done and how to resume, exits 130; the resume counts truthfully', async () => {
    const hash = await planOf('cancel', 3);
    world.roles = WRITER;
    try {
      await latency(400);
      const run = world.start(['apply', '--plan', 'cancel.json', '--sha256', hash], secret);
      const stopped = await cancelled(run, /^update policy .+…$/m);
      expect(stopped.code, stopped.stderr).toBe(130);
      expect(stopped.stderr).toContain('SIGINT: stopping. No new write is started; the one under way is let finish');
      expect(stopped.stderr).toContain(
        "SIGINT: the run was cancelled: 1 of the plan's 3 change(s) done, 2 not. The journal cancel.json.run.json keeps where it stopped: apply the same plan again (the same --sha256) to resume",
      );
      expect(stopped.stdout).toMatch(/^Plan partly applied to tenant .+: 1 write; 1 of the plan's 3 change\(s\) done, 2 not done\.$/m);
      expect(existsSync(join(world.dir, 'cancel.json.run.json'))).toBe(true);

      await latency(0);
      const resumed = await world.gatehouse(['apply', '--plan', 'cancel.json', '--sha256', hash], secret);
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(resumed.stderr).toMatch(/Resuming the run of .+: 1 of the plan's 3 change\(s\) done \(1 written\)\./);
      expect(resumed.stdout).toMatch(
        /^Plan applied to tenant .+: 2 writes for the plan's 3 change\(s\), each read back as planned; 1 written by the earlier run\.$/m,
      );
    } finally {
      await latency(0);
      world.roles = [...ALL_READS];
    }
  }, 180_000);

  it('a second signal stops at once; the resume says the write under way was unknown, and what it found', async () => {
    const hash = await planOf('twice', 2);
    world.roles = WRITER;
    try {
      await latency(1500);
      const run = world.start(['apply', '--plan', 'twice.json', '--sha256', hash], secret);
      const stopped = await cancelled(run, /^update policy .+…$/m, { twice: true });
      expect(stopped.code, stopped.stderr).toBe(130);
      expect(stopped.stderr).toContain(
        'SIGTERM: stopped at once. A write under way was cut short: whether it landed is unknown. The journal twice.json.run.json keeps the run',
      );

      await latency(0);
      const resumed = await world.gatehouse(['apply', '--plan', 'twice.json', '--sha256', hash], secret);
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(resumed.stderr).toMatch(
        /Resuming the run of .+: 0 of the plan's 2 change\(s\) done; 1 was under way when it stopped: whether it was written is unknown, so it is looked for in the tenant before it is written again\./,
      );
      expect(resumed.stdout).toMatch(
        /1 under way when the earlier run stopped, (found as planned now \(not sent again\)|not done then: written now)\.$/m,
      );
    } finally {
      await latency(0);
      world.roles = [...ALL_READS];
    }
  }, 180_000);
});
