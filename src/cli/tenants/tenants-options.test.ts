// The --tenants commands in this process, where no tenant is read: every option either works or is
// refused in words (never left unread), a tenants file naming no tenant is refused, the one-tenant
// commands say so of --tenants, and lint --tenants --from says what lint --from says of each backup
// (its problems, a suppression naming no rule) and writes text to a file per tenant.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LintSuppression } from '../../domain/lint';
import { summarizeTenant, tenantsReport } from '../../domain/tenants/report';
import { writeBackup } from '../write-backup';
import { runInProcess } from '../run-in-process';
import { backupOf, blockLinux } from '../backup-fixtures';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gatehouse-tenants-options-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const ONE = '11111111-1111-4111-8111-111111111111';
const TWO = '22222222-2222-4222-8222-222222222222';
const LINUX = '0b0b0b0b-0000-4000-8000-000000000031';
const run = (...args: string[]) => runInProcess(args, dir);

function writeTenants(name = 'tenants.json', ids = [ONE, TWO]) {
  const tenants = ids.map((id, i) => ({
    id,
    name: `Tenant ${i + 1}`,
    auth: { kind: 'secret', clientId: '33333333-3333-4333-8333-333333333333', secretEnv: 'S' },
  }));
  writeFileSync(join(dir, name), JSON.stringify({ tenants }));
}

/** A backup folder for the tenant under backups/, as backup --tenants writes it. */
async function writeTenantBackup(id: string, lintSuppressions: LintSuppression[] = []) {
  const bundle = await backupOf([blockLinux(LINUX)], id, { capturedAt: '2025-12-01T00:00:00Z', lintSuppressions });
  await writeBackup(bundle, join(dir, 'backups', id));
}

