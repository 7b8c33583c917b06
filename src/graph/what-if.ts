// What the what-if page reads: Graph's own evaluation of a made-up sign-in against the saved
// policies (POST /identity/conditionalAccess/evaluate, v1.0, documented 2025; beta for an agent identity), the user's groups,
// roles, guest status and agent user or not for the console's engine, and the tenant's named locations.
import type { GuestFacts, NamedLocationData } from '../domain/evaluation/sign-in';
import type { JsonObject } from '../domain/json';
import type { GraphClient } from './client';
import { readMembership } from './directory';
import { agentKind } from './object-kind';

/** One policy as Graph's evaluate answered it: the policy, whether it applies, and if not, why. */
export interface GraphWhatIfResult {
  id: string;
  displayName: string;
  state: string;
  policyApplies: boolean;
  /** `notSet` when it applies; else the condition that did not match (users, location, …). */
  analysisReasons: string;
}

/**
 * Graph's answer for every policy. A POST that changes nothing (Policy.Read.All suffices): safe to send again.
 * beta for what only beta knows (an agent identity's sign-in and risk: evaluateVersion), else v1.0.
 */
export async function evaluateWhatIf(
  client: GraphClient,
  body: JsonObject,
  version: 'v1.0' | 'beta',
  signal?: AbortSignal,
): Promise<GraphWhatIfResult[]> {
  const answer = await client.request<{ value?: JsonObject[] }>(`/${version}/identity/conditionalAccess/evaluate`, {
    method: 'POST',
    body,
    signal,
    idempotent: true,
  });
  return (answer.value ?? []).map((item) => ({
    id: String(item.id ?? ''),
    displayName: typeof item.displayName === 'string' ? item.displayName : String(item.id ?? ''),
    state: typeof item.state === 'string' ? item.state : '',
    policyApplies: item.policyApplies === true,
    analysisReasons: typeof item.analysisReasons === 'string' ? item.analysisReasons : 'notSet',
  }));
}

/** The user's transitive groups, active roles (by template id), whether, and how, a guest, and whether an agent user. */
export async function readSignInSubject(
  client: GraphClient,
  userId: string,
  signal?: AbortSignal,
): Promise<{ groupIds: string[]; roleTemplateIds: string[]; guest: GuestFacts | null; agentUser: boolean }> {
  const [membership, user] = await Promise.all([
    readMembership(client, 'users', userId, signal),
    client.get<{ '@odata.type'?: string; userType?: string | null; userPrincipalName?: string | null }>(
      `/v1.0/users/${encodeURIComponent(userId)}?$select=id,userType,userPrincipalName`,
      { signal },
    ),
  ]);
  // An invited account's sign-in name carries #EXT#; its userType says guest or member (B2B).
  const external = (user.userPrincipalName ?? '').includes('#EXT#');
  const guestType = (user.userType ?? '').toLowerCase() === 'guest';
  const guest: GuestFacts | null = external
    ? { kinds: [guestType ? 'b2bCollaborationGuest' : 'b2bCollaborationMember'] }
    : guestType
      ? { kinds: ['internalGuest'] }
      : null;
  return {
    groupIds: membership.groups.map((g) => g.id),
    roleTemplateIds: membership.roles.map((r) => r.id),
    guest,
    // Graph names a derived type in @odata.type (an agent user is a user of type agentUser); a person's has none.
    agentUser: agentKind(user['@odata.type']) === 'agentUser',
  };
}

/** The tenant that owns an application, by its appId; null when this tenant has no service principal for it. */
export async function readApplicationOwner(client: GraphClient, appId: string, signal?: AbortSignal): Promise<string | null> {
  const filter = encodeURIComponent(`appId eq '${appId.replace(/'/g, "''")}'`);
  const page = await client.get<{ value: { appOwnerOrganizationId?: string | null }[] }>(
    `/v1.0/servicePrincipals?$filter=${filter}&$select=id,appId,appOwnerOrganizationId`,
    { signal },
  );
  return page.value[0]?.appOwnerOrganizationId ?? null;
}

/**
 * What Conditional Access asks of a workload identity: a managed identity or not, owned by this tenant or
 * not, and an agent identity or not (policies name agent identities in lists of their own).
 */
export async function readWorkload(
  client: GraphClient,
  servicePrincipalId: string,
  tenantId: string,
  signal?: AbortSignal,
): Promise<{ servicePrincipalType?: 'application' | 'managedIdentity'; ownedByThisTenant?: boolean; agentIdentity?: boolean }> {
  const sp = await client.get<{ '@odata.type'?: string; servicePrincipalType?: string | null; appOwnerOrganizationId?: string | null }>(
    // Beta: agentIdentity is a beta type, which a v1.0 answer need not name.
    `/beta/servicePrincipals/${encodeURIComponent(servicePrincipalId)}?$select=id,servicePrincipalType,appOwnerOrganizationId`,
    { signal },
  );
  const type = sp.servicePrincipalType?.toLowerCase();
  return {
    // Graph names the derived type in @odata.type (an agent identity is a service principal of type agentIdentity).
    // An answer without it says nothing either way: what the caller knew (an identity picked among agents) stands.
    ...(typeof sp['@odata.type'] === 'string' && { agentIdentity: agentKind(sp['@odata.type']) === 'agentIdentity' }),
    ...(type === 'managedidentity'
      ? { servicePrincipalType: 'managedIdentity' as const }
      : type === 'application'
        ? { servicePrincipalType: 'application' as const }
        : {}),
    ...(sp.appOwnerOrganizationId ? { ownedByThisTenant: sp.appOwnerOrganizationId.toLowerCase() === tenantId.toLowerCase() } : {}),
  };
}

/** Every named location, as the engine reads them (IP ranges, countries, trusted). */
export function listNamedLocations(client: GraphClient, signal?: AbortSignal): Promise<NamedLocationData[]> {
  return client.list<NamedLocationData>('/beta/identity/conditionalAccess/namedLocations', { signal });
}
