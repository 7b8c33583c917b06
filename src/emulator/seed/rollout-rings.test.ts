// The demo's rollout rings: groups the Rollout page can offer as rings whose members sign in, read as the
// console reads them (the group's transitive users, the sign-in log filtered by user), so a ring's gate
// has sign-ins to count. Graph's shapes: a plain security group, members answered as users.
import { describe, expect, it } from 'vitest';
import { testEmulator } from '../harness/test-emulator';
import { CONTOSO_TENANT_ID, contosoDirectory as d } from './contoso';
import { continueSignIns, LIVE_CATCH_UP_MS, LIVE_LOG_CAP, LIVE_SIGN_IN_EVERY_MS, SEEDED_SIGN_INS } from './sign-ins';

const RINGS = { 'Rollout ring 1 - IT pilot': 3, 'Rollout ring 2 - Early adopters': 5 };
const LOG_SCOPES = ['AuditLog.Read.All', 'Directory.Read.All'];

describe('the demo’s rollout rings', () => {
  for (const [name, size] of Object.entries(RINGS)) {
    it(`${name}: a security group of ${size} users, each with sign-ins in every day of the seeded week`, async () => {
      const { call, clock } = testEmulator();
      const group = (await (await call('GET', `/v1.0/groups/${d.group(name)}`)).json()) as Record<string, unknown>;
      expect(group).toMatchObject({ displayName: name, securityEnabled: true, mailEnabled: false, groupTypes: [] });

      const answer = await call('GET', `/v1.0/groups/${d.group(name)}/transitiveMembers/microsoft.graph.user?$select=id,displayName`);
      expect(answer.status).toBe(200);
      const members = ((await answer.json()) as { value: { '@odata.type': string; id: string; displayName: string }[] }).value;
      expect(members).toHaveLength(size);
      expect(members.every((m) => m['@odata.type'] === '#microsoft.graph.user')).toBe(true);
      expect(members.some((m) => /Break Glass|Ada Lindqvist/.test(m.displayName))).toBe(false);

      for (const member of members) {
        const log = await call('GET', `/beta/auditLogs/signIns?$filter=${encodeURIComponent(`userId eq '${member.id}'`)}`, {
          scopes: LOG_SCOPES,
        });
        expect(log.status, member.displayName).toBe(200);
        const signIns = ((await log.json()) as { value: { createdDateTime: string; appliedConditionalAccessPolicies: unknown[] }[] }).value;
        // Enough for a gate waiting for 20 sign-ins from three people, each decided against the policies.
        expect(signIns.length, member.displayName).toBeGreaterThan(30);
        expect(signIns.every((s) => s.appliedConditionalAccessPolicies.length > 0)).toBe(true);
        const days = new Set(signIns.map((s) => Math.floor((clock.now.getTime() - Date.parse(s.createdDateTime)) / 86_400_000)));
        expect([...days].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
      }
    });
  }
});

// A rollout's gate counts the rings' sign-ins since the ring started: the seeded week is all before that, so the demo
// keeps its people signing in, each sign-in decided against the policies of its moment (the rollout's copy included).
describe('the demo’s sign-ins after the seed', () => {
  it('come at the demo’s pace after the newest, ring members among them, decided against a copy made since', async () => {
    const { call, clock, emulator } = testEmulator();
    const tenant = emulator.state.tenants.find((t) => t.id === CONTOSO_TENANT_ID)!;
    const ring = d.group('Rollout ring 1 - IT pilot');
    const created = await call('POST', '/v1.0/identity/conditionalAccess/policies', {
      body: {
        displayName: 'CA001: Require MFA for all users [rollout]',
        state: 'enabled',
        conditions: { users: { includeGroups: [ring] }, applications: { includeApplications: ['All'] }, clientAppTypes: ['all'] },
        grantControls: { operator: 'OR', builtInControls: ['mfa'] },
      },
    });
    expect(created.status).toBe(201);
    const copy = ((await created.json()) as { id: string }).id;
    // The log brought up to the copy's creation (the newest seeded sign-in is some seconds or minutes before it).
    continueSignIns(tenant, clock.now);
    const started = clock.now.toISOString();

    clock.advance(20 * 60_000);
    expect(continueSignIns(tenant, clock.now)).toBe((20 * 60_000) / LIVE_SIGN_IN_EVERY_MS);
    // Brought up to now: asked again at the same moment, nothing more happens.
    expect(continueSignIns(tenant, clock.now)).toBe(0);

    type SignIn = { createdDateTime: string; appliedConditionalAccessPolicies: { id: string; result: string }[] };
    const signIns: SignIn[] = [];
    for (const member of ['Dev Patel', 'Elif Yilmaz', 'Kofi Mensah'].map(d.user)) {
      const filter = `createdDateTime ge ${started} and userId eq '${member}'`;
      const log = await call('GET', `/beta/auditLogs/signIns?$filter=${encodeURIComponent(filter)}`);
      expect(log.status, await log.clone().text()).toBe(200);
      signIns.push(...((await log.json()) as { value: SignIn[] }).value);
    }
    // About one in seven of the demo's sign-ins is a ring 1 member's: enough for a gate waiting for 20.
    expect(signIns.length).toBeGreaterThanOrEqual(20);
    expect(signIns.every((s) => s.createdDateTime >= started && s.createdDateTime <= clock.now.toISOString())).toBe(true);
    // Decided against the copy: applied to nearly all (not to the odd security-info registration, a user action).
    const byCopy = signIns.map((s) => s.appliedConditionalAccessPolicies.find((p) => p.id === copy)?.result);
    expect(byCopy.filter((result) => result === 'success' || result === 'failure').length).toBeGreaterThanOrEqual(20);
  });

  it('make up at most a while after a long pause, and none for a tenant without a log', () => {
    const { clock, emulator } = testEmulator();
    const contoso = emulator.state.tenants.find((t) => t.id === CONTOSO_TENANT_ID)!;
    const preprod = emulator.state.tenants.find((t) => t.id !== CONTOSO_TENANT_ID)!;
    clock.advance(3 * 86_400_000);
    expect(continueSignIns(contoso, clock.now)).toBe(LIVE_CATCH_UP_MS / LIVE_SIGN_IN_EVERY_MS);
    expect(continueSignIns(preprod, clock.now)).toBe(0);
    expect(preprod.signInLog).toBeUndefined();
  });

  it('keep the log within a bound (the demo saves it in localStorage): the oldest live ones go, the seeded week and the newest stay', () => {
    const { clock, emulator } = testEmulator();
    const contoso = emulator.state.tenants.find((t) => t.id === CONTOSO_TENANT_ID)!;
    const seeded = contoso.signInLog!.entries.slice(0, SEEDED_SIGN_INS).map((e) => e.id);
    let added = 0;
    while (added <= LIVE_LOG_CAP) {
      clock.advance(LIVE_CATCH_UP_MS);
      added += continueSignIns(contoso, clock.now);
    }
    const entries = contoso.signInLog!.entries;
    expect(entries).toHaveLength(LIVE_LOG_CAP);
    expect(entries.slice(0, SEEDED_SIGN_INS).map((e) => e.id)).toEqual(seeded);
    expect(Date.parse(entries.at(-1)!.facts.createdDateTime!)).toBe(clock.now.getTime());
  });
});
