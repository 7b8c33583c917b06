// Names for policies read from a file and shown beside this tenant's. The tenant's lookup marks an
// id it does not hold as deleted; that is true of ids its own policies name, and of a backup of this
// tenant. A file from another tenant (or one that does not say whose it is) names objects that were
// most likely never here: "deleted" would send the admin looking for a deletion that never happened.
import { type NameDirectory, type References, type ResolvedName } from './references';

export interface FileOrigin {
  /** The file is a backup of this tenant: its ids that are gone here were deleted. */
  sameTenant: boolean;
  /** The names the file itself records (a backup keeps each reference's name). */
  names?: readonly ResolvedName[];
}

const idsOf = (refs: References): Set<string> =>
  new Set(Object.values(refs).flatMap((ids: Set<string>) => [...ids].map((id) => id.toLowerCase())));

/** The tenant's names, with the file's ids that the tenant does not hold said to be elsewhere. */
export function namesBesideFile(tenantNames: NameDirectory, tenantRefs: References, origin: FileOrigin): NameDirectory {
  if (origin.sameTenant) return tenantNames;
  const ours = idsOf(tenantRefs);
  const recorded = new Map((origin.names ?? []).filter((n) => !n.missing).map((n) => [n.id.toLowerCase(), n]));
  const names = new Map(tenantNames.names);
  for (const [key, name] of tenantNames.names) {
    if (!name.missing || ours.has(name.id.toLowerCase())) continue;
    const known = recorded.get(name.id.toLowerCase());
    const displayName = known ? `${known.displayName} (not in this tenant)` : 'Not in this tenant';
    names.set(key, { id: name.id, kind: name.kind, displayName, detail: known?.detail, missing: true, elsewhere: true });
  }
  return { ...tenantNames, names };
}
