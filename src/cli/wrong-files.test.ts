// The wrong file handed to a command, as people do: a screenshot or a zip where JSON was asked for,
// a tenants file saved by PowerShell 5.1 (UTF-16), a backup given to apply as its plan, a backup that
// lost a policy compared as if whole. Each is said for what it is, and nothing is written.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundleText } from '../domain/bundle/bundle';
import type { JsonObject } from '../domain/json';
import { writeBackup } from './write-backup';
import { runInProcess } from './run-in-process';
import { backupOf as backupOfTenant, blockLinux } from './backup-fixtures';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gatehouse-wrong-files-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) => runInProcess(args, dir);
const TENANT = '11111111-1111-4111-8111-111111111111';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0]);
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

const policy = (id: string, displayName: string) => blockLinux(id, displayName);
const backupOf = (policies: JsonObject[]) => backupOfTenant(policies, TENANT);

describe('a picture or an archive where JSON was asked for', () => {
  it('is named for what it is by every reader, not read as JSON broken at line 1 (exit 2)', async () => {
    writeFileSync(join(dir, 'shot.png'), PNG);
    writeFileSync(join(dir, 'export.zip'), ZIP);
    for (const [args, words] of [
      [['docs', '--from', 'shot.png'], 'shot.png looks like an image (PNG), not a Gatehouse backup.'],
      [['lint', '--from', 'export.zip'], 'export.zip looks like a zip archive (as Word and Excel files are), not a Gatehouse backup.'],
      [['diff', 'shot.png', 'shot.png'], 'shot.png looks like an image (PNG), not a Gatehouse backup.'],
      [['lint', '--from', 'shot.png', '--tenants', 'shot.png'], 'looks like an image (PNG), not a tenants file (JSON).'],
    ] as const) {
      const result = await run(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toContain(words);
      expect(result.stderr, args.join(' ')).not.toMatch(/not valid JSON|Unexpected token/);
    }
  });

  it('in a backup folder, names the file that is not text', async () => {
    await writeBackup(await backupOf([policy('p1', 'CA031: Block Linux')]), join(dir, 'ca'));
    writeFileSync(join(dir, 'ca', 'policies', 'screenshot.json'), PNG);
    const result = await run('lint', '--from', 'ca');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/screenshot\.json looks like an image \(PNG\), not a backup’s JSON file\./);
  });
});

describe('a file that is not there, or a folder given as a file', () => {
  it('is said with why by every reader, not only that it could not be read', async () => {
    mkdirSync(join(dir, 'afolder'));
    writeFileSync(join(dir, 'backup.json'), bundleText(await backupOf([policy('p1', 'CA031: Block Linux')])));
    for (const [args, words] of [
      [['whatif', '--suite', join(dir, 'afolder')], `Could not read the scenarios ${join(dir, 'afolder')}: it is a folder, not a file.`],
      [['lint', '--from', 'backup.json', '--suppressions', 'nosuch.json'], 'Could not read the suppressions in nosuch.json: no such file.'],
      [
        ['lint', '--from', 'backup.json', '--suppressions', 'afolder'],
        'Could not read the suppressions in afolder: it is a folder, not a file.',
      ],
    ] as const) {
      const result = await run(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toContain(words);
    }
  });
});

describe('an --out that cannot take what the command writes', () => {
  it('is refused before signing in: plan to a folder, backup to a file that does not end in .json', async () => {
    mkdirSync(join(dir, 'plan.json'));
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const plan = await run('plan', 'backup.json', '--out', 'plan.json', '--tenant', TENANT);
    expect(plan.code).toBe(2);
    expect(plan.stderr).toContain("--out plan.json is a folder: give a file's name.");
    const backup = await run('backup', '--out', 'notes.txt', '--tenant', TENANT);
    expect(backup.code).toBe(2);
    expect(backup.stderr).toContain(
      "--out notes.txt is a file: give a folder for the backup's files, or a name ending in .json for one file.",
    );
    const named = await run('plan', 'backup.json', '--out', 'plan', '--tenant', TENANT);
    expect(named.code).toBe(2);
    expect(named.stderr).toContain('--out plan: the plan is JSON; give a name ending in .json');
    for (const result of [plan, backup, named]) expect(result.stderr).not.toContain('Signing in');
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
  });
});

describe('a tenants file saved by PowerShell 5.1 (UTF-16)', () => {
  it('is read as the same file in UTF-8 is: every tenant runs', async () => {
    const tenants = { tenants: [{ id: TENANT, name: 'Contoso', auth: { kind: 'secret', clientId: TENANT, secretEnv: 'S' } }] };
    writeFileSync(join(dir, 'tenants.json'), utf16le(JSON.stringify(tenants, null, 2)));
    await writeBackup(await backupOf([policy('p1', 'CA031: Block Linux')]), join(dir, 'backups', TENANT));
    const result = await run('lint', '--tenants', 'tenants.json', '--from', 'backups', '--naming-pattern', '^POL-', '--fail-on', 'info');
    expect(result.stderr).not.toContain('not valid JSON');
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toContain('Conditional Access lint: 1 tenant(s), 0 failed, 1 with findings.');
  });

  it('that does not parse is said with its line and column', async () => {
    writeFileSync(join(dir, 'tenants.json'), utf16le('{\n  "tenants": [\n    { "id": "contoso.com", }\n  ]\n}'));
    const result = await run('lint', '--tenants', 'tenants.json', '--from', 'backups');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/The tenants file is not valid JSON: .* at line 3, column \d+\./);
  });
});

