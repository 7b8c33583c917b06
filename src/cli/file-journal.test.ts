// The run journal apply keeps beside the plan: a job killed (or a disk full) while it is being written
// must not leave half a file, which the next apply, meant to resume, would refuse as not valid JSON.
import type * as Fs from 'node:fs';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fileJournal } from './file-journal';

const disk = vi.hoisted(() => ({ cutWrites: false }));

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof Fs>();
  const writeFileSync = ((path: Fs.PathOrFileDescriptor, data: string | NodeJS.ArrayBufferView, ...rest: unknown[]) => {
    if (disk.cutWrites && typeof data === 'string') {
      // The job killed halfway through the write.
      real.writeFileSync(path, data.slice(0, Math.floor(data.length / 2)));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    }
    return (real.writeFileSync as (...a: unknown[]) => void)(path, data, ...rest);
  }) as typeof real.writeFileSync;
  const fs = { ...real, writeFileSync };
  return { ...fs, default: fs };
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gatehouse-journal-'));
});
afterEach(() => {
  disk.cutWrites = false;
  rmSync(dir, { recursive: true, force: true });
});

describe('a run journal whose write is cut off', () => {
  it('still reads as it was before: the run resumes from its last step, and no half file is left beside it', () => {
    const path = join(dir, 'plan.json.run.json');
    const journal = fileJournal(path);
    journal.save('t-1.abc', { step: 1 });

    disk.cutWrites = true;
    expect(() => journal.save('t-1.abc', { step: 2 })).toThrow(/ENOSPC/);
    disk.cutWrites = false;

    expect(fileJournal(path).load('t-1.abc')).toEqual({ step: 1 });
    expect(readdirSync(dir)).toEqual([basename(path)]);
  });

  it('a journal holding two runs, one cleared while cut off, keeps both', () => {
    const path = join(dir, 'plan.json.run.json');
    const journal = fileJournal(path);
    journal.save('t-1.abc', { step: 1 });
    journal.save('t-2.abc', { step: 3 });

    disk.cutWrites = true;
    expect(() => journal.clear('t-1.abc')).toThrow(/ENOSPC/);
    disk.cutWrites = false;

    expect(fileJournal(path).load('t-1.abc')).toEqual({ step: 1 });
    expect(fileJournal(path).load('t-2.abc')).toEqual({ step: 3 });
  });
});
