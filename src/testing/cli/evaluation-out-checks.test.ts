// The commands that write to --out, as a pipeline runs them (a real process, the emulator and the local
// identity provider), given an --out with a file where a folder of its path should be (notes.txt/x.md,
// notes.txt a file): refused before any sign-in (no token is asked for, so no Graph read), exit 2, in the
// words the write says it with; before, they signed in and read the whole tenant, then failed at the write.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contosoDirectory as d } from '../../emulator/seed/contoso';
import { cliWorldForFile, secret } from './cli-world-for-file';

const world = cliWorldForFile();

const write = (name: string, value: unknown) =>
  writeFileSync(join(world.dir, name), typeof value === 'string' ? value : `${JSON.stringify(value, null, 2)}\n`);

const startedAt = new Date().toISOString();

describe('--out with a file where a folder should be', () => {
  it('is refused before signing in (no token asked for), exit 2, by every command that writes one', async () => {
    write('notes.txt', 'the team’s notes, not a folder');
    write('scenarios.json', {
      format: 'gatehouse.what-if-scenarios',
      version: 1,
      scenarios: [
        {
          id: 's-1',
          name: 'Grace reads mail',
          identity: { kind: 'user', id: d.user('Grace Kim'), name: 'Grace Kim' },
          target: { kind: 'application', appId: '00000002-0000-0ff1-ce00-000000000000', name: 'Office 365 Exchange Online' },
          conditions: { devicePlatform: 'iOS', clientAppType: 'browser', ipAddress: '198.51.100.7', country: 'NL' },
        },
      ],
    });
    write('nobody.json', {
      displayName: 'Block nobody',
      state: 'enabled',
      conditions: { users: { includeUsers: ['None'] }, applications: { includeApplications: ['All'] }, clientAppTypes: ['all'] },
      grantControls: { operator: 'OR', builtInControls: ['block'] },
    });
    write('rollout.json', [
      {
        policyId: 'a-policy',
        policyName: 'Block Linux',
        copyId: 'a-copy',
        stateBefore: 'enabled',
        frozen: null,
        rings: [{ key: 'ring-1', group: { id: d.group('Finance'), name: 'Finance', created: false }, state: 'active', startedAt }],
        thresholds: { maxBlockedPercent: 10, maxInterruptedPercent: null, minSignIns: 1 },
        status: 'running',
        pending: null,
        events: [],
        createdAt: startedAt,
      },
    ]);
    const files = readdirSync(world.dir).sort();
    for (const [args, words] of [
      [['whatif', '--suite', 'scenarios.json', '--out', 'notes.txt/whatif.md'], 'Cannot write into notes.txt'],
      [['impact', '--draft', 'nobody.json', '--out', 'notes.txt/impact.md'], 'Cannot write into notes.txt'],
      [['rollout', 'watch', '--plan', 'rollout.json', '--out', 'notes.txt/gate.md'], 'Cannot write into notes.txt'],
      [['backup', '--out', 'notes.txt/ca.json'], 'Cannot write into notes.txt'],
      [['backup', '--out', 'notes.txt/ca'], 'Cannot make the folder notes.txt/ca'],
      [['plan', 'ca', '--out', 'notes.txt/2026/plan.json'], 'Cannot make the folder notes.txt/2026'],
    ] as const) {
      const before = world.requests.length;
      const result = await world.gatehouse([...args], secret);
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(2);
      const tail = words.startsWith('Cannot write')
        ? ': it is a file, not a folder (check --out).'
        : ': notes.txt is a file, not a folder.';
      expect(result.stderr).toBe(`gatehouse ${args[0]}: ${words}${tail}\n`);
      expect(result.stdout).toBe('');
      expect(world.requests.length, `${args[0]}: no sign-in before --out is checked`).toBe(before);
    }
    expect(readdirSync(world.dir).sort()).toEqual(files);
  }, 120_000);
});
