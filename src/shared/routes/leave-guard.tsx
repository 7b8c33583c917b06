// Asking before the admin leaves a page whose work would be lost or cut short (unsaved changes, a
// run of writes): a link inside the console opens a question with Stay first; a reload or a closed
// tab gets the browser's own question. Either way of staying gives the focus back to what asked.
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { useEffect, useRef, type ReactNode } from 'react';
import { useBlocker, type Blocker } from 'react-router';

export interface LeaveGuard {
  blocker: Blocker;
  /** The page's own way on (to the saved policy, to What if): from now on leaving does not ask. */
  letGo(): void;
}

/** While `active`, leaving for another page waits for the admin's answer in a LeaveDialog; staying on the same page (a search, a tab) does not ask. */
export function useLeaveGuard(active: boolean): LeaveGuard {
  const opener = useRef<HTMLElement | null>(null);
  // Read when the navigation happens, not when the page last drew: the page lets go in the handler that navigates.
  const letGone = useRef(false);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => {
    const blocks = active && !letGone.current && currentLocation.pathname !== nextLocation.pathname;
    // Asked while the link or button that navigates still has the focus, before the question takes it.
    const focused = document.activeElement;
    if (blocks && focused instanceof HTMLElement && focused !== document.body && !focused.closest('[role="dialog"]'))
      opener.current = focused;
    return blocks;
  });
  useEffect(() => {
    if (blocker.state === 'blocked') return;
    const element = opener.current;
    opener.current = null;
    if (element?.isConnected) element.focus();
  }, [blocker.state]);
  useEffect(() => {
    if (!active) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [active]);
  return {
    blocker,
    letGo: () => {
      letGone.current = true;
    },
  };
}

/** The question a blocked navigation asks: Stay is first and the default, Leave goes on. */
export function LeaveDialog({ guard: { blocker }, title, children }: { guard: LeaveGuard; title: string; children: ReactNode }) {
  return (
    <Dialog open={blocker.state === 'blocked'} onOpenChange={(_, data) => !data.open && blocker.reset?.()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>{children}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => blocker.reset?.()}>
              Stay
            </Button>
            <Button onClick={() => blocker.proceed?.()}>Leave</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
