// A policy's change history from the directory audit log. Each Conditional Access event carries
// the whole policy before and after, as JSON strings. Events are read by service and date (both
// documented filters) and matched to the policy here, rather than with a lambda filter on
// targetResources whose support is not documented.
import type { GraphClient } from './client';
import type { JsonObject } from './policy-body';

export interface PolicyAuditEvent {
  id: string;
  activity: string;
  at: string;
  by: string;
  before: JsonObject | null;
  after: JsonObject | null;
}

interface RawEvent {
  id: string;
  activityDisplayName: string;
  activityDateTime: string;
  initiatedBy: { user: { userPrincipalName?: string } | null; app: { displayName?: string } | null };
  targetResources: { id: string; modifiedProperties?: { displayName: string; oldValue: string | null; newValue: string | null }[] }[];
}

const parse = (text: string | null | undefined): JsonObject | null => {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : null;
  } catch {
    return null;
  }
};

export async function listPolicyAuditEvents(client: GraphClient, policyId: string, since: Date, signal?: AbortSignal): Promise<PolicyAuditEvent[]> {
  const filter = `loggedByService eq 'Conditional Access' and activityDateTime ge ${since.toISOString()}`;
  const events = await client.list<RawEvent>(`/v1.0/auditLogs/directoryAudits?$filter=${encodeURIComponent(filter)}&$top=500`, { signal });
  return events
    .filter((e) => e.targetResources.some((t) => t.id === policyId))
    .map((e) => {
      const property = e.targetResources.find((t) => t.id === policyId)?.modifiedProperties?.[0];
      return {
        id: e.id,
        activity: e.activityDisplayName,
        at: e.activityDateTime,
        by: e.initiatedBy.user?.userPrincipalName ?? e.initiatedBy.app?.displayName ?? 'unknown',
        before: parse(property?.oldValue),
        after: parse(property?.newValue),
      };
    });
}
