// Authentication strengths: the three built-in and custom ones (list, get, create) and the method
// modes they combine. Changes are in authentication-strength-updates.ts, combination configurations
// in authentication-combination-configurations.ts. v1.0 and beta serve strengths under
// policies/authenticationStrengthPolicies; beta also under identity/conditionalAccess/
// authenticationStrength/policies (and the deprecated …/authenticationStrengths/policies, which the
// documentation's own examples still use).
import { errors, isObject, jsonResponse, readJson } from '../http';
import { newId } from '../ids';
import type { Json, JsonObject, TenantState } from '../model';
import { applySelect, compileFilter, listBody, paginate, selector } from '../odata';
import { contextUrl, GUID, scopes, type Route, type RouteInput } from '../route';

export const strengthPaths = [
  { path: 'policies/authenticationStrengthPolicies', betaOnly: false },
  { path: 'identity/conditionalAccess/authenticationStrength/policies', betaOnly: true },
  { path: 'identity/conditionalAccess/authenticationStrengths/policies', betaOnly: true },
];

/** The authentication method modes a combination is made of, with the names Graph gives them. */
const methodModeDetails: [id: string, displayName: string, authenticationMethod: string][] = [
  ['password', 'Password', 'password'],
  ['voice', 'Voice', 'voice'],
  ['hardwareOath', 'Hardware OATH tokens', 'hardwareOath'],
  ['softwareOath', 'Software OATH tokens', 'softwareOath'],
  ['sms', 'SMS', 'sms'],
  ['fido2', 'FIDO2 Security Key', 'fido2'],
  ['windowsHelloForBusiness', 'Windows Hello for Business', 'windowsHelloForBusiness'],
  ['microsoftAuthenticatorPush', 'Microsoft Authenticator (push notification)', 'microsoftAuthenticator'],
  ['deviceBasedPush', 'Microsoft Authenticator (Passwordless)', 'microsoftAuthenticator'],
  ['temporaryAccessPassOneTime', 'Temporary Access Pass (one-time use)', 'temporaryAccessPass'],
  ['temporaryAccessPassMultiUse', 'Temporary Access Pass (multi-use)', 'temporaryAccessPass'],
  ['email', 'Email one-time passcode', 'email'],
  ['x509CertificateSingleFactor', 'Certificate-based authentication (single-factor)', 'x509Certificate'],
  ['x509CertificateMultiFactor', 'Certificate-based authentication (multi-factor)', 'x509Certificate'],
  ['federatedSingleFactor', 'Federation (single-factor)', 'federation'],
  ['federatedMultiFactor', 'Federation (multi-factor)', 'federation'],
  ['qrCodePin', 'QR code', 'qrCodePin'],
];
const methodModes = new Set(methodModeDetails.map(([id]) => id));

/** A strength as Graph returns it: its combination configurations inline, [] when it has none. */
export function presentStrength(strength: JsonObject): JsonObject {
  return { ...structuredClone(strength), combinationConfigurations: structuredClone(strength.combinationConfigurations ?? []) };
}

export function findStrength(tenant: TenantState, id: string): JsonObject {
  const found = tenant.authenticationStrengths.find((s) => s.id === id);
  if (!found) throw errors.notFound('authenticationStrengthPolicy', id);
  return found;
}

export async function body(input: RouteInput): Promise<JsonObject> {
  const parsed = await readJson(input.request);
  if (!isObject(parsed)) throw errors.invalidJson();
  const copy = { ...(parsed as JsonObject) };
  for (const key of ['id', '@odata.context']) delete copy[key];
  return copy;
}

export function checkCombinations(value: Json | undefined): void {
  const valid =
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((combination) => typeof combination === 'string' && combination.split(',').every((mode) => methodModes.has(mode.trim())));
  if (!valid) throw errors.badRequest('allowedCombinations must list one or more combinations of authentication method modes.');
}

function strengthRoutes(path: string, betaOnly: boolean): Route[] {
  const one = `${path}/${GUID}`;
  return [
    {
      method: 'GET',
      pattern: new RegExp(`^${path}$`),
      scopes: scopes.readPolicies,
      betaOnly,
      throttle: 'none',
      handle(input) {
        const filter = compileFilter(input.url.searchParams.get('$filter'));
        const page = paginate(input.tenant.authenticationStrengths.map(presentStrength).filter(filter), input.url, null);
        page.items = page.items.map(selector(input.url.searchParams.get('$select')));
        return jsonResponse(input.context, 200, listBody(contextUrl(input, path), page));
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${one}$`),
      scopes: scopes.readPolicies,
      betaOnly,
      throttle: 'none',
      handle: (input) =>
        jsonResponse(input.context, 200, {
          '@odata.context': contextUrl(input, `${path}/$entity`),
          ...applySelect(presentStrength(findStrength(input.tenant, input.params[0]!)), input.url.searchParams.get('$select')),
        }),
    },
    {
      method: 'POST',
      pattern: new RegExp(`^${path}$`),
      scopes: scopes.writeStrengths,
      betaOnly,
      throttle: 'none',
      async handle(input) {
        const values = await body(input);
        if (typeof values.displayName !== 'string' || !values.displayName.trim()) throw errors.badRequest('displayName is required.');
        checkCombinations(values.allowedCombinations);
        const now = input.context.now.toISOString();
        const created: JsonObject = {
          id: newId(),
          createdDateTime: now,
          modifiedDateTime: now,
          displayName: values.displayName,
          description: values.description ?? null,
          policyType: 'custom',
          requirementsSatisfied: 'mfa',
          allowedCombinations: values.allowedCombinations ?? [],
          combinationConfigurations: [],
        };
        input.tenant.authenticationStrengths.push(created);
        return jsonResponse(input.context, 201, { '@odata.context': contextUrl(input, `${path}/$entity`), ...presentStrength(created) });
      },
    },
  ];
}

/** beta: the modes combinations can be made of (the documentation's example uses the older plural segment). */
const methodModeRoutes: Route[] = ['authenticationStrength', 'authenticationStrengths'].map((segment) => ({
  method: 'GET',
  pattern: new RegExp(`^identity/conditionalAccess/${segment}/authenticationMethodModes$`),
  scopes: scopes.readPolicies,
  betaOnly: true,
  throttle: 'none',
  handle: (input: RouteInput) =>
    jsonResponse(input.context, 200, {
      '@odata.context': contextUrl(input, 'authenticationMethodModeDetail'),
      value: methodModeDetails.map(([id, displayName, authenticationMethod]) => ({ id, displayName, authenticationMethod })),
    }),
}));

export const authenticationStrengthRoutes: Route[] = [
  ...strengthPaths.flatMap(({ path, betaOnly }) => strengthRoutes(path, betaOnly)),
  ...methodModeRoutes,
];
