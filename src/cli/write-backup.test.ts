// A backup written where teams keep it: a folder checked out on Windows or macOS (a disk that does
// not tell "a" from "A", git turning LF into CRLF), or one .json file a nightly job may be killed
// while writing. The disk is simulated here over a temporary folder: names looked up without regard
// to case (the name first given kept), or a write cut off halfway.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type * as FsPromises from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, sep } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBundle } from '../domain/bundle/bundle';
import type { JsonObject } from '../domain/json';
import { readBackup } from './files';
import { writeBackup } from './write-backup';

const disk = vi.hoisted(() => ({ caseInsensitiveUnder: null as string | null, cutWrites: false }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof FsPromises>();
  const { readdirSync: list } = await import('node:fs');
  const path = await import('node:path');
  /** The path as a disk that ignores case finds it: each part that exists in any case is the one there. */
  const found = (p: unknown): string => {
    const root = disk.caseInsensitiveUnder;
    if (typeof p !== 'string' || !root || !p.startsWith(root)) return p as string;
    let at = root;
    for (const part of path.relative(root, p).split(path.sep).filter(Boolean)) {
      let names: string[] = [];
      try {
        names = list(at);
      } catch {
        names = [];
      }
      at = path.join(at, names.find((n) => n.toLowerCase() === part.toLowerCase()) ?? part);
    }
    return at;
  };
  const fs = {
    ...real,
    readFile: ((p: string, ...rest: unknown[]) =>
      (real.readFile as (...a: unknown[]) => unknown)(found(p), ...rest)) as typeof real.readFile,
    stat: ((p: string, ...rest: unknown[]) => (real.stat as (...a: unknown[]) => unknown)(found(p), ...rest)) as typeof real.stat,
    readdir: ((p: string, ...rest: unknown[]) => (real.readdir as (...a: unknown[]) => unknown)(found(p), ...rest)) as typeof real.readdir,
    mkdir: ((p: string, ...rest: unknown[]) => (real.mkdir as (...a: unknown[]) => unknown)(found(p), ...rest)) as typeof real.mkdir,
    rm: ((p: string, ...rest: unknown[]) => (real.rm as (...a: unknown[]) => unknown)(found(p), ...rest)) as typeof real.rm,
    unlink: ((p: string) => real.unlink(found(p))) as typeof real.unlink,
    writeFile: (async (p: string, data: string | Uint8Array, ...rest: unknown[]) => {
      if (disk.cutWrites) {
        // The job killed (or the disk full) halfway through the write.
        await real.writeFile(found(p), typeof data === 'string' ? data.slice(0, Math.floor(data.length / 2)) : data);
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      }
      return (real.writeFile as (...a: unknown[]) => Promise<void>)(found(p), data, ...rest);
    }) as typeof real.writeFile,
    rename: (async (from: string, to: string) => {
      // A rename to a name that differs only in case renames the file; onto another file, replaces it.
      const source = found(from);
      const target = found(to);
      if (target !== source) await real.rm(target, { force: true });
      return real.rename(source, path.join(found(path.dirname(to)), path.basename(to)));
    }) as typeof real.rename,
  };
  return { ...fs, default: fs };
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gatehouse-write-backup-'));
});
afterEach(() => {
  disk.caseInsensitiveUnder = null;
  disk.cutWrites = false;
  rmSync(dir, { recursive: true, force: true });
});

const policy = (displayName: string, state = 'enabled'): JsonObject => ({
  id: 'ca1',
  displayName,
  state,
  conditions: { users: { includeUsers: ['All'] } },
});
const tenant = (policies: JsonObject[], at = '2026-11-30T12:00:00Z') =>
  createBundle({ policies, namedLocations: [], authenticationStrengths: [], authenticationContexts: [], termsOfUse: [] }, [], {
    tenantId: 't-1',
    tenantName: 'Contoso',
    capturedAt: new Date(at),
  });

/** Every file under `folder`, by its path there, with its text. */
const filesIn = (folder: string): Record<string, string> =>
  Object.fromEntries(
    readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => {
        const full = join(e.parentPath, e.name);
        return [relative(folder, full).split(sep).join('/'), readFileSync(full, 'utf8')];
      }),
  );

