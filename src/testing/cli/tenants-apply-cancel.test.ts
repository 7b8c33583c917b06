// apply --tenants cancelled as a CI job is (SIGINT): no new tenant and no new write starts, the write under way
// finishes, each tenant's line says what was done (or that it was not started) and how to resume, and the run exits
// 130; the same command again resumes each tenant where it stopped. A second signal stops at once (still 130, the first's
// code), saying the writes under way are unknown; the resume looks for them.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tenantCopy } from '../../emulator/server/many-tenants';
import { cancelled, driftQuiet } from './apply-cancel.fixture';
import { asAdminOf, tenantsFileOf } from './tenants-world';
import { tenantsWorldForFile, folderOf } from './tenants-world-for-file';

const world = tenantsWorldForFile(3, { 'three.json': tenantsFileOf([1, 2, 3]) });

const latency = (n: number, latencyMs: number) =>
  fetch(`${world.graphUrl}/_emulator/tenants/${tenantCopy(n).id}/faults`, { method: 'PATCH', body: JSON.stringify({ latencyMs }) });

/** Turns `count` of tenant n's policies that enforce nothing to the other such state, so the plan turns them back. */
const drift = (n: number, count: number) =>
  // Its admin waits out a 429 (the tenant's Conditional Access limit, spent by the run before), as a client would.
  driftQuiet(join(world.dir, 'backups', folderOf(n), 'policies'), count, (...request) => asAdminOf(world, n, ...request));

describe('gatehouse apply --tenants, cancelled', () => {
  it('on SIGINT starts no new tenant or write, says per tenant what was done and how to resume, exits 130; applied again it resumes', async () => {
    expect((await world.gatehouse(['backup', '--tenants', 'three.json', '--out', 'backups'])).code).toBe(0);
    await drift(1, 2);
    await drift(2, 1);
    await drift(3, 1);
    const planned = await world.gatehouse(['plan', '--tenants', 'three.json', 'backups', '--out', 'plans']);
    expect(planned.code, planned.stderr).toBe(0);

    await latency(1, 400);
    let stopped;
    try {
      const run = world.start(['apply', '--tenants', 'three.json', '--plans', 'plans', '--concurrency', '1']);
      stopped = await cancelled(run, /^\[Contoso 001\] update policy .+…$/m);
    } finally {
      await latency(1, 0);
    }
    expect(stopped.code, stopped.stderr).toBe(130);
    expect(stopped.stderr).toContain('SIGINT: stopping. No new tenant and no new write is started; the writes under way are let finish');
    expect(stopped.stdout).toContain('Conditional Access apply: 3 tenant(s), 0 failed; cancelled by SIGINT.');
    const journal = join(world.dir, 'plans', folderOf(1), 'plan.json.run.json');
    expect(stopped.stderr).toContain(
      `[Contoso 001] SIGINT: the run was cancelled: 1 of the plan's 2 change(s) done, 1 not. The journal ${journal} keeps where it stopped: apply --tenants again with the same --plans (plans) to resume`,
    );
    expect(stopped.stdout).toContain(
      `Contoso 001 (${tenantCopy(1).id}): cancelled (SIGINT): 1 of the plan's 2 change(s) done, 1 not; its journal ${journal} keeps where it stopped: apply --tenants again with the same --plans (plans) to resume`,
    );
    for (const n of [2, 3])
      expect(stopped.stdout).toContain(
        `Contoso 00${n} (${tenantCopy(n).id}): not started (SIGINT): nothing written; apply --tenants again with the same --plans (plans) to apply its plan`,
      );
    expect(existsSync(journal)).toBe(true);

    const resumed = await world.gatehouse(['apply', '--tenants', 'three.json', '--plans', 'plans']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/\[Contoso 001\] Resuming the run of .+: 1 of the plan's 2 change\(s\) done \(1 written\)\./);
    for (const n of [1, 2, 3]) expect(resumed.stdout).toContain(`Contoso 00${n} (${tenantCopy(n).id}): 1 write(s) for the plan's`);
    expect(existsSync(journal)).toBe(false);
  }, 240_000);

  it('a second signal stops at once, exit 130 of the first: the writes under way are said unknown, and the run resumes looking for them', async () => {
    // Backed up now (so the case stands alone), drifted, and planned into a folder of its own.
    expect((await world.gatehouse(['backup', '--tenants', 'three.json', '--out', 'backups'])).code).toBe(0);
    await drift(1, 2);
    const planned = await world.gatehouse(['plan', '--tenants', 'three.json', 'backups', '--out', 'plans-twice']);
    expect(planned.code, planned.stderr).toBe(0);

    await latency(1, 1500);
    let stopped;
    try {
      const run = world.start(['apply', '--tenants', 'three.json', '--plans', 'plans-twice', '--concurrency', '1']);
      stopped = await cancelled(run, /^\[Contoso 001\] update policy .+…$/m, { twice: true });
    } finally {
      await latency(1, 0);
    }
    expect(stopped.code, stopped.stderr).toBe(130);
    expect(stopped.stderr).toContain(
      "SIGTERM: stopped at once. Writes under way were cut short: whether they landed is unknown. Each tenant's journal (plans-twice/<tenant id>/plan.json.run.json) keeps its run; apply --tenants again with the same --plans (plans-twice) to resume",
    );
    // Stopped at once: no tenant's line is waited for.
    expect(stopped.stdout).not.toContain('Conditional Access apply:');
    const journal = join(world.dir, 'plans-twice', folderOf(1), 'plan.json.run.json');
    expect(existsSync(journal)).toBe(true);

    const resumed = await world.gatehouse(['apply', '--tenants', 'three.json', '--plans', 'plans-twice']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(
      /\[Contoso 001\] Resuming the run of .+: 0 of the plan's 2 change\(s\) done; 1 was under way when it stopped: whether it was written is unknown/,
    );
    expect(existsSync(journal)).toBe(false);
  }, 240_000);
});
