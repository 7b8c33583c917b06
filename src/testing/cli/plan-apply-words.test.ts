// What plan and apply say, as a pull request's reviewer and a pipeline's log read them: each update
// in words with one count per outcome; each plan's hash beside it, named after it; a plan whose
// policy was changed in the tenant since it was made fails saying to plan again (not to apply it
// again, which fails the same way) and leaves no journal; a blocked plan's job summary says what
// stops it and gives its confirm keys quoted for the shell, never the apply command.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contosoDirectory as d } from '../../emulator/seed/contoso';
import { adminRequests, cliWorldForFile, granted, hashOf, secret } from './cli-world-for-file';

const world = cliWorldForFile();

const asAdmin = adminRequests(world);

function backedUp(folder: string, section: string, prefix: string) {
  const dir = join(world.dir, folder, section);
  const path = join(
    dir,
    readdirSync(dir).find((n) => n.startsWith(prefix))!,
  );
  return { path, value: JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown> & { id: string; displayName: string } };
}

describe('gatehouse plan and apply, in words', () => {
  it('says what each update changes, keeps each plan its own hash, and after a change in the tenant says to plan again', async () => {
    expect((await world.gatehouse(['backup', '--out', 'baseline'], secret)).code).toBe(0);
    const ca001 = backedUp('baseline', 'policies', 'CA001').value;
    const location = backedUp('baseline', 'named-locations', 'Azure-VPN').value;
    expect(ca001.state).toBe('enabled');
    expect((await asAdmin('PATCH', `/v1.0/identity/conditionalAccess/policies/${ca001.id}`, { state: 'disabled' })).status).toBe(204);
    const renamed = {
      '@odata.type': '#microsoft.graph.ipNamedLocation',
      displayName: `${location.displayName} (old)`,
    };
    expect((await asAdmin('PATCH', `/v1.0/identity/conditionalAccess/namedLocations/${location.id}`, renamed)).status).toBe(204);

    const summary = join(world.dir, 'summary-a.md');
    const a = await world.gatehouse(['plan', 'baseline', '--out', 'plans/plan-a.json'], { ...secret, GITHUB_STEP_SUMMARY: summary });
    expect(a.code, a.stderr).toBe(0);
    // One count per row: the policies and objects already as the backup has them are not also "skipped".
    expect(a.stdout).toMatch(/^0 to create, 2 to update; \d+ already as the backup has them\.$/m);
    expect(a.stdout).not.toMatch(/skipped|as they are/);
    expect(a.stdout).toContain(`- update policy '${ca001.displayName}': Found by id; it differs.\n    State: Off → On\n`);
    expect(a.stdout).toContain(
      `- update named location '${location.displayName}': The same object, changed since the backup: it is put back as the backup has it.\n    name: the backup has ${location.displayName}, the tenant has ${location.displayName} (old)`,
    );
    const hashA = hashOf(a.stdout);
    expect(a.stdout).toContain('written to plans/plan-a.json (its sha256 to plans/plan-a.sha256)');
    const markdown = readFileSync(summary, 'utf8');
    expect(markdown).toContain('  - State: Off → On');
    expect(markdown).toContain(`Apply exactly this plan: \`gatehouse apply --plan plans/plan-a.json --sha256 ${hashA}\``);

    // A second plan in the same folder keeps the first one's hash.
    const b = await world.gatehouse(['plan', 'baseline', '--out', 'plans/plan-b.json', '--states', 'reportOnly'], secret);
    expect(b.code, b.stderr).toBe(0);
    expect(hashOf(b.stdout)).not.toBe(hashA);
    expect(readFileSync(join(world.dir, 'plans', 'plan-a.sha256'), 'utf8')).toBe(`${hashA}\n`);
    expect(readFileSync(join(world.dir, 'plans', 'plan-b.sha256'), 'utf8')).toBe(`${hashOf(b.stdout)}\n`);

    // Someone changes CA001 after the plan was reviewed: the plan cannot write over that change.
    expect(
      (await asAdmin('PATCH', `/v1.0/identity/conditionalAccess/policies/${ca001.id}`, { state: 'enabledForReportingButNotEnforced' }))
        .status,
    ).toBe(204);
    await granted(world, async () => {
      const applied = await world.gatehouse(['apply', '--plan', 'plans/plan-a.json', '--sha256', hashA], secret);
      expect(applied.code).toBe(2);
      expect(applied.stdout.split('\n')[0]).toBe(
        `Plan partly applied to tenant ${world.tenantId}: 1 write; 1 of the plan's 2 change(s) done, 1 failed.`,
      );
      expect(applied.stderr).toContain(`'${ca001.displayName}' was changed in the tenant (or deleted for good) after the plan was made`);
      expect(applied.stderr).toContain('Applying this plan again would fail the same way: plan again from baseline');
      expect(applied.stderr).not.toContain('Apply the same plan again');
      expect(existsSync(join(world.dir, 'plans', 'plan-a.json.run.json'))).toBe(false);
    });
    const again = await world.gatehouse(['plan', 'baseline', '--out', 'plans/plan-a.json'], secret);
    expect(again.stdout).toMatch(/^0 to create, 1 to update; \d+ already as the backup has them\.$/m);
    expect(again.stdout).toContain('    State: Report-only → On\n');
  }, 240_000);

  it('a blocked plan names what stops it, with its confirm key quoted for the shell, and its job summary offers no apply', async () => {
    expect((await world.gatehouse(['backup', '--out', 'guarded'], secret)).code).toBe(0);
    const { path, value: policy } = backedUp('guarded', 'policies', 'CA001');
    (policy.conditions as { users: { excludeGroups: string[] } }).users.excludeGroups = [];
    policy.state = 'enabled';
    writeFileSync(path, `${JSON.stringify(policy, null, 2)}\n`);

    const summary = join(world.dir, 'summary-blocked.md');
    const args = ['plan', 'guarded', '--out', 'guarded.json', '--emergency', d.user('Break Glass 01')];
    const blocked = await world.gatehouse(args, { ...secret, GITHUB_STEP_SUMMARY: summary });
    expect(blocked.code, blocked.stderr).toBe(1);
    expect(blocked.stdout).toContain(
      '1 problem stops this plan until confirmed: check it, then plan again with the same options and its --confirm.',
    );
    const quoted = /\[--confirm ('lockout:[^\]]+')\]$/m.exec(blocked.stdout)![1]!;
    expect(quoted).toMatch(/^'lockout:policy:[0-9a-f-]+:Break Glass 01 \(emergency access\)'$/);
    // Pasted into a shell, it is one argument: the key itself.
    const key = execFileSync('bash', ['-c', `printf %s ${quoted}`], { encoding: 'utf8' });
    expect(key).toBe(quoted.slice(1, -1));

    const markdown = readFileSync(summary, 'utf8');
    expect(markdown).not.toContain('gatehouse apply --plan');
    expect(markdown).toContain('**This plan cannot be applied**');
    expect(markdown).toContain('Could lock out Break Glass 01 (emergency access)');
    expect(markdown).toContain(`\`\`\`\n--confirm ${quoted}\n\`\`\``);

    const confirmed = await world.gatehouse([...args, '--confirm', key], secret);
    expect(confirmed.code, confirmed.stdout).toBe(0);
  }, 180_000);

  it('a reference the plan cannot place says how to place it (no --confirm lifts it), and --mapping places it', async () => {
    expect((await world.gatehouse(['backup', '--out', 'other'], secret)).code).toBe(0);
    // Another tenant's backup, whose CA001 also excludes a user this tenant does not have.
    const manifestPath = join(world.dir, 'other', 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { tenant: { id: string } };
    const otherTenant = '00000000-0000-4000-8000-0000000000aa';
    manifest.tenant.id = otherTenant;
    writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
    const ghost = '00000000-0000-4000-8000-00000000beef';
    const { path, value: policy } = backedUp('other', 'policies', 'CA001');
    const users = (policy.conditions as { users: { excludeUsers: string[] } }).users;
    users.excludeUsers = [...users.excludeUsers, ghost];
    writeFileSync(path, `${JSON.stringify(policy, null, 2)}\n`);

    const unplaced = await world.gatehouse(['plan', 'other', '--out', 'other.json'], secret);
    expect(unplaced.code, unplaced.stderr).toBe(1);
    expect(unplaced.stdout).not.toContain('until confirmed');
    expect(unplaced.stdout).toContain(
      "1 reference of the backup cannot be placed in this tenant, and no --confirm lifts it: plan again with --mapping <file> (saved from the console's Import",
    );
    expect(unplaced.stdout).toContain(`- Choose what the user ${ghost} becomes in this tenant (used by '${policy.displayName}').`);

    writeFileSync(
      join(world.dir, 'other-mapping.json'),
      JSON.stringify({
        format: 'gatehouse.mapping',
        version: 1,
        savedAt: '2026-12-01T00:00:00Z',
        source: { tenantId: otherTenant, tenantName: null },
        target: { tenantId: world.tenantId, tenantName: 'Contoso' },
        domains: [],
        choices: [
          {
            key: `user:${ghost}`,
            sourceName: null,
            choice: { action: 'use', targetId: d.user('Break Glass 02'), targetName: 'Break Glass 02' },
          },
        ],
      }),
    );
    const mapped = await world.gatehouse(['plan', 'other', '--out', 'other.json', '--mapping', 'other-mapping.json'], secret);
    // The plan records which mapping made it, by path and content: shown in its heading and kept in the file.
    const mappingHash = createHash('sha256')
      .update(readFileSync(join(world.dir, 'other-mapping.json')))
      .digest('hex');
    expect(mapped.stdout).toContain(`(mapped by other-mapping.json, sha256 ${mappingHash})`);
    const planFile = JSON.parse(readFileSync(join(world.dir, 'other.json'), 'utf8')) as { source: { mapping?: unknown } };
    expect(planFile.source.mapping).toEqual({ path: 'other-mapping.json', sha256: mappingHash });
    expect((JSON.parse(readFileSync(join(world.dir, 'guarded.json'), 'utf8')) as typeof planFile).source.mapping).toBeUndefined();
    expect(mapped.stdout).not.toContain(ghost);
    expect(mapped.stdout).toContain(
      `- update policy '${policy.displayName}': Found by id; it differs.\n    Excluded user 'Break Glass 02' added\n`,
    );
    // What remains is a policy whose users are all gone in both tenants: Graph would refuse it, and no key lifts that.
    expect(mapped.code).toBe(1);
    expect(mapped.stdout).toContain(
      "1 problem stops this plan that no --confirm lifts: correct the backup's policy (or remove it from the backup, or map what it names with --mapping <file>), then plan again.\n- CA027: Legacy - require MFA for Sales: Graph would refuse it",
    );
  }, 180_000);
});
