// What an import reads from the files an admin brings (a Gatehouse bundle, a zip or folder from
// another tool, loose policy files): the objects in Graph's own shape, what is known about the ids
// they name, and a result per file. Every reader produces this; the planner takes it from here.
import type { BundleSections, ReferenceEntry } from '../bundle/bundle';
import type { DeviceParts } from './device-parts';

/** A file as the admin brought it; a path inside a dropped folder or an expanded zip keeps its folders. */
export interface ImportFile {
  path: string;
  bytes: Uint8Array;
}

/** The shapes the readers recognise, named as admins know them. */
export type ImportFormat =
  | 'gatehouse-bundle'
  | 'graph-response'
  | 'graph-policy'
  | 'intune-management'
  | 'intune-migration-table'
  | 'entra-exporter'
  | 'policy-array'
  | 'cipp-template'
  | 'm365dsc'
  | 'graph-powershell'
  | 'named-location'
  | 'group';

export interface FileResult {
  path: string;
  /** read: its objects are in the set; ignored: not a Conditional Access file (said why); error: could not be read. */
  status: 'read' | 'ignored' | 'error';
  format: ImportFormat | null;
  /** In words: "3 policies", or the error with its place ("line 4, column 2"). */
  message: string;
}

/**
 * A value in an id place of a policy that is not a source-tenant id: a name (CIPP, Microsoft365DSC
 * write names where Graph has ids) or a placeholder left for the admin (`<GROUP>`). The value
 * appears verbatim in the policy; the planner maps it like any other reference.
 */
export interface NamedReference extends ReferenceEntry {
  /** True when the value is a blank for the admin to fill, not a name to look up. */
  placeholder?: boolean;
}

/**
 * A name or blank standing where a policy refers to a Conditional Access object (a named location,
 * an authentication strength or context, terms of use): Microsoft365DSC and CIPP write their names
 * where Graph has ids. Kept apart from `references`, whose kinds are directory objects only.
 */
export interface SectionReference {
  kind: 'namedLocation' | 'authenticationStrength' | 'authenticationContext' | 'termsOfUse';
  /** The value as it stands in the policy. */
  id: string;
  displayName: string | null;
  placeholder?: boolean;
}

export interface ImportSet {
  /** Where it was taken, when the files say so (a bundle's manifest, a migration table). */
  origin: { tenantId: string | null; tenantName: string | null; capturedAt: string | null; domain: string | null };
  /** The objects, keys in Graph's camelCase; ids as in the source (none for files that carry none). */
  sections: BundleSections;
  /**
   * The file each policy was read from, in the order of `sections.policies` (absent when they came from no file):
   * what tells apart two policies of one name from different files.
   */
  policyFiles?: string[];
  /** What is known of the ids and names the objects refer to, from the files themselves. */
  references: NamedReference[];
  /** Names and blanks in the places of Conditional Access objects (absent when there are none). */
  sectionReferences?: SectionReference[];
  /**
   * Groups to create though no policy written now names them yet (a rollout's later rings: created at
   * its start, so they can be filled before they join). `id` is the value a later write names them by.
   */
  groupsToCreate?: { id: string; displayName: string; purpose: string; shownPurpose?: string }[];
  /** What backups in the files hold that is kept on a device, not in the tenant (absent when none is). */
  deviceParts?: DeviceParts;
  files: FileResult[];
}

export const emptyImportSet = (): ImportSet => ({
  origin: { tenantId: null, tenantName: null, capturedAt: null, domain: null },
  sections: { policies: [], namedLocations: [], authenticationStrengths: [], authenticationContexts: [], termsOfUse: [] },
  references: [],
  files: [],
});
