// The benchmark's large tenant: 195 policies referring to about 5,000 distinct objects, every one
// of which the emulator finds by the lookups the console makes (getByIds and the rest, in $batch),
// the same on every run, and each smaller size the start of the larger.
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../core/emulator';
import type { JsonObject, TenantState } from '../core/model';
import { CONTOSO_TENANT_ID, createSeedState } from './index';
import { createSizedSeedState } from './large-seed';

const now = new Date('2026-11-20T10:00:00Z');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every GUID a policy refers to, by what looks it up (special values such as "All" are not GUIDs). */
function references(policies: JsonObject[]) {
  const refs = { objects: new Set<string>(), roles: new Set<string>(), apps: new Set<string>(), locations: new Set<string>() };
  const add = (set: Set<string>, values: unknown) => {
    for (const v of Array.isArray(values) ? values : []) if (typeof v === 'string' && GUID.test(v) && !/^0{8}-/.test(v)) set.add(v);
  };
  for (const policy of policies) {
    const c = policy.conditions as Record<string, Record<string, unknown> | null>;
    for (const key of ['includeUsers', 'excludeUsers', 'includeGroups', 'excludeGroups']) add(refs.objects, c.users?.[key]);
    for (const key of ['includeServicePrincipals', 'excludeServicePrincipals']) add(refs.objects, c.clientApplications?.[key]);
    for (const key of ['includeRoles', 'excludeRoles']) add(refs.roles, c.users?.[key]);
    for (const key of ['includeApplications', 'excludeApplications']) add(refs.apps, c.applications?.[key]);
    for (const key of ['includeLocations', 'excludeLocations']) add(refs.locations, c.locations?.[key]);
  }
  return refs;
}

const chunks = <T>(items: T[], size: number) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** The ids the emulator cannot find, looked up as the console does: getByIds (1000 a request) and servicePrincipals by appId, in $batch. */
async function unresolved(policies: number) {
  const state = createSizedSeedState(policies, now);
  const tenant = state.tenants.find((t) => t.id === CONTOSO_TENANT_ID)!;
  const scopes = ['Policy.Read.All', 'Directory.Read.All'];
  const emulator = createEmulator({
    state,
    now: () => now,
    authenticate: async () => ({ tenantId: tenant.id, userId: 'u', userPrincipalName: 'u@contoso.example', displayName: 'U', scopes }),
  });
  const refs = references(tenant.policies);
  const requests = [
    ...chunks([...refs.objects], 1000).map((ids, i) => ({
      id: `o${i}`,
      method: 'POST',
      url: '/directoryObjects/getByIds',
      body: { ids },
      headers: { 'content-type': 'application/json' },
    })),
    ...chunks([...refs.apps], 15).map((ids, i) => ({
      id: `a${i}`,
      method: 'GET',
      url: `/servicePrincipals?$filter=appId in (${ids.map((a) => `'${a}'`).join(',')})`,
    })),
  ];
  const found = new Set<string>();
  for (const batch of chunks(requests, 20)) {
    const response = await emulator.handle(
      new Request('https://graph.microsoft.com/v1.0/$batch', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ requests: batch }),
      }),
    );
    const { responses } = (await response.json()) as { responses: { status: number; body: { value: { id: string; appId?: string }[] } }[] };
    for (const r of responses) {
      expect(r.status).toBe(200);
      for (const item of r.body.value) found.add(item.id).add(item.appId ?? item.id);
    }
  }
  const roles = new Set(state.catalog.roleTemplates.map((r) => r.id));
  const locations = new Set(tenant.namedLocations.map((l) => String(l.id)));
  const missing = [...refs.objects, ...refs.apps].filter((id) => !found.has(id));
  missing.push(...[...refs.roles].filter((id) => !roles.has(id)), ...[...refs.locations].filter((id) => !locations.has(id)));
  const distinct = refs.objects.size + refs.roles.size + refs.apps.size + refs.locations.size;
  return { tenant, distinct, missing: missing.sort(), lookups: requests.length };
}

describe('the large seed', () => {
  it('holds 195 policies referring to about 5,000 distinct objects, all found by the lookups the console makes', async () => {
    const large = await unresolved(195);
    expect(large.tenant.policies).toHaveLength(195);
    expect(large.distinct).toBeGreaterThanOrEqual(4750);
    expect(large.distinct).toBeLessThanOrEqual(5250);
    // Only Contoso's deliberate references to deleted objects stay unresolved, none of the generated ones.
    expect(large.missing).toEqual((await unresolved(35)).missing);
    expect(large.missing.length).toBeLessThanOrEqual(3);
    // Still one $batch of lookups (at most 20 requests, with roles, locations, contexts, terms and strengths).
    expect(large.lookups).toBeLessThanOrEqual(15);
  });

  it('has the shapes of a real tenant: all three states, every kind of reference, lists from one id to hundreds', () => {
    const policies = createSizedSeedState(195, now).tenants[0]!.policies;
    expect(new Set(policies.map((p) => p.state))).toEqual(new Set(['enabled', 'disabled', 'enabledForReportingButNotEnforced']));
    const longest = Math.max(
      ...policies.map((p) =>
        Object.values((p.conditions as { users: Record<string, unknown> }).users)
          .map((v) => (Array.isArray(v) ? v.length : 0))
          .reduce((a, b) => Math.max(a, b), 0),
      ),
    );
    expect(longest).toBeGreaterThan(300);
    const refs = references(policies);
    for (const set of Object.values(refs)) expect(set.size).toBeGreaterThan(20);
  });

  it('is the same on every run, and each size is the start of the larger', () => {
    const ids = (tenants: TenantState[]) => tenants[0]!.policies.map((p) => p.id);
    // Audit events get fresh ids, as the service's do; what the policies and their names depend on is fixed.
    const fixed = (t: TenantState) => JSON.stringify([t.policies, t.users, t.groups, t.servicePrincipals, t.namedLocations]);
    expect(fixed(createSizedSeedState(195, now).tenants[0]!) === fixed(createSizedSeedState(195, now).tenants[0]!)).toBe(true);
    const at195 = ids(createSizedSeedState(195, now).tenants);
    expect(ids(createSizedSeedState(100, now).tenants)).toEqual(at195.slice(0, 100));
    expect(fixed(createSizedSeedState(35, now).tenants[0]!) === fixed(createSeedState(now).tenants[0]!)).toBe(true);
    expect(() => createSizedSeedState(196, now)).toThrow(/35 to 195/);
  });
});
