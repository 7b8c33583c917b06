// Text that came from the tenant (a policy's name) among the console's own words is isolated: a
// direction control inside it (U+202E…) or a right-to-left script cannot reorder the words around it
// ("Delete “Block ‮evil”?" would show the quote and question mark backwards).
import type { ReactNode } from 'react';

/** A name in a sentence, a heading or a cell: <bdi> isolates it, whatever it holds. */
export function Isolated({ children }: { children: ReactNode }) {
  return <bdi>{children}</bdi>;
}

/** The same for plain text (a tab's title); it lives in src/domain, whose messages use it too. */
export { isolatedText } from '../../domain/isolate';
