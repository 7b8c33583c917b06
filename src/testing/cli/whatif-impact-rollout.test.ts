// The evaluation commands as a pipeline runs them, against the emulator and the local identity
// provider: a what-if suite whose draft breaks one expectation exits 1 naming it; a draft's impact
// over sign-ins made now through the emulator's control names the user it newly blocks and the
// emergency account it would hit, and says so when the logs cannot be read; a rollout gate that
// pauses exits 1 with its reason, one that may advance exits 0.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contosoDirectory as d } from '../../emulator/seed/contoso';
import { ALL_READS } from './cli-world';
import { cliWorldForFile, secret } from './cli-world-for-file';

const EXCHANGE = '00000002-0000-0ff1-ce00-000000000000';
const KOFI = d.user('Kofi Mensah');
const BREAK_GLASS = d.user('Break Glass 01');

const world = cliWorldForFile();

const write = (name: string, value: unknown) => writeFileSync(join(world.dir, name), `${JSON.stringify(value, null, 2)}\n`);

async function signIns(facts: object[]) {
  const answer = await fetch(`${world.graphUrl}/_emulator/tenants/${world.tenantId}/sign-ins`, {
    method: 'POST',
    body: JSON.stringify(facts.map((f) => ({ createdDateTime: new Date().toISOString(), ...f }))),
  });
  expect(answer.status, await answer.text()).toBe(200);
}

async function policyId(prefix: string): Promise<string> {
  const answer = await fetch(`${world.graphUrl}/beta/identity/conditionalAccess/policies`, {
    headers: { authorization: `Bearer ${await world.adminToken()}` },
  });
  const { value } = (await answer.json()) as { value: { id: string; displayName: string }[] };
  return value.find((p) => p.displayName.startsWith(prefix))!.id;
}

const blockPolicy = (name: string, users: object) => ({
  displayName: name,
  state: 'enabled',
  conditions: { users, applications: { includeApplications: ['All'] }, clientAppTypes: ['all'] },
  grantControls: { operator: 'OR', builtInControls: ['block'] },
});

