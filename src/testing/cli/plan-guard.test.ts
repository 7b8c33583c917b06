// The plan's lock-out guard in an app-only run: no admin is signed in, so the emergency accounts
// named by --emergency are what it guards. A backup whose CA001 no longer excludes the emergency
// group would, once applied, ask Break Glass 01 for MFA: plan exits 1 naming the account and the
// key that confirms it; with that key it exits 0. Without --emergency it says the plan is unguarded.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contosoDirectory as d } from '../../emulator/seed/contoso';
import { cliWorldForFile, secret } from './cli-world-for-file';

const world = cliWorldForFile();

describe('gatehouse plan --emergency', () => {
  it('stops a plan that would lock out an emergency account, naming it, until confirmed', async () => {
    expect((await world.gatehouse(['backup', '--out', 'baseline'], secret)).code).toBe(0);
    const file = join(world.dir, 'baseline', 'policies', 'CA001-Require-MFA-for-all-users.json');
    const policy = JSON.parse(readFileSync(file, 'utf8')) as { conditions: { users: { excludeGroups: string[] } } };
    expect(policy.conditions.users.excludeGroups).toContain(d.group('CA - Emergency access accounts'));
    policy.conditions.users.excludeGroups = [];
    writeFileSync(file, `${JSON.stringify(policy, null, 2)}\n`);

    const unguarded = await world.gatehouse(['plan', 'baseline', '--out', 'plan.json'], secret);
    expect(unguarded.code, unguarded.stderr).toBe(0);
    expect(unguarded.stderr).toContain('No --emergency account given: the plan is not checked for lock-outs.');

    const guarded = await world.gatehouse(['plan', 'baseline', '--out', 'plan.json', '--emergency', d.user('Break Glass 01')], secret);
    expect(guarded.code, guarded.stderr).toBe(1);
    expect(guarded.stdout).toContain(
      'Could lock out Break Glass 01 (emergency access): It applies to all users and requires multifactor authentication.',
    );
    // Printed quoted for the shell; given here as the one argument the shell would pass.
    const key = /\[--confirm '(lockout:[^']+)'\]/.exec(guarded.stdout)![1]!;
    expect(key).toContain('Break Glass 01');

    // Applied anyway (a pipeline that goes on past plan's exit 1): refused before anything is read, with the next step.
    const hash = /^sha256 ([0-9a-f]{64})$/m.exec(guarded.stdout)?.[1];
    expect(hash, guarded.stdout).toBeDefined();
    const refused = await world.gatehouse(['apply', '--plan', 'plan.json', '--sha256', hash!], secret);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('plan.json cannot be applied: it was planned with a problem that stops it. Nothing was written.');
    expect(refused.stderr).toContain('check it, then plan again with the same options and its --confirm');
    expect(refused.stderr).toContain(`[--confirm '${key}']`);

    const confirmed = await world.gatehouse(
      ['plan', 'baseline', '--out', 'plan.json', '--emergency', d.user('Break Glass 01'), '--confirm', key],
      secret,
    );
    expect(confirmed.code, confirmed.stdout).toBe(0);

    // Named by its group, both accounts in it are guarded.
    const byGroup = await world.gatehouse(
      ['plan', 'baseline', '--out', 'plan.json', '--emergency', d.group('CA - Emergency access accounts')],
      secret,
    );
    expect(byGroup.code).toBe(1);
    expect(byGroup.stdout).toContain('Could lock out Break Glass 02 (emergency access, in CA - Emergency access accounts)');

    const unknown = await world.gatehouse(
      ['plan', 'baseline', '--out', 'plan.json', '--emergency', '00000000-0000-4000-8000-00000000dead'],
      secret,
    );
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("--emergency: the directory has no user or group '00000000-0000-4000-8000-00000000dead'.");
  }, 240_000);
});
