// `gatehouse rollout watch` as a pipeline runs it (a real process, the emulator and the local identity provider),
// given an --out it cannot write: a folder is refused before any sign-in (no token is asked for, so no Graph
// read), with the words and exit code whatif and impact say it with; a file in a folder not made yet is still
// written there, after the reads.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contosoDirectory as d } from '../../emulator/seed/contoso';
import { cliWorldForFile, secret } from './cli-world-for-file';

const world = cliWorldForFile();

const startedAt = new Date().toISOString();
const plan = {
  policyId: 'a-policy-not-in-the-tenant',
  policyName: 'Block Linux',
  copyId: 'a-copy-not-in-the-tenant',
  stateBefore: 'enabled',
  frozen: null,
  rings: [{ key: 'ring-1', group: { id: d.group('Finance'), name: 'Finance', created: false }, state: 'active', startedAt }],
  thresholds: { maxBlockedPercent: 10, maxInterruptedPercent: null, minSignIns: 1 },
  status: 'running',
  pending: null,
  events: [],
  createdAt: startedAt,
};

describe('rollout watch with an --out that names a folder', () => {
  it('is refused before signing in (no token asked for), exit 2, and nothing is written in it', async () => {
    writeFileSync(join(world.dir, 'rollout.json'), JSON.stringify([plan]));
    mkdirSync(join(world.dir, 'reports'), { recursive: true });
    const before = world.requests.length;
    const result = await world.gatehouse(['rollout', 'watch', '--plan', 'rollout.json', '--out', 'reports'], secret);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toBe("gatehouse rollout: --out reports is a folder: give a file's name.\n");
    expect(result.stdout).toBe('');
    expect(world.requests.length, 'no sign-in before --out is checked').toBe(before);
    expect(readdirSync(join(world.dir, 'reports'))).toEqual([]);
  }, 120_000);

  it('a file in a folder not made yet is still written, after the reads', async () => {
    writeFileSync(join(world.dir, 'rollout.json'), JSON.stringify([plan]));
    const before = world.requests.length;
    const result = await world.gatehouse(['rollout', 'watch', '--plan', 'rollout.json', '--out', 'later/gate.txt'], secret);
    // No sign-in yet since the ring started: the gate waits (exit 1), and says so in the file.
    expect(result.code, result.stderr).toBe(1);
    expect(world.requests.length).toBeGreaterThan(before);
    expect(result.stderr).toContain('Written to later/gate.txt.');
    expect(readFileSync(join(world.dir, 'later/gate.txt'), 'utf8')).toContain("Rollout of 'Block Linux'");
  }, 120_000);
});
