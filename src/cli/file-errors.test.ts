// A file a command cannot write, said in words for every command that writes (a file where its
// folder should be, a folder where its file should be, no permission), not as Node's EEXIST.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundleText, createBundle } from '../domain/bundle/bundle';
import { fileErrorWords } from './file-errors';
import { createRedactor } from './redact';
import { runInProcess } from './run-in-process';
import { failureWords } from './tenants/tenants-run';

let dir: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gatehouse-file-errors-'));
  const bundle = await createBundle(
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
  writeFileSync(join(dir, 'b1'), 'a file, not a folder');
  writeFileSync(join(dir, 'backup.json'), bundleText(bundle));
  mkdirSync(join(dir, 'reports'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A failure as Node's fs gives it. */
const systemError = (code: string, syscall: string, path: string) =>
  Object.assign(new Error(`${code}: ${syscall} '${path}'`), { code, syscall, path, errno: -1 });

describe('--out where it cannot be written', () => {
  it('a file where the folder for --out should be: said plainly, by lint and docs alike', async () => {
    for (const args of [
      ['lint', '--from', 'backup.json', '--format', 'sarif', '--out', 'b1/x.sarif'],
      ['docs', '--from', 'backup.json', '--out', 'b1/ca.md'],
    ]) {
      const run = await runInProcess(args, dir);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toBe(`gatehouse ${args[0]}: Cannot write into b1: it is a file, not a folder (check --out).\n`);
    }
  });

  it('a file further up the path is named, and a folder given for a file is said to be one', async () => {
    const deeper = await runInProcess(['lint', '--from', 'backup.json', '--out', 'b1/2026/x.sarif'], dir);
    expect(deeper.stderr).toBe('gatehouse lint: Cannot make the folder b1/2026: b1 is a file, not a folder.\n');
    const folder = await runInProcess(['lint', '--from', 'backup.json', '--out', 'reports'], dir);
    expect(folder.code).toBe(2);
    // Said before anything is read, as plan, whatif and impact say it.
    expect(folder.stderr).toBe("gatehouse lint: --out reports is a folder: give a file's name.\n");
  });

  it('no permission, a full disk and a read-only file system are said in words, naming the path from the working folder', () => {
    expect(fileErrorWords(systemError('EACCES', 'mkdir', join(dir, 'locked')), dir)).toBe(
      'Cannot make the folder locked: permission denied.',
    );
    expect(fileErrorWords(systemError('EPERM', 'open', join(dir, 'reports', 'x.sarif')), dir)).toBe(
      'Cannot open reports/x.sarif: permission denied.',
    );
    expect(fileErrorWords(systemError('ENOSPC', 'write', '/mnt/full/x'), dir)).toBe(
      'Cannot write /mnt/full/x: no space left on the device.',
    );
    expect(fileErrorWords(systemError('EROFS', 'open', '/ro/x'), dir)).toBe('Cannot open /ro/x: the file system is read-only.');
    // Any other failure keeps its own words.
    expect(fileErrorWords(new Error('boom'), dir)).toBeNull();
    expect(fileErrorWords(systemError('ECONNRESET', 'read', join(dir, 'x')), dir)).toBeNull();
  });

  it('over a tenants file, a tenant that cannot write its file fails in the same words', () => {
    const io = { cwd: dir, redactor: createRedactor() } as Parameters<typeof failureWords>[1];
    expect(failureWords(systemError('EACCES', 'open', join(dir, 'reports', 'one.sarif')), io)).toBe(
      'Cannot open reports/one.sarif: permission denied.',
    );
  });
});
