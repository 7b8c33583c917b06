// Text that Monaco renders as Markdown (hover cards) must stay text: a tenant's names are chosen by
// its admins, and a named location called "[x](https://evil)" or "<img src=x>" must not become a
// live link or an image. Pure, so it is tested without Monaco.

// Every ASCII punctuation character: Markdown can read each as syntax, and each may be escaped.
const PUNCTUATION = /[!-/:-@[-`{-~]/g;

/** The text, escaped for Markdown: read back, it is exactly the same characters, on one line. */
export function escapeMarkdown(text: string): string {
  // A line break could start a heading, a list or a block of HTML: a name reads on one line.
  return text.replace(/\s+/g, ' ').replace(PUNCTUATION, '\\$&');
}

/** The hover card of an id in Markdown: its name bold, what it is, and a detail (a sign-in name…). */
export function hoverText({
  kind,
  label,
  detail,
  missing,
  elsewhere,
}: {
  kind: string;
  label: string;
  detail?: string;
  missing?: boolean;
  elsewhere?: boolean;
}): string {
  if (elsewhere) return `**${escapeMarkdown(label)}**: no object with this id in this tenant.`;
  if (missing) return `**Deleted ${escapeMarkdown(kind)}**: no object with this id exists any more.`;
  return `**${escapeMarkdown(label)}** (${escapeMarkdown(kind)})${detail ? `  \n${escapeMarkdown(detail)}` : ''}`;
}
