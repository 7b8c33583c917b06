// Comparison choices live in the URL, so a comparison can be shared with a colleague who has access.
import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
import type { DiffView } from '../../policy-ui/policy-diff';

export function useUrlState() {
  const [params, setParams] = useSearchParams();
  // A change asked for later (at the end of a file's read) applies to the address as it is then, not as
  // it was when the read began: what was chosen meanwhile (the group shown) stays.
  const current = useRef(params);
  useLayoutEffect(() => {
    current.current = params;
  }, [params]);
  // Gone from the page (the admin went elsewhere in the app), it writes nothing: a late change would
  // land in the address of the page the admin went to.
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);
  // A choice is a step Back can undo; `replace` is for tidying the address (a parameter already acted on).
  const set = useCallback(
    (changes: Record<string, string | null>, { replace = false }: { replace?: boolean } = {}) => {
      if (!live.current) return;
      const next = new URLSearchParams(current.current);
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      setParams(next, { replace });
    },
    [setParams],
  );
  const view: DiffView = {
    // No choice in the URL leaves it to the window (inline in a small one); a choice is kept either way.
    inline: params.get('view') === 'inline' ? true : params.get('view') === 'side' ? false : null,
    noise: params.get('noise') === 'show',
    names: params.get('names') !== 'off',
  };
  const setView = (next: DiffView) =>
    set({
      view: next.inline === null ? null : next.inline ? 'inline' : 'side',
      noise: next.noise ? 'show' : null,
      names: next.names ? null : 'off',
    });
  return { params, set, view, setView };
}
