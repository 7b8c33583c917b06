// The demo's seeded sign-ins: the same log for the same clock, a week of them before it, the mix the
// console's impact and agreement views need, small enough for localStorage, and fast to seed.
import { describe, expect, it } from 'vitest';
import type { TenantState } from '../core/model';
import { presentSignIn } from '../core/sign-ins/present';
import { CONTOSO_TENANT_ID, createSeedState, PREPROD_TENANT_ID } from '.';
import { SEEDED_SIGN_INS, seedSignIns } from './sign-ins';

const now = new Date('2026-11-20T10:00:00Z');
const contoso = (state = createSeedState(now)) => state.tenants.find((t) => t.id === CONTOSO_TENANT_ID)!;
const presented = (tenant: TenantState) => tenant.signInLog!.entries.map((entry) => presentSignIn(tenant, entry, true));

describe('seeded sign-ins', () => {
  it('are the same for the same clock', () => {
    const first = JSON.stringify(contoso().signInLog);
    expect(JSON.stringify(contoso().signInLog)).toBe(first);
    expect(JSON.stringify(contoso(createSeedState(new Date(now.getTime() + 3_600_000))).signInLog)).not.toBe(first);
  });

  it(`are ${SEEDED_SIGN_INS} of Contoso's over the seven days before the clock, oldest first, none for pre-production`, () => {
    const state = createSeedState(now);
    const times = contoso(state).signInLog!.entries.map((e) => Date.parse(e.facts.createdDateTime));
    expect(times).toHaveLength(SEEDED_SIGN_INS);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times[0]!).toBeGreaterThanOrEqual(now.getTime() - 7 * 86_400_000);
    expect(times.at(-1)!).toBeLessThan(now.getTime());
    expect(state.tenants.find((t) => t.id === PREPROD_TENANT_ID)!.signInLog).toBeUndefined();
  });

  it('mix members, guests, workload identities, risk, blocks, MFA prompts and report-only results', () => {
    const signIns = presented(contoso());
    const count = (test: (s: (typeof signIns)[number]) => boolean) => signIns.filter(test).length;
    const users = new Set(signIns.map((s) => s.userId).filter(Boolean));
    expect(users.size).toBeGreaterThanOrEqual(15);
    expect(count((s) => s.userType === 'guest')).toBeGreaterThan(50);
    expect(count((s) => (s.signInEventTypes as string[]).includes('servicePrincipal'))).toBeGreaterThan(50);
    expect(count((s) => (s.signInEventTypes as string[]).includes('managedIdentity'))).toBeGreaterThan(10);
    expect(count((s) => s.isInteractive === false && s.userType === 'member')).toBeGreaterThan(200);
    expect(count((s) => s.riskLevelDuringSignIn !== 'none')).toBeGreaterThan(10);
    const errors = signIns.map((s) => (s.status as { errorCode: number }).errorCode);
    const share = (code: number) => errors.filter((e) => e === code).length / errors.length;
    expect(share(0)).toBeGreaterThan(0.85);
    expect(share(53003)).toBeGreaterThan(0.01);
    expect(share(50074)).toBeGreaterThan(0.005);
    const results = new Set(signIns.flatMap((s) => (s.appliedConditionalAccessPolicies as { result: string }[]).map((p) => p.result)));
    for (const result of [
      'success',
      'failure',
      'notApplied',
      'notEnabled',
      'reportOnlySuccess',
      'reportOnlyFailure',
      'reportOnlyNotApplied',
      'reportOnlyInterrupted',
    ]) {
      expect(results.has(result), result).toBe(true);
    }
    expect(new Set(signIns.map((s) => (s.location as { countryOrRegion: string }).countryOrRegion)).size).toBeGreaterThanOrEqual(8);
  });

  it('stay small enough for the demo to keep in localStorage', () => {
    expect(JSON.stringify(createSeedState(now)).length).toBeLessThan(2_000_000);
  });

  it('seed quickly (the demo seeds in the browser before its first page)', () => {
    const tenant = contoso();
    const times: number[] = [];
    for (let round = 0; round < 5; round++) {
      tenant.signInLog = undefined;
      const started = performance.now();
      seedSignIns(tenant, now);
      times.push(performance.now() - started);
    }
    // About 55 ms on an idle machine; the bound leaves room for a busy one.
    expect(Math.min(...times)).toBeLessThan(400);
  });
});
