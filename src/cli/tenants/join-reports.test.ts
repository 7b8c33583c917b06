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
  const contoso = summarizeTenant({
    tenantId: '6b1c2d3e-0000-4000-8000-000000000001',
    requested: 'contoso.onmicrosoft.com',
    name: 'Contoso',
    policies: [{ state: 'enabled' }],
    findings: [],
  });
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

  it('keeps the read of a tenant a newer report failed, names overlapping shards, and exits 2 for a tenant no shard read', async () => {
    const dir = shardsOnDisk();
    // A rerun of shard 1 whose sign-in failed: the tenants file names Contoso by its domain, which the failure keeps.
    writeFileSync(
      join(dir, 'again.json'),
      JSON.stringify(
        tenantsReport(
          [failedTenant('contoso.onmicrosoft.com', 'Contoso', 'AADSTS7000215: invalid client secret')],
          new Date('2026-12-01T07:00:00Z'),
        ),
      ),
    );
    const result = await run(['report', '--join', 'artifacts', '--join', 'again.json', '--out', 'all'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('2 tenant(s), 0 could not be read');
    expect(result.stderr).toContain('In more than one report (the newest read kept, else the newest failure): Contoso.');
    expect(result.stderr).toContain(
      'Contoso (contoso.onmicrosoft.com): failed in a newer report (2026-12-01 07:00 UTC: AADSTS7000215: invalid client secret), kept the read of 2026-12-01 06:00 UTC.\n',
    );
    const read = readTenantsReport(readFileSync(join(dir, 'all', 'report.json'), 'utf8'));
    expect(read.ok && read.report.tenants.map((t) => [t.name, t.error ?? 'read'])).toEqual([
      ['Contoso', 'read'],
      ['Fabrikam', 'read'],
    ]);

    writeFileSync(
      join(dir, 'woodgrove.json'),
      JSON.stringify(
        tenantsReport([failedTenant('woodgrove.onmicrosoft.com', 'Woodgrove', 'AADSTS700016')], new Date('2026-12-01T07:00:00Z')),
      ),
    );
    const unread = await run(['report', '--join', 'artifacts', '--join', 'woodgrove.json', '--out', 'all'], dir);
    expect(unread.code).toBe(2);
    expect(unread.stderr).toBe('');
  });

  it('says what is wrong with a path or a file, and of a --tenants file beside it', async () => {
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
      'gatehouse report: --shard goes with reading the tenants (report --tenants without --join), not --join: joining reads no tenant.\n',
    );
    const both = await run(['report', '--join', 'artifacts', '--tenants', 't.json', '--out', 'all'], dir);
    expect(both.code).toBe(2);
    expect(both.stderr).toBe(`gatehouse report: Could not read the tenants file ${join(dir, 't.json')}: no such file.\n`);
  });
});
