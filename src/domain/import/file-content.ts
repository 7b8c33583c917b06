// What one file brought to the import, before it is merged with the others: its objects, what it
// says of the ids they name, where it was taken, and sentences for its result.
import type { BundleSections } from '../bundle/bundle';
import type { DeviceParts } from './device-parts';
import type { ImportFormat, ImportSet, NamedReference, SectionReference } from './import-set';

export interface FileContent {
  format: ImportFormat;
  sections: BundleSections;
  references: NamedReference[];
  sectionReferences: SectionReference[];
  origin: Partial<ImportSet['origin']>;
  /** What the file holds besides the objects, in words ("the table of 36 directory objects"). */
  holds: string[];
  /** Sentences after the counts: names turned into ids, blanks to fill, problems. */
  notes: string[];
  /** A backup's contingency plans, rollouts and lint suppressions: counted, not imported. */
  deviceParts?: DeviceParts;
}

export type Outcome =
  { status: 'read'; content: FileContent } | { status: 'ignored' | 'error'; format: ImportFormat | null; message: string };

export const emptyContent = (format: ImportFormat): FileContent => ({
  format,
  sections: { policies: [], namedLocations: [], authenticationStrengths: [], authenticationContexts: [], termsOfUse: [] },
  references: [],
  sectionReferences: [],
  origin: {},
  holds: [],
  notes: [],
});
