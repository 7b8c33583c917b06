// The command line as a pipeline runs it, a real process against the Graph emulator and a local
// identity provider: a nightly backup that an unchanged tenant leaves byte for byte as it was; an
// admin's change found by diff (exit 1) with the change in words and who made it; the job summary.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_READS, GOOD_SECRET } from './cli-world';
import { cliWorldForFile, secret } from './cli-world-for-file';

const world = cliWorldForFile();

function snapshot(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[path.slice(folder.length + 1)] = readFileSync(path, 'utf8');
    }
  };
  walk(folder);
  return files;
}

describe('gatehouse backup and diff', () => {
  it('backs up to a folder, and a second run on the unchanged tenant leaves every file as it was', async () => {
    const first = await world.gatehouse(['backup', '--out', 'ca'], secret);
    expect(first.stderr).not.toContain(GOOD_SECRET);
    expect(first.code, first.stderr).toBe(0);
    const folder = join(world.dir, 'ca');
    const before = snapshot(folder);
    expect(Object.keys(before)).toEqual(
      expect.arrayContaining(['manifest.json', 'references.json', 'policies/CA001-Require-MFA-for-all-users.json']),
    );
    expect(first.stdout).toMatch(/Backed up Contoso to ca: \d+ policies/);

    const second = await world.gatehouse(['backup', '--out', 'ca'], secret);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain('unchanged since the backup in ca');
    expect(snapshot(folder)).toEqual(before);

    // A policy deleted in the tenant: its file goes, the manifest says when, and nothing else is touched.
    const gone = Object.keys(before).find((path) => path.startsWith('policies/CA035'))!;
    const { id } = JSON.parse(before[gone]!) as { id: string };
    const deleted = await fetch(`${world.graphUrl}/v1.0/identity/conditionalAccess/policies/${id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${await world.adminToken()}` },
    });
    expect(deleted.status).toBe(204);
    const third = await world.gatehouse(['backup', '--out', 'ca'], secret);
    expect(third.stdout).toContain('1 removed');
    const after = snapshot(folder);
    expect(Object.keys(after).sort()).toEqual(
      Object.keys(before)
        .filter((path) => path !== gone)
        .sort(),
    );
    const changed = Object.keys(after).filter((path) => after[path] !== before[path]);
    expect(changed).toEqual(['manifest.json']);

    // The one-file form is as stable.
    expect((await world.gatehouse(['backup', '--out', 'ca.json'], secret)).code).toBe(0);
    const bundle = readFileSync(join(world.dir, 'ca.json'), 'utf8');
    expect((await world.gatehouse(['backup', '--out', 'ca.json'], secret)).code).toBe(0);
    expect(readFileSync(join(world.dir, 'ca.json'), 'utf8')).toBe(bundle);
  }, 120_000);

  it("finds an admin's changes (diff exits 1 naming the policy and the named location, each change in words and who made it), plans the way back and applies it by its approved hash: diff exits 0", async () => {
    expect((await world.gatehouse(['backup', '--out', 'baseline'], secret)).code).toBe(0);
    const ca001 = JSON.parse(readFileSync(join(world.dir, 'baseline/policies/CA001-Require-MFA-for-all-users.json'), 'utf8')) as {
      id: string;
    };
    const unchanged = await world.gatehouse(['diff', 'baseline'], secret);
    expect(unchanged.code, unchanged.stderr).toBe(0);
    expect(unchanged.stdout).toContain('No drift');

    // The Contoso administrator turns CA001 off, through Graph, as in the admin center.
    const patch = await fetch(`${world.graphUrl}/v1.0/identity/conditionalAccess/policies/${ca001.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${await world.adminToken()}`, 'content-type': 'application/json' },
      body: JSON.stringify({ state: 'disabled' }),
    });
    expect(patch.status).toBe(204);
    // …and widens a trusted named location's ranges.
    const locationFile = readdirSync(join(world.dir, 'baseline/named-locations')).find((name) =>
      readFileSync(join(world.dir, 'baseline/named-locations', name), 'utf8').includes('ipNamedLocation'),
    )!;
    const location = JSON.parse(readFileSync(join(world.dir, 'baseline/named-locations', locationFile), 'utf8')) as {
      id: string;
      displayName: string;
      ipRanges: unknown[];
    };
    const widened = await fetch(`${world.graphUrl}/v1.0/identity/conditionalAccess/namedLocations/${location.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${await world.adminToken()}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        '@odata.type': '#microsoft.graph.ipNamedLocation',
        ipRanges: [...location.ipRanges, { '@odata.type': '#microsoft.graph.iPv4CidrRange', cidrAddress: '198.51.100.0/24' }],
      }),
    });
    expect(widened.status).toBe(204);

    const summary = join(world.dir, 'summary.md');
    const drift = await world.gatehouse(['diff', 'baseline'], { ...secret, GITHUB_STEP_SUMMARY: summary });
    expect(drift.code, drift.stderr).toBe(1);
    expect(drift.stdout).toContain('Drift: 2 items differ between the backup in baseline and the tenant Contoso.');
    expect(drift.stdout).toContain(
      `- Named location: ${location.displayName}: changed (Update named location by ${world.admin.userPrincipalName}`,
    );
    expect(drift.stdout).toContain('198.51.100.0/24');
    expect(drift.stdout).toMatch(
      new RegExp(
        `- CA001: Require MFA for all users: changed \\(Update conditional access policy by ${world.admin.userPrincipalName} at \\d{4}-`,
      ),
    );
    expect(drift.stdout).toContain('State: On → Off');
    // The job summary has the same, as a table.
    const markdown = readFileSync(summary, 'utf8');
    expect(markdown).toContain('### Conditional Access drift');
    expect(markdown).toContain(`| CA001: Require MFA for all users | changed | ${world.admin.userPrincipalName} |`);

    // Two backups taken either side of the change: the same drift, no tenant read (no sign-in at all).
    expect((await world.gatehouse(['backup', '--out', 'after'], secret)).code).toBe(0);
    const files = await world.gatehouse(['diff', 'baseline', 'after']);
    expect(files.code, files.stderr).toBe(1);
    expect(files.stdout).toContain('State: On → Off');
    expect((await world.gatehouse(['diff', 'after', 'after'])).code).toBe(0);

    const json = await world.gatehouse(['diff', 'baseline', '--format', 'json'], secret);
    expect(JSON.parse(json.stdout)).toMatchObject({
      drift: [
        { section: 'policies', name: 'CA001: Require MFA for all users', kind: 'changed', id: ca001.id },
        { section: 'namedLocations', name: location.displayName, kind: 'changed', id: location.id },
      ],
    });

    // Back to the baseline: a plan for review, applied only by its approved hash, and the drift is gone.
    const planned = await world.gatehouse(['plan', 'baseline', '--out', 'plan.json'], secret);
    expect(planned.code, planned.stderr).toBe(0);
    expect(planned.stdout).toContain("- update policy 'CA001: Require MFA for all users'");
    expect(planned.stdout).toContain(`- update named location '${location.displayName}'`);
    const hash = /^sha256 ([0-9a-f]{64})$/m.exec(planned.stdout)![1]!;
    // The same backup against the same tenant plans the same file: the hash a review approves holds.
    expect((await world.gatehouse(['plan', 'baseline', '--out', 'plan-again.json'], secret)).stdout).toContain(`sha256 ${hash}`);

    const writer = { AZURE_CLIENT_SECRET: GOOD_SECRET };
    world.roles = [...ALL_READS, 'Policy.ReadWrite.ConditionalAccess', 'Application.Read.All'];
    try {
      const tampered = await world.gatehouse(
        ['apply', '--plan', 'plan.json', '--sha256', hash.replace(/^./, (c) => (c === '0' ? '1' : '0'))],
        writer,
      );
      expect(tampered.code).toBe(2);
      expect(tampered.stderr).toContain('the plan changed after it was reviewed. Nothing was written.');
      const applied = await world.gatehouse(['apply', '--plan', 'plan.json', '--sha256', hash], writer);
      expect(applied.code, applied.stderr).toBe(0);
      expect(applied.stdout).toContain('as planned');
    } finally {
      world.roles = [...ALL_READS];
    }
    const after = await world.gatehouse(['diff', 'baseline'], secret);
    expect(after.code, after.stdout).toBe(0);
    expect(after.stdout).toContain('No drift');
  }, 120_000);

  it('exits 2 on an error: a baseline that is not there, named', async () => {
    const missing = await world.gatehouse(['diff', 'nowhere'], secret);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('gatehouse diff: nowhere: no such file or folder.');
  }, 120_000);
});
