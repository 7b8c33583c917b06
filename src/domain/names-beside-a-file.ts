// Names for policies read from a file and shown beside this tenant's. The tenant's lookup marks an
// id it does not hold as deleted; that is true of ids its own policies name, and of a backup of this
// tenant. A file from another tenant names objects that were most likely never here: "deleted" would
// send the admin looking for a deletion that never happened. A file that does not say whose it is (a
// plain export) may be either, and is said to be.
import { type NameDirectory, type References, type ResolvedName } from './references';

export interface FileOrigin {
  /**
   * Whose the file says it is: this tenant's (its ids that are gone here were deleted), another's,
   * or unsaid (an export without its tenant: an id not here was deleted, or never here).
   */
  tenant: 'this' | 'another' | 'unsaid';
  /** The names the file itself records (a backup keeps each reference's name). */
  names?: readonly ResolvedName[];
}

const idsOf = (refs: References): Set<string> =>
  new Set(Object.values(refs).flatMap((ids: Set<string>) => [...ids].map((id) => id.toLowerCase())));

/** The tenant's names, with the file's ids that the tenant does not hold said to be elsewhere. */
export function namesBesideFile(tenantNames: NameDirectory, tenantRefs: References, origin: FileOrigin): NameDirectory {
  if (origin.tenant === 'this') return tenantNames;
  const unnamed = origin.tenant === 'unsaid' ? 'Not in this tenant (deleted, or never here)' : 'Not in this tenant';
  const ours = idsOf(tenantRefs);
  const recorded = new Map((origin.names ?? []).filter((n) => !n.missing).map((n) => [n.id.toLowerCase(), n]));
  const names = new Map(tenantNames.names);
  for (const [key, name] of tenantNames.names) {
    if (!name.missing || ours.has(name.id.toLowerCase())) continue;
    const known = recorded.get(name.id.toLowerCase());
    const displayName = known ? `${known.displayName} (not in this tenant)` : unnamed;
    names.set(key, { id: name.id, kind: name.kind, displayName, detail: known?.detail, missing: true, elsewhere: true });
  }
  return { ...tenantNames, names };
}
