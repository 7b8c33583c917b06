// Polite status lines that are in the page before they have anything to say: a live region that
// appears already filled is often not read out, one whose text changes is.
import { makeStyles, mergeClasses, Text } from '@fluentui/react-components';
import type { CSSProperties, ReactNode } from 'react';

const useStyles = makeStyles({
  unseen: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
});

const isEmpty = (children: ReactNode) => children === null || children === undefined || children === false || children === '';

interface LiveStatusProps {
  children?: ReactNode;
  className?: string;
  style?: CSSProperties;
  /** A new occasion says the same words again (the same file loaded twice): they are put in anew. */
  occasion?: number;
}

/** Shown and said; empty, it takes no room. */
export function LiveStatus({ children, className, style, occasion }: LiveStatusProps) {
  const styles = useStyles();
  const empty = isEmpty(children);
  return (
    <Text role="status" className={mergeClasses(empty ? styles.unseen : className)} style={empty ? undefined : style}>
      {empty ? null : occasion === undefined ? children : <span key={occasion}>{children}</span>}
    </Text>
  );
}

/**
 * Said, not shown: for what the screen already shows another way (a busy button, the answers below).
 * A new `occasion` says the same words again (the same button pressed twice): they are put in anew.
 */
export function SpokenStatus({ children, occasion }: { children?: ReactNode; occasion?: number }) {
  const styles = useStyles();
  return (
    <div role="status" className={styles.unseen}>
      {isEmpty(children) ? null : <span key={occasion}>{children}</span>}
    </div>
  );
}

/** Words for screen readers only, named by their id from the control they explain (aria-describedby). */
export function UnseenText({ id, children }: { id?: string; children?: ReactNode }) {
  const styles = useStyles();
  return (
    <span id={id} className={styles.unseen}>
      {children}
    </span>
  );
}