describe('a policy renamed only in case, on a disk that ignores case (Windows, macOS)', () => {
  it('keeps its file, under the new name, and the backup reads back whole', async () => {
    disk.caseInsensitiveUnder = dir;
    const ca = join(dir, 'ca');
    await writeBackup(await tenant([policy('Block legacy auth')]), ca);
    expect(readdirSync(join(ca, 'policies'))).toEqual(['Block-legacy-auth.json']);

    const result = await writeBackup(await tenant([policy('Block Legacy Auth')], '2026-12-01T12:00:00Z'), ca);

    expect(result).toMatchObject({ changed: true });
    expect(readdirSync(join(ca, 'policies'))).toEqual(['Block-Legacy-Auth.json']);
    const back = await readBackup(ca);
    expect(back.lost).toEqual([]);
    expect(back.bundle.policies.map((p) => p.displayName)).toEqual(['Block Legacy Auth']);
  });

  it('on a disk that tells case apart, leaves one file, under the new name', async () => {
    const ca = join(dir, 'ca');
    await writeBackup(await tenant([policy('Block legacy auth')]), ca);
    await writeBackup(await tenant([policy('Block Legacy Auth')], '2026-12-01T12:00:00Z'), ca);

    expect(readdirSync(join(ca, 'policies'))).toEqual(['Block-Legacy-Auth.json']);
    expect((await readBackup(ca)).bundle.policies.map((p) => p.displayName)).toEqual(['Block Legacy Auth']);
  });
});

describe('a backup folder checked out with CRLF line endings (git on Windows, core.autocrlf=true)', () => {
  const toCrlf = (folder: string) => {
    for (const [path, text] of Object.entries(filesIn(folder))) writeFileSync(join(folder, path), text.replace(/\n/g, '\r\n'));
  };

  it('an unchanged tenant touches no file: the manifest keeps its time', async () => {
    const ca = join(dir, 'ca');
    await writeBackup(await tenant([policy('CA001: Require MFA')]), ca);
    toCrlf(ca);
    const before = filesIn(ca);

    const result = await writeBackup(await tenant([policy('CA001: Require MFA')], '2026-12-01T12:00:00Z'), ca);

    expect(result).toEqual({ changed: false });
    expect(filesIn(ca)).toEqual(before);
  });

  it('a changed policy rewrites its own file only', async () => {
    const ca = join(dir, 'ca');
    await writeBackup(await tenant([policy('CA001: Require MFA'), { ...policy('CA002: Block legacy'), id: 'ca2' }]), ca);
    toCrlf(ca);
    const before = filesIn(ca);

    const result = await writeBackup(
      await tenant([policy('CA001: Require MFA', 'disabled'), { ...policy('CA002: Block legacy'), id: 'ca2' }], '2026-12-01T12:00:00Z'),
      ca,
    );

    expect(result).toEqual({ changed: true, written: 2, removed: 0 });
    const after = filesIn(ca);
    const rewritten = Object.keys(after).filter((path) => after[path] !== before[path]);
    expect(rewritten.sort()).toEqual(['manifest.json', 'policies/CA001-Require-MFA.json']);
  });

  it('the same holds for one .json bundle', async () => {
    const file = join(dir, 'ca.json');
    await writeBackup(await tenant([policy('CA001: Require MFA')]), file);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n/g, '\r\n'));
    const before = readFileSync(file, 'utf8');

    expect(await writeBackup(await tenant([policy('CA001: Require MFA')], '2026-12-01T12:00:00Z'), file)).toEqual({ changed: false });
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});

describe('a .json bundle whose write is cut off (the job killed, the disk full)', () => {
  it('leaves the previous backup whole, and no half file beside it', async () => {
    const file = join(dir, 'ca.json');
    await writeBackup(await tenant([policy('CA001: Require MFA')]), file);
    const before = readFileSync(file, 'utf8');

    disk.cutWrites = true;
    await expect(writeBackup(await tenant([policy('CA001: Require MFA', 'disabled')], '2026-12-01T12:00:00Z'), file)).rejects.toThrow(
      /ENOSPC/,
    );
    disk.cutWrites = false;

    expect(readFileSync(file, 'utf8')).toBe(before);
    expect((await readBackup(file)).bundle.policies.map((p) => p.state)).toEqual(['enabled']);
    expect(readdirSync(dirname(file))).toEqual([basename(file)]);
  });
});

describe('a backup folder whose write is cut off', () => {
  it('leaves no half file: the policy file and the manifest are the previous backup’s, which reads back whole', async () => {
    const ca = join(dir, 'ca');
    await writeBackup(await tenant([policy('CA001: Require MFA')]), ca);
    const before = filesIn(ca);

    disk.cutWrites = true;
    await expect(writeBackup(await tenant([policy('CA001: Require MFA', 'disabled')], '2026-12-01T12:00:00Z'), ca)).rejects.toThrow(
      /ENOSPC/,
    );
    disk.cutWrites = false;

    expect(filesIn(ca)).toEqual(before);
    expect((await readBackup(ca)).bundle.policies.map((p) => p.state)).toEqual(['enabled']);
  });
});
