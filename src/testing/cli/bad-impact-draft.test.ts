// `gatehouse impact` with a draft it cannot use, as a pipeline runs it (a real process, the emulator
// and the local identity provider): a draft file that is missing, not JSON or not a policy is said
// before any sign-in (no token is asked for, so no Graph read), with exit 2; a good draft still
// signs in and is placed among the tenant's policies.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliWorldForFile, secret } from './cli-world-for-file';

const world = cliWorldForFile();

describe('gatehouse impact with a bad --draft', () => {
  it('says what is wrong with the draft before signing in (no token asked for), exit 2', async () => {
    writeFileSync(join(world.dir, 'broken.json'), '{ "displayName": "CA001", ');
    writeFileSync(join(world.dir, 'scenarios.json'), JSON.stringify([{ id: 's-1' }]));
    for (const [draft, words] of [
      ['missing.json', 'gatehouse impact: Could not read the draft missing.json: no such file.\n'],
      ['broken.json', /^gatehouse impact: broken\.json.*line 1/],
      [
        'scenarios.json',
        'gatehouse impact: scenarios.json is not a Conditional Access policy (no conditions.users): give one policy as Graph returns it.\n',
      ],
    ] as const) {
      const before = world.requests.length;
      const result = await world.gatehouse(['impact', '--draft', draft], secret);
      expect(result.code, result.stderr).toBe(2);
      if (typeof words === 'string') expect(result.stderr).toBe(words);
      else expect(result.stderr).toMatch(words);
      expect(result.stdout).toBe('');
      expect(world.requests.length, `${draft}: no sign-in before the draft is checked`).toBe(before);
    }
  }, 120_000);

  it('signs in for a good draft, and places it among the tenant’s policies after', async () => {
    writeFileSync(
      join(world.dir, 'nobody.json'),
      JSON.stringify({
        displayName: 'Block nobody',
        state: 'enabled',
        conditions: { users: { includeUsers: ['None'] }, applications: { includeApplications: ['All'] }, clientAppTypes: ['all'] },
        grantControls: { operator: 'OR', builtInControls: ['block'] },
      }),
    );
    const before = world.requests.length;
    const result = await world.gatehouse(['impact', '--draft', 'nobody.json'], secret);
    expect(result.code, result.stderr).toBe(0);
    expect(world.requests.length).toBeGreaterThan(before);
    expect(result.stdout).toContain("the new policy 'Block nobody' (nobody.json)");
  }, 120_000);
});
