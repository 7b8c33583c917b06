// Custom authentication strengths: create, update and find by name. Graph changes a strength in two
// ways: PATCH takes only its name and description, and the allowedCombinations action replaces its
// methods (v1:api/authenticationstrengthpolicy-update.md, -updateallowedcombinations.md). Writing needs
// Policy.ReadWrite.ConditionalAccess (or Policy.ReadWrite.AuthenticationMethod), which WRITE_SCOPES holds.
import type { GraphClient } from './client';
import { filterEq } from './odata-literal';

const STRENGTHS = '/beta/policies/authenticationStrengthPolicies';

/** A strength as Graph returns it (other properties kept as they come). */
export interface AuthenticationStrength {
  id: string;
  displayName: string;
  description?: string | null;
  policyType?: string;
  allowedCombinations?: string[];
  [key: string]: unknown;
}

/** What updateAllowedCombinations answers: the combinations before and after, and the policies that require the strength. */
export interface AllowedCombinationsResult {
  previousCombinations: string[];
  currentCombinations: string[];
  conditionalAccessReferences: string[];
  additionalInformation: string | null;
}

/**
 * POST: 201 with the strength. The body is `{ displayName, description, allowedCombinations }` (combination
 * configurations, such as FIDO2 key restrictions, are not part of a create). Not repeated by the client
 * after a lost answer: use `findAuthenticationStrengthsByName` before trying again.
 */
export function createAuthenticationStrength(
  client: GraphClient,
  body: Record<string, unknown>,
  writeScopes: readonly string[],
): Promise<AuthenticationStrength> {
  return client.request<AuthenticationStrength>(STRENGTHS, { method: 'POST', body, scopes: writeScopes });
}

const PATCHABLE = ['displayName', 'description'];

/**
 * Brings a custom strength to `changes`: allowedCombinations through updateAllowedCombinations (200),
 * then the name and description through PATCH (204), each only when `changes` holds it. Both are safe
 * to send again. Answers the combinations result (which policies require the strength), or null when
 * the methods were not changed. Other properties cannot be written this way and are refused up front.
 */
export async function updateAuthenticationStrength(
  client: GraphClient,
  id: string,
  changes: Record<string, unknown>,
  writeScopes: readonly string[],
): Promise<AllowedCombinationsResult | null> {
  const unwritable = Object.keys(changes).filter(
    (key) => key !== 'allowedCombinations' && key !== '@odata.type' && !PATCHABLE.includes(key),
  );
  if (unwritable.length > 0) {
    throw new Error(
      `Authentication strength ${id}: ${unwritable.join(', ')} cannot be changed through Graph (only name, description and methods).`,
    );
  }
  const path = `${STRENGTHS}/${encodeURIComponent(id)}`;
  let result: AllowedCombinationsResult | null = null;
  if ('allowedCombinations' in changes) {
    result = await client.request<AllowedCombinationsResult>(`${path}/updateAllowedCombinations`, {
      method: 'POST',
      body: { allowedCombinations: changes.allowedCombinations },
      scopes: writeScopes,
    });
  }
  const patch = Object.fromEntries(Object.entries(changes).filter(([key]) => PATCHABLE.includes(key)));
  if (Object.keys(patch).length > 0) await client.request(path, { method: 'PATCH', body: patch, scopes: writeScopes });
  return result;
}

/** One strength by its id (built-in or custom). */
export function getAuthenticationStrength(client: GraphClient, id: string): Promise<AuthenticationStrength> {
  return client.get<AuthenticationStrength>(`${STRENGTHS}/${encodeURIComponent(id)}`);
}

/** The custom strengths named exactly so ($filter displayName eq, documented for strengths): "did my create in fact succeed?". */
export async function findAuthenticationStrengthsByName(client: GraphClient, displayName: string): Promise<AuthenticationStrength[]> {
  const found = await client.list<AuthenticationStrength>(`${STRENGTHS}?${filterEq('displayName', displayName)}`);
  return found.filter((strength) => strength.policyType !== 'builtIn');
}
