// A polite status line that is in the page before it has anything to say: a live region that appears
// already filled is often not read out, one whose text changes is. Empty, it takes no room.
import { makeStyles, mergeClasses, Text } from '@fluentui/react-components';
import type { CSSProperties, ReactNode } from 'react';

const useStyles = makeStyles({
  empty: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)' },
});

export function LiveStatus({ children, className, style }: { children?: ReactNode; className?: string; style?: CSSProperties }) {
  const styles = useStyles();
  const empty = children === null || children === undefined || children === false || children === '';
  return (
    <Text role="status" className={mergeClasses(empty ? styles.empty : className)} style={empty ? undefined : style}>
      {empty ? null : children}
    </Text>
  );
}
