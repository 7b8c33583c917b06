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
const CONTROLS = '[\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069]';
const ESCAPED = new RegExp(CONTROLS, 'g');
const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
const FSI = '\u2068';
const PDI = '\u2069';

const escapeOf = (c: string) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

// What isolatedText wraps: text that still holds a direction mark (or an isolate it made) or a right-to-left letter.
const turns = (shown: string) => changesDirection(shown) || RIGHT_TO_LEFT.test(shown);

// Kept isolates. A sentence holding a name isolatedText isolated is itself shown again (a message in <Isolated>,
// a label isolated once more): that isolate must stay one, not read "\u2068…\u2069". A string does not say who
// wrote its isolates, so the rule is by form, and it keeps only what isolatedText could have made: an FSI, its
// matching PDI (isolates counted, at any depth), and between them text that is already isolatedText's output
// (no control left raw, escapes where controls were; any isolate inside kept by this same rule) and that
// isolatedText would isolate (a right-to-left letter, a direction mark, a kept isolate). Every other FSI and PDI
// is shown as an escape: a typed "CA001\u2068\u2069" (nothing inside) or "\u2068abc\u2069" (Latin inside, which
// isolatedText never wraps), one holding an override or a line break, one left open. What typed text can still
// pass is an isolate exactly as isolatedText would make it of its content ("\u2068מדיניות\u2069"): balanced, it
// cannot reach the words around it, and it reads as that content would; the lint names its FSI and PDI.
type Part = string | { escaped: string } | { isolate: Part[] };

/** The index of the PDI that closes the isolate opened at `start`, or -1 when it is left open. */
function closeOf(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '\u2066' || c === '\u2067' || c === FSI) depth++;
    else if (c === PDI && --depth === 0) return i;
  }
  return -1;
}

function partsOf(text: string): Part[] {
  const parts: Part[] = [];
  let from = 0;
  for (const { 0: c, index } of text.matchAll(ESCAPED)) {
    if (index < from) continue; // inside an isolate read below
    if (index > from) parts.push(text.slice(from, index));
    from = index + 1;
    const close = c === FSI ? closeOf(text, index) : -1;
    if (close < 0) {
      parts.push({ escaped: c });
      continue;
    }
    const inner = text.slice(index + 1, close);
    const innerParts = partsOf(inner);
    // Its content is balanced, so it reads the same on its own as in the whole: not kept, it is shown as the
    // whole would show it, between the escapes of its FSI and PDI.
    if (innerParts.every((part) => typeof part === 'string' || 'isolate' in part) && turns(inner)) parts.push({ isolate: innerParts });
    else parts.push({ escaped: FSI }, ...innerParts, { escaped: PDI });
    from = close + 1;
  }
  if (from < text.length) parts.push(text.slice(from));
  return parts;
}

const shownOf = (parts: Part[]): string =>
  parts
    .map((part) => (typeof part === 'string' ? part : 'escaped' in part ? escapeOf(part.escaped) : `${FSI}${shownOf(part.isolate)}${PDI}`))
    .join('');

/** Control characters, line breaks and direction controls shown as escapes ("\n", "\u202E"): on one line, as stored. */
export const controlsShown = (text: string): string => shownOf(partsOf(text));

/** A run of the text as it is, or one character shown as an escape ("\n") with its name ("line feed"). */
export type ShownPart = string | { escape: string; name: string };

/**
 * The text cut where controlsShown puts an escape, for the console to mark each one apart from a backslash the
 * name really holds. Undefined when there is nothing to escape (most names).
 */
export function escapedParts(text: string): ShownPart[] | undefined {
  const parts = partsOf(text);
  if (parts.every((part) => typeof part === 'string' || 'isolate' in part)) return undefined;
  // A kept isolate holds no escape: it is text. Runs of text side by side are one.
  return parts.reduce<ShownPart[]>((joined, part) => {
    const shown: ShownPart =
      typeof part === 'string' || 'isolate' in part
        ? shownOf([part])
        : { escape: escapeOf(part.escaped), name: characterName(part.escaped) };
    const last = joined.at(-1);
    if (typeof shown === 'string' && typeof last === 'string') joined[joined.length - 1] = last + shown;
    else joined.push(shown);
    return joined;
  }, []);
}

/**
 * The text as controlsShown shows it, between First Strong Isolate and Pop Directional Isolate when it still holds
 * a direction mark or a right-to-left letter ("מדיניות 2" would take a following number or quote into its run).
 * A Latin name of printable characters stays exactly as it is.
 */
export function isolatedText(text: string): string {
  const parts = partsOf(text);
  const shown = shownOf(parts);
  // Text that is already one isolate it made (a name isolated before) is isolated once, not twice.
  const isolated = parts.length === 1 && typeof parts[0] === 'object' && 'isolate' in parts[0];
  return !isolated && turns(shown) ? `${FSI}${shown}${PDI}` : shown;
}
