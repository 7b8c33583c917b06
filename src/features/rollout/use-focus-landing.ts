// Where the keyboard goes when the button pressed leaves with what it showed: asked once, it looks for
// its place as the page is drawn again (the address, and with it what is shown, changes a drawing after
// the action). Meanwhile, when the focus has fallen to the page's start, the page's heading holds it.
// It gives up after a while (the list still being read: the focus is left where it is), and as soon as
// the admin acts (a click, a key) or has put the focus somewhere else: it never takes the focus back.
import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** How long a landing looks for its place. */
export const LANDING_MS = 2000;

interface Landing {
  selector: string;
  occasion: number;
  /** What had the focus when the landing was asked (the button pressed): not somewhere the admin put it since. */
  from: Element | null;
}

/**
 * Returns `land(selector)`: the focus goes to the first element in `root` that matches, once it is there.
 * `fallback` selects the heading that holds the focus meanwhile when it has fallen to the page's start.
 */
export function useFocusLanding(root: RefObject<HTMLElement | null>, fallback: string): (selector: string) => void {
  const occasions = useRef(0);
  const [landing, setLanding] = useState<Landing | null>(null);
  const land = useCallback((selector: string) => {
    occasions.current += 1;
    setLanding({ selector, occasion: occasions.current, from: document.activeElement });
  }, []);

  // Before the page is painted: the focus moves in the same drawing that takes its button away, never resting on the body.
  useLayoutEffect(() => {
    const scope = root.current;
    if (!landing || !scope) return;
    let done = false;
    /** The heading, once this put the focus there meanwhile. */
    let held: HTMLElement | null = null;
    const fallen = (active: Element | null) => !active || active === document.body;
    const observer = new MutationObserver(() => attempt());
    const timer = setTimeout(() => stop(), LANDING_MS);
    const stop = () => {
      done = true;
      observer.disconnect();
      clearTimeout(timer);
      document.removeEventListener('pointerdown', stop, true);
      document.removeEventListener('keydown', stop, true);
    };
    const attempt = () => {
      if (done) return;
      const active = document.activeElement;
      // The admin has put the focus somewhere: it stays there.
      if (!fallen(active) && active !== landing.from && active !== held) return stop();
      const target = scope.querySelector<HTMLElement>(landing.selector);
      if (target) {
        target.focus();
        return stop();
      }
      if (fallen(active)) {
        held = scope.querySelector<HTMLElement>(fallback);
        held?.focus();
      }
    };
    attempt();
    if (!done) {
      observer.observe(scope, { childList: true, subtree: true });
      // The admin acting meanwhile (a click on the page, a key): the landing is no longer theirs.
      document.addEventListener('pointerdown', stop, true);
      document.addEventListener('keydown', stop, true);
    }
    return stop;
  }, [landing, root, fallback]);

  return land;
}
