// Text that came from the tenant or the admin's disk (a policy's name, a file's name) among the console's own
// words reads as it is stored, in logical order, on one line. The direction controls that reorder letters
// (embeddings, overrides and isolates, U+202A–U+202E and U+2066–U+2069) are shown as escapes ("\u202E"): printed
// raw, "\u202Eevil.exe CA006" reads "600AC exe.live" in every heading, list and lint finding, and a search for
// what the admin sees finds nothing. Line breaks and control characters are escapes too ("\n"): Graph takes a
// line break in a name, and printed raw it would start a line of its own in a pipeline's log (a forged
// "::warning" workflow command, a forged plan line). What is left that can turn text (right-to-left letters
// and the direction marks) is isolated, so it cannot reorder the words around it ("מדיניות 2" would take a
// following number or quote into its run). Plain strings, so the messages built here (shown by the console and
// printed by the CLI) carry it; the UI's <Isolated> is the element form, in src/shared/ui/isolated-text.tsx,
// which re-exports this and shows each escape as a marker (escapedParts).
import { changesDirection, characterName } from './invisible-characters';

// Letters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko… and their presentation forms).
const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

// C0 and C1 controls (line feed, carriage return, tab, escape, next line…), the line and paragraph separators,
// and the embeddings, overrides and isolates. The marks (U+200E LRM, U+200F RLM, U+061C ALM) are kept: each is
// an invisible letter with a direction, which reorders no letters and only places the neutral characters
// (punctuation, spaces, digits) beside it; right-to-left names are written with them so their brackets and
// numbers sit right, and inside the isolate they cannot reach the words around the name. The lint still names them.
const ESCAPED = '[\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069]';
const CONTROL = new RegExp(ESCAPED, 'g');
const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
// An isolate as isolatedText makes one: a First Strong Isolate, no direction control but marks, and its Pop. A
// sentence holding a name isolated this way is itself shown or isolated again (a name in a label the console
// shows in <Isolated>): its isolate is kept, not shown as "\u2068". Balanced, it cannot reach the words outside.
const OURS = '\\u2068[^\\u202A-\\u202E\\u2066-\\u2069]*\\u2069';
const SHOWN_RUNS = new RegExp(`${OURS}|${ESCAPED}`, 'g');

const escapeOf = (c: string) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Control characters, line breaks and direction controls shown as escapes ("\n", "\u202E"): on one line, as stored. */
export const controlsShown = (text: string): string =>
  text.replace(SHOWN_RUNS, (run) => (run.length > 1 ? `\u2068${run.slice(1, -1).replace(CONTROL, escapeOf)}\u2069` : escapeOf(run)));

/** A run of the text as it is, or one character shown as an escape ("\n") with its name ("line feed"). */
export type ShownPart = string | { escape: string; name: string };

/**
 * The text cut where controlsShown puts an escape, for the console to mark each one apart from a backslash the
 * name really holds. Undefined when there is nothing to escape (most names).
 */
export function escapedParts(text: string): ShownPart[] | undefined {
  const parts: ShownPart[] = [];
  let from = 0;
  for (const { 0: run, index } of text.matchAll(SHOWN_RUNS)) {
    if (index > from) parts.push(text.slice(from, index));
    if (run.length > 1) parts.push('\u2068', ...(escapedParts(run.slice(1, -1)) ?? [run.slice(1, -1)]), '\u2069');
    else parts.push({ escape: escapeOf(run), name: characterName(run) });
    from = index + run.length;
  }
  if (from < text.length) parts.push(text.slice(from));
  if (parts.every((part) => typeof part === 'string')) return undefined;
  // Runs of text side by side are one.
  return parts.reduce<ShownPart[]>((joined, part) => {
    const last = joined.at(-1);
    if (typeof part === 'string' && typeof last === 'string') joined[joined.length - 1] = last + part;
    else joined.push(part);
    return joined;
  }, []);
}

/**
 * The text as controlsShown shows it, between First Strong Isolate and Pop Directional Isolate when it still holds
 * a direction mark or a right-to-left letter ("מדיניות 2" would take a following number or quote into its run).
 * A Latin name of printable characters stays exactly as it is.
 */
export function isolatedText(text: string): string {
  const shown = controlsShown(text);
  return changesDirection(shown) || RIGHT_TO_LEFT.test(shown) ? `\u2068${shown}\u2069` : shown;
}
