// The main navigation's Documentation entry is the Backup page at its Documentation section
// (/backup#documentation): the section's title takes the keyboard's focus and the page scrolls to it,
// from another screen or from Backup itself; Backup's own entry, clicked from there, takes focus
// back to the page's title at its top.
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { DOCUMENTATION_SECTION } from './documentation-path';

/** Focus on a title that is no Tab stop, for this once, as a navigation puts it there. */
function focusTitle(id: string): HTMLElement | null {
  const title = document.getElementById(id);
  if (!title) return null;
  if (!title.hasAttribute('tabindex')) {
    title.tabIndex = -1;
    title.addEventListener('blur', () => title.removeAttribute('tabindex'), { once: true });
  }
  title.focus({ preventScroll: true });
  return title;
}

export function useDocumentationAnchor(pageTitleId: string, documentationTitleId: string) {
  const { key, hash } = useLocation();
  const shownHash = useRef<string | null>(null);
  useEffect(() => {
    const before = shownHash.current;
    shownHash.current = hash;
    if (hash === `#${DOCUMENTATION_SECTION}`) focusTitle(documentationTitleId)?.scrollIntoView({ block: 'start' });
    // Backup's own entry from its Documentation section: the shell sees the same page and moves nothing.
    else if (before === `#${DOCUMENTATION_SECTION}` && focusTitle(pageTitleId)) window.scrollTo(0, 0);
  }, [key, hash, pageTitleId, documentationTitleId]);
}
