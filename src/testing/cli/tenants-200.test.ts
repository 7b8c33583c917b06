// Two hundred tenants in one run, as a pipeline would back up a managed-service provider's customers:
// `gatehouse backup --tenants` against the emulator serving 200 copies of Contoso with the service's
// per-tenant Conditional Access limit on (1 request a second after a burst of 4, 429 without
// Retry-After beyond it). Every tenant's folder is written, and the emulator's own log shows each
// tenant's Conditional Access requests kept under the pacer's rate: no 429 at all, and never more
// requests in a window than the pacer allows (its burst of 2, then 1 a second). A backup costs a
// tenant only 2 such requests (within the burst), so the writes are tested too: runTenants over all
// 200 tenants, 6 writes each, one at a time under the tenant's own pacer (without it the emulator
// answers hundreds of 429s; with one pacer for all, it would take 200 × 4 s).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantCopy } from '../../emulator/server/many-tenants';
import { GraphClient } from '../../graph/client';
import { runTenants } from '../../operations/run-tenants';
import { caTimesByTenant, throttledIn, startTenantsWorld, tenantsFileOf, type TenantsWorld } from './tenants-world';

const TENANTS = 200;
let world: TenantsWorld;
beforeAll(async () => {
  world = await startTenantsWorld(TENANTS);
}, 120_000);
afterAll(async () => world?.close());

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

  it('writes to every tenant at once, one write at a time within each tenant under its own pacer: no 429, and each tenant’s writes spread out as the pacer allows', async () => {
    const WRITES = 6;
    const before = world.log.length;
    const tenants = world.emulator.emulator.state.tenants;
    const started = performance.now();
    const outcomes = await runTenants(
      tenants.map((_, i) => i + 1),
      async (n) => {
        // Each tenant its own client, so its own pacer; its writes one after another.
        const client = new GraphClient({ baseUrl: world.graphUrl, getToken: () => world.adminToken(n), readScopes: [] });
        for (const policy of tenants[n - 1]!.policies.slice(0, WRITES)) {
          await client.request(`/v1.0/identity/conditionalAccess/policies/${String(policy.id)}`, {
            method: 'PATCH',
            body: { displayName: `${String(policy.displayName)} (paced)` },
          });
        }
      },
      { concurrency: 50 },
    );
    const ms = performance.now() - started;
    console.info(`${TENANTS} tenants × ${WRITES} writes, 50 tenants at a time: ${(ms / 1000).toFixed(1)} s`);
    expect(outcomes.filter((o) => !o.ok)).toEqual([]);
    expect(tenants.every((t) => t.policies.slice(0, WRITES).every((p) => String(p.displayName).endsWith(' (paced)')))).toBe(true);

    const writes = world.log.slice(before);
    expect(throttledIn(writes)).toEqual([]);
    const byTenant = caTimesByTenant(writes);
    expect(byTenant.size).toBe(TENANTS);
    for (const [tenantId, times] of byTenant) {
      expect(times, tenantId).toHaveLength(WRITES);
      expect(mostInWindow(times, 1), tenantId).toBeLessThanOrEqual(3);
      expect(mostInWindow(times, 3), tenantId).toBeLessThanOrEqual(5);
      // The pacer waited: after its burst of 2, a second for each further write.
      expect(times.at(-1)! - times[0]!, tenantId).toBeGreaterThan((WRITES - 2 - 1) * 1000);
    }
    // Tenants in parallel, not one after another (which would take 200 × 4 s).
    expect(ms).toBeLessThan(60_000);
  }, 120_000);
});
