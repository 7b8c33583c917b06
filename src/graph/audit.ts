// Conditional Access changes from the directory audit log. Each event carries the whole object
// before and after, as JSON strings. Events are read by service and date (both documented filters)
// and matched to a policy here, rather than with a lambda filter on targetResources whose support
// is not documented. The log is paged; every page of the window is read.
import type { GraphClient } from './client';
import type { JsonObject } from '../domain/policy-body';

export interface AuditEvent {
  id: string;
  activity: string;
  at: string;
  by: string;
  targetId: string;
  targetName: string;
  /** "Policy" or "NamedLocation". */
  targetType: string;
  before: JsonObject | null;
  after: JsonObject | null;
}

/** How long the directory audit log keeps events (with a Microsoft Entra ID P1 licence). */
export const AUDIT_RETENTION_DAYS = 30;

interface RawEvent {
  id: string;
  activityDisplayName: string;
  activityDateTime: string;
  initiatedBy: { user: { userPrincipalName?: string } | null; app: { displayName?: string } | null };
  targetResources: {
    id: string;
    displayName?: string | null;
    type?: string | null;
    modifiedProperties?: { displayName: string; oldValue: string | null; newValue: string | null }[];
  }[];
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

export interface AuditWindow {
  since: Date;
  until?: Date;
}

/** Every Conditional Access event in the window, newest first. */
export async function listConditionalAccessEvents(client: GraphClient, window: AuditWindow, signal?: AbortSignal): Promise<AuditEvent[]> {
  const parts = [`loggedByService eq 'Conditional Access'`, `activityDateTime ge ${window.since.toISOString()}`];
  if (window.until) parts.push(`activityDateTime le ${window.until.toISOString()}`);
  const events = await client.list<RawEvent>(
    `/v1.0/auditLogs/directoryAudits?$filter=${encodeURIComponent(parts.join(' and '))}&$top=500`,
    { signal },
  );
  return events
    .flatMap((e) => {
      const target = e.targetResources[0];
      if (!target) return [];
      const property = target.modifiedProperties?.[0];
      const before = parse(property?.oldValue);
      const after = parse(property?.newValue);
      const name =
        target.displayName || (typeof (after ?? before)?.displayName === 'string' ? String((after ?? before)!.displayName) : target.id);
      return [
        {
          id: e.id,
          activity: e.activityDisplayName,
          at: e.activityDateTime,
          by: e.initiatedBy.user?.userPrincipalName ?? e.initiatedBy.app?.displayName ?? 'unknown',
          targetId: target.id,
          targetName: name,
          targetType: target.type ?? 'Policy',
          before,
          after,
        },
      ];
    })
    .sort((a, b) => b.at.localeCompare(a.at));
}

/** The events of one policy, out of a read of the log. */
export const eventsOf = (events: readonly AuditEvent[], targetId: string): AuditEvent[] => events.filter((e) => e.targetId === targetId);
