// Conditional Access policies. Read through beta so that properties Graph has not yet promoted to
// v1.0 (agents, insider risk, token protection...) are shown rather than silently missing.
import type { GraphClient } from './client';
import type { ConditionalAccessPolicy } from './types';

export const POLICY_LIMIT = 195;
const POLICIES = '/beta/identity/conditionalAccess/policies';

export function listPolicies(client: GraphClient, signal?: AbortSignal): Promise<ConditionalAccessPolicy[]> {
  return client.list<ConditionalAccessPolicy>(POLICIES, { signal });
}

export function getPolicy(client: GraphClient, id: string, signal?: AbortSignal): Promise<ConditionalAccessPolicy> {
  return client.get<ConditionalAccessPolicy>(`${POLICIES}/${encodeURIComponent(id)}`, { signal });
}
