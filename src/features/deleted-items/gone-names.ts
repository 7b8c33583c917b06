// Names for what a deleted policy refers to that is gone. Graph no longer answers for a deleted
// object, so its id alone says nothing to an admin; the console can still know some names: a
// named location in deleted items, and the newest name the audit log recorded for a named location
// or an authentication strength (a policy's JSON carries the strength's name). Directory objects
// (users, groups, workload identities) leave no name in the Conditional Access log: they are said
// to be not found, with their id.
import type { AuditEvent } from '../../graph/audit';
import type { DeletedNamedLocation } from '../../graph/deleted-items';
import type { MissingDependency } from '../../domain/dependencies';
import { objectIn, type JsonObject } from '../../domain/json';

export interface GoneName {
  name: string;
  /** Where the name comes from, said beside it. */
  from: 'deleted items' | 'the audit log';
}

/** Ids are GUIDs, compared without case. */
export type GoneNames = ReadonlyMap<string, GoneName>;

const key = (id: string) => id.toLowerCase();

/** The strength a policy version requires, with its name when the version carries it. */
function strengthIn(version: JsonObject | null): { id: string; name: string } | null {
  const { id, displayName } = objectIn(objectIn(version?.grantControls).authenticationStrength);
  return typeof id === 'string' && typeof displayName === 'string' && displayName ? { id, name: displayName } : null;
}

/** Every name known for a gone object: deleted items first, then the newest the audit log recorded. */
export function goneNames(events: readonly AuditEvent[], deletedLocations: readonly DeletedNamedLocation[]): GoneNames {
  const names = new Map<string, GoneName>();
  const offer = (id: string, name: string, from: GoneName['from']) => {
    if (!names.has(key(id))) names.set(key(id), { name, from });
  };
  for (const location of deletedLocations) offer(location.id, location.displayName, 'deleted items');
  // The log comes newest first: the first name met for an id is its latest.
  for (const event of events) {
    if (event.targetType === 'NamedLocation' && event.targetName && event.targetName !== event.targetId)
      offer(event.targetId, event.targetName, 'the audit log');
    if (event.targetType === 'Policy')
      for (const version of [event.after, event.before]) {
        const strength = strengthIn(version);
        if (strength) offer(strength.id, strength.name, 'the audit log');
      }
  }
  return names;
}

/** How a missing dependency is named: its name where one is known, and honestly what is not known. */
export function nameOfMissing(missing: MissingDependency, known: GoneNames | undefined): string {
  if (missing.restorable) return `“${missing.restorable.displayName}” (in deleted items)`;
  const found = known?.get(key(missing.id));
  if (found) return `“${found.name}” (deleted; name from ${found.from}; id ${missing.id})`;
  return missing.kind === 'directoryObject'
    ? `${missing.id} (not found: deleted, or never in this tenant; its name is not known)`
    : `${missing.id} (deleted; its name is not known)`;
}
