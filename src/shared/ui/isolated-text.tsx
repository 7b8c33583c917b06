// Text that came from the tenant (a policy's name) among the console's own words is isolated: a
// direction control inside it (U+202E…) or a right-to-left script cannot reorder the words around it
// ("Delete “Block ‮evil”?" would show the quote and question mark backwards).
// A line break or control character in it shows as an escape ("\n"), as the command line prints it: a name
// reads on one line, and the admin sees what it holds. Each escape is a marker set apart from the name's own
// characters (a name may hold a typed "\n"); its text is still the escape, so copying and searching find it.
import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { escapedParts, type ShownPart } from '../../domain/isolate';

const useStyles = makeStyles({
  escape: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: '0.85em',
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusSmall,
    paddingInline: '1px',
  },
});

function Escaped({ parts }: { parts: ShownPart[] }) {
  const styles = useStyles();
  return parts.map((part, i) =>
    typeof part === 'string' ? (
      part
    ) : (
      <span key={i} className={styles.escape} title={part.name} aria-description={part.name}>
        {part.escape}
      </span>
    ),
  );
}

/** A name in a sentence, a heading or a cell: <bdi> isolates it, whatever it holds. */
export function Isolated({ children }: { children: ReactNode }) {
  // Most names hold nothing to escape: they render as the text alone, without the marker's styles.
  const parts = typeof children === 'string' ? escapedParts(children) : undefined;
  return <bdi>{parts ? <Escaped parts={parts} /> : children}</bdi>;
}

/** The same for plain text (a tab's title); it lives in src/domain, whose messages use it too. */
export { isolatedText } from '../../domain/isolate';
