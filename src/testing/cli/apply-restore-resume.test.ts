// apply restoring a policy from Deleted items as a pipeline runs it when the read after the restore fails: the
// policy is back, so the run says so and its journal keeps it (a resume then reads the policy instead of asking
// Deleted items for it a second time); applied again, the run completes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backedUp } from './apply-resume.fixture';
import { adminRequests, cliWorldForFile, granted, hashOf, secret } from './cli-world-for-file';

const world = cliWorldForFile();
const asAdmin = adminRequests(world);

async function faults(rules: { match: string; fault: number; times: number }[]) {
  await fetch(`${world.graphUrl}/_emulator/tenants/${world.tenantId}/faults`, { method: 'PUT', body: JSON.stringify({ rules }) });
}

const apply = (hash: string) => granted(world, () => world.gatehouse(['apply', '--plan', 'restore.json', '--sha256', hash], secret));

describe('gatehouse apply, a restore whose read-back fails', () => {
  it('says the policy is back and keeps that in the journal; applied again, the run completes', async () => {
    expect((await world.gatehouse(['backup', '--out', 'baseline'], secret)).code).toBe(0);
    const ca001 = backedUp(world, 'baseline', 'policies', 'CA001');
    expect((await asAdmin('DELETE', `/v1.0/identity/conditionalAccess/policies/${ca001.id}`)).status).toBe(204);
    const planned = await world.gatehouse(['plan', 'baseline', '--out', 'restore.json'], secret);
    expect(planned.code, planned.stderr).toBe(0);
    expect(planned.stdout).toContain(`restore policy '${ca001.displayName}'`);
    const hash = hashOf(planned.stdout);

    // The restore goes through; the read of the policy after it is refused once (as a consent revoked mid-run is).
    await faults([{ match: `GET /beta/identity/conditionalAccess/policies/${ca001.id}`, fault: 403, times: 1 }]);
    let stopped;
    try {
      stopped = await apply(hash);
    } finally {
      await faults([]);
    }
    expect(stopped.code).toBe(2);
    expect(stopped.stdout).toContain(`Restore policy '${ca001.displayName}' (${ca001.id}): failed: Restored, but not read back: `);
    expect(stopped.stdout).toContain('; applying again reads it.');
    const journal = JSON.parse(readFileSync(join(world.dir, 'restore.json.run.json'), 'utf8')) as Record<
      string,
      { items: { targetId?: string; restored?: boolean }[] }
    >;
    const runs = Object.values(journal);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.items.find((i) => i.targetId === ca001.id)?.restored).toBe(true);

    const resumed = await apply(hash);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect((await world.gatehouse(['diff', 'baseline'], secret)).code).toBe(0);
  }, 240_000);
});
