// References: what a policy names that the tenant no longer holds. A gone exclusion excludes nobody
// (the riskier case: whoever it protected is in scope again); a gone inclusion targets nobody. The
// quick fix drops only the gone ids, and only where the policy still targets someone without them.
import { isJsonObject, objectIn as obj, stringsIn as list, type JsonObject } from '../json';
import { BUILT_IN_STRENGTHS, REFERENCE_PLACES, type ReferencePlace } from '../plan/reference-places';
import { isSpecialValue } from '../references';
import { policyWords, type PolicyView, type Tenant } from './tenant';
import type { LintFix, LintRule, RuleResult } from './types';

const at = (json: JsonObject, path: readonly string[]) => path.reduce<unknown>((node, key) => obj(node)[key], json);

/** A patch setting one list (Graph replaces arrays whole) to what it holds without the given ids. */
function dropIds(p: PolicyView, place: ReferencePlace, gone: readonly string[]): JsonObject {
  const kept = list(at(p.json, place.path)).filter((id) => !gone.includes(id));
  return place.path.reduceRight<JsonObject>((inner, key, i) => (i === place.path.length - 1 ? { [key]: kept } : { [key]: inner }), {});
}

const USER_INCLUDES = ['includeUsers', 'includeGroups', 'includeRoles'];

/** Whether the policy still targets someone (or a workload identity) once the gone ids are dropped from this place. */
function stillTargets(p: PolicyView, place: ReferencePlace, gone: readonly string[]): boolean {
  const key = place.path.at(-1)!;
  if (!USER_INCLUDES.includes(key)) return true;
  const remaining = USER_INCLUDES.flatMap((k) => list(p.users[k]).filter((id) => k !== key || !gone.includes(id)));
  return (
    remaining.some((id) => id !== 'None') ||
    Object.keys(obj(p.users.includeGuestsOrExternalUsers)).length > 0 ||
    list(obj(p.conditions.clientApplications).includeServicePrincipals).length > 0
  );
}

function goneFindings(
  tenant: Tenant,
  kinds: readonly ReferencePlace['kind'][],
  isGone: (id: string, place: ReferencePlace) => boolean,
  words: (place: ReferencePlace, ids: string[]) => string,
): RuleResult[] {
  const results: RuleResult[] = [];
  for (const p of tenant.policies) {
    for (const place of REFERENCE_PLACES.filter((pl) => kinds.includes(pl.kind))) {
      const ids = place.single
        ? [obj(at(p.json, place.path)).id].filter((v): v is string => typeof v === 'string')
        : list(at(p.json, place.path)).filter((v) => (place.kind === 'authenticationContext' ? true : !isSpecialValue(v)));
      const gone = ids.filter((id) => isGone(id, place));
      if (gone.length === 0) continue;
      const consequence = place.exclusion
        ? 'This exclusion no longer excludes anybody: whoever it protected is in scope again.'
        : 'This part of the policy refers to nothing.';
      const fix: LintFix | undefined =
        !place.single && stillTargets(p, place, gone)
          ? {
              description: `Remove the ${gone.length > 1 ? 'ids that no longer exist' : 'id that no longer exists'} from ${place.label}.`,
              patch: dropIds(p, place, gone),
            }
          : undefined;
      results.push({
        policyId: p.id,
        policyName: p.name,
        path: [...place.path],
        message: `${policyWords(p)}: ${words(place, gone)} ${consequence}`,
        ...(fix && { fix }),
      });
    }
  }
  return results;
}

const quoted = (ids: string[]) => ids.map((id) => `'${id}'`).join(', ');
const idsOf = (items: readonly JsonObject[] | undefined) =>
  items ? new Set(items.filter(isJsonObject).map((i) => String(i.id).toLowerCase())) : null;

export const directoryObjectGone: LintRule = {
  id: 'directory-object-gone',
  category: 'references',
  severity: 'warning',
  description: 'Every user, group, role and workload identity a policy names still exists.',
  external: [
    { source: 'maester', id: 'MT.1066' },
    { source: 'maester', id: 'MT.1038' },
  ],
  check: (tenant) =>
    goneFindings(
      tenant,
      ['user', 'group', 'role', 'servicePrincipal'],
      (id) => tenant.exists(id) === false,
      (place, ids) => `${quoted(ids)} (${place.label}) no longer exist${ids.length > 1 ? '' : 's'} in the directory.`,
    ),
};

/** A rule for one kind of Conditional Access object read alongside the policies. */
function objectGone(
  id: string,
  kind: ReferencePlace['kind'],
  what: string,
  read: (tenant: Tenant) => Set<string> | null,
  severity: LintRule['severity'] = 'warning',
): LintRule {
  return {
    id,
    category: 'references',
    severity,
    description: `Every ${what} a policy names still exists.`,
    external: [],
    check(tenant) {
      const known = read(tenant);
      if (!known) return [];
      return goneFindings(
        tenant,
        [kind],
        (ref) => !known.has(ref.toLowerCase()),
        (place, ids) =>
          `the ${what}${ids.length > 1 ? 's' : ''} ${quoted(ids)} (${place.label}) no longer exist${ids.length > 1 ? '' : 's'}.`,
      );
    },
  };
}

export const namedLocationGone = objectGone('named-location-gone', 'namedLocation', 'named location', (t) => idsOf(t.input.namedLocations));
export const termsOfUseGone = objectGone('terms-of-use-gone', 'termsOfUse', 'terms of use', (t) => idsOf(t.input.termsOfUse));
export const authenticationContextGone = objectGone('authentication-context-gone', 'authenticationContext', 'authentication context', (t) =>
  idsOf(t.input.authenticationContexts),
);
// Microsoft Entra refuses to save a policy that requires a strength that does not exist (dependencies.ts).
export const authenticationStrengthGone = objectGone(
  'authentication-strength-gone',
  'authenticationStrength',
  'authentication strength',
  (t) => {
    const custom = idsOf(t.input.authenticationStrengths);
    return custom && new Set([...custom, ...BUILT_IN_STRENGTHS]);
  },
  'error',
);

export const applicationWithoutServicePrincipal: LintRule = {
  id: 'application-without-service-principal',
  category: 'references',
  severity: 'warning',
  description: 'Every application a policy names by its application id has a service principal in the tenant.',
  external: [],
  check(tenant) {
    const present = tenant.input.servicePrincipalAppIds ? new Set(tenant.input.servicePrincipalAppIds.map((a) => a.toLowerCase())) : null;
    // Without the tenant's list, the bundle's table says which application ids it could not find.
    const isGone = (appId: string) => (present ? !present.has(appId.toLowerCase()) : tenant.exists(appId) === false);
    return goneFindings(
      tenant,
      ['application'],
      isGone,
      (place, ids) =>
        `the application${ids.length > 1 ? 's' : ''} ${quoted(ids)} (${place.label}) ha${ids.length > 1 ? 've' : 's'} no service principal in this tenant, so no sign-in can be to ${ids.length > 1 ? 'them' : 'it'}.`,
    );
  },
};

export const referenceRules: readonly LintRule[] = [
  directoryObjectGone,
  namedLocationGone,
  authenticationStrengthGone,
  termsOfUseGone,
  authenticationContextGone,
  applicationWithoutServicePrincipal,
];
