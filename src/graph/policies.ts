// Conditional Access policies. Read through beta so that properties Graph has not yet promoted to
// v1.0 (agents, insider risk, token protection...) are shown rather than silently missing.
import type { GraphClient } from './client';
import type { ConditionalAccessPolicy } from '../domain/types';
import { SERVICE_POLICY_LIMIT } from '../domain/plan/limits';

export const POLICY_LIMIT = SERVICE_POLICY_LIMIT;
const POLICIES = '/beta/identity/conditionalAccess/policies';

export function listPolicies(client: GraphClient, signal?: AbortSignal): Promise<ConditionalAccessPolicy[]> {
  return client.list<ConditionalAccessPolicy>(POLICIES, { signal });
}

/** POST: the service answers 201 with the whole policy. */
export function createPolicy(
  client: GraphClient,
  body: Record<string, unknown>,
  writeScopes: readonly string[],
): Promise<ConditionalAccessPolicy> {
  return client.request<ConditionalAccessPolicy>(POLICIES, { method: 'POST', body, scopes: writeScopes });
}

export interface PolicyTemplate {
  id: string;
  name: string;
  description: string;
  scenarios: string;
  details: Record<string, unknown>;
}

export function listTemplates(client: GraphClient, signal?: AbortSignal): Promise<PolicyTemplate[]> {
  return client.list<PolicyTemplate>('/beta/identity/conditionalAccess/templates', { signal });
}

/** PATCH: the service answers 204 and no body, so callers read the policy back. */
export async function updatePolicy(
  client: GraphClient,
  id: string,
  patch: Record<string, unknown>,
  writeScopes: readonly string[],
): Promise<void> {
  await client.request(`${POLICIES}/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch, scopes: writeScopes });
}

/** DELETE: the policy goes to deleted items (beta) for 30 days. */
export async function deletePolicy(client: GraphClient, id: string, writeScopes: readonly string[]): Promise<void> {
  await client.request(`${POLICIES}/${encodeURIComponent(id)}`, { method: 'DELETE', scopes: writeScopes, idempotent: false });
}

export function getPolicy(client: GraphClient, id: string, signal?: AbortSignal): Promise<ConditionalAccessPolicy> {
  return client.get<ConditionalAccessPolicy>(`${POLICIES}/${encodeURIComponent(id)}`, { signal });
}
