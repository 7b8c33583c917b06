// How the service stores and returns a conditional access policy: every collection present
// (empty rather than missing), unset objects null, PATCH merging objects and replacing arrays.
import { isObject } from './http';
import type { Json, JsonObject } from './model';

const userDefaults = {
  includeUsers: [],
  excludeUsers: [],
  includeGroups: [],
  excludeGroups: [],
  includeRoles: [],
  excludeRoles: [],
  includeGuestsOrExternalUsers: null,
  excludeGuestsOrExternalUsers: null,
};
const applicationDefaults = {
  includeApplications: [],
  excludeApplications: [],
  includeUserActions: [],
  includeAuthenticationContextClassReferences: [],
  applicationFilter: null,
};
const clientApplicationDefaults = {
  includeServicePrincipals: [],
  excludeServicePrincipals: [],
  servicePrincipalFilter: null,
};
const conditionDefaults = {
  userRiskLevels: [],
  signInRiskLevels: [],
  clientAppTypes: [],
  servicePrincipalRiskLevels: [],
  insiderRiskLevels: null,
  platforms: null,
  times: null,
  deviceStates: null,
  devices: null,
  clientApplications: null,
  authenticationFlows: null,
  locations: null,
  applications: null,
  users: null,
};
const grantDefaults = {
  operator: 'OR',
  builtInControls: [],
  customAuthenticationFactors: [],
  termsOfUse: [],
  authenticationStrength: null,
};
const sessionDefaults = {
  disableResilienceDefaults: null,
  applicationEnforcedRestrictions: null,
  cloudAppSecurity: null,
  persistentBrowser: null,
  continuousAccessEvaluation: null,
  secureSignInSession: null,
  signInFrequency: null,
};

/**
 * Top-level properties the service knows; anything else is a schema error (1007). The console's own list
 * is POLICY_PROPERTIES in src/domain/policy-schema-properties.ts: the emulator stands apart from the
 * console (it imports nothing of src/), so a property Graph adds goes into both.
 */
export const policyProperties = new Set([
  'id',
  'templateId',
  'displayName',
  'description',
  'createdDateTime',
  'modifiedDateTime',
  'deletedDateTime',
  'state',
  'partialEnablementStrategy',
  'conditions',
  'grantControls',
  'sessionControls',
]);

/** Properties the service owns. Clients may send them back unchanged; the service ignores them. */
export const serviceOwnedProperties = ['id', 'createdDateTime', 'modifiedDateTime', 'deletedDateTime', 'partialEnablementStrategy'];

function withDefaults(value: Json | undefined, defaults: Record<string, Json>): Json {
  if (!isObject(value)) return value ?? null;
  return { ...structuredClone(defaults), ...value } as JsonObject;
}

/** The full shape the service returns for a stored policy. */
export function completePolicy(stored: JsonObject): JsonObject {
  const conditions = withDefaults(stored.conditions, conditionDefaults);
  if (isObject(conditions)) {
    conditions.users = withDefaults(conditions.users, userDefaults);
    conditions.applications = withDefaults(conditions.applications, applicationDefaults);
    conditions.clientApplications = withDefaults(conditions.clientApplications, clientApplicationDefaults);
  }
  return {
    id: stored.id ?? null,
    templateId: stored.templateId ?? null,
    displayName: stored.displayName ?? null,
    createdDateTime: stored.createdDateTime ?? null,
    modifiedDateTime: stored.modifiedDateTime ?? null,
    state: stored.state ?? null,
    partialEnablementStrategy: null,
    ...stored,
    conditions,
    grantControls: withDefaults(stored.grantControls, grantDefaults),
    sessionControls: withDefaults(stored.sessionControls, sessionDefaults),
  };
}

/** PATCH semantics: nested objects merge, arrays and scalars replace, null clears. */
export function mergePatch(target: Json, patch: Json): Json {
  if (!isObject(patch) || !isObject(target)) return structuredClone(patch);
  const result: JsonObject = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    result[key] = isObject(value) && isObject(target[key]) ? mergePatch(target[key], value) : structuredClone(value);
  }
  return result;
}

/** Drops OData annotations and service-owned properties from a write body. */
export function stripForWrite(body: JsonObject): JsonObject {
  const strip = (value: Json): Json => {
    if (Array.isArray(value)) return value.map(strip);
    if (!isObject(value)) return value;
    const out: JsonObject = {};
    for (const [key, child] of Object.entries(value)) {
      if (key.includes('@odata.')) continue;
      out[key] = strip(child);
    }
    return out;
  };
  const cleaned = strip(body) as JsonObject;
  for (const key of serviceOwnedProperties) delete cleaned[key];
  return cleaned;
}