describe('apply given a file that is not the plan', () => {
  const approved = 'a'.repeat(64);

  it('a backup is said to be a backup, to plan first: not "the plan changed after it was reviewed"', async () => {
    writeFileSync(join(dir, 'backup.json'), bundleText(await backupOf([policy('p1', 'CA031: Block Linux')])));
    const result = await run('apply', '--plan', 'backup.json', '--sha256', approved);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('backup.json is a backup, not a plan: plan it first (gatehouse plan backup.json --out plan.json)');
    expect(result.stderr).toContain('Nothing was written.');
    expect(result.stderr).not.toContain('changed after it was reviewed');
  });

  it('a picture, other JSON or a folder is named for what it is', async () => {
    writeFileSync(join(dir, 'plan.png'), PNG);
    writeFileSync(join(dir, 'other.json'), '{"value": []}');
    for (const [file, words] of [
      ['plan.png', 'plan.png looks like an image (PNG), not a Gatehouse plan. Nothing was written.'],
      ['other.json', 'other.json is not a Gatehouse plan (format gatehouse.plan, version 1). Nothing was written.'],
      ['.', '. is a folder: give the plan file gatehouse plan wrote'],
    ] as const) {
      const result = await run('apply', '--plan', file, '--sha256', approved);
      expect(result.code, file).toBe(2);
      expect(result.stderr, file).toContain(words);
      expect(result.stderr, file).not.toContain('changed after it was reviewed');
    }
  });

  it('a --sha256 that is no hash (the hash file’s name) is said as such; the hash as sha256sum prints it, or prefixed, is taken', async () => {
    const plan = { format: 'gatehouse.plan', version: 1, tenant: { id: TENANT }, plan: { rows: [], blockers: [] } };
    const text = JSON.stringify(plan);
    writeFileSync(join(dir, 'plan.json'), text);
    const named = await run('apply', '--plan', 'plan.json', '--sha256', 'plan.sha256');
    expect(named.code).toBe(2);
    expect(named.stderr).toContain("--sha256 takes the 64 hex digits of the approved plan's hash");
    expect(named.stderr).toContain("'plan.sha256' is not one. Nothing was written.");
    expect(named.stderr).not.toContain('changed after it was reviewed');
    const hash = createHash('sha256').update(text, 'utf8').digest('hex');
    for (const given of [`${hash}  plan.json`, `sha256:${hash.toUpperCase()}`]) {
      const taken = await run('apply', '--plan', 'plan.json', '--sha256', given);
      expect(taken.stderr, given).not.toMatch(/changed after it was reviewed|is not one/);
    }
  });

  it('a plan file that is not there is said with why', async () => {
    const result = await run('apply', '--plan', 'nosuch.json', '--sha256', approved);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Cannot open nosuch.json: no such file or folder. Nothing was written.');
  });

  it('a plan whose hash is not the approved one is still refused as changed after review', async () => {
    const plan = { format: 'gatehouse.plan', version: 1, tenant: { id: TENANT }, plan: { rows: [], blockers: [] } };
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    const result = await run('apply', '--plan', 'plan.json', '--sha256', approved);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`not the approved ${approved}: the plan changed after it was reviewed. Nothing was written.`);
  });
});

