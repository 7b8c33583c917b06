// `gatehouse report --join` over files on disk, as a pipeline's download of every shard's artifact lays them out.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { failedTenant, readTenantsReport, summarizeTenant, tenantsReport } from '../../domain/tenants/report';
import { runInProcess as run } from '../run-in-process';

function shardsOnDisk() {
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-join-'));
  const write = (path: string, report: object) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), JSON.stringify(report));
  };
  const contoso = summarizeTenant({ tenantId: 't-1', name: 'Contoso', policies: [{ state: 'enabled' }], findings: [] });
  const fabrikam = summarizeTenant({ tenantId: 't-2', name: 'Fabrikam', policies: [], findings: [] });
  write('artifacts/shard-1/report-1/report.json', tenantsReport([contoso], new Date('2026-12-01T06:00:00Z')));
  write('artifacts/shard-2/report-2/report.json', tenantsReport([fabrikam], new Date('2026-12-01T06:03:00Z')));
  return dir;
}

describe('gatehouse report --join', () => {
  it('joins every shard report a folder holds into one report.json, report.md and report.html', async () => {
    const dir = shardsOnDisk();
    const result = await run(['report', '--join', 'artifacts', '--out', 'all'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('2 report(s) joined into all/report.json');
    const read = readTenantsReport(readFileSync(join(dir, 'all', 'report.json'), 'utf8'));
    expect(read.ok && read.report.tenants.map((t) => t.name)).toEqual(['Contoso', 'Fabrikam']);
    expect(read.ok && read.report.generatedAt).toBe('2026-12-01T06:03:00.000Z');
    expect(readFileSync(join(dir, 'all', 'report.md'), 'utf8')).toContain('Fabrikam');

    // Run again with the output inside the folder joined: its own last report is not read again.
    const again = await run(['report', '--join', '.', '--out', 'all'], dir);
    expect(again.stdout).toContain('2 report(s) joined');
    expect(again.stderr).toBe('');
  });

  it('exits 2 when a joined report holds a tenant that could not be read, and names overlapping shards', async () => {
    const dir = shardsOnDisk();
    writeFileSync(
      join(dir, 'again.json'),
      JSON.stringify(tenantsReport([failedTenant('t-1', 'Contoso', 'AADSTS7000215')], new Date('2026-12-01T07:00:00Z'))),
    );
    const result = await run(['report', '--join', 'artifacts', '--join', 'again.json', '--out', 'all'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('In more than one report (the newest kept): Contoso.');
  });

  it('says what is wrong with a path or a file, and refuses --tenants beside it', async () => {
    const dir = shardsOnDisk();
    writeFileSync(join(dir, 'notes.json'), '{"hello": 1}');
    expect((await run(['report', '--join', 'missing', '--out', 'all'], dir)).stderr).toBe(
      'gatehouse report: missing: no such file or folder.\n',
    );
    mkdirSync(join(dir, 'empty'));
    expect((await run(['report', '--join', 'empty', '--out', 'all'], dir)).stderr).toContain('empty: no report.json in this folder');
    expect((await run(['report', '--join', 'notes.json', '--out', 'all'], dir)).stderr).toContain(
      'This is not an all-tenant report of Gatehouse',
    );
    expect((await run(['report', '--join', 'artifacts', '--shard', '1/2', '--out', 'all'], dir)).stderr).toBe(
      'gatehouse report: --shard goes with --tenants, not --join: joining reads no tenant.\n',
    );
    const both = await run(['report', '--join', 'artifacts', '--tenants', 't.json', '--out', 'all'], dir);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--join and --tenants do not go together');
  });
});