describe('an option a --tenants run does not take', () => {
  it('is refused in words, before any tenant is read (exit 2)', async () => {
    writeTenants();
    for (const [args, words] of [
      [
        ['plan', '--tenants', 'tenants.json', '--out', 'plans', '--emergency', ONE],
        "--emergency is not taken with --tenants: each tenant's plan is guarded for the emergency accounts its entry in the tenants file names",
      ],
      [
        ['diff', '--tenants', 'tenants.json', '--baseline'],
        '--baseline is not taken with --tenants: each tenant is compared with its own backup',
      ],
      [['diff', '--tenants', 'tenants.json', '--mapping', 'm.json'], '--mapping is not taken with --tenants'],
      [['diff', '--tenants', 'tenants.json', '--domain', 'a.com=b.com'], '--domain is not taken with --tenants'],
      [
        ['apply', '--tenants', 'tenants.json', '--plans', 'plans', '--journal', 'run.json'],
        "--journal is not taken with --tenants: each tenant's run is journalled beside its plan",
      ],
      [
        ['lint', '--tenants', 'tenants.json', '--emergency', ONE],
        "each tenant's emergency accounts come from its entry in the tenants file",
      ],
      [['lint', '--tenants', 'tenants.json', '--out', 'lint.txt'], 'With --tenants, --out is a folder, not lint.txt'],
    ] as const) {
      const result = await run(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain(words);
      expect(result.stderr.trim().split('\n'), result.stderr).toHaveLength(1);
      expect(result.stdout).toBe('');
    }
  });

  it('plan --help says where each tenant’s emergency accounts come from', async () => {
    const help = await run('plan', '--help');
    expect(help.stdout).toContain('(each tenant guarded for the emergency accounts its entry in the tenants file names)');
  });
});

describe('a tenants file naming no tenant', () => {
  it('is refused: a run over nothing would pass having checked nothing (exit 2)', async () => {
    writeFileSync(join(dir, 'empty.json'), '{"tenants":[]}');
    for (const args of [
      ['backup', '--tenants', 'empty.json', '--out', 'b'],
      ['lint', '--tenants', 'empty.json'],
      ['report', '--tenants', 'empty.json', '--out', 'r'],
    ]) {
      const result = await run(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toBe(
        `gatehouse ${args[0]}: ${join(dir, 'empty.json')} names no tenant: list each one in "tenants" (id, name, auth).\n`,
      );
      expect(existsSync(join(dir, 'r'))).toBe(false);
    }
  });
});

describe('a command that works on one tenant', () => {
  it('says so of --tenants, not "Did you mean --tenant?"', async () => {
    writeTenants();
    for (const name of ['docs', 'whatif', 'impact', 'rollout']) {
      const result = await run(name, '--tenants', 'tenants.json');
      expect(result.code, name).toBe(2);
      expect(result.stderr).toBe(
        `gatehouse ${name}: gatehouse ${name} works on one tenant: --tenants is not taken. Give --tenant <id> (or AZURE_TENANT_ID), once for each tenant.\n`,
      );
      expect((await run(name, '--help')).stdout).not.toContain('--tenants');
    }
  });
});

describe('lint --tenants --from a folder of backups', () => {
  it('takes --naming-pattern and --stale-after-days as lint of one tenant does, for every tenant', async () => {
    writeTenants();
    await writeTenantBackup(ONE);
    await writeTenantBackup(TWO);
    const result = await run(
      'lint',
      '--tenants',
      'tenants.json',
      '--from',
      'backups',
      '--naming-pattern',
      '^POL-',
      '--stale-after-days',
      '7',
      '--fail-on',
      'info',
      '--out',
      'lint',
    );
    expect(result.code, result.stderr).toBe(1);
    for (const id of [ONE, TWO])
      expect(readFileSync(join(dir, 'lint', `${id}.txt`), 'utf8')).toMatch(
        /^info {4}naming-pattern {2}.*CA031: Block Linux.* does not follow the naming pattern \^POL-\.$/m,
      );
    // A pattern that is no regular expression is refused before any tenant is read.
    const bad = await run('lint', '--tenants', 'tenants.json', '--from', 'backups', '--naming-pattern', '(');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('gatehouse lint: --naming-pattern is not a regular expression: (\n');
  });

  const accepted = { ruleId: 'platform-only-block', policyId: LINUX, reason: 'accepted', at: '2026-01-01T00:00:00Z' };

  it('warns of a suppression naming no rule and of a changed file, as lint --from does of one backup', async () => {
    writeTenants();
    await writeTenantBackup(ONE, [{ ...accepted, ruleId: 'platfrom-only-block' }]);
    await writeTenantBackup(TWO);
    const policy = join(dir, 'backups', TWO, 'policies', 'CA031-Block-Linux.json');
    writeFileSync(policy, readFileSync(policy, 'utf8').replace('"enabled"', '"disabled"'));
    const result = await run('lint', '--tenants', 'tenants.json', '--from', 'backups');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(
      `Warning: backups/${ONE}/lint-suppressions.json, suppression 1: no lint rule 'platfrom-only-block' (did you mean 'platform-only-block'?): it suppresses nothing.\n`,
    );
    expect(result.stderr).toContain(`backups/${TWO}: “CA031: Block Linux” was changed after the backup was taken.\n`);
  });

  it('takes --suppressions for every tenant, besides those each backup holds, and writes text into a file per tenant', async () => {
    writeTenants();
    await writeTenantBackup(ONE);
    await writeTenantBackup(TWO, [accepted]);
    writeFileSync(join(dir, 'sup.json'), JSON.stringify([{ ruleId: 'coverage-mfa-for-everyone', reason: 'reviewed', at: '2026-01-01' }]));
    const without = await run('lint', '--tenants', 'tenants.json', '--from', 'backups');
    const counted = (stderr: string, n: number) =>
      /Tenant \d \([^)]+\): (\d+) error\(s\), (\d+) warning\(s\), (\d+) info, (\d+) suppressed/.exec(
        stderr.split('\n').find((l) => l.includes(`Tenant ${n} (`))!,
      )!;
    expect(Number(counted(without.stderr, 1)[4])).toBe(0);
    expect(Number(counted(without.stderr, 2)[4])).toBe(1);

    const result = await run('lint', '--tenants', 'tenants.json', '--from', 'backups', '--suppressions', 'sup.json', '--out', 'lint');
    expect(result.code, result.stderr).toBe(0);
    const suppressed = Number(counted(result.stderr, 1)[4]);
    expect(suppressed).toBeGreaterThan(0);
    expect(Number(counted(result.stderr, 2)[4])).toBe(1 + suppressed);
    const text = readFileSync(join(dir, 'lint', `${TWO}.txt`), 'utf8');
    expect(text).toMatch(
      new RegExp(`^Lint of the backup in backups/${TWO}: \\d+ open, ${1 + suppressed} suppressed; 0 at or above error\\.\\n`),
    );
    expect(text).toContain('    Suppressed on 2026-01-01: accepted');
    expect(existsSync(join(dir, 'lint', `${ONE}.txt`))).toBe(true);
  });
});

describe('lint --tenants --from without --out', () => {
  it('names each tenant’s findings on stdout, in the file’s order under its name, before the summary line', async () => {
    writeTenants();
    await writeTenantBackup(ONE);
    await writeTenantBackup(TWO);
    const result = await run('lint', '--tenants', 'tenants.json', '--from', 'backups', '--fail-on', 'warning');
    expect(result.code, result.stderr).toBe(1);
    const one = result.stdout.indexOf(`== Tenant 1 (${ONE}) ==\nLint of the backup in backups/${ONE}: `);
    const two = result.stdout.indexOf(`== Tenant 2 (${TWO}) ==\nLint of the backup in backups/${TWO}: `);
    const summary = result.stdout.indexOf('Conditional Access lint: 2 tenant(s), 0 failed, 2 with findings.\n');
    expect(one, result.stdout).toBeGreaterThanOrEqual(0);
    expect(two).toBeGreaterThan(one);
    expect(summary).toBeGreaterThan(two);
    // Each finding at or above --fail-on is named, as lint of one backup names it.
    const warnings = result.stdout.slice(one, two).match(/^(?:error|warning) +\S+ {2}.+$/gm) ?? [];
    expect(warnings.length, result.stdout).toBeGreaterThan(0);
    expect(result.stdout.slice(two, summary)).toContain(warnings[0]);
    expect(existsSync(join(dir, 'lint'))).toBe(false);
  });

  it('still asks for --out <folder> for a format that is a file per tenant', async () => {
    writeTenants();
    const result = await run('lint', '--tenants', 'tenants.json', '--format', 'sarif');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('gatehouse lint: With --tenants, --format sarif writes one file per tenant: give --out <folder>.\n');
    expect(result.stdout).toBe('');
  });
});

describe('report --out naming a file', () => {
  it('is refused, as backup and plan --tenants refuse it, before any tenant or report is read (exit 2)', async () => {
    writeTenants();
    const shard = tenantsReport([summarizeTenant({ tenantId: ONE, name: 'Tenant 1', policies: [], findings: [] })], new Date('2026-12-01'));
    mkdirSync(join(dir, 'shard-1'));
    writeFileSync(join(dir, 'shard-1', 'report.json'), JSON.stringify(shard));
    for (const [args, file] of [
      [['report', '--tenants', 'tenants.json', '--out', 'report.json'], 'report.json'],
      [['report', '--tenants', 'tenants.json', '--out', 'out/report.HTML'], 'out'],
      [['report', '--join', 'shard-1', '--out', 'joined.json'], 'joined.json'],
    ] as const) {
      const result = await run(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(
        /^gatehouse report: --out is a folder \(report\.json, report\.md and report\.html are written into it\), not a \.(json|html) file: give --out <folder>\.\n$/,
      );
      expect(result.stdout).toBe('');
      expect(existsSync(join(dir, file)), file).toBe(false);
    }
  });
});
