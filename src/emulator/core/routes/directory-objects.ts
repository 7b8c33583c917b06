// Directory objects as Graph answers them: users, groups and service principals (agent identities among
// them) read from the tenant's stored records, each with its @odata.type and null for what is not set.
// The directory routes (collections, membership, getByIds) share these.
import type { TenantState } from '../model';

const types = {
  user: '#microsoft.graph.user',
  group: '#microsoft.graph.group',
  servicePrincipal: '#microsoft.graph.servicePrincipal',
} as const;

export type Collection = 'users' | 'groups' | 'servicePrincipals';
export const typeOf: Record<Collection, string> = { users: types.user, groups: types.group, servicePrincipals: types.servicePrincipal };

/** Properties Graph answers null when they are not set (cloud objects, assigned groups); the seed leaves them out. */
const nulls: Record<Collection, Record<string, null>> = {
  users: { onPremisesSyncEnabled: null },
  groups: { membershipRule: null, onPremisesSyncEnabled: null, isAssignableToRole: null },
  servicePrincipals: {},
};

/** A collection's objects as stored (the seed's typed records, read here as plain JSON objects). */
export const stored = (tenant: TenantState, collection: Collection) =>
  // An agent identity is a service principal of a derived type: Graph answers it among them, with its own @odata.type.
  (collection === 'servicePrincipals'
    ? [...tenant.servicePrincipals, ...(tenant.agentIdentities ?? [])]
    : tenant[collection]) as unknown as Record<string, unknown>[];

/** An object as Graph answers it: its type, and null for what is not set. */
export const shaped = (collection: Collection, o: Record<string, unknown>) => ({
  '@odata.type': typeOf[collection],
  ...nulls[collection],
  ...o,
});

export function objects(tenant: TenantState, collection: Collection): Record<string, unknown>[] {
  return stored(tenant, collection).map((o) => shaped(collection, o));
}
