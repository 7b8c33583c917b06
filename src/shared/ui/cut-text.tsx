// A text kept on one line that ends in … where its box runs out, with the whole text in a tooltip when the mouse
// rests on it and it is cut (a text shown whole is not told twice). The tooltip mounts only then: a table of
// hundreds of rows pays nothing for tooltips nobody asked for. Screen readers read the whole text already.
import { makeStyles, mergeClasses, Tooltip } from '@fluentui/react-components';
import { useRef, useState, type ReactNode } from 'react';

const useStyles = makeStyles({
  cut: { display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
});

/** children: the text as shown, in the box and in the tooltip alike (a name isolated from the words around it). */
export function CutText({ className, children }: { className?: string; children: ReactNode }) {
  const styles = useStyles();
  const box = useRef<HTMLSpanElement>(null);
  const [tip, setTip] = useState(false);
  const onMouseEnter = () => {
    const element = box.current;
    setTip(!!element && element.scrollWidth > element.clientWidth);
  };
  const shown = (
    <span ref={box} className={mergeClasses(styles.cut, className)} onMouseEnter={onMouseEnter}>
      {children}
    </span>
  );
  if (!tip) return shown;
  return (
    <Tooltip content={<>{children}</>} relationship="description" visible onVisibleChange={(_, data) => setTip(data.visible)}>
      {shown}
    </Tooltip>
  );
}
