// Text that came from the tenant (a policy's name) among the console's own words is isolated: a
// direction control inside it (U+202E…) or a right-to-left script cannot reorder the words around it
// ("Delete “Block ‮evil”?" would show the quote and question mark backwards).
// A line break or control character in it shows as an escape ("\n"), as the command line prints it: a name
// reads on one line, and the admin sees what it holds.
import type { ReactNode } from 'react';
import { controlsShown } from '../../domain/isolate';

/** A name in a sentence, a heading or a cell: <bdi> isolates it, whatever it holds. */
export function Isolated({ children }: { children: ReactNode }) {
  return <bdi>{typeof children === 'string' ? controlsShown(children) : children}</bdi>;
}

/** The same for plain text (a tab's title); it lives in src/domain, whose messages use it too. */
export { isolatedText } from '../../domain/isolate';
