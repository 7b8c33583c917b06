// The document as Markdown (for a wiki or a repository): the same summary and cards as the HTML,
// exclusions in bold with a warning sign, every name escaped so that no name can open a link, an
// HTML tag, a table cell or emphasis.
import type { DocLine, DocValue, PolicyCard, TenantDocument } from './document-model';
import { dateText, documentTitle, maskedNote, valueText } from './words';

/**
 * Escapes what CommonMark and GitHub read as syntax inside a line: emphasis, code, links (brackets),
 * HTML and entities, table cells, headings' closing #, strikethrough. Line breaks become spaces: a
 * name stays on its line.
 */
export const escapeMarkdown = (text: string) =>
  text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>#|~&]/g, '\\$&');

/** A paragraph of its own: also what would open a list, a quote or a heading at the start of a line. */
export const escapeParagraph = (text: string) =>
  escapeMarkdown(text)
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');

const value = (v: DocValue) => escapeMarkdown(valueText(v));

function line(l: DocLine): string {
  const body = l.text !== null ? escapeMarkdown(l.text) : l.values.map(value).join(', ');
  return l.exclusion ? `- ⚠ **${escapeMarkdown(l.label)}:** **${body}**` : `- ${escapeMarkdown(l.label)}: ${body}`;
}

function card(c: PolicyCard): string[] {
  const dates = [c.created && `created ${dateText(c.created)}`, c.lastModified && `last modified ${dateText(c.lastModified)}`].filter(
    Boolean,
  );
  return [
    `### ${escapeMarkdown(c.name)}`,
    '',
    `**${c.state}** · Id: ${escapeMarkdown(c.id)}${dates.length ? ` · ${dates.join(', ')}` : ''}`,
    '',
    ...(c.description ? [escapeParagraph(c.description), ''] : []),
    ...c.sections.flatMap((s) => [`#### ${s.title}`, '', ...s.lines.map(line), '']),
  ];
}

const cell = (text: string) => escapeMarkdown(text) || ' ';
const usedBy = (names: string[]) => (names.length ? names.map(escapeMarkdown).join('; ') : 'No policy');
const table = (head: string[], rows: string[][]) => [
  `| ${head.join(' | ')} |`,
  `|${head.map(() => ' --- ').join('|')}|`,
  ...rows.map((r) => `| ${r.join(' | ')} |`),
  '',
];

function summary(doc: TenantDocument): string[] {
  const s = doc.summary;
  const part = (title: string, count: number, rows: string[]) => [`### ${title} (${count})`, '', ...(count ? rows : ['None.', ''])];
  return [
    '## Tenant summary',
    '',
    ...table(['State', 'Policies'], [...s.states.map((r) => [r.state, String(r.count)]), ['**Total**', String(s.policyCount)]]),
    ...(s.goneObjects > 0
      ? [`${s.goneObjects} object${s.goneObjects === 1 ? '' : 's'} the policies name no longer existed when the backup was taken.`, '']
      : []),
    ...part(
      'Named locations',
      s.namedLocations.length,
      table(
        ['Name', 'Type', 'Ranges or countries', 'Trusted', 'Used by'],
        s.namedLocations.map((l) => [value(l.value), l.type, cell(l.entries), l.trusted ? 'Yes' : 'No', usedBy(l.usedBy)]),
      ),
    ),
    ...part(
      'Authentication strengths',
      s.strengths.length,
      table(
        ['Name', 'Kind', 'Allowed methods', 'Used by'],
        s.strengths.map((st) => [
          value(st.value),
          st.builtIn ? 'Built-in' : 'Custom',
          cell(st.combinations.join('; ') || 'Not in the backup'),
          usedBy(st.usedBy),
        ]),
      ),
    ),
    ...part(
      'Authentication contexts',
      s.contexts.length,
      table(
        ['Name', 'Description', 'Published to apps', 'Used by'],
        s.contexts.map((c) => [value(c.value), cell(c.description ?? ''), c.available ? 'Yes' : 'No', usedBy(c.usedBy)]),
      ),
    ),
    ...part(
      'Terms of use',
      s.termsOfUse.length,
      table(
        ['Name', 'Used by'],
        s.termsOfUse.map((t) => [value(t.value), usedBy(t.usedBy)]),
      ),
    ),
  ];
}

export function renderMarkdown(doc: TenantDocument): string {
  const about = [doc.tenant.id && `Tenant ${doc.tenant.id}`, `backup taken ${dateText(doc.capturedAt)}`, `${doc.policies.length} policies`]
    .filter(Boolean)
    .join(' · ');
  return [
    `# ${escapeMarkdown(documentTitle(doc.tenant.name, doc.masked))}`,
    '',
    escapeParagraph(about),
    '',
    ...(doc.masked ? [`> ${escapeParagraph(maskedNote(doc))}`, ''] : []),
    'Exclusions are marked ⚠ and in bold. Each policy follows the admin center’s order: Users, Target resources, Network, Conditions, Grant, Session.',
    '',
    ...summary(doc),
    `## Policies (${doc.policies.length})`,
    '',
    ...doc.policies.flatMap(card),
  ].join('\n');
}
