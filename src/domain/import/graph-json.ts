// What a parsed JSON file holds, by shape: Conditional Access policies however they are wrapped
// (a Graph response, a single policy, an array, a tool's wrapper, PowerShell's PascalCase), named
// locations, authentication strengths and contexts, terms of use, and the directory objects and
// organization that say what ids and tenant the policies come from. Properties are kept as they
// are; only keys are normalised (PascalCase → camelCase).
import type { BundleSections } from '../bundle/bundle';
import { isJsonObject, type Json, type JsonObject } from '../json';
import { findPolicies } from '../policy-file-contents';
import { camelCaseKeys, hasPascalKeys } from './pascal-case';

export interface FoundObjects {
  sections: BundleSections;
  groups: JsonObject[];
  users: JsonObject[];
  servicePrincipals: JsonObject[];
  organizations: JsonObject[];
  /** PowerShell's PascalCase keys were turned into Graph's camelCase. */
  pascalCase: boolean;
}

const typeOf = (o: JsonObject) => (typeof o['@odata.type'] === 'string' ? o['@odata.type'] : '');

type Kind = keyof BundleSections | 'groups' | 'users' | 'servicePrincipals' | 'organizations';

/** What one object is, by its @odata.type or the properties only that kind has. */
function kindOf(o: JsonObject): Kind | null {
  const type = typeOf(o);
  if (/NamedLocation$/i.test(type) || (('ipRanges' in o || 'countriesAndRegions' in o) && 'displayName' in o)) return 'namedLocations';
  if (/authenticationStrengthPolicy$/i.test(type) || 'allowedCombinations' in o) return 'authenticationStrengths';
  if (/authenticationContextClassReference$/i.test(type) || (typeof o.id === 'string' && /^c\d{1,2}$/.test(o.id) && 'isAvailable' in o))
    return 'authenticationContexts';
  if (/\.agreement$/i.test(type) || 'isViewingBeforeAcceptanceRequired' in o || 'termsExpiration' in o) return 'termsOfUse';
  if (/\.organization$/i.test(type) || 'verifiedDomains' in o) return 'organizations';
  if (/\.group$/i.test(type) || 'securityEnabled' in o || 'groupTypes' in o || 'mailNickname' in o) return 'groups';
  if (/\.user$/i.test(type) || 'userPrincipalName' in o) return 'users';
  if (/\.servicePrincipal$/i.test(type) || 'servicePrincipalType' in o) return 'servicePrincipals';
  return null;
}

const isPolicyLike = (o: JsonObject) => isJsonObject(o.conditions);
const MAX_DEPTH = 4;

function collect(value: Json, found: FoundObjects, depth: number) {
  if (depth > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    for (const item of value) collect(item, found, depth + 1);
    return;
  }
  if (!isJsonObject(value) || isPolicyLike(value)) return;
  const kind = kindOf(value);
  if (kind === 'policies') return;
  if (kind === 'groups' || kind === 'users' || kind === 'servicePrincipals' || kind === 'organizations') found[kind].push(value);
  else if (kind) found.sections[kind].push(value);
  else for (const child of Object.values(value)) collect(child, found, depth + 1);
}

const BUILT_IN_STRENGTH = /^00000000-0000-0000-0000-00000000000[234]$/;

/** Everything of Conditional Access and the directory in a parsed file. */
export function findObjects(parsed: Json): FoundObjects {
  const sample = Array.isArray(parsed) ? parsed[0] : isJsonObject(parsed) && Array.isArray(parsed.value) ? parsed.value[0] : parsed;
  const pascalCase = hasPascalKeys(sample);
  const value = pascalCase ? camelCaseKeys(parsed) : parsed;
  const found: FoundObjects = {
    sections: {
      policies: findPolicies(value),
      namedLocations: [],
      authenticationStrengths: [],
      authenticationContexts: [],
      termsOfUse: [],
    },
    groups: [],
    users: [],
    servicePrincipals: [],
    organizations: [],
    pascalCase: pascalCase || pascalInside(parsed),
  };
  collect(value, found, 0);
  // A custom strength a policy carries in full (a policy read with its strength expanded) is an object of the import too.
  for (const policy of found.sections.policies) {
    const grant = policy.grantControls;
    const strength = isJsonObject(grant) ? grant.authenticationStrength : null;
    if (isJsonObject(strength) && 'allowedCombinations' in strength && !BUILT_IN_STRENGTH.test(String(strength.id ?? '')))
      if (strength.policyType !== 'builtIn') found.sections.authenticationStrengths.push(strength);
  }
  return found;
}

/** PascalCase policies deeper in a wrapper are normalised by findPolicies; say so all the same. */
const pascalInside = (parsed: Json): boolean => {
  const text = JSON.stringify(parsed).slice(0, 20000);
  return /"Conditions"\s*:\s*\{/.test(text) && /"(GrantControls|SessionControls|State)"\s*:/.test(text);
};
