// A backup of some policies: the chosen ones, with what they use (named locations, custom
// strengths, contexts, terms of use) and the directory objects they name, under a new manifest
// that says so. Made from a whole backup, so the selection costs no read.
import { asPolicies, isJsonObject, type JsonObject } from '../json';
import { collectReferences } from '../references';
import { createBundle, type Bundle } from './bundle';

const idOf = (item: JsonObject) => (typeof item.id === 'string' ? item.id.toLowerCase() : '');

export async function selectFromBundle(bundle: Bundle, policyIds: readonly string[]): Promise<Bundle> {
  const chosen = new Set(policyIds.map((id) => id.toLowerCase()));
  const policies = bundle.policies.filter((p) => chosen.has(idOf(p)));
  const refs = collectReferences(asPolicies(policies));
  const lower = (set: Set<string>) => new Set([...set].map((v) => v.toLowerCase()));
  const strengths = new Set(
    policies.flatMap((p) => {
      const grant = isJsonObject(p.grantControls) ? p.grantControls : {};
      const strength = isJsonObject(grant.authenticationStrength) ? grant.authenticationStrength : {};
      return typeof strength.id === 'string' ? [strength.id.toLowerCase()] : [];
    }),
  );
  const used = (ids: Set<string>) => (item: JsonObject) => ids.has(idOf(item));
  const named = lower(new Set([...refs.directoryObjects, ...refs.roles, ...refs.applications]));
  return createBundle(
    {
      policies,
      namedLocations: bundle.namedLocations.filter(used(lower(refs.locations))),
      authenticationStrengths: bundle.authenticationStrengths.filter(used(strengths)),
      authenticationContexts: bundle.authenticationContexts.filter(used(lower(refs.authenticationContexts))),
      termsOfUse: bundle.termsOfUse.filter(used(lower(refs.termsOfUse))),
    },
    bundle.references.filter((r) => named.has(r.id.toLowerCase()) || (r.appId && named.has(r.appId.toLowerCase()))),
    { tenantId: bundle.manifest.tenant.id, tenantName: bundle.manifest.tenant.name, capturedAt: new Date(bundle.manifest.capturedAt) },
    // A plan goes with its contingency policies, its steps narrowed to the chosen ones.
    bundle.contingencyPlans.flatMap((plan) => {
      const kept = <S extends { policyId: string }>(steps: S[]) => steps.filter((s) => chosen.has(s.policyId.toLowerCase()));
      return plan.enable.some((s) => chosen.has(s.policyId.toLowerCase()))
        ? [{ ...plan, enable: kept(plan.enable), suspend: kept(plan.suspend), exclusions: kept(plan.exclusions) }]
        : [];
    }),
    // A rollout goes with the policy it rolls out.
    bundle.rolloutPlans.filter((plan) => chosen.has(plan.policyId.toLowerCase())),
    // A suppression goes with its policy; one for a whole rule with any part of the tenant.
    bundle.lintSuppressions.filter((s) => s.policyId === undefined || chosen.has(s.policyId.toLowerCase())),
  );
}
