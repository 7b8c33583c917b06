// A backup of the demo tenant over the emulator: everything it is made of, in two round trips, and
// every directory object its policies name, identified as another tenant would need.
import { describe, expect, it } from 'vitest';
import { CONTOSO_TENANT_ID, createSeedState } from '../../emulator/seed';
import { bundleText } from '../../domain/bundle/bundle';
import { readBundle } from '../../domain/bundle/read-bundle';
import { selectFromBundle } from '../../domain/bundle/select';
import { collectReferences } from '../../domain/references';
import { recognisePlans } from '../../domain/contingency/contingency-plan';
import { policyJson } from '../../domain/json';
import type { ConditionalAccessPolicy } from '../../domain/types';
import { exportTenant } from '../../operations/export-tenant';
import { createPolicy } from '../../graph/policies';
import { WRITE_SCOPES } from '../../auth/scopes';
import { memoryContext } from '../../operations/memory-stores';
import { graphOverEmulator } from '../graph-over-emulator';

describe('exportTenant', () => {
  it('backs up every policy verbatim, what they use, and every object they name, in two round trips', async () => {
    const { client, roundTrips } = graphOverEmulator();
    const bundle = await exportTenant(memoryContext(client, CONTOSO_TENANT_ID, { now: () => new Date('2026-11-30T12:00:00Z') }), 'Contoso');
    const seed = createSeedState().tenants.find((t) => t.id === CONTOSO_TENANT_ID)!;

    expect(roundTrips.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      'GET /beta/identity/conditionalAccess/policies',
      'POST /beta/$batch',
    ]);
    expect(bundle.manifest).toMatchObject({ tenant: { id: CONTOSO_TENANT_ID, name: 'Contoso' }, capturedAt: '2026-11-30T12:00:00.000Z' });
    expect(bundle.policies.map((p) => p.id).sort()).toEqual(seed.policies.map((p) => p.id).sort());
    expect(bundle.namedLocations).toHaveLength(seed.namedLocations.length);
    expect(bundle.authenticationStrengths.every((s) => s.policyType === 'custom')).toBe(true);

    // Every id the policies name has a row: found (with what identifies it) or marked gone.
    const refs = collectReferences(bundle.policies as ConditionalAccessPolicy[]);
    const rows = new Set(bundle.references.map((r) => r.id.toLowerCase()));
    for (const id of [...refs.directoryObjects, ...refs.applications, ...refs.roles]) expect(rows.has(id.toLowerCase())).toBe(true);
    const user = bundle.references.find((r) => r.kind === 'user' && r.exists);
    expect(user?.userPrincipalName).toMatch(/@/);
    expect(bundle.references.filter((r) => r.kind === 'role').every((r) => r.roleTemplateId === r.id)).toBe(true);

    // Read back from its own file: nothing changed, nothing missing.
    expect((await readBundle(JSON.parse(bundleText(bundle)))).problems).toEqual([]);
  });

  it('records an object deleted since a policy named it as what the policy used it as: CA027’s Sales group is a group', async () => {
    const { client } = graphOverEmulator();
    const bundle = await exportTenant(memoryContext(client, CONTOSO_TENANT_ID), 'Contoso');
    const ca027 = bundle.policies.find((p) => String(p.displayName).startsWith('CA027')) as ConditionalAccessPolicy;
    const users = ca027.conditions!.users!;
    const gone = (id: string) => bundle.references.find((r) => r.id === id);

    expect(gone(users.includeGroups![0]!)).toMatchObject({ kind: 'group', exists: false });
    expect(gone(users.excludeUsers![0]!)).toMatchObject({ kind: 'user', exists: false });
  });

  it('a selection keeps the chosen policies with what they use and name, under a manifest of its own', async () => {
    const { client } = graphOverEmulator();
    const whole = await exportTenant(memoryContext(client, CONTOSO_TENANT_ID, { now: () => new Date('2026-11-30T12:00:00Z') }), 'Contoso');
    const pick = (prefix: string) => whole.policies.find((p) => String(p.displayName).startsWith(prefix))!;
    const [countries, context] = [pick('CA006'), pick('CA019')];
    const some = await selectFromBundle(whole, [String(countries.id), String(context.id)]);

    expect(some.policies.map((p) => p.displayName)).toEqual([countries.displayName, context.displayName]);
    const used = JSON.stringify(some.policies);
    expect(some.namedLocations.length).toBeGreaterThan(0);
    expect(some.namedLocations.every((l) => used.includes(String(l.id)))).toBe(true);
    expect(some.namedLocations.length).toBeLessThan(whole.namedLocations.length);
    expect(some.authenticationContexts.map((c) => c.id)).toEqual(['c1']);
    expect(some.references.length).toBeGreaterThan(0);
    expect(some.references.every((r) => used.includes(r.id) || (r.appId && used.includes(r.appId)))).toBe(true);
    expect(some.manifest.counts.policies).toBe(2);
    expect((await readBundle(JSON.parse(bundleText(some)))).problems).toEqual([]);
  });

  it('holds the contingency choices an earlier version kept under a plan’s old id (“” for a plan named in another script)', async () => {
    const { client } = graphOverEmulator();
    const em = await createPolicy(
      client,
      {
        displayName: 'EM01 - ENABLE IN EMERGENCY: 多要素認証の障害 [1/1] - Require a compliant device',
        state: 'disabled',
        conditions: { users: { includeUsers: ['All'] }, applications: { includeApplications: ['All'] }, clientAppTypes: ['all'] },
        grantControls: { operator: 'OR', builtInControls: ['compliantDevice'] },
      },
      WRITE_SCOPES,
    );
    const suspend = [{ policyId: em.id!, name: 'CA001', to: 'disabled' as const }];
    const bundle = await exportTenant(memoryContext(client, CONTOSO_TENANT_ID), 'Contoso', () => {}, {
      plans: { '': { suspend, exclusions: [] } },
    });
    expect(bundle.contingencyPlans.find((p) => p.disruption === '多要素認証の障害')?.suspend).toEqual(suspend);
  });

  it('does not give a plan the choices kept for a deleted plan that had its id (saved for other policies)', async () => {
    const { client } = graphOverEmulator();
    const em = await createPolicy(
      client,
      {
        displayName: 'EM01 - ENABLE IN EMERGENCY: MFA outage [1/1] - Require a compliant device',
        state: 'disabled',
        conditions: { users: { includeUsers: ['All'] }, applications: { includeApplications: ['All'] }, clientAppTypes: ['all'] },
        grantControls: { operator: 'OR', builtInControls: ['compliantDevice'] },
      },
      WRITE_SCOPES,
    );
    const [plan] = recognisePlans([policyJson(em)]);
    const suspend = [{ policyId: em.id!, name: 'CA001', to: 'disabled' as const }];
    const kept = { [plan!.id]: { suspend, exclusions: [] } };
    const context = memoryContext(client, CONTOSO_TENANT_ID);
    // Saved for a plan whose only policy was another (deleted since): not this plan's.
    const gone = await exportTenant(context, 'Contoso', () => {}, { plans: kept, choicesFor: { [plan!.id]: ['deleted-policy-id'] } });
    expect(gone.contingencyPlans.find((p) => p.id === plan!.id)?.suspend).toEqual([]);
    // Saved for this plan's own policy: its own.
    const own = await exportTenant(context, 'Contoso', () => {}, { plans: kept, choicesFor: { [plan!.id]: [em.id!] } });
    expect(own.contingencyPlans.find((p) => p.id === plan!.id)?.suspend).toEqual(suspend);
  });
});
