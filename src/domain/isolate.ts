// Text that came from the tenant or the admin's disk (a policy's name, a file's name) among the console's own
// words is isolated: a direction control inside it (U+202E…) or a right-to-left script cannot reorder the words
// around it ("report‮txt.json is not valid JSON" would show the sentence's end backwards). Plain strings, so
// the messages built here (shown by the console and printed by the CLI) carry it; the UI's <Isolated> is the
// element form, in src/shared/ui/isolated-text.tsx, which re-exports this.
import { changesDirection } from './invisible-characters';

// Letters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko… and their presentation forms).
const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

/**
 * The text between First Strong Isolate and Pop Directional Isolate, which also closes what it left open.
 * Only when it holds a direction control or a right-to-left letter ("מדיניות 2" would take a following
 * number or quote into its run), so left-to-right names stay as they are.
 */
export const isolatedText = (text: string) => (changesDirection(text) || RIGHT_TO_LEFT.test(text) ? `\u2068${text}\u2069` : text);