describe('diff of a backup that lost a policy its manifest lists', () => {
  it('says the drift is the file’s loss and fails (exit 2), not drift (exit 1)', async () => {
    const whole = await backupOf([policy('p1', 'CA031: Block Linux'), policy('p2', 'CA032: Block unknown platforms')]);
    writeFileSync(join(dir, 'then.json'), bundleText(whole));
    const cut = JSON.parse(bundleText(whole)) as { policies: JsonObject[] };
    cut.policies = cut.policies.filter((p) => p.id !== 'p2');
    writeFileSync(join(dir, 'now.json'), JSON.stringify(cut));
    const result = await run('diff', 'then.json', 'now.json');
    expect(result.code, result.stderr).toBe(2);
    expect(result.stdout).toContain('- CA032: Block unknown platforms: removed');
    expect(result.stdout).toContain(
      'the backup in now.json lost an item its manifest lists (“CA032: Block unknown platforms”): it shows as drift though the backup had it. Restore the file (from git) or take a new backup, then compare again.',
    );
    const json = await run('diff', 'then.json', 'now.json', '--format', 'json');
    expect(json.code).toBe(2);
    expect((JSON.parse(json.stdout) as { damaged: boolean }).damaged).toBe(true);
  });

  it('an edit by hand stays drift (exit 1): the desired state may be meant to differ', async () => {
    const whole = await backupOf([policy('p1', 'CA031: Block Linux')]);
    writeFileSync(join(dir, 'then.json'), bundleText(whole));
    const edited = JSON.parse(bundleText(whole)) as { policies: JsonObject[] };
    edited.policies[0]!.state = 'disabled';
    writeFileSync(join(dir, 'edited.json'), JSON.stringify(edited));
    const result = await run('diff', 'then.json', 'edited.json');
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain('“CA031: Block Linux” was changed after the backup was taken.');
    expect(readFileSync(join(dir, 'edited.json'), 'utf8')).toContain('disabled');
  });
});

describe('plan given a path that is no backup', () => {
  it('a folder of no Conditional Access policy keeps the backup reader’s words (exit 2), nothing written', async () => {
    mkdirSync(join(dir, 'notes'), { recursive: true });
    writeFileSync(join(dir, 'notes/readme.txt'), 'not a policy');
    writeFileSync(join(dir, 'notes/settings.json'), JSON.stringify({ theme: 'dark' }));
    const result = await run('plan', 'notes', '--out', 'plan.json');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('not a Gatehouse backup');
    expect(result.stderr).not.toContain('read as the console');
    expect(() => readFileSync(join(dir, 'plan.json'))).toThrow();
  });

  it('policy files with one that cannot be read are refused, naming it, before any tenant is read (exit 2)', async () => {
    mkdirSync(join(dir, 'export/ConditionalAccess'), { recursive: true });
    writeFileSync(join(dir, 'export/ConditionalAccess/a.json'), JSON.stringify(policy('a', 'Block Linux A')));
    writeFileSync(join(dir, 'export/ConditionalAccess/b.json'), '{ "displayName": "Block Linux B", ');
    const result = await run('plan', 'export', '--out', 'plan.json');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('export: a file of these policy files could not be read, so nothing was planned');
    expect(result.stderr).toContain('export: ConditionalAccess/b.json');
    expect(result.stderr).not.toContain('sign in');
    expect(() => readFileSync(join(dir, 'plan.json'))).toThrow();
  });
});
