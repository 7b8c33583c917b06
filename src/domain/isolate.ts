// Text that came from the tenant or the admin's disk (a policy's name, a file's name) among the console's own
// words is isolated: a direction control inside it (U+202E…) or a right-to-left script cannot reorder the words
// around it ("report‮txt.json is not valid JSON" would show the sentence's end backwards). It is also kept on
// one line: Graph takes a line break in a name, and printed raw it would start a line of its own in a pipeline's
// log (a forged "::warning" workflow command, a forged plan line). Plain strings, so the messages built here
// (shown by the console and printed by the CLI) carry it; the UI's <Isolated> is the element form, in
// src/shared/ui/isolated-text.tsx, which re-exports this and shows each escape as a marker (escapedParts).
import { changesDirection, characterName } from './invisible-characters';

// Letters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko… and their presentation forms).
const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

// C0 and C1 controls (line feed, carriage return, tab, escape, next line…) and the line and paragraph separators.
const ESCAPED = '[\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]';
const CONTROL = new RegExp(ESCAPED, 'g');
const HAS_CONTROL = new RegExp(ESCAPED);
const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

const escapeOf = (c: string) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Control characters and line breaks shown as escapes ("\n", "\u0085"), so the text reads on one line. */
export const controlsShown = (text: string) => text.replace(CONTROL, escapeOf);

/** A run of the text as it is, or one character shown as an escape ("\n") with its name ("line feed"). */
export type ShownPart = string | { escape: string; name: string };

/**
 * The text cut where controlsShown puts an escape, for the console to mark each one apart from a backslash the
 * name really holds. Undefined when there is nothing to escape (most names).
 */
export function escapedParts(text: string): ShownPart[] | undefined {
  if (!HAS_CONTROL.test(text)) return undefined;
  const parts: ShownPart[] = [];
  let from = 0;
  for (const match of text.matchAll(CONTROL)) {
    if (match.index > from) parts.push(text.slice(from, match.index));
    parts.push({ escape: escapeOf(match[0]), name: characterName(match[0]) });
    from = match.index + 1;
  }
  if (from < text.length) parts.push(text.slice(from));
  return parts;
}

/**
 * The text on one line (control characters and line breaks as escapes), between First Strong Isolate and Pop
 * Directional Isolate when it holds a direction control or a right-to-left letter ("מדיניות 2" would take a
 * following number or quote into its run). A Latin name of printable characters stays exactly as it is.
 */
export function isolatedText(text: string): string {
  const shown = controlsShown(text);
  return changesDirection(shown) || RIGHT_TO_LEFT.test(shown) ? `\u2068${shown}\u2069` : shown;
}
