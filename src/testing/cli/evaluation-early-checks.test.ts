// The evaluation commands as a pipeline runs them (a real process, the emulator and the local identity
// provider), given a file they cannot use: whatif's --draft that is missing, not JSON or not a policy is
// said before any sign-in (no token is asked for, so no Graph read), with the words and exit code impact
// says them with; a good draft still signs in and is placed among the tenant's policies. An --out naming a
// folder is refused before any sign-in too (whatif and impact), as plan's is; one in a folder not made
// yet is still written there.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contosoDirectory as d } from '../../emulator/seed/contoso';
import { cliWorldForFile, secret } from './cli-world-for-file';

const world = cliWorldForFile();

const write = (name: string, value: unknown) =>
  writeFileSync(join(world.dir, name), typeof value === 'string' ? value : `${JSON.stringify(value, null, 2)}\n`);

const suite = {
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
};
const blockNobody = {
  displayName: 'Block nobody',
  state: 'enabled',
  conditions: { users: { includeUsers: ['None'] }, applications: { includeApplications: ['All'] }, clientAppTypes: ['all'] },
  grantControls: { operator: 'OR', builtInControls: ['block'] },
};

describe('gatehouse whatif with a bad --draft', () => {
  it('says what is wrong with the draft before signing in (no token asked for), exit 2, as impact does', async () => {
    write('scenarios.json', suite);
    write('nobody.json', blockNobody);
    write('broken.json', '{ "displayName": "CA001", ');
    for (const [draft, words] of [
      ['missing.json', 'Could not read the draft missing.json: no such file.\n'],
      ['broken.json', /^broken\.json.*line 1/],
      ['scenarios.json', 'scenarios.json is not a Conditional Access policy (no conditions.users): give one policy as Graph returns it.\n'],
    ] as const) {
      for (const command of ['whatif', 'impact']) {
        const before = world.requests.length;
        // A good draft before the bad one: the bad one is still found before any sign-in.
        const args =
          command === 'whatif'
            ? ['whatif', '--suite', 'scenarios.json', '--draft', 'nobody.json', '--draft', draft]
            : ['impact', '--draft', draft];
        const result = await world.gatehouse(args, secret);
        expect(result.code, `${command} ${draft}: ${result.stderr}`).toBe(2);
        const said = result.stderr.replace(`gatehouse ${command}: `, '');
        if (typeof words === 'string') expect(said, command).toBe(words);
        else expect(said, command).toMatch(words);
        expect(result.stdout).toBe('');
        expect(world.requests.length, `${command} ${draft}: no sign-in before the draft is checked`).toBe(before);
      }
    }
  }, 120_000);

  it('signs in for good drafts, and places them among the tenant’s policies after', async () => {
    write('scenarios.json', suite);
    write('nobody.json', blockNobody);
    const before = world.requests.length;
    const result = await world.gatehouse(['whatif', '--suite', 'scenarios.json', '--draft', 'nobody.json'], secret);
    expect(result.code, result.stderr).toBe(0);
    expect(world.requests.length).toBeGreaterThan(before);
    expect(result.stdout).toContain("What if, with the new policy 'Block nobody' (nobody.json): 1 scenario(s) from scenarios.json");
  }, 120_000);
});

describe('whatif and impact with an --out that names a folder', () => {
  it('is refused before signing in (no token asked for), exit 2, and nothing is written in it', async () => {
    write('scenarios.json', suite);
    write('nobody.json', blockNobody);
    mkdirSync(join(world.dir, 'reports'), { recursive: true });
    for (const args of [
      ['whatif', '--suite', 'scenarios.json', '--out', 'reports'],
      ['impact', '--draft', 'nobody.json', '--format', 'json', '--out', 'reports'],
    ]) {
      const before = world.requests.length;
      const result = await world.gatehouse(args, secret);
      expect(result.code, `${args[0]}: ${result.stderr}`).toBe(2);
      expect(result.stderr).toBe(`gatehouse ${args[0]}: --out reports is a folder: give a file's name.\n`);
      expect(world.requests.length, `${args[0]}: no sign-in before --out is checked`).toBe(before);
    }
    expect(readdirSync(join(world.dir, 'reports'))).toEqual([]);
  }, 120_000);

  it('a file in a folder not made yet is still written, after the reads', async () => {
    write('scenarios.json', suite);
    const result = await world.gatehouse(['whatif', '--suite', 'scenarios.json', '--out', 'later/whatif.txt'], secret);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('Written to later/whatif.txt.');
    expect(readFileSync(join(world.dir, 'later/whatif.txt'), 'utf8')).toContain('What if, with the saved policies: 1 scenario(s)');
  }, 120_000);
});
