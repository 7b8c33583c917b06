// The policy grid as CSV (RFC 4180: CRLF between records, fields quoted when they hold a comma, a
// quote or a line break), one row per policy, a column per section. A cell that a spreadsheet would
// take for a formula (= + - @, tab, carriage return) is prefixed with an apostrophe.
import type { DocSection, PolicyCard, TenantDocument } from './document-model';
import { dateText, lineText } from './words';

export function csvField(value: string): string {
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

const HEADER = ['Name', 'Id', 'State', 'Users', 'Target resources', 'Conditions', 'Grant', 'Session', 'Last modified'];

/** A section's lines, one per line of the cell: "Exclude: Group A, Group B". */
const sectionText = (sections: DocSection[], ...titles: DocSection['title'][]) =>
  sections
    .filter((s) => titles.includes(s.title))
    .flatMap((s) => s.lines.map((l) => `${s.title === 'Network' ? `Network (${l.label.toLowerCase()})` : l.label}: ${lineText(l)}`))
    .join('\n');

const row = (c: PolicyCard) => [
  c.name,
  c.id,
  c.state,
  sectionText(c.sections, 'Users'),
  sectionText(c.sections, 'Target resources'),
  sectionText(c.sections, 'Network', 'Conditions', 'Other settings'),
  sectionText(c.sections, 'Grant'),
  sectionText(c.sections, 'Session'),
  dateText(c.lastModified),
];

/** With a byte order mark, so that spreadsheets read the names as UTF-8. */
export function renderCsv(doc: TenantDocument): string {
  return `\uFEFF${[HEADER, ...doc.policies.map(row)].map((fields) => fields.map(csvField).join(',')).join('\r\n')}\r\n`;
}
