// The 200-tenant backup of the command line: `gatehouse backup --tenants` as a process over the
// emulator serving 200 copies of Contoso with the service's per-tenant Conditional Access limit on,
// signed in to each tenant through a local identity provider. Reported: the whole run's time, each
// tenant's time (from its progress line), and each tenant's Conditional Access requests (from the
// emulator's log) against what the per-tenant limit costs them: the pacer's wait, a burst of 2 then
// one request a second. Then writes to all the tenants at once (6 each, one at a time within a
// tenant), against the pacer's wait they must cost. `npx tsx e2e/bench/measure-tenants.ts` runs this measure alone.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphClient } from '../../src/graph/client';
import { runTenants } from '../../src/operations/run-tenants';
import { caTimesByTenant, startTenantsWorld, tenantsFileOf, throttledIn, type TenantsWorld } from '../../src/testing/cli/tenants-world';
import { spread, type Spread } from './stats';

export const TENANT_COUNT = 200;
/** The pacer's terms (src/graph/pacer.ts): its burst, then one request a second per tenant. */
const PACER_BURST = 2;
/** Writes per tenant in the writes part: enough to go past the pacer's burst. */
export const WRITES_PER_TENANT = 6;
const WRITE_CONCURRENCY = 50;

export interface TenantsFigures {
  tenants: number;
  concurrency: number;
  totalMs: number;
  perTenantMs: Spread;
  /** The 95th percentile of the tenants' times. */
  perTenantP95Ms: number;
  /** Conditional Access requests per tenant (fewest and most), a $batch's inner ones counted. */
  caRequests: { min: number; max: number };
  /** The least each tenant must wait under the limit for its Conditional Access requests. */
  pacerWaitMs: number;
  /** 429 answers the emulator gave (inside a $batch or not). */
  throttled: number;
  /** Writes to every tenant at once (runTenants, each tenant's own client and pacer), one at a time within a tenant. */
  writes: { perTenant: number; concurrency: number; totalMs: number; perTenantMs: Spread; pacerWaitMs: number; throttled: number };
}

/** Each tenant's writes, one at a time under its own pacer, many tenants at once. */
async function measureWrites(world: TenantsWorld) {
  const before = world.log.length;
  const tenants = world.emulator.emulator.state.tenants;
  const started = performance.now();
  const outcomes = await runTenants(
    tenants.map((_, i) => i + 1),
    async (n) => {
      const client = new GraphClient({ baseUrl: world.graphUrl, getToken: () => world.adminToken(n), readScopes: [] });
      for (const policy of tenants[n - 1]!.policies.slice(0, WRITES_PER_TENANT))
        await client.request(`/v1.0/identity/conditionalAccess/policies/${String(policy.id)}`, {
          method: 'PATCH',
          body: { displayName: `${String(policy.displayName)} (bench)` },
        });
    },
    { concurrency: WRITE_CONCURRENCY },
  );
  const totalMs = Math.round(performance.now() - started);
  const failed = outcomes.filter((o) => !o.ok).length;
  if (failed > 0) throw new Error(`${failed} tenant(s) failed their writes.`);
  return {
    perTenant: WRITES_PER_TENANT,
    concurrency: WRITE_CONCURRENCY,
    totalMs,
    perTenantMs: spread(outcomes.map((o) => o.ms)),
    pacerWaitMs: (WRITES_PER_TENANT - PACER_BURST) * 1000,
    throttled: throttledIn(world.log.slice(before)).length,
  };
}

export async function measureTenants(concurrency = 8): Promise<TenantsFigures> {
  const world = await startTenantsWorld(TENANT_COUNT);
  try {
    writeFileSync(join(world.dir, 'tenants.json'), tenantsFileOf(Array.from({ length: TENANT_COUNT }, (_, i) => i + 1)));
    const run = await world.gatehouse(['backup', '--tenants', 'tenants.json', '--out', 'backups', '--concurrency', String(concurrency)]);
    if (run.code !== 0) throw new Error(`The 200-tenant backup exited ${run.code}: ${run.stderr.slice(-1000)}`);
    const perTenant = [...run.stderr.matchAll(/^\[\d+\/\d+\] .*\((\d+(?:\.\d+)?) s\)$/gm)].map((m) => Number(m[1]) * 1000);
    if (perTenant.length !== TENANT_COUNT) throw new Error(`Expected ${TENANT_COUNT} tenant lines, read ${perTenant.length}.`);
    const counts = [...caTimesByTenant(world.log).values()].map((times) => times.length);
    const most = Math.max(...counts);
    return {
      tenants: TENANT_COUNT,
      concurrency,
      totalMs: Math.round(run.ms),
      perTenantMs: spread(perTenant),
      perTenantP95Ms: [...perTenant].sort((a, b) => a - b)[Math.ceil(perTenant.length * 0.95) - 1]!,
      caRequests: { min: Math.min(...counts), max: most },
      pacerWaitMs: Math.max(0, most - PACER_BURST) * 1000,
      throttled: throttledIn(world.log).length,
      writes: await measureWrites(world),
    };
  } finally {
    await world.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await measureTenants(Number(process.env.BENCH_CONCURRENCY ?? 8));
  const brief = ({ runs: _runs, ...rest }: Spread) => rest;
  const writes = { ...figures.writes, perTenantMs: brief(figures.writes.perTenantMs) };
  console.log(JSON.stringify({ ...figures, perTenantMs: brief(figures.perTenantMs), writes }, null, 2));
  process.exit(0);
}
