// The plain text of a document's parts, shared by the renderers: an object as "Name (id)", a
// line as its values or its words, a date the same way on every machine.
import type { DocLine, DocValue, TenantDocument } from './document-model';
import { TENANT_WORD } from './mask-text';

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

/** What a masked document says of its names, in every format that has room for a note. */
export function maskedNote(doc: TenantDocument): string {
  const n = doc.rewrittenPolicyNames;
  return [
    'Names are masked: users, groups, service principals, applications and named locations appear as pseudonyms (the same object keeps the same pseudonym throughout this document); their ids, sign-in names and IP ranges are left out. Roles and Microsoft’s own applications keep their names.',
    `Policy names and descriptions are kept, except where they held a masked name or the tenant’s name: that name is replaced by its pseudonym or by “${TENANT_WORD}”`,
    n ? `(${n === 1 ? 'one policy name' : `${n} policy names`} rewritten).` : '(no policy name held one).',
  ].join(' ');
}
