// The newest known version of each policy that is gone from the tenant and from deleted items:
// from the audit log (its before or after JSON) and from the versions kept on this device.
import type { AuditEvent } from '../../graph/audit';
import type { JsonObject } from '../../domain/policy-body';
import type { StoredVersion } from '../../operations/ports';

export interface LastKnownVersion {
  id: string;
  name: string;
  at: string;
  source: string;
  version: JsonObject;
}

/** The newest known version of each policy that is neither in the tenant nor in deleted items. */
export function lastKnownVersions(
  events: readonly AuditEvent[],
  local: readonly StoredVersion[],
  present: ReadonlySet<string>,
): LastKnownVersion[] {
  const found = new Map<string, LastKnownVersion>();
  const offer = (candidate: LastKnownVersion) => {
    if (present.has(candidate.id)) return;
    const known = found.get(candidate.id);
    if (!known || known.at < candidate.at) found.set(candidate.id, candidate);
  };
  for (const event of events) {
    const version = event.before ?? event.after;
    if (event.targetType !== 'Policy' || !version) continue;
    offer({
      id: event.targetId,
      name: event.targetName,
      at: event.at,
      source: `audit log: ${event.activity.toLowerCase()} by ${event.by}`,
      version,
    });
  }
  for (const stored of local) {
    const version = JSON.parse(stored.json) as JsonObject;
    offer({
      id: stored.itemId,
      name: typeof version.displayName === 'string' ? version.displayName : stored.itemId,
      at: stored.recordedAt,
      source: `kept on this device ${stored.reason}`,
      version,
    });
  }
  return [...found.values()].sort((a, b) => b.at.localeCompare(a.at));
}
