// The console knows which objects exist from its name directory (references.ts: a lookup that
// cannot find an id marks it missing); the lint reads the bundle's reference table. This turns the
// one into the other, so both callers feed the lint the same way.
import type { ReferenceEntry, ReferenceKind } from '../bundle/bundle';
import { nameKey, type NameDirectory, type NameKind, type ResolvedName } from '../references';

const KINDS: Partial<Record<NameKind, ReferenceKind>> = {
  user: 'user',
  group: 'group',
  role: 'role',
  servicePrincipal: 'servicePrincipal',
  application: 'application',
};

/** The whole directory as references; with `only`, just the entries of those ids (a draft's own, say). */
export function referencesFromNames(directory: NameDirectory, only?: Iterable<string>): ReferenceEntry[] {
  const entries: ReferenceEntry[] = [];
  const add = (name: ResolvedName) => {
    const kind = KINDS[name.kind];
    if (kind) entries.push({ kind, id: name.id, displayName: name.missing ? null : name.displayName, exists: !name.missing });
  };
  if (!only) {
    for (const name of directory.names.values()) add(name);
    return entries;
  }
  const kinds = Object.keys(KINDS) as NameKind[];
  for (const id of only) {
    for (const kind of kinds) {
      const name = directory.names.get(nameKey(kind, id));
      if (name) add(name);
    }
  }
  return entries;
}
