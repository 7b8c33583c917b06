// Another client of the local tenant: a script with a token of its own from the identity provider
// (client credentials), reading Graph as the emulator serves it, outside the console.
import type { APIRequestContext } from '@playwright/test';
import { expect } from './fixtures';
import { urls } from './ports';

const POLICIES = `${urls.emulator}/beta/identity/conditionalAccess/policies`;

/** The Authorization header of a script granted these permissions (e.g. 'Policy.Read.All'). */
export async function scriptHeaders(request: APIRequestContext, ...permissions: string[]) {
  const token = await request.post(`${urls.idp}/token`, {
    form: {
      grant_type: 'client_credentials',
      client_id: 'gatehouse-e2e-seeder',
      scope: permissions.map((permission) => `${urls.emulator}/${permission}`).join(' '),
    },
  });
  return { Authorization: `Bearer ${((await token.json()) as { access_token: string }).access_token}` };
}

/**
 * The policies as a script reads them. Conditional Access allows about one request a second per tenant,
 * the console's included: the script waits and tries again when throttled.
 */
export async function readPoliciesAsScript<T = { id: string; displayName: string; state: string }>(
  request: APIRequestContext,
): Promise<T[]> {
  const headers = await scriptHeaders(request, 'Policy.Read.All');
  let answer = await request.get(POLICIES, { headers });
  for (let tries = 0; answer.status() === 429 && tries < 5; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 1100));
    answer = await request.get(POLICIES, { headers });
  }
  expect(answer.status(), await answer.text()).toBe(200);
  return ((await answer.json()) as { value: T[] }).value;
}

/** Creates a policy as a script does (Policy.ReadWrite.ConditionalAccess), waiting out the tenant's throttle as reads do. */
export async function createPolicyAsScript(request: APIRequestContext, policy: object): Promise<{ id: string }> {
  const headers = await scriptHeaders(request, 'Policy.ReadWrite.ConditionalAccess');
  let answer = await request.post(POLICIES, { headers, data: policy });
  for (let tries = 0; answer.status() === 429 && tries < 5; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 1100));
    answer = await request.post(POLICIES, { headers, data: policy });
  }
  expect(answer.status(), await answer.text()).toBe(201);
  return (await answer.json()) as { id: string };
}
