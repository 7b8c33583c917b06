// While a policy's names are looked up, an object whose name is not known yet reads "Resolving name…"
// (its id in its tooltip), not as a raw id that turns into a name a second later.
import type { NameRef, SummarySection } from '../../domain/describe-policy';

export const RESOLVING_NAME = 'Resolving name…';

/** Not named, and of a kind that is looked up (special values, tenants and user actions are not). */
const unnamed = (ref: NameRef) =>
  ref.label === ref.id && !ref.missing && ref.kind !== undefined && ref.kind !== 'special' && ref.kind !== 'tenant';

export const namesOnTheirWay = (sections: SummarySection[]): SummarySection[] =>
  sections.map((section) => ({
    ...section,
    lines: section.lines.map((line) => ({
      ...line,
      // Not `pending`: the view draws a pending value as an id, in a monospace font.
      values: line.values.map((ref) => (unnamed(ref) ? { ...ref, label: RESOLVING_NAME, pending: false } : ref)),
    })),
  }));
