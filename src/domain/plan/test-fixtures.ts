// Test data the plan's unit tests share: an import from one tenant, the tenant written to, and the named
// location and policy shapes they hold. Used by *.test.ts only.
import { emptyImportSet, type ImportSet } from '../import/import-set';
import type { JsonObject } from '../json';
import type { PlanTarget } from './types';

export const SOURCE_TENANT = '11111111-1111-1111-1111-111111111111';
export const TARGET_TENANT = '22222222-2222-2222-2222-222222222222';

/** An IP named location of one range. */
export const ipLocation = (id: string, name: string, cidr: string, isTrusted = true): JsonObject => ({
  '@odata.type': '#microsoft.graph.ipNamedLocation',
  id,
  displayName: name,
  isTrusted,
  ipRanges: [{ '@odata.type': '#microsoft.graph.iPv4CidrRange', cidrAddress: cidr }],
});

/** An enabled policy requiring MFA of every user for one application; `conditions` adds to its conditions. */
export const mfaPolicyFor = (id: string, name: string, app: string, conditions: JsonObject = {}): JsonObject => ({
  id,
  displayName: name,
  state: 'enabled',
  conditions: { clientAppTypes: ['all'], applications: { includeApplications: [app] }, users: { includeUsers: ['All'] }, ...conditions },
  grantControls: { operator: 'OR', builtInControls: ['mfa'] },
});

/** An import of SOURCE_TENANT holding these policies and named locations. */
export function importOf(policies: JsonObject[], locations: JsonObject[] = []): ImportSet {
  const set = emptyImportSet();
  set.origin.tenantId = SOURCE_TENANT;
  set.sections.policies = policies;
  set.sections.namedLocations = locations;
  return set;
}

/** TARGET_TENANT with nothing in it, but what `over` gives. */
export const targetTenant = (over: Partial<PlanTarget> = {}): PlanTarget => ({
  tenantId: TARGET_TENANT,
  policies: [],
  namedLocations: [],
  authenticationStrengths: [],
  authenticationContexts: [],
  termsOfUse: [],
  directory: new Map(),
  ...over,
});
