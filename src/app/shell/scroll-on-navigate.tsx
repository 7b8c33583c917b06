// Where the page is scrolled when the screen changes: a new screen opens at its top (a policy
// opened from far down the list shows its title), and the browser's Back or Forward returns to
// where that screen was left. Only a change of path counts: filters, sorting and tabs written to
// the query string keep the page where it is.
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useLocation, useNavigationType } from 'react-router';

// Per history entry, for this tab's life; Back after a reload opens at the top.
const positions = new Map<string, number>();

export function ScrollOnNavigate() {
  const location = useLocation();
  const navigationType = useNavigationType();
  const shown = useRef({ key: location.key, pathname: location.pathname });

  useEffect(() => {
    // The browser's own restoration would fight this one on Back.
    const previous = window.history.scrollRestoration;
    window.history.scrollRestoration = 'manual';
    const remember = () => positions.set(shown.current.key, window.scrollY);
    window.addEventListener('scroll', remember, { passive: true });
    return () => {
      window.removeEventListener('scroll', remember);
      window.history.scrollRestoration = previous;
    };
  }, []);

  useLayoutEffect(() => {
    const before = shown.current;
    shown.current = { key: location.key, pathname: location.pathname };
    if (before.pathname !== location.pathname) window.scrollTo(0, navigationType === 'POP' ? (positions.get(location.key) ?? 0) : 0);
    positions.set(location.key, window.scrollY);
  }, [location.key, location.pathname, navigationType]);

  return null;
}
