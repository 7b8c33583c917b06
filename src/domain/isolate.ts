// Text that came from the tenant or the admin's disk (a policy's name, a file's name) among the console's own
// words is isolated: a direction control inside it (U+202E…) or a right-to-left script cannot reorder the words
// around it ("report‮txt.json is not valid JSON" would show the sentence's end backwards). It is also kept on
// one line: Graph takes a line break in a name, and printed raw it would start a line of its own in a pipeline's
// log (a forged "::warning" workflow command, a forged plan line). Plain strings, so the messages built here
// (shown by the console and printed by the CLI) carry it; the UI's <Isolated> is the element form, in
// src/shared/ui/isolated-text.tsx, which re-exports this.
import { changesDirection } from './invisible-characters';

// Letters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko… and their presentation forms).
const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

// C0 and C1 controls (line feed, carriage return, tab, escape, next line…) and the line and paragraph separators.
// eslint-disable-next-line no-control-regex -- these are the characters shown as escapes.
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g;
const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Control characters and line breaks shown as escapes ("\n", "\u0085"), so the text reads on one line. */
export const controlsShown = (text: string) =>
  text.replace(CONTROL, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);

/**
 * The text on one line (control characters and line breaks as escapes), between First Strong Isolate and Pop
 * Directional Isolate when it holds a direction control or a right-to-left letter ("מדיניות 2" would take a
 * following number or quote into its run). A Latin name of printable characters stays exactly as it is.
 */
export function isolatedText(text: string): string {
  const shown = controlsShown(text);
  return changesDirection(shown) || RIGHT_TO_LEFT.test(shown) ? `\u2068${shown}\u2069` : shown;
}
