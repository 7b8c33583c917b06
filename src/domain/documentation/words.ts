// The plain text of a document's parts, shared by the renderers: an object as "Name (id)", a
// line as its values or its words, a date the same way on every machine.
import type { DocLine, DocValue } from './document-model';

/** "Break Glass 01 (bg01@contoso.com, 1f0c…)", "All users", "Group A". */
export function valueText(value: DocValue): string {
  const inBrackets = [value.detail, value.id].filter((part): part is string => !!part);
  return inBrackets.length ? `${value.name} (${inBrackets.join(', ')})` : value.name;
}

export const lineText = (line: DocLine): string => line.text ?? line.values.map(valueText).join(', ');

/** "2026-11-30 12:00 UTC"; what does not read as a date is shown as it is. */
export function dateText(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export const documentTitle = (tenantName: string | null, masked: boolean) =>
  `Conditional Access: ${masked ? 'tenant (names masked)' : (tenantName ?? 'tenant')}`;
