// A message bar that is said again when its words change. Fluent's MessageBar is said once, when it
// appears: a notice that stays in place while its words change (a second file's summary, another
// policy deleted, a save that now failed) was shown but never heard. Not for progress that ticks:
// each tick would be said.
import { MessageBar, useAnnounce, useMergedRefs, type MessageBarProps } from '@fluentui/react-components';
import { forwardRef, useEffect, useRef } from 'react';

/** Settles a burst of changes (one render, then the names arriving) into one thing said. */
const SETTLE_MS = 150;

/** What Fluent says of a message bar: its body, then its actions. */
function wordsOf(root: HTMLElement): string {
  const part = (selector: string) => root.querySelector(selector)?.textContent ?? '';
  return [part('.fui-MessageBarBody'), part('.fui-MessageBarActions')].filter(Boolean).join(',');
}

export interface NoticeProps extends MessageBarProps {
  /** Said again when this changes, even with the same words: the same refusal of another try. */
  occasion?: unknown;
}

export const Notice = forwardRef<HTMLDivElement, NoticeProps>(function Notice({ occasion, ...props }, ref) {
  const { announce } = useAnnounce();
  const own = useRef<HTMLDivElement>(null);
  const merged = useMergedRefs(ref, own);
  // Fluent says the words when the bar appears; this says them when they change after that.
  const said = useRef<string | null>(null);
  const assertive = (props.politeness ?? (props.intent === 'info' || props.intent === undefined ? 'polite' : 'assertive')) === 'assertive';

  useEffect(() => {
    const root = own.current;
    if (!root) return;
    said.current = wordsOf(root);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const words = wordsOf(root);
        if (!words || words === said.current) return;
        said.current = words;
        announce(words, { polite: !assertive, alert: assertive });
      }, SETTLE_MS);
    });
    observer.observe(root, { subtree: true, childList: true, characterData: true });
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [announce, assertive]);

  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const root = own.current;
    if (!root) return;
    const words = wordsOf(root);
    said.current = words;
    if (words) announce(words, { polite: !assertive, alert: assertive });
    // Only a new occasion says the words again; their changes are the observer's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [occasion]);

  return <MessageBar ref={merged} {...props} />;
});
