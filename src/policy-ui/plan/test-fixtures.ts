// The fixtures the plan review's tests share: an import from another tenant of one policy, 'CA001 Pilot MFA',
// naming the users and groups a test needs, the tenant it is copied into (where nothing it names is found),
// and an import of one policy naming a hundred and fifty groups (past the rows a table draws at first).
import { emptyImportSet, type ImportSet, type NamedReference } from '../../domain/import/import-set';
import type { JsonObject } from '../../domain/json';
import type { PlanTarget } from '../../domain/plan/types';

export const SOURCE_TENANT = '11111111-1111-1111-1111-111111111111';
export const TARGET_TENANT = '22222222-2222-2222-2222-222222222222';

/** An import from the source tenant of 'CA001 Pilot MFA' (MFA for every app) with these users' conditions and references. */
export function pilotImport(users: JsonObject, references: NamedReference[]): ImportSet {
  const source = emptyImportSet();
  source.origin.tenantId = SOURCE_TENANT;
  source.sections.policies = [
    {
      id: 'cccccccc-0000-0000-0000-000000000001',
      displayName: 'CA001 Pilot MFA',
      state: 'enabled',
      conditions: { clientAppTypes: ['all'], users, applications: { includeApplications: ['All'] } },
      grantControls: { operator: 'OR', builtInControls: ['mfa'] },
    },
  ];
  source.references = references;
  return source;
}

/** The tenant copied into: it holds nothing, and none of these directory ids is found in it. */
export function emptyTarget(ids: readonly string[]): PlanTarget {
  return {
    tenantId: TARGET_TENANT,
    policies: [],
    namedLocations: [],
    authenticationStrengths: [],
    authenticationContexts: [],
    termsOfUse: [],
    directory: new Map(ids.map((id) => [id, []])),
  };
}

/** One policy that names 150 groups ('Group 000' to 'Group 149') no tenant has: every reference row needs a look. */
export function manyGroups(): { source: ImportSet; ids: string[] } {
  const source = emptyImportSet();
  const ids = Array.from({ length: 150 }, (_, i) => `bbbbbbbb-0000-0000-0000-${String(i).padStart(12, '0')}`);
  source.sections.policies = [
    {
      id: 'cccccccc-0000-0000-0000-000000000009',
      displayName: 'CA009 Many groups',
      state: 'enabled',
      conditions: { clientAppTypes: ['all'], users: { includeGroups: ids }, applications: { includeApplications: ['All'] } },
      grantControls: { operator: 'OR', builtInControls: ['mfa'] },
    },
  ];
  source.references = ids.map((id, i) => ({ kind: 'group', id, displayName: `Group ${String(i).padStart(3, '0')}`, exists: true }));
  return { source, ids };
}
