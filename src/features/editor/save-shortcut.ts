// Ctrl+S (Cmd+S on a Mac) opens the review from anywhere on the edit and new-policy pages: the heading,
// its buttons, the JSON and the side panel, instead of the browser's Save page. While a dialog is open
// (the review is one, and another question must be answered first) it does nothing: the browser's Save page
// is kept away there too, as a second press in the review is the admin's intent to save, not to download it.
import { useEffect, useLayoutEffect, useRef } from 'react';

export const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
export const SAVE_KEYS = MAC ? 'Cmd+S' : 'Ctrl+S';

type Keys = Pick<KeyboardEvent, 'metaKey' | 'ctrlKey' | 'altKey' | 'shiftKey' | 'key'>;
export const isSaveKey = (event: Keys) =>
  (MAC ? event.metaKey : event.ctrlKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 's';

/**
 * Ctrl+S anywhere on the page, as from the JSON: the review, or (not yet possible) the review button, whose tooltip says
 * why. Always listening, so that over the review or a question (`dialogOpen`) the browser's Save page stays away too.
 * Gives the button's ref, and what the JSON's own Ctrl+S calls.
 */
export function useReviewShortcut({ canReview, openReview, dialogOpen }: { canReview: boolean; openReview(): void; dialogOpen: boolean }) {
  const reviewButton = useRef<HTMLButtonElement>(null);
  const reviewOrSayWhy = () => (canReview ? openReview() : reviewButton.current?.focus());
  useSaveShortcut(() => !dialogOpen && reviewOrSayWhy(), true);
  return { reviewButton, reviewOrSayWhy };
}

/** While `enabled`, the save keys pressed anywhere in the document call `onSave` (outside a dialog; inside one, nothing). */
function useSaveShortcut(onSave: () => void, enabled: boolean) {
  const latest = useRef(onSave);
  useLayoutEffect(() => {
    latest.current = onSave;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      // The JSON's own handler (which Monaco must not see it past) already took it.
      if (!isSaveKey(event) || event.defaultPrevented) return;
      const inDialog = event.target instanceof Element && event.target.closest('[role="dialog"], [role="alertdialog"]');
      event.preventDefault();
      if (inDialog || document.querySelector('[aria-modal="true"]')) return;
      latest.current();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
