// A table that may be wider than the window (a phone, a desktop zoomed in) scrolls sideways inside
// its own box, not the page. While it overflows, the box is a named, focusable region so that a
// keyboard can scroll it too; while it fits, it is a plain box with no extra tab stop.
import { badgeClassNames, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState, type ReactNode } from 'react';

const useStyles = makeStyles({
  scroll: {
    overflowX: 'auto',
    maxWidth: '100%',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
    // Fluent's Table lays out 'fixed': it never gets wider than the window, so a narrow one squeezes its
    // columns to a few pixels and draws each over the next. Laid out by content, a column is at least as
    // wide as its longest word and the table grows past the box, which then scrolls.
    '& > table': { tableLayout: 'auto' },
    // A badge's words stay on one line: wrapped, they spill out of its fixed-height pill over what follows.
    [`& .${badgeClassNames.root}`]: { whiteSpace: 'nowrap' },
  },
});

export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  const styles = useStyles();
  const box = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  // The observer's first report comes with the first layout: no width is read while rendering.
  useEffect(() => {
    const element = box.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setOverflows(element.scrollWidth > element.clientWidth + 1));
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={box}
      className={styles.scroll}
      {...(overflows ? { role: 'region', 'aria-label': `${label} (scrolls sideways)`, tabIndex: 0 } : {})}
    >
      {children}
    </div>
  );
}
