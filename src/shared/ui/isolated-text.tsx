// Text that came from the tenant (a policy's name) among the console's own words is isolated: a
// direction control inside it (U+202E…) or a right-to-left script cannot reorder the words around it
// ("Delete “Block ‮evil”?" would show the quote and question mark backwards).
import type { ReactNode } from 'react';
import { changesDirection } from '../../domain/invisible-characters';

/** A name in a sentence, a heading or a cell: <bdi> isolates it, whatever it holds. */
export function Isolated({ children }: { children: ReactNode }) {
  return <bdi>{children}</bdi>;
}

// Letters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko… and their presentation forms).
const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

/**
 * The same for plain text (a tab's title): the name between First Strong Isolate and Pop Directional
 * Isolate, which also closes what the name left open. Only when it holds a direction control or a
 * right-to-left letter ("מדיניות 2" would take a following number or quote into its run), so
 * left-to-right names stay as they are.
 */
export const isolatedText = (text: string) => (changesDirection(text) || RIGHT_TO_LEFT.test(text) ? `\u2068${text}\u2069` : text);
