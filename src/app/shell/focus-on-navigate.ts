// After the admin changes section, focus moves to the new screen's title (its h1, else the main area),
// so a screen reader says where they now are and the next Tab starts in the screen rather than back
// in the navigation. Not on the first load unless the admin has just signed in (see `arrived`), nor
// when only the query string changes (filters and tabs written to it keep focus where it is). A screen
// that places focus itself (a field, a dialog) keeps it. Where the page is scrolled stays
// ScrollOnNavigate's, and focus lost with a removed element stays useFocusRescue's (which puts it on
// the same title).
import { useEffect, useRef, type RefObject } from 'react';
import { useLocation } from 'react-router';

const LOOK_EVERY_MS = 100;
/** A screen still loading shows its title within this; after it, the main area takes focus. */
const WAIT_FOR_TITLE_MS = 4000;

const DIALOGS = '[role="dialog"], [role="alertdialog"]';

/** Focus on an element that is no Tab stop, for this once: a click on it later does not focus it. */
export function focusOnce(element: HTMLElement, options?: FocusOptions) {
  if (!element.hasAttribute('tabindex')) {
    element.tabIndex = -1;
    element.addEventListener('blur', () => element.removeAttribute('tabindex'), { once: true });
  }
  element.focus(options);
}

/** Focus is where no screen put it: lost, or still in the header or the navigation. */
function unplaced(main: HTMLElement): boolean {
  const active = document.activeElement;
  if (!active || active === document.body) return true;
  return !main.contains(active) && !active.closest(DIALOGS);
}

/**
 * `arrived`: the admin has just signed in (the sign-in page's button, or back from the identity
 * provider's pages). Their focus was on a button that is gone, or the page is new to them: the first
 * screen's title takes it, as after a navigation, so a screen reader says where they now are. A plain
 * reload of a screen they were already on keeps the browser's start at the top of the page, which is
 * what a reload does everywhere else.
 */
export function useFocusOnNavigate(main: RefObject<HTMLElement | null>, section: string, arrived = false) {
  const { pathname } = useLocation();
  const shown = useRef({ pathname, section });
  // Until the first screen's title has been given focus (or the admin has moved it themselves).
  const arriving = useRef(arrived);

  useEffect(() => {
    const before = shown.current;
    shown.current = { pathname, section };
    if (!arriving.current) {
      if (before.pathname === pathname) return;
      // Another section, or the current one's link clicked again (a policy's page back to the list).
      const fromNavigation = document.activeElement?.closest('nav') != null;
      if (before.section === section && !fromNavigation) return;
    }
    const started = Date.now();
    const focusedThen = document.activeElement;
    const look = () => {
      const area = main.current;
      if (!area) return false;
      if (!unplaced(area)) return true;
      // The admin moved on while the screen loaded (tabbing through the navigation): focus is theirs.
      if (document.activeElement !== focusedThen) return true;
      const title = area.querySelector<HTMLElement>('h1');
      if (!title && Date.now() - started < WAIT_FOR_TITLE_MS) return false;
      focusOnce(title ?? area, { preventScroll: true });
      return true;
    };
    const settle = () => {
      if (!look()) return false;
      arriving.current = false;
      return true;
    };
    if (settle()) return;
    const timer = setInterval(() => settle() && clearInterval(timer), LOOK_EVERY_MS);
    return () => clearInterval(timer);
  }, [main, pathname, section]);
}
