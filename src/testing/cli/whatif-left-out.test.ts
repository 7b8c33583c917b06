// `gatehouse whatif` with a scenario the file holds but that cannot be run at all (no sign-in identity
// or no target, as a hand edit or a merge leaves it): like one whose IP address is not one, it is named
// and the run exits 2, so a pipeline does not read a suite that skipped it as a pass.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contosoDirectory as d } from '../../emulator/seed/contoso';
import { cliWorldForFile, secret } from './cli-world-for-file';

const EXCHANGE = '00000002-0000-0ff1-ce00-000000000000';
const KOFI = d.user('Kofi Mensah');

const world = cliWorldForFile();

const scenario = (id: string, name: string) => ({
  id,
  name,
  identity: { kind: 'user', id: KOFI, name: 'Kofi Mensah' },
  target: { kind: 'application', appId: EXCHANGE, name: 'Office 365 Exchange Online' },
  conditions: { devicePlatform: 'iOS', clientAppType: 'browser', ipAddress: '198.51.100.7', country: 'NL' },
  expected: 'controls',
});

describe('gatehouse whatif, a scenario left out', () => {
  it('with no target or no identity: the rest run, it is named, and the run exits 2', async () => {
    const { target: _target, ...noTarget } = scenario('s-no-target', 'Kofi, target lost in a merge');
    const { identity: _identity, ...noIdentity } = scenario('s-no-identity', 'Nobody signs in');
    writeFileSync(
      join(world.dir, 'left-out.json'),
      JSON.stringify({
        format: 'gatehouse.what-if-scenarios',
        version: 1,
        scenarios: [noTarget, scenario('s-fine', 'Kofi at home'), noIdentity],
      }),
    );

    const run = await world.gatehouse(['whatif', '--suite', 'left-out.json'], secret);

    expect(run.stdout).toMatch(/^ok {3}Kofi at home: /m);
    expect(run.stderr).toContain('left-out.json: “Kofi, target lost in a merge” has no sign-in identity or target: left out.');
    expect(run.stderr).toContain('left-out.json: “Nobody signs in” has no sign-in identity or target: left out.');
    expect(run.stderr).toContain(
      'left-out.json: 2 scenarios were left out (no sign-in identity or target, named above): correct the file.',
    );
    expect(run.code, run.stderr).toBe(2);
  }, 120_000);
});
