// `gatehouse whatif` when a scenario's outcome is not certain: a policy that may apply (it needs an
// address the scenario does not give) could change it, so whether the scenario gets what is expected
// cannot be told. That is not a pass: the line says "CANNOT TELL" and the run exits 2.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contosoDirectory as d } from '../../emulator/seed/contoso';
import { BLOCK_OUTSIDE_TRUSTED } from './block-outside-trusted';
import { cliWorldForFile, secret } from './cli-world-for-file';

const EXCHANGE = '00000002-0000-0ff1-ce00-000000000000';
const KOFI = d.user('Kofi Mensah');

const world = cliWorldForFile();

const write = (name: string, value: unknown) => writeFileSync(join(world.dir, name), `${JSON.stringify(value, null, 2)}\n`);

const kofi = (conditions: object) => ({
  id: 's-kofi',
  name: 'Kofi reads mail',
  identity: { kind: 'user', id: KOFI, name: 'Kofi Mensah' },
  target: { kind: 'application', appId: EXCHANGE, name: 'Office 365 Exchange Online' },
  conditions: { devicePlatform: 'iOS', clientAppType: 'browser', ...conditions },
  expected: 'controls',
});

describe('gatehouse whatif, an outcome that is not certain', () => {
  it('does not pass: the scenario is marked CANNOT TELL, the summary says so, and the run exits 2', async () => {
    write('nowhere.json', { format: 'gatehouse.what-if-scenarios', version: 1, scenarios: [kofi({})] });
    write('block-outside.json', BLOCK_OUTSIDE_TRUSTED);

    const run = await world.gatehouse(['whatif', '--suite', 'nowhere.json', '--draft', 'block-outside.json'], secret);

    expect(run.stdout).toMatch(
      /^\?{4} Kofi reads mail: .*\(not certain: .*\)\..* Expected asked for a control: CANNOT TELL \(the outcome is not certain\)\.$/m,
    );
    expect(run.stdout).toContain('For 1 scenario it cannot be told whether it gets what is expected: its outcome is not certain.');
    expect(run.stderr).toContain('nowhere.json: for 1 scenario it cannot be told whether the expected outcome is met');
    expect(run.code, run.stderr).toBe(2);
  }, 120_000);

  it('tells with the MFA trusted IPs said, as the console does once Settings has them: the address among them is trusted', async () => {
    write('trusted-ip.json', {
      format: 'gatehouse.what-if-scenarios',
      version: 1,
      scenarios: [kofi({ ipAddress: '192.0.2.44', country: 'NL' })],
    });
    write('block-outside.json', BLOCK_OUTSIDE_TRUSTED);

    const unsaid = await world.gatehouse(['whatif', '--suite', 'trusted-ip.json', '--draft', 'block-outside.json'], secret);
    expect(unsaid.stdout).toMatch(/^\?{4} Kofi reads mail: .*needs the MFA trusted IPs/m);
    expect(unsaid.code, unsaid.stderr).toBe(2);

    const said = ['whatif', '--suite', 'trusted-ip.json', '--draft', 'block-outside.json', '--mfa-trusted-ips', '192.0.2.0/24'];
    const trusted = await world.gatehouse(said, secret);
    expect(trusted.stdout).toMatch(/^ok {3}Kofi reads mail: Requires multifactor authentication .* Expected asked for a control: met\.$/m);
    expect(trusted.stdout).not.toContain('not certain');
    expect(trusted.code, trusted.stderr).toBe(0);
  }, 120_000);

  it('refuses MFA trusted IPs that are not ranges before signing in', async () => {
    const run = await world.gatehouse(['whatif', '--suite', 'trusted-ip.json', '--mfa-trusted-ips', '192.0.2.0/33'], secret);
    expect(run.stderr).toContain("--mfa-trusted-ips: '192.0.2.0/33': the prefix length of an IPv4 range is 0 to 32.");
    expect(run.code).toBe(2);
  }, 60_000);

  it('tells a workload identity scenario on the tenant’s own service principals, reading the workload as the What if page does', async () => {
    write('workload.json', {
      format: 'gatehouse.what-if-scenarios',
      version: 1,
      scenarios: [
        {
          id: 's-payroll',
          name: 'Payroll sync calls Graph',
          identity: { kind: 'servicePrincipal', id: d.servicePrincipal('Contoso Payroll Sync'), name: 'Contoso Payroll Sync' },
          target: { kind: 'application', appId: EXCHANGE, name: 'Office 365 Exchange Online' },
          conditions: { ipAddress: '198.51.100.7', country: 'NL' },
          expected: 'block',
        },
      ],
    });
    write('block-our-workloads.json', {
      displayName: 'Block our workloads',
      state: 'enabled',
      conditions: {
        users: { includeUsers: ['None'] },
        clientApplications: { includeServicePrincipals: ['ServicePrincipalsInMyTenant'] },
        applications: { includeApplications: ['All'] },
        clientAppTypes: ['all'],
      },
      grantControls: { operator: 'OR', builtInControls: ['block'] },
    });

    const run = await world.gatehouse(['whatif', '--suite', 'workload.json', '--draft', 'block-our-workloads.json'], secret);

    expect(run.stdout).toMatch(/^ok {3}Payroll sync calls Graph: Blocked by Block our workloads.* Expected blocked: met\.$/m);
    expect(run.code, run.stderr).toBe(0);
  }, 120_000);
});
