// `gatehouse impact` when a blocking draft cannot be evaluated for an emergency account's sign-ins
// (the draft blocks outside trusted locations, and the MFA trusted IPs are not said): the alert says
// in words that the account may be kept out, and the run fails (exit 1) as for a lock-out, since not
// knowing is no pass. With the MFA trusted IPs said and the address among them, it is told: no hit.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contosoDirectory as d } from '../../emulator/seed/contoso';
import { BLOCK_OUTSIDE_TRUSTED } from './block-outside-trusted';
import { cliWorldForFile, secret } from './cli-world-for-file';

const EXCHANGE = '00000002-0000-0ff1-ce00-000000000000';
const BREAK_GLASS = d.user('Break Glass 01');

const world = cliWorldForFile();

describe('gatehouse impact, an emergency account the blocking draft cannot be evaluated for', () => {
  it('says it may be kept out, in words, and exits 1', async () => {
    const answer = await fetch(`${world.graphUrl}/_emulator/tenants/${world.tenantId}/sign-ins`, {
      method: 'POST',
      body: JSON.stringify([
        { createdDateTime: new Date().toISOString(), userId: BREAK_GLASS, appId: EXCHANGE, ipAddress: '192.0.2.44', country: 'NL' },
      ]),
    });
    expect(answer.status, await answer.text()).toBe(200);
    writeFileSync(join(world.dir, 'block-untrusted.json'), JSON.stringify(BLOCK_OUTSIDE_TRUSTED));

    const run = await world.gatehouse(['impact', '--draft', 'block-untrusted.json', '--emergency', BREAK_GLASS], secret);

    expect(run.stdout.split('\n')[0]).toMatch(
      /^EMERGENCY ACCOUNT Break Glass 01 may be kept out or prompted \(the draft cannot be evaluated\) in \d+ sign-ins?\.$/,
    );
    expect(run.stdout).not.toContain('would be cannot be evaluated');
    expect(run.code, run.stderr).toBe(1);

    // The MFA trusted IPs said, the address among them: trusted, so the draft does not apply to it.
    const told = await world.gatehouse(
      ['impact', '--draft', 'block-untrusted.json', '--emergency', BREAK_GLASS, '--mfa-trusted-ips', '192.0.2.0/24'],
      secret,
    );
    expect(told.stdout, told.stderr).toMatch(/^Impact of the new policy .*Block outside trusted places/m);
    expect(told.stdout).not.toContain('EMERGENCY ACCOUNT');
  }, 180_000);
});
