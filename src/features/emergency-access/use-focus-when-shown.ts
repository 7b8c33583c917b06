// Moves the keyboard's focus to what an action made, once it is on the screen: the plan is drawn
// after its own reading of the tenant, a moment after the button that asked for it is done.
import { useEffect, type RefObject } from 'react';

/** How long the made thing is waited for: past it, the admin has moved on. */
const WAIT_MS = 30_000;

/**
 * Each time `request` changes (and is not null), waits inside `root` for `find` to return an element,
 * then focuses it (focusable with tabindex -1 if need be), unless the admin has put focus elsewhere
 * in the meantime: focus still where it was when asked (or lost to the page's start) is moved.
 */
export function useFocusWhenShown(root: RefObject<HTMLElement | null>, request: unknown, find: (root: HTMLElement) => HTMLElement | null) {
  useEffect(() => {
    const container = root.current;
    if (request === null || request === undefined || !container) return;
    const asker = document.activeElement;
    const place = () => {
      const target = find(container);
      if (!target) return false;
      const active = document.activeElement;
      if (active === asker || !active || active === document.body) {
        if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
        target.focus();
      }
      return true;
    };
    if (place()) return;
    // Observed only while waiting, and only this screen.
    const observer = new MutationObserver(() => {
      if (place()) stop();
    });
    const timer = setTimeout(() => stop(), WAIT_MS);
    const stop = () => {
      observer.disconnect();
      clearTimeout(timer);
    };
    observer.observe(container, { childList: true, subtree: true });
    return stop;
    // `find` is read when asked: a new function each render must not ask again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request, root]);
}