describe('gatehouse whatif', () => {
  it('runs the console’s suite: all expectations met exits 0; a draft that blocks one scenario’s user exits 1 naming it', async () => {
    const scenario = (id: string, user: string, name: string) => ({
      id,
      name,
      identity: { kind: 'user', id: user, name: user },
      target: { kind: 'application', appId: EXCHANGE, name: 'Office 365 Exchange Online' },
      conditions: { devicePlatform: 'iOS', clientAppType: 'browser', ipAddress: '198.51.100.7', country: 'NL' },
      expected: 'controls',
    });
    write('scenarios.json', {
      format: 'gatehouse.what-if-scenarios',
      version: 1,
      scenarios: [
        scenario('s-kofi', KOFI, 'Kofi reads mail on his phone'),
        scenario('s-grace', d.user('Grace Kim'), 'Grace reads mail'),
        // No address: the policies on locations cannot be decided, and the line says what they need in words
        // (no expectation: an uncertain outcome cannot meet one, see whatif-cannot-tell.test.ts).
        {
          ...scenario('s-where', d.user('Grace Kim'), 'Grace from an unknown place'),
          conditions: { devicePlatform: 'iOS', clientAppType: 'browser' },
          expected: undefined,
        },
      ],
    });
    write('block-kofi.json', blockPolicy('Block Kofi', { includeUsers: [KOFI] }));

    const saved = await world.gatehouse(['whatif', '--suite', 'scenarios.json'], secret);
    expect(saved.code, saved.stderr).toBe(0);
    expect(saved.stdout).toMatch(/^ok {3}Kofi reads mail on his phone: .+ Expected asked for a control: met\.$/m);
    expect(saved.stdout).toContain('No scenario changes (3 scenarios run).');
    expect(saved.stdout).toMatch(/^\S+ +Grace from an unknown place: .*\(not certain: [^)]* needs (Country, )?IP address[;)]/m);
    expect(saved.stdout).not.toMatch(/needs [^;)]*ipAddress/);

    const summary = join(world.dir, 'summary.md');
    writeFileSync(summary, '');
    const drafted = await world.gatehouse(['whatif', '--suite', 'scenarios.json', '--draft', 'block-kofi.json'], {
      ...secret,
      GITHUB_STEP_SUMMARY: summary,
    });
    expect(drafted.code, drafted.stderr).toBe(1);
    expect(drafted.stdout).toMatch(
      /^FAIL Kofi reads mail on his phone: Blocked by Block Kofi\. Newly blocked \(Block Kofi\)\. Expected asked for a control: NOT MET\.$/m,
    );
    expect(drafted.stdout).toMatch(
      /^ok {3}Grace reads mail: Requires multifactor authentication \(CA001: Require MFA for all users\)[^.]*\. Unchanged\. Expected asked for a control: met\.$/m,
    );
    expect(drafted.stdout).toContain('1 scenario changes: 1 newly blocked. 1 scenario no longer gets what is expected.');
    expect(readFileSync(summary, 'utf8')).toContain('| Kofi reads mail on his phone |');

    const json = await world.gatehouse(['whatif', '--suite', 'scenarios.json', '--draft', 'block-kofi.json', '--format', 'json'], secret);
    const report = JSON.parse(json.stdout) as { failing: number; scenarios: { id: string; result: { decision: string } }[] };
    expect(report.failing).toBe(1);
    expect(report.scenarios.find((s) => s.id === 's-kofi')!.result.decision).toBe('block');
  }, 180_000);

  it('does not run a scenario whose address is not one: the rest run, it is named, and the run exits 2', async () => {
    write('typo.json', {
      format: 'gatehouse.what-if-scenarios',
      version: 1,
      scenarios: [
        {
          id: 's-typo',
          name: 'Kofi with a typo',
          identity: { kind: 'user', id: KOFI, name: 'Kofi Mensah' },
          target: { kind: 'application', appId: EXCHANGE, name: 'Office 365 Exchange Online' },
          conditions: { devicePlatform: 'iOS', clientAppType: 'browser', ipAddress: '198.51.100.300', country: 'NL' },
          expected: 'controls',
        },
        {
          id: 's-fine',
          name: 'Kofi at home',
          identity: { kind: 'user', id: KOFI, name: 'Kofi Mensah' },
          target: { kind: 'application', appId: EXCHANGE, name: 'Office 365 Exchange Online' },
          conditions: { devicePlatform: 'iOS', clientAppType: 'browser', ipAddress: '198.51.100.7', country: 'NL' },
          expected: 'controls',
        },
      ],
    });
    const run = await world.gatehouse(['whatif', '--suite', 'typo.json'], secret);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stdout).toMatch(/^SKIP Kofi with a typo: not run: '198\.51\.100\.300' is not an IPv4 or IPv6 address/m);
    expect(run.stdout).toMatch(/^ok {3}Kofi at home: /m);
    expect(run.stdout).toContain('1 scenario not run (“Kofi with a typo”): its IP address is not one.');
    expect(run.stderr).toContain('typo.json: 1 scenario was not run (an IP address that is not one): correct the file.');

    const json = await world.gatehouse(['whatif', '--suite', 'typo.json', '--format', 'json'], secret);
    const report = JSON.parse(json.stdout) as { notRun: number; failing: number; scenarios: { id: string; notRun?: string }[] };
    expect(report).toMatchObject({ notRun: 1, failing: 0 });
    expect(report.scenarios.find((s) => s.id === 's-typo')!.notRun).toMatch(/is not an IPv4 or IPv6 address/);
  }, 120_000);
});

