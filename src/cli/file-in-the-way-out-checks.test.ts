// An --out with a file where a folder of its path should be (notes.txt/x.md, notes.txt a file): every
// command that checks its --out before signing in (plan, backup, whatif, impact, rollout watch) refuses it
// there, in the words the write says it with (exit 2), not after the tenant's reads. A folder not made yet
// is still accepted: the write makes it.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBundle } from '../domain/bundle/bundle';
import { fileErrorWords } from './file-errors';
import { writeOutputFile } from './files';
import { runInProcess } from './run-in-process';
import { writeBackup } from './write-backup';

const plan = {
  policyId: 'ca1',
  policyName: 'CA001: Require MFA',
  copyId: 'ca1-copy',
  stateBefore: 'enabled',
  frozen: null,
  rings: [{ key: 'ring-1', group: { id: 'g1', name: 'Ring 1', created: false }, state: 'active', startedAt: '2026-11-30T12:00:00Z' }],
  thresholds: { maxBlockedPercent: 10, maxInterruptedPercent: null, minSignIns: 1 },
  status: 'running',
  pending: null,
  events: [],
  createdAt: '2026-11-30T12:00:00Z',
};
const suite = {
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
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gatehouse-out-checks-'));
  writeFileSync(join(dir, 'notes.txt'), 'the team’s notes, not a folder');
  writeFileSync(join(dir, 'scenarios.json'), JSON.stringify(suite));
  writeFileSync(
    join(dir, 'nobody.json'),
    JSON.stringify({ displayName: 'Block nobody', conditions: { users: { includeUsers: ['None'] } } }),
  );
  writeFileSync(join(dir, 'rollout.json'), JSON.stringify([plan]));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const TENANT = '11111111-1111-4111-8111-111111111111';
const run = (args: string[]) => runInProcess([...args, '--tenant', TENANT], dir);
/** Each command, with what it needs read before its --out is checked. */
const commands = (out: string): string[][] => [
  ['plan', 'backup.json', '--out', `${out}.json`],
  ['backup', '--out', `${out}.json`],
  ['backup', '--out', out],
  ['whatif', '--suite', 'scenarios.json', '--out', `${out}.md`],
  ['impact', '--draft', 'nobody.json', '--out', `${out}.md`],
  ['rollout', 'watch', '--plan', 'rollout.json', '--out', `${out}.md`],
];

/** What the write says of it, after the reads (as the router says a failure: fileErrorWords). */
async function saidAtTheWrite(args: string[]): Promise<string> {
  const out = args[args.indexOf('--out') + 1]!;
  const bundle = await createBundle(
    { policies: [], namedLocations: [], authenticationStrengths: [], authenticationContexts: [], termsOfUse: [] },
    [],
    { tenantId: 't-1', tenantName: 'Contoso', capturedAt: new Date('2026-11-30T12:00:00Z') },
  );
  const write = args[0] === 'backup' ? writeBackup(bundle, join(dir, out)) : writeOutputFile(dir, out, 'output\n');
  return write.then(
    () => 'written',
    (error: unknown) => fileErrorWords(error, dir) ?? String(error),
  );
}

describe('--out with a file where a folder should be', () => {
  it.each(commands('notes.txt/x'))('is refused before signing in, as the write would say it: %s …', async (...args) => {
    const result = await run(args);
    expect(result.code, result.stderr).toBe(2);
    // backup into a folder: the folder itself is made, so it is the one named.
    const words =
      args[0] === 'backup' && !args.at(-1)!.endsWith('.json')
        ? 'Cannot make the folder notes.txt/x: notes.txt is a file, not a folder.'
        : 'Cannot write into notes.txt: it is a file, not a folder (check --out).';
    expect(result.stderr).toBe(`gatehouse ${args[0]}: ${words}\n`);
    expect(result.stderr).toBe(`gatehouse ${args[0]}: ${await saidAtTheWrite(args)}\n`);
  });

  it.each(commands('notes.txt/2026/x'))('further up the path, the file is named: %s …', async (...args) => {
    const result = await run(args);
    expect(result.code, result.stderr).toBe(2);
    const folder = args[0] === 'backup' && !args.at(-1)!.endsWith('.json') ? 'notes.txt/2026/x' : 'notes.txt/2026';
    expect(result.stderr).toBe(`gatehouse ${args[0]}: Cannot make the folder ${folder}: notes.txt is a file, not a folder.\n`);
    expect(result.stderr).toBe(`gatehouse ${args[0]}: ${await saidAtTheWrite(args)}\n`);
    expect(readdirSync(dir).sort()).toEqual(['nobody.json', 'notes.txt', 'rollout.json', 'scenarios.json']);
  });

  it.each(commands('reports/2026/x'))('a folder not made yet is still accepted (the write makes it): %s …', async (...args) => {
    const result = await run(args);
    // No client id is given in-process: past the checks, the plan's source (missing here) or the sign-in's question.
    expect(result.stderr).toMatch(args[0] === 'plan' ? /backup\.json/ : /Which application\? Give --client-id/);
    expect(result.stderr).not.toContain('not a folder');
  });
});
