// Comparison choices live in the URL, so a comparison can be shared with a colleague who has access.
import { useSearchParams } from 'react-router';
import type { DiffView } from '../../policy-ui/policy-diff';

export function useUrlState() {
  const [params, setParams] = useSearchParams();
  // A choice is a step Back can undo; `replace` is for tidying the address (a parameter already acted on).
  const set = (changes: Record<string, string | null>, { replace = false }: { replace?: boolean } = {}) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace },
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