describe('gatehouse impact', () => {
  it('names the user a draft newly blocks in recent sign-ins, and an emergency account first', async () => {
    await signIns([
      {
        userId: KOFI,
        appId: EXCHANGE,
        ipAddress: '198.51.100.7',
        country: 'NL',
        authenticationMethods: ['password', 'microsoftAuthenticatorPush'],
      },
      { userId: BREAK_GLASS, appId: EXCHANGE, ipAddress: '198.51.100.9', country: 'NL' },
    ]);
    const blocked = await world.gatehouse(['impact', '--draft', 'block-kofi.json'], secret);
    expect(blocked.code, blocked.stderr).toBe(1);
    expect(blocked.stdout).toMatch(/^- \d+ sign-ins? newly blocked: 1 identity, \d+ applications?$/m);
    expect(blocked.stdout).toMatch(/^ {4}who: Kofi Mensah$/m);
    expect(blocked.stdout).toMatch(/^(The engine's agreement with the service|Not to be trusted): /m);

    write('block-everyone.json', blockPolicy('Block everyone', { includeUsers: ['All'] }));
    const emergency = await world.gatehouse(['impact', '--draft', 'block-everyone.json', '--emergency', BREAK_GLASS], secret);
    expect(emergency.code).toBe(1);
    expect(emergency.stdout.split('\n')[0]).toMatch(/^EMERGENCY ACCOUNT Break Glass 01 would be newly blocked in \d+ sign-ins?\.$/);

    write('nobody.json', blockPolicy('Block nobody', { includeUsers: ['None'] }));
    const nothing = await world.gatehouse(['impact', '--draft', 'nobody.json'], secret);
    expect(nothing.code, nothing.stderr).toBe(0);
    expect(nothing.stdout).toContain('nothing changes');
  }, 180_000);

  it('says so when the sign-in logs cannot be read: exit 2, or 0 with --allow-no-logs', async () => {
    const faults = (unlicensed: boolean) =>
      fetch(`${world.graphUrl}/_emulator/tenants/${world.tenantId}/faults`, { method: 'PATCH', body: JSON.stringify({ unlicensed }) });
    await faults(true);
    try {
      const refused = await world.gatehouse(['impact', '--draft', 'block-kofi.json'], secret);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('The impact could not be computed: The tenant’s licence does not include sign-in logs');
      const allowed = await world.gatehouse(['impact', '--draft', 'block-kofi.json', '--allow-no-logs'], secret);
      expect(allowed.code).toBe(0);
      expect(allowed.stderr).toContain('Going on, as --allow-no-logs asks.');
    } finally {
      await faults(false);
    }
  }, 120_000);

  it('--allow-no-logs also passes (exit 0, said in the job summary) when the application lacks AuditLog.Read.All; without it, the permission is named (exit 2)', async () => {
    world.roles = ['Policy.Read.All', 'Directory.Read.All', 'Agreement.Read.All'];
    try {
      const refused = await world.gatehouse(['impact', '--draft', 'block-kofi.json'], secret);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('lacks AuditLog.Read.All');
      const summary = join(world.dir, 'impact-summary.md');
      const allowed = await world.gatehouse(['impact', '--draft', 'block-kofi.json', '--allow-no-logs'], {
        ...secret,
        GITHUB_STEP_SUMMARY: summary,
      });
      expect(allowed.code, allowed.stderr).toBe(0);
      expect(allowed.stderr).toContain('The impact could not be computed: The token for');
      expect(allowed.stderr).toContain('lacks AuditLog.Read.All (the sign-in log (auditLogs/signIns)). Going on, as --allow-no-logs asks.');
      expect(readFileSync(summary, 'utf8')).toContain('Not computed: The token for');
    } finally {
      world.roles = [...ALL_READS];
    }
  }, 120_000);
});

describe('gatehouse rollout watch', () => {
  it('pauses (exit 1) when ring 1’s users are blocked above the threshold, and may advance (exit 0) when they are not', async () => {
    // CA006 (block outside the allowed countries, enabled) stands in for the enforced copy of ring 1.
    const ca006 = await policyId('CA006');
    const plan = (startedAt: string) => ({
      policyId: ca006,
      policyName: 'CA006: Block access from outside allowed countries',
      copyId: ca006,
      stateBefore: 'enabled',
      frozen: null,
      rings: [
        {
          key: 'ring-1',
          group: { id: d.group('CA - Service accounts'), name: 'CA - Service accounts', created: false },
          state: 'active',
          startedAt,
        },
        { key: 'ring-2', group: { id: d.group('Finance'), name: 'Finance', created: false }, state: 'waiting', startedAt: null },
      ],
      thresholds: { maxBlockedPercent: 10, maxInterruptedPercent: null, minSignIns: 1 },
      status: 'running',
      pending: null,
      events: [],
      createdAt: startedAt,
    });
    write('rollout.json', [plan(new Date(Date.now() - 1000).toISOString())]);
    await signIns([
      { userId: d.user('Sync Service Account'), appId: EXCHANGE, ipAddress: '198.51.100.7', country: 'NL' },
      { userId: d.user('Scanner Mailbox'), appId: EXCHANGE, ipAddress: '198.51.100.8', country: 'FR' },
    ]);
    const paused = await world.gatehouse(['rollout', 'watch', '--plan', 'rollout.json'], secret);
    expect(paused.code, paused.stderr).toBe(1);
    expect(paused.stdout).toContain("Rollout of 'CA006: Block access from outside allowed countries': Paused.");
    expect(paused.stdout).toContain('50 % of the rings’ sign-ins were blocked (1 of 2), above the 10 % allowed.');

    await new Promise((r) => setTimeout(r, 50));
    write('rollout-later.json', [plan(new Date().toISOString())]);
    await new Promise((r) => setTimeout(r, 50));
    await signIns([
      { userId: d.user('Sync Service Account'), appId: EXCHANGE, ipAddress: '198.51.100.7', country: 'NL' },
      { userId: d.user('Scanner Mailbox'), appId: EXCHANGE, ipAddress: '198.51.100.8', country: 'NL' },
    ]);
    const open = await world.gatehouse(['rollout', 'watch', '--plan', 'rollout-later.json', '--format', 'json'], secret);
    expect(open.code, open.stderr).toBe(0);
    const gate = JSON.parse(open.stdout) as { decision: string; copy: { signIns: number; blocked: number } };
    expect(gate).toMatchObject({ decision: 'advance', copy: { signIns: 2, blocked: 0 } });

    // The same plan kept in a backup folder (rollout-plans.json), beside another rollout: --policy picks it.
    expect((await world.gatehouse(['backup', '--out', 'kept'], secret)).code).toBe(0);
    const other = { ...plan(new Date().toISOString()), policyId: 'another-policy', policyName: 'Another rollout' };
    write('kept/rollout-plans.json', [JSON.parse(readFileSync(join(world.dir, 'rollout-later.json'), 'utf8'))[0], other]);
    const ambiguous = await world.gatehouse(['rollout', 'watch', '--plan', 'kept'], secret);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('2 rollouts under way: say which with --policy <id>.');
    const kept = await world.gatehouse(['rollout', 'watch', '--plan', 'kept', '--policy', ca006], secret);
    expect(kept.code, kept.stderr).toBe(0);
    expect(kept.stdout).toContain("Rollout of 'CA006: Block access from outside allowed countries': May advance.");

    // Any hit on an emergency account blocks advancing, whatever the share (Kofi stands in for one here).
    await signIns([{ userId: KOFI, appId: EXCHANGE, ipAddress: '198.51.100.9', country: 'FR' }]);
    const hit = await world.gatehouse(['rollout', 'watch', '--plan', 'rollout-later.json', '--emergency', KOFI], secret);
    expect(hit.code, hit.stderr).toBe(1);
    expect(hit.stdout).toContain(': Blocked: an emergency account was hit.');
    expect(hit.stdout).toContain('An emergency account was hit: Kofi Mensah, blocked by the copy.');
  }, 180_000);

  it('lists the permissions of the three commands', async () => {
    for (const command of ['whatif', 'impact', 'rollout']) {
      const run = await world.gatehouse(['permissions', command]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Policy.Read.All');
      expect(run.stdout).toContain('Directory.Read.All');
      if (command !== 'whatif') expect(run.stdout).toContain('AuditLog.Read.All');
    }
  }, 60_000);
});
