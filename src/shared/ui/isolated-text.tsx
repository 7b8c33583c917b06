// Text that came from the tenant (a policy's name) among the console's own words is isolated: a
// direction control inside it (U+202E…) or a right-to-left script cannot reorder the words around it
// ("Delete “Block ‮evil”?" would show the quote and question mark backwards).
import type { ReactNode } from 'react';
import { changesDirection } from '../../domain/invisible-characters';

/** A name in a sentence, a heading or a cell: <bdi> isolates it, whatever it holds. */
export function Isolated({ children }: { children: ReactNode }) {
  return <bdi>{children}</bdi>;
}

/**
 * The same for plain text (a tab's title): the name between First Strong Isolate and Pop Directional
 * Isolate, which also closes what the name left open. Only when it holds a direction control, so
 * ordinary names stay as they are.
 */
export const isolatedText = (text: string) => (changesDirection(text) ? `\u2068${text}\u2069` : text);
