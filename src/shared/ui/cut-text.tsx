// A text kept on one line that ends in … where its box runs out. When it is cut, the box takes the keyboard's
// focus and the whole text shows in a tooltip on focus or when the mouse rests on it (a text shown whole is not
// told twice, nor is it a tab stop). The tooltip mounts only then, beside the box rather than around it: a table
// of hundreds of rows pays nothing for tooltips nobody asked for, and the focused box is not drawn anew (which
// would drop the focus). Screen readers read the whole text: it is all in the page, only drawn cut.
// The box takes the text's own direction: a name that starts in Hebrew is cut at its logical end (the left),
// not at its first word.
import { makeStyles, mergeClasses, tokens, Tooltip } from '@fluentui/react-components';
import { useCallback, useState, type ReactNode, type SyntheticEvent } from 'react';

const useStyles = makeStyles({
  cut: { display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  // The tooltip opens where the pointer rests, which may be over a button drawn next (a run's Done): clicks pass through it.
  passThrough: { pointerEvents: 'none' },
  focusable: {
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
});

// The first strong letter decides, as dir="auto" would (which skips the <bdi> a name is shown in).
const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC]/;
const LETTER = /\p{L}/u;

/** The direction a text starts in: its first strong letter's (ltr when it has none). */
export function directionOf(text: string): 'rtl' | 'ltr' {
  for (const char of text) if (LETTER.test(char)) return RTL_LETTER.test(char) ? 'rtl' : 'ltr';
  return 'ltr';
}

const isCut = (element: HTMLElement) => element.scrollWidth > element.clientWidth;

/**
 * children: the text as shown, in the box and in the tooltip alike (a name isolated from the words around it);
 * text: the same as a string, for the box's direction.
 */
export function CutText({ className, text, children }: { className?: string; text: string; children: ReactNode }) {
  const styles = useStyles();
  const [tip, setTip] = useState<HTMLElement | null>(null);
  // A tab stop only while cut: measured when drawn and whenever the box's width changes. Set on the element
  // itself, so a resize draws nothing anew.
  const measure = useCallback((element: HTMLSpanElement | null) => {
    if (!element) return;
    const mark = () => (isCut(element) ? element.setAttribute('tabindex', '0') : element.removeAttribute('tabindex'));
    mark();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(mark);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const show = (event: SyntheticEvent<HTMLSpanElement>) => {
    const element = event.currentTarget;
    setTip(isCut(element) ? element : null);
  };
  return (
    <>
      <span
        ref={measure}
        dir={directionOf(text)}
        className={mergeClasses(styles.cut, styles.focusable, className)}
        onMouseEnter={show}
        onFocus={show}
        onBlur={() => setTip(null)}
        onMouseLeave={(event) => {
          if (event.currentTarget !== document.activeElement) setTip(null);
        }}
      >
        {children}
      </span>
      {tip && (
        <Tooltip
          content={{ children: <>{children}</>, className: styles.passThrough }}
          // The box's text is the whole text already, for a screen reader.
          relationship="inaccessible"
          visible
          positioning={{ target: tip }}
          onVisibleChange={(_, data) => {
            if (!data.visible) setTip(null);
          }}
        />
      )}
    </>
  );
}
