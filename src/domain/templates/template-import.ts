// Templates chosen in the gallery become one import, planned and applied as any import is (the
// plan of the backup issue): each template a policy, its filled blanks replaced by the objects
// chosen, the others declared as blanks so the plan's mapping asks what they stand for. New
// policies are written report-only (Off for user actions) by the planner, not here.
import { emptyImportSet, type FileResult, type ImportSet, type NamedReference, type SectionReference } from '../import/import-set';
import type { ReferenceKind } from '../bundle/bundle';
import { fillBlanks, findBlanks, type FilledObject } from './blanks';
import { withAllClientApps } from './client-apps';
import type { GalleryTemplate } from './gallery-template';

const DIRECTORY: readonly string[] = ['user', 'group', 'role', 'application', 'servicePrincipal'];

export function templatesImport(templates: readonly GalleryTemplate[], fills: ReadonlyMap<string, readonly FilledObject[]>): ImportSet {
  const set = emptyImportSet();
  // A template saved on this device before the gallery wrote ['all'] for an empty list of client apps may still hold [].
  const policies = templates.map(
    (template) => withAllClientApps(fillBlanks({ ...template.policy, displayName: template.name }, fills)).policy,
  );
  set.sections.policies = policies;
  const references: NamedReference[] = [];
  const sectionReferences: SectionReference[] = [];
  for (const blank of findBlanks(policies)) {
    if (DIRECTORY.includes(blank.kind)) {
      references.push({ kind: blank.kind as ReferenceKind, id: blank.value, displayName: blank.name, exists: true, placeholder: true });
    } else {
      sectionReferences.push({ kind: blank.kind as SectionReference['kind'], id: blank.value, displayName: blank.name, placeholder: true });
    }
  }
  set.references = references;
  if (sectionReferences.length > 0) set.sectionReferences = sectionReferences;
  set.files = templates.map((t): FileResult => ({ path: t.name, status: 'read', format: null, message: '1 policy, from a template' }));
  return set;
}
