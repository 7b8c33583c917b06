// The demo and test seed: two tenants and the catalog they share.
import type { EmulatorState } from '../core/model';
import { CONTOSO_TENANT_ID as contosoSeedId, contosoSeed } from './contoso';
import { contosoPreprodSeed } from './contoso-preprod';
import { roleTemplates } from './role-templates';
import { seedSignIns } from './sign-ins';
import { toTenantState, type TenantSeed } from './tenant-seed';
import { policyTemplates } from './templates';

export { CONTOSO_TENANT_ID } from './contoso';
export { PREPROD_TENANT_ID } from './contoso-preprod';

export function tenantSeeds(now: Date): TenantSeed[] {
  return [contosoSeed(now), contosoPreprodSeed(now)];
}

export function createSeedState(now = new Date()): EmulatorState {
  const tenants = tenantSeeds(now).map((seed) => toTenantState(seed, now));
  // A week of Contoso's sign-ins, decided against the seed's policies.
  for (const tenant of tenants) if (tenant.id === contosoSeedId) seedSignIns(tenant, now);
  return {
    tenants,
    catalog: { templates: structuredClone(policyTemplates), roleTemplates: structuredClone(roleTemplates) },
  };
}

/** The built-in accounts of each tenant: an administrator (read-write) and a reader. */
export function seedAccounts(now = new Date()) {
  return tenantSeeds(now).flatMap((seed) => {
    const find = (id: string) => seed.directory.users.find((u) => u.id === id)!;
    return [
      { role: 'admin' as const, tenantId: seed.id, tenantName: seed.displayName, user: find(seed.admin) },
      { role: 'reader' as const, tenantId: seed.id, tenantName: seed.displayName, user: find(seed.reader) },
    ];
  });
}
