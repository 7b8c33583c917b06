// The 200-tenant backup of the command line: `gatehouse backup --tenants` as a process over the
// emulator serving 200 copies of Contoso with the service's per-tenant Conditional Access limit on,
// signed in to each tenant through a local identity provider. Reported: the whole run's time, each
// tenant's time (from its progress line), and each tenant's Conditional Access requests (from the
// emulator's log) against what the per-tenant limit costs them: the pacer's wait, a burst of 2 then
// one request a second. `npx tsx e2e/bench/measure-tenants.ts` runs this measure alone.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { caTimesByTenant, startTenantsWorld, tenantsFileOf, throttledIn } from '../../src/testing/cli/tenants-world';
import { spread, type Spread } from './stats';

export const TENANT_COUNT = 200;
/** The pacer's terms (src/graph/pacer.ts): its burst, then one request a second per tenant. */
const PACER_BURST = 2;

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
    };
  } finally {
    await world.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await measureTenants(Number(process.env.BENCH_CONCURRENCY ?? 8));
  const { runs: _runs, ...perTenant } = figures.perTenantMs;
  console.log(JSON.stringify({ ...figures, perTenantMs: perTenant }, null, 2));
  process.exit(0);
}
