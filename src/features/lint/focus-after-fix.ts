// Where the keyboard lands when the admin comes back to the Lint page from a quick fix. A fix opens the editor (its
// heading takes the focus there); coming back, the focus was on this page's heading, many Tabs before the finding
// that came next. The findings after the one fixed are remembered, and the next time this page shows its findings the
// focus goes to the first of them still there with a Fix… button, or to the count of findings when none is left.
import { useEffect, type RefObject } from 'react';
import { useLocation } from 'react-router';
import type { LintFinding } from '../../domain/lint/types';
import { findingIdentity } from '../../policy-ui/lint-findings';
import { focusFully } from '../../shared/ui/focus-fully';

/**
 * Kept while the editor is open: the page is unmounted meanwhile. With the history entry the page was on, so only
 * coming back to it (Back, Leave) moves the focus, not opening Lint anew later in the session.
 */
let remembered: { account: string; entry: string; after: string[] } | null = null;

export function rememberFix(account: string, entry: string, shown: readonly LintFinding[], fixed: LintFinding) {
  const after = shown.slice(shown.indexOf(fixed) + 1).filter((f) => f.fix && f.policyId && !f.suppressed);
  remembered = { account, entry, after: after.map(findingIdentity) };
}

/** Once the findings are shown (`ready`), the focus goes after the remembered fix, unless the admin has moved it within the page. */
export function useFocusAfterFix(
  account: string,
  ready: boolean,
  page: RefObject<HTMLElement | null>,
  count: RefObject<HTMLElement | null>,
) {
  const entry = useLocation().key;
  useEffect(() => {
    const area = page.current;
    if (!ready || !area || remembered?.account !== account) return;
    const { after } = remembered;
    const cameBack = remembered.entry === entry;
    remembered = null;
    if (!cameBack) return;
    const active = document.activeElement;
    if (active && area.contains(active) && active.tagName !== 'H1') return;
    const shown = [...area.querySelectorAll<HTMLElement>('[data-finding]')];
    const next = after
      .map((id) => shown.find((item) => item.dataset.finding === id)?.querySelector<HTMLElement>('[data-fix]'))
      .find((button) => button != null);
    // The count is no Tab stop (tabIndex -1): it takes the focus only from here.
    const target = next ?? count.current;
    if (target) focusFully(target);
  }, [account, entry, ready, page, count]);
}
