// `gatehouse report --join --tenants <file>`: the joined report held to the tenants file the shards
// were run over. A shard whose job stopped before writing report.json would otherwise lose its
// tenants without a word: each is named as missing (printed, in report.json and the job summary,
// exit 2 as a tenant that could not be read); a tenant a report holds that the file does not name is
// warned of; a tenants file that cannot be read is said before any report is read.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readTenantsReport, summarizeTenant, tenantsReport } from '../../domain/tenants/report';
import type { CliIo } from '../io';
import { createRedactor } from '../redact';
import { runCli } from '../run-cli';
import { runInProcess } from '../run-in-process';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gatehouse-join-expected-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) => runInProcess(args, dir);
/** As runInProcess, with GITHUB_STEP_SUMMARY set: what the job summary gets. */
async function runWithSummary(args: string[], summary: string) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    out: (t) => void (stdout += t),
    err: (t) => void (stderr += t),
    env: { GITHUB_STEP_SUMMARY: summary },
    cwd: dir,
    now: () => new Date('2026-12-02T00:00:00Z'),
    redactor: createRedactor(),
    interactive: false,
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}
const auth = { kind: 'secret', clientId: '33333333-3333-4333-8333-333333333333', secretEnv: 'S' };

function writeTenants(tenants: { id: string; name: string }[]) {
  writeFileSync(join(dir, 'tenants.json'), JSON.stringify({ tenants: tenants.map((t) => ({ ...t, auth })) }));
}

/** Shard 1 read Contoso (named by its domain in the file); shard 2 read Fabrikam; shard 3 wrote nothing. */
function shardsOnDisk() {
  const write = (path: string, report: object) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), JSON.stringify(report));
  };
  const contoso = summarizeTenant({
    tenantId: '6b1c2d3e-0000-4000-8000-000000000001',
    requested: 'contoso.onmicrosoft.com',
    name: 'Contoso',
    policies: [{ state: 'enabled' }],
    findings: [],
  });
  const fabrikam = summarizeTenant({
    tenantId: '6b1c2d3e-0000-4000-8000-000000000002',
    requested: '6b1c2d3e-0000-4000-8000-000000000002',
    name: 'Fabrikam',
    policies: [],
    findings: [],
  });
  write('shards/shard-1/report-1/report.json', tenantsReport([contoso], new Date('2026-12-01T06:00:00Z')));
  write('shards/shard-2/report-2/report.json', tenantsReport([fabrikam], new Date('2026-12-01T06:03:00Z')));
  mkdirSync(join(dir, 'shards', 'shard-3'), { recursive: true });
}

const readJoined = () => {
  const read = readTenantsReport(readFileSync(join(dir, 'all', 'report.json'), 'utf8'));
  if (!read.ok) throw new Error(read.message);
  return read.report;
};

describe('report --join --tenants <file>', () => {
  it('names each tenant of the file no joined report holds as missing: printed, in report.json and report.md, exit 2', async () => {
    shardsOnDisk();
    writeTenants([
      { id: 'CONTOSO.onmicrosoft.com', name: 'Contoso' },
      { id: '6b1c2d3e-0000-4000-8000-000000000002', name: 'Fabrikam' },
      { id: 'woodgrove.onmicrosoft.com', name: 'Woodgrove' },
    ]);
    const summary = join(dir, 'summary.md');
    const result = await runWithSummary(['report', '--join', 'shards', '--tenants', 'tenants.json', '--out', 'all'], summary);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      '2 report(s) joined into all/report.json, report.md and report.html: 3 tenant(s), 1 could not be read (1 missing), 0 drifted, 0 with lint errors.\n' +
        "  Woodgrove (woodgrove.onmicrosoft.com): Missing: in none of the joined reports, though tenants.json names it (did its shard's job stop before writing report.json?).\n",
    );
    const report = readJoined();
    expect(report.tenants.map((t) => [t.name, t.error ?? 'read'])).toEqual([
      ['Contoso', 'read'],
      ['Fabrikam', 'read'],
      ['Woodgrove', expect.stringMatching(/^Missing: in none of the joined reports, though tenants\.json names it/)],
    ]);
    expect(report.generatedAt).toBe('2026-12-01T06:03:00.000Z');
    const markdown = readFileSync(join(dir, 'all', 'report.md'), 'utf8');
    expect(markdown).toContain('- 1 could not be read');
    expect(markdown).toMatch(/^\| Woodgrove \(woodgrove\.onmicrosoft\.com\) \|.*\| Missing: in none of the joined reports/m);
    expect(readFileSync(summary, 'utf8')).toContain('Woodgrove (woodgrove.onmicrosoft.com)');
  });

  it('passes as before when every tenant of the file is held, and warns of a tenant the file does not name', async () => {
    shardsOnDisk();
    writeTenants([
      { id: 'contoso.onmicrosoft.com', name: 'Contoso' },
      { id: '6b1c2d3e-0000-4000-8000-000000000002', name: 'Fabrikam' },
    ]);
    const all = await run('report', '--join', 'shards', '--tenants', 'tenants.json', '--out', 'all');
    expect(all.code, all.stderr).toBe(0);
    expect(all.stderr).toBe('');
    expect(all.stdout).toContain('2 tenant(s), 0 could not be read (0 missing)');

    writeTenants([{ id: 'contoso.onmicrosoft.com', name: 'Contoso' }]);
    const extra = await run('report', '--join', 'shards', '--tenants', 'tenants.json', '--out', 'all');
    expect(extra.code, extra.stderr).toBe(0);
    expect(extra.stderr).toBe(
      'In a joined report but not in tenants.json: Fabrikam (6b1c2d3e-0000-4000-8000-000000000002). Kept in the report; were those shards run over another tenants file?\n',
    );
    expect(readJoined().tenants.map((t) => t.name)).toEqual(['Contoso', 'Fabrikam']);
  });

  it('refuses a tenants file it cannot read before reading any report (exit 2), as the other --tenants commands word it', async () => {
    shardsOnDisk();
    // A report that is not one: read first, its problem would be said instead.
    writeFileSync(join(dir, 'shards', 'shard-3', 'report.json'), '{"hello": 1}');
    const absent = await run('report', '--join', 'shards', '--tenants', 'missing.json', '--out', 'all');
    expect(absent.code).toBe(2);
    expect(absent.stderr).toBe(`gatehouse report: Could not read the tenants file ${join(dir, 'missing.json')}: no such file.\n`);
    expect(absent.stdout).toBe('');

    writeFileSync(join(dir, 'broken.json'), '{"tenants": [');
    const broken = await run('report', '--join', 'shards', '--tenants', 'broken.json', '--out', 'all');
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^gatehouse report: .*broken\.json/);
    expect(broken.stderr).not.toContain('not an all-tenant report');

    writeFileSync(join(dir, 'none.json'), '{"tenants": []}');
    const none = await run('report', '--join', 'shards', '--tenants', 'none.json', '--out', 'all');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('none.json names no tenant');
  });
});
