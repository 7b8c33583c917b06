// Changes to a custom authentication strength: its name and description (PATCH, 204), its allowed
// combinations (updateAllowedCombinations, 200 with what changed and which policies use it), and
// its deletion (204) when no policy requires it. Built-in strengths cannot be changed.
import { emptyResponse, errors, isObject, jsonResponse } from '../http';
import type { JsonObject, TenantState } from '../model';
import { GUID, scopes, type Route, type RouteInput } from '../route';
import { body, checkCombinations, findStrength, strengthPaths } from './authentication-strengths';

/** The error bodies for built-in and in-use strengths are not documented: these messages are the emulator's. */
function customStrength(input: RouteInput): JsonObject {
  const strength = findStrength(input.tenant, input.params[0]!);
  if (strength.policyType !== 'custom') throw errors.badRequest('Built-in authentication strengths cannot be changed or deleted.');
  return strength;
}

function policiesRequiring(tenant: TenantState, id: string): JsonObject[] {
  return tenant.policies.filter(
    (p) =>
      isObject(p.grantControls) && isObject(p.grantControls.authenticationStrength) && p.grantControls.authenticationStrength.id === id,
  );
}

function updateRoutes(path: string, betaOnly: boolean): Route[] {
  const one = `${path}/${GUID}`;
  return [
    {
      method: 'PATCH',
      pattern: new RegExp(`^${one}$`),
      scopes: scopes.writeStrengths,
      betaOnly,
      throttle: 'none',
      async handle(input) {
        const strength = customStrength(input);
        const patch = await body(input);
        // Only the name and the description change this way; combinations have their own action.
        const unsupported = Object.keys(patch).filter((key) => !['displayName', 'description', '@odata.type'].includes(key));
        if (unsupported.length > 0)
          throw errors.badRequest(
            `Only displayName and description can be updated; use updateAllowedCombinations for allowedCombinations (got ${unsupported.join(', ')}).`,
          );
        if ('displayName' in patch && (typeof patch.displayName !== 'string' || !patch.displayName.trim()))
          throw errors.badRequest('displayName cannot be empty.');
        Object.assign(strength, {
          ...('displayName' in patch ? { displayName: patch.displayName } : {}),
          ...('description' in patch ? { description: patch.description } : {}),
        });
        strength.modifiedDateTime = input.context.now.toISOString();
        return emptyResponse(input.context);
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`^${one}/updateAllowedCombinations$`),
      scopes: scopes.writeStrengths,
      betaOnly,
      throttle: 'none',
      async handle(input) {
        const strength = customStrength(input);
        const { allowedCombinations } = await body(input);
        checkCombinations(allowedCombinations);
        const previous = strength.allowedCombinations ?? [];
        strength.allowedCombinations = allowedCombinations!;
        strength.modifiedDateTime = input.context.now.toISOString();
        const references = policiesRequiring(input.tenant, String(strength.id)).map((p) => p.id ?? null);
        return jsonResponse(input.context, 200, {
          '@odata.type': '#microsoft.graph.updateAllowedCombinationsResult',
          previousCombinations: previous,
          currentCombinations: allowedCombinations!,
          conditionalAccessReferences: references,
          additionalInformation:
            references.length > 0
              ? `This authentication strength is required by ${references.length} Conditional Access policies: review conditionalAccessReferences.`
              : null,
        });
      },
    },
    {
      method: 'DELETE',
      pattern: new RegExp(`^${one}$`),
      scopes: scopes.writeStrengths,
      betaOnly,
      throttle: 'none',
      handle(input) {
        const strength = customStrength(input);
        const users = policiesRequiring(input.tenant, String(strength.id));
        if (users.length > 0) {
          throw errors.badRequest(
            `The authentication strength is required by ${users.map((p) => `'${String(p.displayName)}'`).join(', ')} and cannot be deleted.`,
          );
        }
        input.tenant.authenticationStrengths = input.tenant.authenticationStrengths.filter((s) => s !== strength);
        return emptyResponse(input.context);
      },
    },
  ];
}

export const authenticationStrengthUpdateRoutes: Route[] = strengthPaths.flatMap(({ path, betaOnly }) => updateRoutes(path, betaOnly));
