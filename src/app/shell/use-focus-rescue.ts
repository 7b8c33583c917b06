// When the element with the keyboard's focus leaves the page (a Save button replaced by the saved
// policy, a restored row gone from its list, a step's button hidden while it writes, a dialog closed),
// the browser puts focus on the page's start (and tells no one: removal fires no blur) and the next Tab
// starts from the header. This puts focus on the title of the nearest part of the screen still there
// (the run's title, else the screen's), without scrolling, so a keyboard or screen reader user stays
// where they were working; a button disabled while its action ran ("Saving…") gets it back when it is
// enabled again. A screen that knows a better place (the button that opened a dialog) moves focus
// itself, first.
import { useEffect, type RefObject } from 'react';

const HEADINGS = 'h1, h2, h3';
/** How often lost focus is looked for: soon enough that the next Tab finds it placed. */
const LOOK_EVERY_MS = 150;

const DIALOGS = '[role="dialog"], [role="alertdialog"]';

/** Where focus may go: the dialog the element was in (or any dialog still open: focus never leaves one), else the screen. */
function containerOf(path: readonly EventTarget[], main: HTMLElement): HTMLElement {
  const dialog = path.find((node): node is HTMLElement => node instanceof HTMLElement && node.isConnected && node.matches(DIALOGS));
  return dialog ?? document.querySelector<HTMLElement>(DIALOGS) ?? main;
}

function titleNear(path: readonly EventTarget[], main: HTMLElement): HTMLElement | null {
  const within = containerOf(path, main);
  for (const node of path) {
    if (!(node instanceof HTMLElement) || !node.isConnected || !within.contains(node)) continue;
    const title = node.matches(HEADINGS) ? node : node.querySelector<HTMLElement>(HEADINGS);
    if (title) return title;
  }
  return within.querySelector<HTMLElement>(HEADINGS) ?? (within === main ? null : within);
}

const focusLost = () => !document.activeElement || document.activeElement === document.body;

export function useFocusRescue(main: RefObject<HTMLElement | null>) {
  useEffect(() => {
    // The element that last had focus, where it was (read while it is on the page), and whether it lost
    // focus by being disabled rather than by a click elsewhere.
    let last: { element: HTMLElement; path: EventTarget[]; disabled: boolean } | null = null;
    const onFocusIn = (event: FocusEvent) => {
      if (event.target instanceof HTMLElement) last = { element: event.target, path: event.composedPath(), disabled: false };
    };
    const onFocusOut = (event: FocusEvent) => {
      if (last && event.target === last.element && !event.relatedTarget) last.disabled = last.element.matches(':disabled');
    };
    // Focus first seen lost at one look is rescued at the next: the screen's own better place comes first
    // (Fluent's restorer, giving focus back to a closed dialog's opener, acts only while focus is lost, and
    // on a busy machine it came after a look that had already put focus on the title).
    let seenLost = false;
    const rescue = () => {
      if (!last || !focusLost() || !main.current) {
        seenLost = false;
        return;
      }
      if (!seenLost) {
        seenLost = true;
        return;
      }
      const { element, path } = last;
      if (element.isConnected) {
        if (last.disabled && !element.matches(':disabled')) element.focus();
        return;
      }
      // The next screen may still be loading (the saved policy's page): the next look tries again.
      const title = titleNear(path, main.current);
      if (!title) return;
      if (!title.hasAttribute('tabindex')) title.tabIndex = -1;
      title.focus({ preventScroll: true });
      seenLost = false;
    };
    // Looked at a few times a second rather than on every change of the page: a MutationObserver over the
    // whole page gave every search keystroke of a 195-policy grid its records to make (the benchmark's
    // keystroke rose with it: 40 → 50 ms, 176 → 322 ms at 4× CPU).
    const timer = setInterval(rescue, LOOK_EVERY_MS);
    document.addEventListener('focusin', onFocusIn, true);
    document.addEventListener('focusout', onFocusOut, true);
    return () => {
      clearInterval(timer);
      document.removeEventListener('focusin', onFocusIn, true);
      document.removeEventListener('focusout', onFocusOut, true);
    };
  }, [main]);
}
