// Asking before the admin leaves a page whose work would be lost or cut short (unsaved changes, a
// run of writes): a link inside the console, or a button that leaves the work without changing the
// route (a Back that changes the page's state), opens a question with Stay first; a reload or a closed
// tab gets the browser's own question. Either way of staying gives the focus back to what asked.
// Work that ends while the question is open (the run finished, the changes were saved) changes its
// words, not its answer: nothing is lost by leaving any more, and only the admin's Leave goes.
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useBlocker, type Blocker } from 'react-router';
import { focusFully } from '../ui/focus-fully';

export interface LeaveGuard {
  blocker: Blocker;
  /** Whether leaving would still lose or cut short the work; a question asked while it did stays open once it does not. */
  active: boolean;
  /** The page's own way on (to the saved policy, to What if): from now on leaving does not ask. */
  letGo(): void;
  /** A way off the work that stays on the same path (a Back button that changes state): while active it asks first, and `leave` runs on Leave. */
  ask(leave: () => void): void;
  /** For LeaveDialog: the in-page leave waiting for the admin's answer, if any, and how to drop it (Stay). */
  asking: (() => void) | null;
  dismiss(): void;
}

/** While `active`, leaving for another page waits for the admin's answer in a LeaveDialog; staying on the same page (a search, a tab) does not ask. */
export function useLeaveGuard(active: boolean): LeaveGuard {
  const opener = useRef<HTMLElement | null>(null);
  // Read when the navigation happens, not when the page last drew: the page lets go in the handler that navigates.
  const letGone = useRef(false);
  const [asking, setAsking] = useState<{ leave: () => void } | null>(null);
  // Asked while the link or button that leaves still has the focus, before the question takes it.
  const rememberOpener = () => {
    const focused = document.activeElement;
    if (focused instanceof HTMLElement && focused !== document.body && !focused.closest('[role="dialog"]')) opener.current = focused;
  };
  const blocker = useBlocker(({ currentLocation, nextLocation }) => {
    const blocks = active && !letGone.current && currentLocation.pathname !== nextLocation.pathname;
    if (blocks) rememberOpener();
    return blocks;
  });
  const open = blocker.state === 'blocked' || asking !== null;
  useEffect(() => {
    if (open) return;
    const element = opener.current;
    opener.current = null;
    if (element?.isConnected) focusFully(element);
  }, [open]);
  useEffect(() => {
    if (!active) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [active]);
  return {
    blocker,
    active,
    letGo: () => {
      letGone.current = true;
    },
    ask: (leave) => {
      if (!active || letGone.current) return leave();
      rememberOpener();
      setAsking({ leave });
    },
    asking: asking?.leave ?? null,
    dismiss: () => setAsking(null),
  };
}

/**
 * The question a blocked navigation (or an in-page leave) asks: Stay is first and the default, Leave goes on.
 * `title` and `children` say what leaving loses; `doneTitle` and `done` what it says once the work has ended
 * with the question open. Its text is a polite live region, so that change is read out where the focus is.
 */
export function LeaveDialog({
  guard,
  title,
  children,
  doneTitle = 'Leave this page?',
  done = 'Nothing is lost by leaving now.',
}: {
  guard: LeaveGuard;
  title: string;
  children: ReactNode;
  doneTitle?: string;
  done?: ReactNode;
}) {
  const { blocker, asking, active } = guard;
  const stay = () => (asking ? guard.dismiss() : blocker.reset?.());
  const leave = () => {
    if (!asking) return blocker.proceed?.();
    guard.dismiss();
    asking();
  };
  return (
    <Dialog open={blocker.state === 'blocked' || asking !== null} onOpenChange={(_, data) => !data.open && stay()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{active ? title : doneTitle}</DialogTitle>
          <DialogContent aria-live="polite" aria-atomic="true">
            {active ? children : done}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={stay}>
              Stay
            </Button>
            <Button onClick={leave}>Leave</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
