// Two hundred tenants in one run, as a pipeline would back up a managed-service provider's customers:
// `gatehouse backup --tenants` against the emulator serving 200 copies of Contoso with the service's
// per-tenant Conditional Access limit on (1 request a second after a burst of 4, 429 without
// Retry-After beyond it). Every tenant's folder is written, and the emulator's own log shows each
// tenant's Conditional Access requests kept under the pacer's rate: no 429 at all, and never more
// requests in a window than the pacer allows (its burst of 2, then 1 a second). A backup costs a
// tenant only 2 such requests (within the burst), so the writes are tested too: every one of the
// 200 tenants, 6 writes each, one at a time under the tenant's own pacer (without it the emulator
// answers hundreds of 429s; with one pacer for all, it would take 200 × 4 s), through `plan --tenants`
// and `apply --tenants` as a pipeline would run them.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tenantCopy } from '../../emulator/server/many-tenants';
import { caTimesByTenant, throttledIn, tenantsFileOf } from './tenants-world';
import { tenantsWorldForFile } from './tenants-world-for-file';

const TENANTS = 200;
const world = tenantsWorldForFile(TENANTS);

/** The most requests in any window of `seconds` (from one request's arrival), less a little for the clocks of two processes. */
function mostInWindow(times: readonly number[], seconds: number): number {
  let most = 0;
  for (let i = 0; i < times.length; i++) {
    let j = i;
    while (j + 1 < times.length && times[j + 1]! - times[i]! < seconds * 1000 - 50) j++;
    most = Math.max(most, j - i + 1);
  }
  return most;
}

describe('gatehouse backup over 200 tenants', () => {
  it('backs up every tenant into its own folder, each tenant’s Conditional Access requests paced (no 429 in the emulator’s log)', async () => {
    const numbers = Array.from({ length: TENANTS }, (_, i) => i + 1);
    writeFileSync(join(world.dir, 'tenants.json'), tenantsFileOf(numbers));
    const run = await world.gatehouse(['backup', '--tenants', 'tenants.json', '--out', 'backups', '--concurrency', '16']);
    expect(run.code, run.stderr.slice(-2000)).toBe(0);
    expect(run.stdout).toContain(`${TENANTS} tenant(s), 0 failed`);
    console.info(`200-tenant backup: ${(run.ms / 1000).toFixed(1)} s for the process, concurrency 16`);

    const folders = readdirSync(join(world.dir, 'backups'));
    expect(folders.sort()).toEqual(numbers.map((n) => tenantCopy(n).id.toLowerCase()).sort());
    for (const n of [1, 100, 200]) {
      const manifest = JSON.parse(readFileSync(join(world.dir, 'backups', tenantCopy(n).id.toLowerCase(), 'manifest.json'), 'utf8')) as {
        tenant: { id: string; name: string };
        counts: { policies: number };
      };
      expect(manifest.tenant).toEqual({ id: tenantCopy(n).id, name: tenantCopy(n).displayName });
      expect(manifest.counts.policies).toBe(35);
    }

    expect(throttledIn(world.log)).toEqual([]);
    const byTenant = caTimesByTenant(world.log);
    expect(byTenant.size).toBe(TENANTS);
    const counts = [...byTenant.values()].map((times) => times.length);
    console.info(`Conditional Access requests per tenant: ${Math.min(...counts)} to ${Math.max(...counts)}`);
    for (const [tenantId, times] of byTenant) {
      // The pacer's promise: a burst of 2, then 1 a second; so within any 3 s, at most 2 + 3 requests.
      expect(mostInWindow(times, 1), tenantId).toBeLessThanOrEqual(3);
      expect(mostInWindow(times, 3), tenantId).toBeLessThanOrEqual(5);
    }
  }, 170_000);

  it('plans and applies a change to every tenant at once, one write at a time within each tenant under its own pacer: no 429, each tenant’s writes spread out as the pacer allows', async () => {
    const WRITES = 6;
    // The desired state: each tenant's backup with six policies renamed, as a pull request would edit the files.
    for (const folder of readdirSync(join(world.dir, 'backups'))) {
      const policies = join(world.dir, 'backups', folder, 'policies');
      for (const name of readdirSync(policies).sort().slice(0, WRITES)) {
        const policy = JSON.parse(readFileSync(join(policies, name), 'utf8')) as { displayName: string };
        writeFileSync(join(policies, name), JSON.stringify({ ...policy, displayName: `${policy.displayName} (paced)` }, null, 2));
      }
    }
    const planned = await world.gatehouse(['plan', '--tenants', 'tenants.json', 'backups', '--out', 'plans', '--concurrency', '16']);
    expect(planned.code, planned.stderr.slice(-2000)).toBe(0);
    expect(planned.stdout).toContain(`${TENANTS} tenant(s), 0 failed`);
    const plan = JSON.parse(readFileSync(join(world.dir, 'plans', tenantCopy(7).id.toLowerCase(), 'plan.json'), 'utf8')) as {
      plan: { counts: { update: number; create: number } };
    };
    expect(plan.plan.counts).toMatchObject({ update: WRITES, create: 0 });

    const before = world.log.length;
    const applied = await world.gatehouse(['apply', '--tenants', 'tenants.json', '--plans', 'plans', '--concurrency', '50']);
    expect(applied.code, applied.stderr.slice(-2000)).toBe(0);
    expect(applied.stdout).toContain(`${TENANTS} tenant(s), 0 failed`);
    expect(applied.stdout).toContain(`${WRITES} write(s) for the plan's ${WRITES} change(s), each read back as planned`);
    console.info(`${TENANTS} tenants × ${WRITES} writes through apply --tenants, 50 at a time: ${(applied.ms / 1000).toFixed(1)} s`);
    const tenants = world.emulator.emulator.state.tenants;
    expect(tenants.every((t) => t.policies.filter((p) => String(p.displayName).endsWith(' (paced)')).length === WRITES)).toBe(true);

    const run = world.log.slice(before);
    expect(throttledIn(run)).toEqual([]);
    const writes = caTimesByTenant(run.filter((r) => r.method === 'PATCH'));
    expect(writes.size).toBe(TENANTS);
    const everything = caTimesByTenant(run);
    for (const [tenantId, times] of writes) {
      expect(times, tenantId).toHaveLength(WRITES);
      const all = everything.get(tenantId)!;
      expect(mostInWindow(all, 1), tenantId).toBeLessThanOrEqual(3);
      expect(mostInWindow(all, 3), tenantId).toBeLessThanOrEqual(5);
      // The pacer waited: each write is read back, so six writes take at least ten more seconds' worth of requests.
      expect(times.at(-1)! - times[0]!, tenantId).toBeGreaterThan((WRITES - 2) * 1000);
    }
    // Tenants in parallel, not one after another.
    expect(applied.ms).toBeLessThan(120_000);
  }, 170_000);
});
