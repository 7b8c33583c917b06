// The combinationConfigurations of a custom authentication strength (FIDO2 keys by AAGUID,
// certificates by issuer or policy OID): list, get, create (201), update (204) and delete (204),
// under every path that serves strengths.
import { emptyResponse, errors, jsonResponse } from '../http';
import { newId } from '../ids';
import type { JsonObject } from '../model';
import { contextUrl, GUID, scopes, type Route } from '../route';
import { body, findStrength, strengthPaths } from './authentication-strengths';

const FIDO2 = '#microsoft.graph.fido2CombinationConfiguration';
const X509 = '#microsoft.graph.x509CertificateCombinationConfiguration';
/** What each kind of configuration may apply to, as the update page lists it. */
const appliesTo: Record<string, string[]> = {
  [FIDO2]: ['fido2'],
  [X509]: ['x509CertificateSingleFactor', 'x509CertificateMultiFactor'],
};

function configurationsOf(strength: JsonObject): JsonObject[] {
  if (!Array.isArray(strength.combinationConfigurations)) strength.combinationConfigurations = [];
  return strength.combinationConfigurations as JsonObject[];
}

function findConfiguration(strength: JsonObject, id: string): JsonObject {
  const found = configurationsOf(strength).find((c) => c.id === id);
  if (!found) throw errors.notFound('authenticationCombinationConfiguration', id);
  return found;
}

/** The error bodies of these checks are not documented: the messages are the emulator's. */
function checkConfiguration(configuration: JsonObject): void {
  const type = String(configuration['@odata.type'] ?? '');
  const allowed = appliesTo[type];
  if (!allowed) throw errors.badRequest(`'@odata.type' must be '${FIDO2}' or '${X509}'.`);
  const combinations = configuration.appliesToCombinations;
  if (
    !Array.isArray(combinations) ||
    combinations.length === 0 ||
    !combinations.every((c) => typeof c === 'string' && allowed.includes(c))
  ) {
    throw errors.badRequest(`appliesToCombinations is required and, for ${type.slice(1)}, may only hold ${allowed.join(' or ')}.`);
  }
}

function configurationRoutes(path: string, betaOnly: boolean): Route[] {
  const configurations = `${path}/${GUID}/combinationConfigurations`;
  return [
    {
      method: 'GET',
      pattern: new RegExp(`^${configurations}$`),
      scopes: scopes.readPolicies,
      betaOnly,
      throttle: 'none',
      handle(input) {
        const strength = findStrength(input.tenant, input.params[0]!);
        return jsonResponse(input.context, 200, {
          '@odata.context': contextUrl(input, `${path}('${input.params[0]!}')/combinationConfigurations`),
          value: structuredClone(configurationsOf(strength)),
        });
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${configurations}/${GUID}$`),
      scopes: scopes.readPolicies,
      betaOnly,
      throttle: 'none',
      handle(input) {
        const configuration = findConfiguration(findStrength(input.tenant, input.params[0]!), input.params[1]!);
        return jsonResponse(input.context, 200, {
          '@odata.context': contextUrl(input, `${path}('${input.params[0]!}')/combinationConfigurations/$entity`),
          ...structuredClone(configuration),
        });
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`^${configurations}$`),
      scopes: scopes.writeStrengths,
      betaOnly,
      throttle: 'none',
      async handle(input) {
        const strength = findStrength(input.tenant, input.params[0]!);
        if (strength.policyType !== 'custom') {
          throw errors.badRequest('Combination configurations can only be added to custom authentication strengths.');
        }
        const configuration: JsonObject = { '@odata.type': null, id: newId(), ...(await body(input)) };
        configuration.id = newId();
        checkConfiguration(configuration);
        configurationsOf(strength).push(configuration);
        strength.modifiedDateTime = input.context.now.toISOString();
        return jsonResponse(input.context, 201, {
          '@odata.context': contextUrl(input, `${path}('${input.params[0]!}')/combinationConfigurations/$entity`),
          ...structuredClone(configuration),
        });
      },
    },
    {
      method: 'PATCH',
      pattern: new RegExp(`^${configurations}/${GUID}$`),
      scopes: scopes.writeStrengths,
      betaOnly,
      throttle: 'none',
      async handle(input) {
        const strength = findStrength(input.tenant, input.params[0]!);
        const existing = findConfiguration(strength, input.params[1]!);
        const patch = await body(input);
        // The type of a configuration is fixed: the PATCH body may omit it.
        const next: JsonObject = { ...existing, ...patch, '@odata.type': existing['@odata.type'] ?? null, id: existing.id ?? null };
        checkConfiguration(next);
        const list = configurationsOf(strength);
        list[list.indexOf(existing)] = next;
        strength.modifiedDateTime = input.context.now.toISOString();
        return emptyResponse(input.context);
      },
    },
    {
      method: 'DELETE',
      pattern: new RegExp(`^${configurations}/${GUID}$`),
      scopes: scopes.writeStrengths,
      betaOnly,
      throttle: 'none',
      handle(input) {
        const strength = findStrength(input.tenant, input.params[0]!);
        const existing = findConfiguration(strength, input.params[1]!);
        strength.combinationConfigurations = configurationsOf(strength).filter((c) => c !== existing);
        strength.modifiedDateTime = input.context.now.toISOString();
        return emptyResponse(input.context);
      },
    },
  ];
}

export const combinationConfigurationRoutes: Route[] = strengthPaths.flatMap(({ path, betaOnly }) => configurationRoutes(path, betaOnly));
