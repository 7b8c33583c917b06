// The evaluation commands' files, given by a name relative to the folder the command was told to work in
// (io.cwd: a pipeline step's working folder, in-process tests), not to wherever the process started: a
// draft and a what-if suite are found there and named as given, as the tenants file or a plan are.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runInProcess } from '../run-in-process';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gatehouse-working-folder-'));
  writeFileSync(join(dir, 'broken.json'), '{ "displayName": "CA001", ');
  writeFileSync(
    join(dir, 'nobody.json'),
    JSON.stringify({ displayName: 'Block nobody', conditions: { users: { includeUsers: ['None'] } } }),
  );
  writeFileSync(
    join(dir, 'scenarios.json'),
    JSON.stringify({
      format: 'gatehouse.what-if-scenarios',
      version: 1,
      scenarios: [
        {
          id: 's-1',
          name: 'Grace reads mail',
          identity: { kind: 'user', id: 'grace', name: 'Grace' },
          target: { kind: 'application', appId: '00000002-0000-0ff1-ce00-000000000000', name: 'Exchange Online' },
          conditions: { devicePlatform: 'iOS', clientAppType: 'browser' },
        },
      ],
    }),
  );
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const TENANT = '11111111-1111-4111-8111-111111111111';
const run = (...args: string[]) => runInProcess([...args, '--tenant', TENANT], dir);

describe('--draft and --suite relative to the working folder', () => {
  it.each([
    ['impact', '--draft', 'broken.json'],
    ['whatif', '--suite', 'SUITE', '--draft', 'broken.json'],
    ['whatif', '--suite', 'scenarios.json', '--draft', 'broken.json'],
  ])('are read from it: %s … a broken draft there is said for what is wrong with it, named as given (exit 2)', async (...given) => {
    // SUITE: the suite by its full path, so only the draft is read relative to the working folder.
    const args = given.map((arg) => (arg === 'SUITE' ? join(dir, 'scenarios.json') : arg));
    const result = await run(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^gatehouse ${args[0]}: broken\\.json.*line 1`));
  });

  it.each([
    ['impact', '--draft', 'nobody.json'],
    ['whatif', '--suite', 'scenarios.json'],
    ['whatif', '--suite', 'scenarios.json', '--draft', 'nobody.json'],
  ])('good files there are read: %s … goes on to sign in', async (...args) => {
    const result = await run(...args);
    // No client id is given in-process: the first thing past the files is the sign-in's question.
    expect(result.stderr).toContain('Which application? Give --client-id');
    expect(result.stderr).not.toContain('Could not read');
  });
});
