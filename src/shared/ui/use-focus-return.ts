// A dialog opened by code (not by Fluent's DialogTrigger) does not give the keyboard's focus back when it
// closes: it falls to the page's start. `remember` is called by the action that opens the dialog (the
// dialog takes focus before any effect of its opener could read where it was); when the dialog closes,
// focus goes back there if that element is still on the page (an action that replaced it moves focus itself),
// scrolled wholly into view.
import { useCallback, useEffect, useRef } from 'react';
import { focusFully } from './focus-fully';

export function useFocusReturn(open: boolean) {
  const opener = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (open) return;
    const element = opener.current;
    opener.current = null;
    if (element?.isConnected) focusFully(element);
  }, [open]);
  return useCallback(() => {
    const active = document.activeElement;
    opener.current = active instanceof HTMLElement && active !== document.body ? active : null;
  }, []);
}
