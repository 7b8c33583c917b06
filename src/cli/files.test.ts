// Files as users hand them over (a byte order mark, UTF-16 from PowerShell 5.1) and --out into a
// folder not made yet, or with a file where a folder of its path should be.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundleText, createBundle } from '../domain/bundle/bundle';
import { newRolloutPlan } from '../domain/rollout/rollout-plan';
import { readDraft } from './evaluation/drafts';
import { readJsonFile, writeOutput } from './evaluation/outputs';
import { readRolloutPlan } from './evaluation/rollout-source';
import { checkOut, repoPath } from './files';
import { createRedactor } from './redact';
import { runInProcess } from './run-in-process';

const corpus = fileURLToPath(new URL('../../../shared/corpus', import.meta.url));
const utf16Policy = join(corpus, 'j0eyv-baseline/Config/ConditionalAccess/CA400-GuestUsers-IdentityProtection-AnyApp-AnyPlatform-MFA.json');

const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const withBom = (text: string) => `\uFEFF${text}`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gatehouse-files-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const bundle = () =>
  createBundle(
    {
      policies: [{ id: 'ca1', displayName: 'CA001: Require MFA', state: 'enabled', conditions: { users: { includeUsers: ['All'] } } }],
      namedLocations: [],
      authenticationStrengths: [],
      authenticationContexts: [],
      termsOfUse: [],
    },
    [],
    { tenantId: 't-1', tenantName: 'Contoso', capturedAt: new Date('2026-11-30T12:00:00Z') },
  );

describe('files with a byte order mark or in UTF-16', () => {
  it('docs reads a backup file saved with a UTF-8 byte order mark, and writes into a folder it makes', async () => {
    writeFileSync(join(dir, 'backup.json'), withBom(bundleText(await bundle())));
    const run = await runInProcess(['docs', '--from', join(dir, 'backup.json'), '--out', 'docs/out/ca.md'], dir);
    expect(run.stderr).not.toContain('ENOENT');
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(join(dir, 'docs/out/ca.md'), 'utf8')).toContain('CA001: Require MFA');
  });

  it('reads a backup file saved as UTF-16', async () => {
    writeFileSync(join(dir, 'backup.json'), utf16le(bundleText(await bundle())));
    const run = await runInProcess(['docs', '--from', join(dir, 'backup.json')], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('CA001: Require MFA');
  });

  it('reads a scenario suite with a byte order mark, and names the line of a syntax error', async () => {
    writeFileSync(join(dir, 'suite.json'), withBom('[{"name": "a"}]'));
    expect(await readJsonFile(join(dir, 'suite.json'), 'the scenarios')).toEqual([{ name: 'a' }]);
    writeFileSync(join(dir, 'broken.json'), withBom('{\n  "name": "a",\n}'));
    await expect(readJsonFile(join(dir, 'broken.json'), 'the scenarios')).rejects.toThrow(
      /broken\.json is not valid JSON: .* line 3, column 1\./,
    );
  });

  it('lint reads suppressions saved as UTF-16, and names the line of a syntax error in them', async () => {
    writeFileSync(join(dir, 'backup.json'), bundleText(await bundle()));
    const suppression = { ruleId: 'naming-pattern', reason: 'Named before the convention', at: '2026-11-01' };
    writeFileSync(join(dir, 'suppressions.json'), utf16le(JSON.stringify([suppression])));
    const read = await runInProcess(['lint', '--from', 'backup.json', '--suppressions', 'suppressions.json', '--fail-on', 'info'], dir);
    expect(read.stderr).not.toMatch(/suppressions/i);
    expect(read.code).not.toBe(2);
    writeFileSync(join(dir, 'broken.json'), withBom('[\n  { "ruleId": "x", },\n]'));
    const broken = await runInProcess(['lint', '--from', 'backup.json', '--suppressions', 'broken.json'], dir);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/broken\.json is not valid JSON: .* line 2, column 20\./);
  });

  it('reads a rollout plan saved as UTF-16', async () => {
    const plan = {
      ...newRolloutPlan({ id: 'ca1', displayName: 'CA001', state: 'enabled' }, [{ id: 'g', name: 'Pilot', created: false }], new Date()),
      status: 'running' as const,
    };
    writeFileSync(join(dir, 'rollout.json'), utf16le(JSON.stringify([plan])));
    expect((await readRolloutPlan(join(dir, 'rollout.json'), undefined, () => {})).policyId).toBe('ca1');
  });

  it.skipIf(!existsSync(utf16Policy))('reads a draft exported by PowerShell 5.1 (UTF-16 LE, from ../shared/corpus)', async () => {
    expect(readFileSync(utf16Policy).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xfe]));
    const draft = await readDraft(utf16Policy, []);
    expect(draft.policy.displayName).toMatch(/^CA400/);
    expect(draft.replaces).toBeNull();
  });
});

describe('--out into a folder not made yet', () => {
  it('whatif, impact and rollout write their output there (the folder is made)', async () => {
    const err: string[] = [];
    const io = {
      out: () => {},
      err: (t: string) => void err.push(t),
      env: {},
      cwd: dir,
      now: () => new Date(),
      redactor: createRedactor(),
      interactive: false,
    };
    await writeOutput({ out: 'reports/2026/whatif.md' }, io, '# What if\n');
    expect(readFileSync(join(dir, 'reports/2026/whatif.md'), 'utf8')).toBe('# What if\n');
    expect(err).toEqual(['Written to reports/2026/whatif.md.\n']);
  });
});

describe('repoPath: where a plan file says its source is', () => {
  it('names the working folder itself "." and others from it, with forward slashes', () => {
    const cwd = join(tmpdir(), 'repo');
    expect(repoPath(cwd, cwd)).toBe('.');
    expect(repoPath(cwd, '.')).toBe('.');
    expect(repoPath(cwd, join(cwd, 'tenants', 'contoso'))).toBe('tenants/contoso');
  });
});

describe('checkOut: --out checked before signing in', () => {
  it('refuses a file where a folder of the path should be, in the words the write would say it with', async () => {
    writeFileSync(join(dir, 'notes.txt'), 'notes');
    await expect(checkOut(dir, 'notes.txt/x.md', 'a file')).rejects.toThrow(
      'Cannot write into notes.txt: it is a file, not a folder (check --out).',
    );
    await expect(checkOut(dir, 'notes.txt/2026/x.md', 'a file')).rejects.toThrow(
      'Cannot make the folder notes.txt/2026: notes.txt is a file, not a folder.',
    );
    await expect(checkOut(dir, 'notes.txt/ca', 'a folder')).rejects.toThrow(
      'Cannot make the folder notes.txt/ca: notes.txt is a file, not a folder.',
    );
  });

  it('accepts a folder not made yet, and a file or folder already there', async () => {
    mkdirSync(join(dir, 'reports'));
    writeFileSync(join(dir, 'reports', 'x.md'), 'old');
    await expect(checkOut(dir, 'later/2026/x.md', 'a file')).resolves.toBeUndefined();
    await expect(checkOut(dir, 'later/ca', 'a folder')).resolves.toBeUndefined();
    await expect(checkOut(dir, 'reports/x.md', 'a file')).resolves.toBeUndefined();
    await expect(checkOut(dir, 'reports', 'a folder')).resolves.toBeUndefined();
    expect(existsSync(join(dir, 'later'))).toBe(false);
  });
});
