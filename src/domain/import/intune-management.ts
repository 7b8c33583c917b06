// IntuneManagement (Mikael Karlsson's PowerShell tool) exports one file per object in a folder per
// type (ConditionalAccess/, NamedLocations/, Groups/…), UTF-16 or UTF-8, and a MigrationTable.json
// at the root: the source tenant's id and organization, and every directory object the exported
// objects name, with its display name and type. Group files may carry `%OrganizationId%`, which the
// tool fills with the target tenant's id on import; nothing of a policy depends on it.
import { isJsonObject, type Json } from '../json';
import type { ImportSet, NamedReference } from './import-set';

const KINDS: Record<string, NamedReference['kind']> = {
  group: 'group',
  user: 'user',
  role: 'role',
  directoryrole: 'role',
  roledefinition: 'role',
  application: 'application',
  serviceprincipal: 'servicePrincipal',
};

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : null);

export const isMigrationTable = (value: Json): boolean =>
  isJsonObject(value) &&
  Array.isArray(value.Objects) &&
  value.Objects.every((o) => isJsonObject(o) && typeof o.Id === 'string' && 'Type' in o) &&
  ('TenantId' in value || value.Objects.length > 0);

export interface MigrationTable {
  references: NamedReference[];
  origin: Partial<ImportSet['origin']>;
  /** Types the table lists that policies do not refer to (scope tags, filters…), with their counts. */
  otherTypes: Record<string, number>;
}

export function readMigrationTable(value: Json): MigrationTable {
  const table = isJsonObject(value) ? value : {};
  const references: NamedReference[] = [];
  const otherTypes: Record<string, number> = {};
  for (const entry of Array.isArray(table.Objects) ? table.Objects : []) {
    if (!isJsonObject(entry)) continue;
    const type = text(entry.Type) ?? 'unknown';
    const kind = KINDS[type.toLowerCase()];
    const id = text(entry.Id);
    if (!kind || !id) {
      otherTypes[type] = (otherTypes[type] ?? 0) + 1;
      continue;
    }
    const ref: NamedReference = { kind, id, displayName: text(entry.DisplayName), exists: true };
    if (kind === 'role') ref.roleTemplateId = id;
    references.push(ref);
  }
  return { references, origin: { tenantId: text(table.TenantId), tenantName: text(table.Organization) }, otherTypes };
}

/** The folders of a drop that an IntuneManagement export roots (where its MigrationTable.json is). */
export const intuneRoots = (paths: readonly string[]): string[] =>
  paths.filter((p) => /(^|\/)MigrationTable\.json$/i.test(p)).map((p) => p.slice(0, p.length - 'MigrationTable.json'.length));
