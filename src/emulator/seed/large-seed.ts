// A Contoso at the service's limit, for the benchmark: `npm run emulator -- --policies 195` (or
// EMULATOR_POLICIES=195). Contoso's own 35 policies, then generated ones (CA100 onwards) up to the
// number asked, referring to about 5,000 distinct users, groups, roles, applications, workload
// identities and named locations at 195, all present in the directory. Deterministic: the same
// policies and ids on every run. Not imported by the demo, so it adds nothing to its download.
import type { EmulatorState, JsonObject } from '../core/model';
import { buildPolicy, daysAgo } from './builders';
import { contosoSeed } from './contoso';
import { createSeedState } from './index';
import { largeDirectory } from './large-directory';
import { largePolicySpec, type LargeContext } from './large-policies';
import { seededRandom } from './random';
import { toTenantState, type TenantSeed } from './tenant-seed';

export const POLICY_LIMIT = 195;
/** The sizes the benchmark measures: today's Contoso, and two larger tenants up to the limit. */
export const SEED_SIZES = [35, 100, 195] as const;
const SEED = 195_2026;

/** Contoso with `policies` policies (35 to 195). */
export function sizedContosoSeed(policies: number, now: Date): TenantSeed {
  const base = contosoSeed(now);
  if (!Number.isInteger(policies) || policies < base.policies.length || policies > POLICY_LIMIT) {
    throw new Error(`The seed holds ${base.policies.length} to ${POLICY_LIMIT} policies, not ${policies}.`);
  }
  if (policies === base.policies.length) return base;
  const random = seededRandom(SEED);
  const directory = largeDirectory(random, base.defaultDomain);
  const context: LargeContext = {
    random,
    directory,
    emergencyGroup: base.directory.group('CA - Emergency access accounts'),
    breakGlass: [base.directory.user('Break Glass 01'), base.directory.user('Break Glass 02')],
    customStrength: base.customStrengths[0]!.id,
    termsOfUse: String(base.agreements[0]!.id),
  };
  // Always generate the full set, so a smaller seed is the start of the larger one.
  const generated = Array.from({ length: POLICY_LIMIT - base.policies.length }, (_, i) =>
    buildPolicy(base.key, largePolicySpec(context, i), now),
  );
  const located = (location: JsonObject): JsonObject => ({
    ...location,
    createdDateTime: daysAgo(now, 400),
    modifiedDateTime: daysAgo(now, 90),
  });
  return {
    ...base,
    directory: {
      ...base.directory,
      users: [...base.directory.users, ...directory.users.made],
      groups: [...base.directory.groups, ...directory.groups.made],
      servicePrincipals: [...base.directory.servicePrincipals, ...directory.apps.made, ...directory.workloads.made],
    },
    namedLocations: [...base.namedLocations, ...directory.locations.made.map(located)],
    policies: [...base.policies, ...generated.slice(0, policies - base.policies.length)],
  };
}

/** The emulator's state with Contoso at `policies` policies; the other tenants as in the demo seed. */
export function createSizedSeedState(policies: number, now = new Date()): EmulatorState {
  const state = createSeedState(now);
  const seed = sizedContosoSeed(policies, now);
  state.tenants = state.tenants.map((tenant) => (tenant.id === seed.id ? toTenantState(seed, now) : tenant));
  return state;
}
