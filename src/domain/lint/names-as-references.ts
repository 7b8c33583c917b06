// The console knows which objects exist from its name directory (references.ts: a lookup that
// cannot find an id marks it missing); the lint reads the bundle's reference table. This turns the
// one into the other, so both callers feed the lint the same way.
import type { ReferenceEntry, ReferenceKind } from '../bundle/bundle';
import type { NameDirectory, NameKind } from '../references';

const KINDS: Partial<Record<NameKind, ReferenceKind>> = {
  user: 'user',
  group: 'group',
  role: 'role',
  servicePrincipal: 'servicePrincipal',
  application: 'application',
};

export function referencesFromNames(directory: NameDirectory): ReferenceEntry[] {
  const entries: ReferenceEntry[] = [];
  for (const name of directory.names.values()) {
    const kind = KINDS[name.kind];
    if (!kind) continue;
    entries.push({ kind, id: name.id, displayName: name.missing ? null : name.displayName, exists: !name.missing });
  }
  return entries;
}
