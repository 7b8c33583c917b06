// lint and docs as a pipeline runs them: SARIF that validates against the official SARIF 2.1.0
// schema (the one @microsoft/jest-sarif ships) with each result placed on the lines of its policy's
// file in the backup folder, JUnit and Markdown; suppressions from a file; --fail-on; and docs.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Validator, type Schema } from '@cfworker/json-schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { contosoDirectory as d } from '../../emulator/seed/contoso';
import { cliWorldForFile, secret } from './cli-world-for-file';

const require = createRequire(import.meta.url);
const sarifSchema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as Schema;

const world = cliWorldForFile();
// The backup the lint cases read, made once for the file.
beforeAll(async () => {
  const backup = await world.gatehouse(['backup', '--out', 'ca'], secret);
  if (backup.code !== 0) throw new Error(backup.stderr);
}, 120_000);

interface SarifResult {
  ruleId: string;
  level: string;
  suppressions?: { justification: string }[];
  locations: {
    physicalLocation?: { artifactLocation: { uri: string }; region: { startLine: number } };
    logicalLocations?: { name: string }[];
  }[];
}

describe('gatehouse lint', () => {
  it('writes SARIF that the SARIF 2.1.0 schema accepts, each policy finding on the lines of its file', async () => {
    // Into a folder that does not exist yet: it is made.
    const run = await world.gatehouse(['lint', '--from', 'ca', '--format', 'sarif', '--out', 'reports/lint.sarif']);
    expect(run.code, run.stderr).toBe(0);
    const sarif = JSON.parse(readFileSync(join(world.dir, 'reports', 'lint.sarif'), 'utf8')) as { runs: { results: SarifResult[] }[] };
    const validation = new Validator(sarifSchema, '4', false).validate(sarif);
    expect(validation.errors).toEqual([]);
    expect(validation.valid).toBe(true);

    const results = sarif.runs[0]!.results;
    const gone = results.find((r) => r.ruleId === 'directory-object-gone')!;
    const where = gone.locations[0]!.physicalLocation!;
    expect(where.artifactLocation.uri).toMatch(/^ca\/policies\/CA027-.+\.json$/);
    // The line named holds the policy's part the finding is about.
    const lines = readFileSync(join(world.dir, where.artifactLocation.uri), 'utf8').split('\n');
    expect(lines[where.region.startLine - 1]).toMatch(/"(includeGroups|excludeUsers)"|[0-9a-f-]{36}/);

    // GitHub code scanning refuses a result without a file: a tenant-wide finding is on the manifest.
    for (const result of results)
      expect(existsSync(join(world.dir, result.locations[0]!.physicalLocation!.artifactLocation.uri))).toBe(true);
    const tenantWide = results.filter((r) => r.locations[0]!.logicalLocations?.[0]?.name === 'tenant');
    expect(tenantWide.length).toBeGreaterThan(0);
    for (const r of tenantWide) expect(r.locations[0]!.physicalLocation!.artifactLocation.uri).toBe('ca/manifest.json');

    // A one-file backup: every result on it.
    expect((await world.gatehouse(['backup', '--out', 'ca.json'], secret)).code).toBe(0);
    const single = await world.gatehouse(['lint', '--from', 'ca.json', '--format', 'sarif']);
    const singleResults = (JSON.parse(single.stdout) as { runs: { results: SarifResult[] }[] }).runs[0]!.results;
    expect(singleResults.length).toBeGreaterThan(0);
    expect(new Set(singleResults.map((r) => r.locations[0]!.physicalLocation?.artifactLocation.uri))).toEqual(new Set(['ca.json']));

    // A run without its tool breaks the schema: the validation can fail.
    expect(new Validator(sarifSchema, '4', false).validate({ version: '2.1.0', runs: [{ results: [] }] }).valid).toBe(false);
  }, 120_000);

  it('fails on the severity asked for, counts a suppression with its reason, and writes JUnit and Markdown', async () => {
    const strict = await world.gatehouse(['lint', '--from', 'ca', '--fail-on', 'warning']);
    expect(strict.code).toBe(1);
    const warnings = strict.stdout.split('\n').filter((l) => l.startsWith('warning'));
    expect(warnings.length).toBeGreaterThan(0);

    // Suppress every warning-level rule found, with a reason: nothing at warning remains.
    const rules = [...new Set(warnings.map((l) => l.split(/\s+/)[1]!))];
    const suppressions = rules.map((ruleId) => ({
      ruleId,
      reason: `Accepted in review ${ruleId}`,
      by: 'ci@contoso.example',
      at: '2026-11-30T00:00:00Z',
    }));
    writeFileSync(join(world.dir, 'suppressions.json'), JSON.stringify(suppressions));
    const accepted = await world.gatehouse([
      'lint',
      '--from',
      'ca',
      '--fail-on',
      'warning',
      '--suppressions',
      'suppressions.json',
      '--format',
      'sarif',
    ]);
    expect(accepted.code, accepted.stderr).toBe(0);
    const suppressed = (JSON.parse(accepted.stdout) as { runs: { results: SarifResult[] }[] }).runs[0]!.results.filter(
      (r) => r.suppressions,
    );
    expect(suppressed.length).toBeGreaterThanOrEqual(warnings.length);
    expect(suppressed[0]!.suppressions![0]!.justification).toMatch(/^Accepted in review /);

    // As PowerShell 5.1 writes it: UTF-8 with a byte order mark, or UTF-16 (Out-File's default).
    writeFileSync(join(world.dir, 'bom.json'), `\uFEFF${JSON.stringify(suppressions)}`);
    writeFileSync(join(world.dir, 'utf16.json'), Buffer.from(`\uFEFF${JSON.stringify(suppressions)}`, 'utf16le'));
    for (const file of ['bom.json', 'utf16.json']) {
      const run = await world.gatehouse(['lint', '--from', 'ca', '--fail-on', 'warning', '--suppressions', file]);
      expect(run.code, `${file}: ${run.stderr}`).toBe(0);
    }

    writeFileSync(join(world.dir, 'bad-suppressions.json'), JSON.stringify([{ ruleId: 'x', at: '2026-11-30' }]));
    const bad = await world.gatehouse(['lint', '--from', 'ca', '--suppressions', 'bad-suppressions.json']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("bad-suppressions.json, suppression 1: 'reason' is missing.");

    const junit = await world.gatehouse(['lint', '--from', 'ca', '--format', 'junit', '--fail-on', 'warning']);
    expect(junit.stdout).toMatch(/^<\?xml/);
    expect(junit.stdout).toContain('<failure');

    const summary = join(world.dir, 'lint-summary.md');
    const markdown = await world.gatehouse(['lint', '--from', 'ca', '--format', 'markdown'], { GITHUB_STEP_SUMMARY: summary });
    expect(markdown.stdout).toContain('## Conditional Access lint: the backup in ca');
    expect(readFileSync(summary, 'utf8')).toContain('| Errors | Warnings | Info | Suppressed |');
  }, 120_000);
});

describe('gatehouse lint --emergency over the tenant', () => {
  it('names the accounts the directory has, and refuses an id it has not in the words plan uses (exit 2)', async () => {
    const known = await world.gatehouse(['lint', '--emergency', d.user('Break Glass 01')], secret);
    expect(known.code, known.stderr).not.toBe(2);
    expect(known.stdout).not.toContain(d.user('Break Glass 01'));

    const typo = '00000000-0000-4000-8000-00000000dead';
    const unknown = await world.gatehouse(['lint', '--emergency', d.user('Break Glass 01'), '--emergency', typo], secret);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toContain(`gatehouse lint: --emergency: the directory has no user or group '${typo}'.`);
  }, 120_000);
});

describe('suppressions kept in the backup', () => {
  it('are carried on by the next backup (listed in its manifest) and applied by lint', async () => {
    const text = await world.gatehouse(['lint', '--from', 'ca', '--fail-on', 'warning']);
    const ruleId = text.stdout
      .split('\n')
      .find((l) => l.startsWith('warning'))!
      .split(/\s+/)[1]!;
    // The team's decision, committed beside the backup.
    writeFileSync(
      join(world.dir, 'ca', 'lint-suppressions.json'),
      JSON.stringify([{ ruleId, reason: 'Kept in git', at: '2026-11-30T00:00:00Z' }]),
    );
    const backup = await world.gatehouse(['backup', '--out', 'ca'], secret);
    expect(backup.code, backup.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(world.dir, 'ca', 'manifest.json'), 'utf8'))).toMatchObject({ lintSuppressions: { count: 1 } });
    expect(JSON.parse(readFileSync(join(world.dir, 'ca', 'lint-suppressions.json'), 'utf8'))).toEqual([
      { ruleId, reason: 'Kept in git', at: '2026-11-30T00:00:00Z' },
    ]);
    expect((await world.gatehouse(['backup', '--out', 'ca'], secret)).stdout).toContain('no file touched');

    const sarif = await world.gatehouse(['lint', '--from', 'ca', '--format', 'sarif']);
    expect(sarif.stderr).toBe('');
    const results = (JSON.parse(sarif.stdout) as { runs: { results: SarifResult[] }[] }).runs[0]!.results.filter(
      (r) => r.ruleId === ruleId,
    );
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((r) => r.suppressions?.[0]?.justification === 'Kept in git')).toBe(true);
  }, 120_000);
});

describe('gatehouse docs', () => {
  it('documents a backup in Markdown and HTML, every policy by name, names masked on ask', async () => {
    const md = await world.gatehouse(['docs', '--from', 'ca']);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toContain('CA001: Require MFA for all users');
    expect(md.stdout).toContain('CA - Emergency access accounts');
    const html = await world.gatehouse(['docs', '--from', 'ca', '--format', 'html', '--out', 'ca.html', '--mask']);
    expect(html.code, html.stderr).toBe(0);
    const page = readFileSync(join(world.dir, 'ca.html'), 'utf8');
    expect(page).toMatch(/^<!doctype html>/i);
    expect(page).not.toContain('CA - Emergency access accounts');
  }, 120_000);
});
