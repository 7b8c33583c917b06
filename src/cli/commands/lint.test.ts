// gatehouse lint over a backup on disk, in this process: suppressed findings in text (apart, with
// their reason), one count in every format's summary line, an --emergency id the backup does not
// know, and a suppression naming a rule the catalogue lacks.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundleText, createBundle } from '../../domain/bundle/bundle';
import type { LintSuppression } from '../../domain/lint';
import { runInProcess } from '../run-in-process';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gatehouse-lint-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const EMERGENCY_GROUP = '0a0a0a0a-0000-4000-8000-000000000001';
const BREAK_GLASS = '0a0a0a0a-0000-4000-8000-000000000002';
const LINUX = '0b0b0b0b-0000-4000-8000-000000000031';

async function writeBackup(lintSuppressions: LintSuppression[] = []) {
  const bundle = await createBundle(
    {
      policies: [
        {
          id: LINUX,
          displayName: 'CA031: Block Linux',
          state: 'enabled',
          conditions: {
            users: { includeUsers: ['All'], excludeGroups: [EMERGENCY_GROUP] },
            applications: { includeApplications: ['All'] },
            platforms: { includePlatforms: ['linux'] },
          },
          grantControls: { operator: 'OR', builtInControls: ['block'] },
        },
        {
          id: '0b0b0b0b-0000-4000-8000-000000000001',
          displayName: 'CA001: Require MFA',
          state: 'enabled',
          conditions: { users: { includeUsers: ['All'], excludeUsers: [BREAK_GLASS] }, applications: { includeApplications: ['All'] } },
          grantControls: { operator: 'OR', builtInControls: ['mfa'] },
        },
      ],
      namedLocations: [],
      authenticationStrengths: [],
      authenticationContexts: [],
      termsOfUse: [],
    },
    [
      { kind: 'group', id: EMERGENCY_GROUP, displayName: 'Emergency access', exists: true },
      { kind: 'user', id: BREAK_GLASS, displayName: 'Break Glass 01', exists: true },
    ],
    { tenantId: 't-1', tenantName: 'Contoso', capturedAt: new Date('2025-12-01T00:00:00Z') },
    [],
    [],
    lintSuppressions,
  );
  writeFileSync(join(dir, 'backup.json'), bundleText(bundle));
}

const accepted = { ruleId: 'platform-only-block', policyId: LINUX, reason: 'accepted', at: '2026-01-01T00:00:00Z' };
const lint = (...args: string[]) => runInProcess(['lint', '--from', 'backup.json', ...args], dir);

describe('gatehouse lint in text', () => {
  it('lists a suppressed finding apart, with its reason, and counts open and suppressed as the SARIF summary does', async () => {
    await writeBackup();
    writeFileSync(join(dir, 'sup.json'), JSON.stringify([{ ...accepted, by: 'ci@contoso.example' }]));
    const text = await lint('--suppressions', 'sup.json');
    expect(text.code, text.stderr).toBe(0);
    const [summary, ...rest] = text.stdout.trimEnd().split('\n');
    const apart = rest.indexOf('Suppressed (1), not counted against --fail-on:');
    expect(apart).toBeGreaterThan(0);
    // Open findings above, none of them the suppressed one; below, the suppressed one and why.
    expect(rest.slice(0, apart).some((l) => l.includes('platform-only-block'))).toBe(false);
    expect(rest[apart + 1]).toMatch(/^ {2}warning platform-only-block {2}'CA031: Block Linux' \(On\) blocks Linux by platform alone/);
    expect(rest[apart + 2]).toBe('    Suppressed by ci@contoso.example on 2026-01-01: accepted');
    const open = rest.slice(0, apart).filter((l) => /^(error|warning|info) /.test(l)).length;
    expect(summary).toBe(`Lint of the backup in backup.json: ${open} open, 1 suppressed; 0 at or above error.`);

    for (const format of ['sarif', 'junit', 'markdown']) {
      const written = await lint('--suppressions', 'sup.json', '--format', format, '--out', `lint.${format}`);
      expect(written.code, written.stderr).toBe(0);
      expect(written.stderr).toBe(
        `Lint of the backup in backup.json written to lint.${format}: ${open} open, 1 suppressed; 0 at or above error.\n`,
      );
    }
  });

  it('takes --stale-after-days 0 (every report-only or Off policy older than a day is reported)', async () => {
    await writeBackup();
    const zero = await lint('--stale-after-days', '0');
    expect(zero.code, zero.stderr).toBe(0);
    expect(zero.stderr).toBe('');
  });

  it('without suppressions, says none and adds no section for them', async () => {
    await writeBackup();
    const text = await lint();
    expect(text.stdout).toMatch(/^Lint of the backup in backup\.json: \d+ open, 0 suppressed; 0 at or above error\.\n/);
    expect(text.stdout).not.toContain('Suppressed');
  });
});

describe('gatehouse lint --emergency', () => {
  it('refuses an id the backup does not know, as plan refuses one the directory does not (exit 2)', async () => {
    await writeBackup();
    const typo = '0a0a0a0a-0000-4000-8000-00000000dead';
    const run = await lint('--emergency', BREAK_GLASS, '--emergency', typo);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`gatehouse lint: --emergency: the backup in backup.json has no user or group '${typo}'.`);
  });

  it('names the accounts it knows by their names', async () => {
    await writeBackup();
    const run = await lint('--emergency', BREAK_GLASS, '--emergency', EMERGENCY_GROUP.toUpperCase());
    expect(run.code, run.stderr).not.toBe(2);
    // CA031 excludes the group but reaches Break Glass 01; CA001 the other way round.
    expect(run.stdout).toMatch(
      /emergency-account-affected {2}'CA031: Block Linux' \(On\) reaches the emergency-access account 'Break Glass 01'/,
    );
    expect(run.stdout).not.toContain(BREAK_GLASS);
  });
});

describe('a suppression naming no lint rule', () => {
  it('in --suppressions is refused, naming the file, the rule and the rule it most likely meant (exit 2)', async () => {
    await writeBackup();
    writeFileSync(join(dir, 'sup.json'), JSON.stringify([accepted, { ...accepted, ruleId: 'platfrom-only-block' }]));
    const run = await lint('--suppressions', 'sup.json');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "gatehouse lint: sup.json, suppression 2: no lint rule 'platfrom-only-block' (did you mean 'platform-only-block'?): it suppresses nothing.\n",
    );
  });

  it('kept in the backup is warned about, and the lint goes on', async () => {
    await writeBackup([{ ...accepted, ruleId: 'no-such-rule' }]);
    const run = await lint();
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe("Warning: backup.json, suppression 1: no lint rule 'no-such-rule': it suppresses nothing.\n");
    expect(run.stdout).toMatch(/^Lint of the backup in backup\.json: \d+ open, 0 suppressed/);
  });
});
