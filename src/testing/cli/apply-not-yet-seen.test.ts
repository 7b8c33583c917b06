// apply when Graph does not see yet an object the run has just created (eventual consistency, made by the
// emulator's newObjectsUnseenForMs): the policy that names the new authentication strength is refused
// after every wait, and apply says to apply the same plan again in a few minutes (exit 2); applied again
// once the service sees the strength, the run resumes and completes.
// The settle waits (2 + 5 + 10 s) are real time: the command runs as its own process and its Graph
// client has no clock a test can move, so this test takes about twenty seconds. The service's catching up
// is not waited for: the fault is lifted, as when its window ends.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// A test only: it runs the command as a pipeline does, on the CLI world of src/testing/cli (as apply-resume.test does there).
import { adminRequests, cliWorldForFile, granted, secret } from './cli-world-for-file';

/** Longer than apply's waits for a just-created object (17 s) and the writes around them. */
const UNSEEN_FOR_MS = 30_000;

const world = cliWorldForFile();

const asAdmin = adminRequests(world);

function backedUp(folder: string, prefix: string): { id: string; displayName: string } {
  const dir = join(world.dir, 'baseline', folder);
  const name = readdirSync(dir).find((n) => n.startsWith(prefix));
  if (!name) throw new Error(`No ${prefix}… in ${folder}: ${readdirSync(dir).join(', ')}`);
  return JSON.parse(readFileSync(join(dir, name), 'utf8')) as {
    id: string;
    displayName: string;
  };
}

describe('gatehouse apply, when Graph does not see a just-created object yet', () => {
  it('advises applying the same plan again in a few minutes, and that run completes once the object is seen', async () => {
    expect((await world.gatehouse(['backup', '--out', 'baseline'], secret)).code).toBe(0);
    const policy = backedUp('policies', 'CA028');
    const strength = backedUp('authentication-strengths', 'Contractor-MFA');
    // Both gone for good: the plan creates the strength, then the policy naming it.
    expect((await asAdmin('DELETE', `/v1.0/identity/conditionalAccess/policies/${policy.id}`)).status).toBe(204);
    expect((await asAdmin('DELETE', `/beta/identity/conditionalAccess/deletedItems/policies/${policy.id}`)).status).toBe(204);
    expect((await asAdmin('DELETE', `/v1.0/policies/authenticationStrengthPolicies/${strength.id}`)).status).toBe(204);

    const planned = await world.gatehouse(['plan', 'baseline', '--out', 'plan.json'], secret);
    expect(planned.code, planned.stderr).toBe(0);
    const hash = /^sha256 ([0-9a-f]{64})$/m.exec(planned.stdout)![1]!;
    const faults = await fetch(`${world.graphUrl}/_emulator/tenants/${world.tenantId}/faults`, {
      method: 'PATCH',
      body: JSON.stringify({ newObjectsUnseenForMs: UNSEEN_FOR_MS }),
    });
    expect(faults.status).toBe(200);

    await granted(world, async () => {
      const refused = await world.gatehouse(['apply', '--plan', 'plan.json', '--sha256', hash], secret);
      expect(refused.code, refused.stderr).toBe(2);
      expect(refused.stderr).toContain(
        `'${policy.displayName}': refused for naming an object this run created a moment before, which the service does not see yet.`,
      );
      expect(refused.stderr).toContain('Nothing is wrong with the backup or the plan: apply the same plan again in a few minutes.');

      // The strength the run created: the same plan applied once the service sees it (the fault lifted).
      const strengths = (await (await asAdmin('GET', '/v1.0/policies/authenticationStrengthPolicies')).json()) as {
        value: { id: string; displayName: string }[];
      };
      const created = strengths.value.find((s) => s.displayName === strength.displayName)!;
      const seen = await fetch(`${world.graphUrl}/_emulator/tenants/${world.tenantId}/faults`, {
        method: 'PATCH',
        body: JSON.stringify({ newObjectsUnseenForMs: 0 }),
      });
      expect(seen.status).toBe(200);

      const resumed = await world.gatehouse(['apply', '--plan', 'plan.json', '--sha256', hash], secret);
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(resumed.stderr).toMatch(/Resuming the run of .+: 1 of the plan's 2 change\(s\) done \(1 written\)\./);
      expect(resumed.stdout).not.toContain('in a few minutes');
      // The policy is back, once, requiring the strength the first run created.
      const policies = (await (await asAdmin('GET', '/v1.0/identity/conditionalAccess/policies')).json()) as {
        value: { displayName: string; grantControls: { authenticationStrength: { id: string } | null } | null }[];
      };
      const written = policies.value.filter((p) => p.displayName === policy.displayName);
      expect(written).toHaveLength(1);
      expect(written[0]!.grantControls?.authenticationStrength?.id).toBe(created.id);
    });
  }, 180_000);
});
