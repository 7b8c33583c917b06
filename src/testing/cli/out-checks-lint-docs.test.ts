// lint and docs, reading the tenant, given an --out that cannot be written (a folder, or a file where a
// folder of its path should be): refused before any sign-in (no token asked for, no Graph read), exit 2,
// in the words the write would say; before, they read the whole tenant and failed at the end.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOD_SECRET, startCliWorld, type CliWorld } from './cli-world';

let world: CliWorld;
beforeAll(async () => {
  world = await startCliWorld();
  writeFileSync(join(world.dir, 'notes.txt'), 'the team’s notes, not a folder');
  mkdirSync(join(world.dir, 'reports'));
}, 120_000);
afterAll(async () => world?.close());

describe('lint and docs --out, checked before signing in', () => {
  it.each([
    [['lint', '--out', 'notes.txt/lint.txt'], 'Cannot write into notes.txt: it is a file, not a folder (check --out).'],
    [['lint', '--format', 'sarif', '--out', 'reports'], "--out reports is a folder: give a file's name."],
    [['docs', '--out', 'notes.txt/ca.md'], 'Cannot write into notes.txt: it is a file, not a folder (check --out).'],
    [['docs', '--format', 'html', '--out', 'reports'], "--out reports is a folder: give a file's name."],
  ])(
    '%j is refused before any request',
    async (args, words) => {
      const before = world.requests.length;
      const result = await world.gatehouse(args, { AZURE_CLIENT_SECRET: GOOD_SECRET });
      expect(result.stderr).toBe(`gatehouse ${args[0]}: ${words}\n`);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(world.requests.length, 'no sign-in, no Graph read').toBe(before);
    },
    60_000,
  );
});
