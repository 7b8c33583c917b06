// Many tenants for runs over hundreds of customers (`--tenants N`): N copies of the demo's Contoso,
// each with a tenant id, domain and name of its own, the same every start (tenant 1 is always
// "Contoso 001", contoso-001.example). The directory's object ids are the seed's in every copy; the
// service's pacing is per tenant, so each copy's writes are throttled on their own. Copies start
// without sign-ins (a week of Contoso's is 1.4 MB; two hundred would not fit a test's memory).
import { stableId } from '../core/ids';
import type { EmulatorState, TenantState } from '../core/model';
import { CONTOSO_TENANT_ID, createSeedState } from '../seed';

export const MAX_TENANTS = 1000;

export interface TenantCopy {
  id: string;
  displayName: string;
  defaultDomain: string;
}

/** Copy n (from 1) of Contoso: its id, name and domain. */
export function tenantCopy(n: number): TenantCopy {
  const number = String(n).padStart(3, '0');
  return { id: stableId(`tenant:contoso-copy:${n}`), displayName: `Contoso ${number}`, defaultDomain: `contoso-${number}.example` };
}

export function createManyTenantsState(count: number, now = new Date()): EmulatorState {
  if (!Number.isInteger(count) || count < 1 || count > MAX_TENANTS) throw new Error(`--tenants takes 1 to ${MAX_TENANTS}, not ${count}.`);
  const seed = createSeedState(now);
  const contoso = seed.tenants.find((t) => t.id === CONTOSO_TENANT_ID)!;
  const { signInLog: _signIns, ...rest } = contoso;
  const text = JSON.stringify(rest);
  const tenants = Array.from({ length: count }, (_, i): TenantState => {
    const copy = tenantCopy(i + 1);
    const tenant = JSON.parse(
      text.replaceAll(CONTOSO_TENANT_ID, copy.id).replaceAll(contoso.defaultDomain, copy.defaultDomain),
    ) as TenantState;
    return { ...tenant, displayName: copy.displayName };
  });
  return { tenants, catalog: seed.catalog };
}
