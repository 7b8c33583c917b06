// apply as a pipeline's gate reads it: a write that reads back otherwise than planned is not a pass
// (exit 1, what differs named); a stopped run resumes whichever way the approved hash is given (as plan
// printed it, as sha256sum prints it, with a "sha256:" prefix); a plan that creates a group needs a
// permission to look groups up, named before anything is written.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adminRequests, cliWorldForFile, granted, secret, WRITER } from './cli-world-for-file';

const world = cliWorldForFile();

const LOCATIONS = '/v1.0/identity/conditionalAccess/namedLocations';
type Row = { kind: string; action: string; displayName: string; body: Record<string, unknown> | null };
type PlanFile = { plan: { rows: Row[] } };

const asAdmin = adminRequests(world);

const apply = (args: string[], roles = WRITER) => granted(world, () => world.gatehouse(['apply', ...args], secret), roles);

const backupFile = (backup: string, folder: string, prefix: string) => {
  const at = join(world.dir, backup, folder);
  const name = readdirSync(at).find((n) => n.startsWith(prefix))!;
  return { path: join(at, name), value: JSON.parse(readFileSync(join(at, name), 'utf8')) as Record<string, unknown> & { id: string } };
};

/** The Azure VPN location renamed by an admin, and a plan (from a backup made before) that names it back. */
async function planRenamingBack(backup: string, out: string): Promise<{ hash: string; location: { id: string; displayName: string } }> {
  expect((await world.gatehouse(['backup', '--out', backup], secret)).code).toBe(0);
  const location = backupFile(backup, 'named-locations', 'Azure-VPN').value as { id: string; displayName: string };
  const renamed = await asAdmin('PATCH', `${LOCATIONS}/${location.id}`, {
    '@odata.type': '#microsoft.graph.ipNamedLocation',
    displayName: `${location.displayName} (old)`,
  });
  expect(renamed.status).toBe(204);
  const planned = await world.gatehouse(['plan', backup, '--out', out], secret);
  expect(planned.code, planned.stderr).toBe(0);
  return { hash: /^sha256 ([0-9a-f]{64})$/m.exec(planned.stdout)![1]!, location };
}

describe('gatehouse apply, a write that reads back otherwise than planned', () => {
  it('exits 1, not 0, and says what differs', async () => {
    const { location } = await planRenamingBack('differs', 'differs.json');
    // What Graph keeps is not what the plan intended (as a service that rewrites a value would): the plan's
    // body is edited to send another name, and the file approved as it now is.
    const file = JSON.parse(readFileSync(join(world.dir, 'differs.json'), 'utf8')) as PlanFile;
    const row = file.plan.rows.find((r) => r.kind === 'namedLocation' && r.action === 'update')!;
    row.body = { ...row.body, displayName: `${location.displayName} (as stored)` };
    const text = `${JSON.stringify(file, null, 2)}\n`;
    writeFileSync(join(world.dir, 'differs.json'), text);
    const hash = createHash('sha256').update(text).digest('hex');

    const run = await apply(['--plan', 'differs.json', '--sha256', hash]);

    expect(run.stdout, run.stderr).toMatch(/1 reading back otherwise than planned/);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/read back otherwise than planned/);
    // Put back for the tests after this one.
    await asAdmin('PATCH', `${LOCATIONS}/${location.id}`, {
      '@odata.type': '#microsoft.graph.ipNamedLocation',
      displayName: location.displayName,
    });
  }, 180_000);
});

describe('gatehouse apply, a stopped run resumed with the hash given another way', () => {
  for (const [how, given] of [
    ['as sha256sum prints it', (hash: string, plan: string) => `${hash}  ${plan}`],
    ["with a 'sha256:' prefix", (hash: string) => `sha256:${hash}`],
  ] as const) {
    it(`resumes the run, ${how}, and leaves no journal once done`, async () => {
      const plan = `resume-${how.replace(/\W+/g, '-')}.json`;
      const { hash, location } = await planRenamingBack(`resume-backup-${how.replace(/\W+/g, '-')}`, plan);
      // The write refused once (as a revoked consent would be): the run stops, its journal beside the plan.
      await fetch(`${world.graphUrl}/_emulator/tenants/${world.tenantId}/faults`, {
        method: 'PUT',
        body: JSON.stringify({ rules: [{ match: `namedLocations/${location.id}`, fault: 403, times: 1 }] }),
      });
      const stopped = await apply(['--plan', plan, '--sha256', hash]);
      expect(stopped.code).toBe(2);
      expect(existsSync(join(world.dir, `${plan}.run.json`))).toBe(true);

      const resumed = await apply(['--plan', plan, '--sha256', given(hash, plan)]);

      expect(resumed.stderr).toMatch(/Resuming the run of .+: 0 of the plan's 1 change\(s\) done\./);
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(existsSync(join(world.dir, `${plan}.run.json`))).toBe(false);
    }, 180_000);
  }
});

describe('gatehouse apply, a plan that creates a group', () => {
  /** The rename-back plan with a group to create first (as a rollout's ring or a mapping's 'create' adds one). */
  async function planCreatingGroup(): Promise<{ plan: string; hash: string; location: { id: string; displayName: string } }> {
    const { location } = await planRenamingBack('group-backup', 'group.json');
    const file = JSON.parse(readFileSync(join(world.dir, 'group.json'), 'utf8')) as PlanFile;
    file.plan.rows.unshift({
      key: 'group:group:Pilot ring',
      kind: 'group',
      displayName: 'Pilot ring',
      action: 'create',
      options: ['create'],
      why: 'Created now for the rollout.',
      sourceId: null,
      targetId: null,
      body: { displayName: 'Pilot ring', description: 'Created by Gatehouse for the rollout' },
      intended: { displayName: 'Pilot ring' },
      before: null,
      problems: [],
    } as Row);
    const text = `${JSON.stringify(file, null, 2)}\n`;
    writeFileSync(join(world.dir, 'group.json'), text);
    return { plan: 'group.json', hash: createHash('sha256').update(text).digest('hex'), location };
  }

  it('with the permissions README listed for apply (no permission to read groups): names what is missing, writes nothing', async () => {
    const { plan, hash, location } = await planCreatingGroup();
    const listed = ['Policy.Read.All', 'Policy.ReadWrite.ConditionalAccess', 'Application.Read.All', 'Group.Create'];

    const run = await apply(['--plan', plan, '--sha256', hash], listed);

    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/GroupMember\.Read\.All/);
    expect(run.stderr).toMatch(/Nothing was written\./);
    const groups = await asAdmin('GET', `/v1.0/groups?$filter=${encodeURIComponent("displayName eq 'Pilot ring'")}`);
    expect(((await groups.json()) as { value: unknown[] }).value).toEqual([]);
    const now = (await (await asAdmin('GET', `${LOCATIONS}/${location.id}`)).json()) as { displayName: string };
    expect(now.displayName).toBe(`${location.displayName} (old)`);

    // `gatehouse permissions apply` says it too.
    const listedThere = await world.gatehouse(['permissions', 'apply']);
    expect(listedThere.stdout).toMatch(/GroupMember\.Read\.All +\(optional\) .*groups a plan creates/);

    // Granted (here as GroupMember.Read.All), the plan is applied.
    const granted = await apply(['--plan', plan, '--sha256', hash], [...listed, 'GroupMember.Read.All']);
    expect(granted.code, granted.stderr).toBe(0);
  }, 180_000);
});
