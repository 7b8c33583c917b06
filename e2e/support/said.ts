// What a screen reader would be given to say, recorded before the console loads: the announcer's words
// (Fluent says message bars through document.ariaNotify, which is wrapped and passed on) and, when asked,
// each live region's words each time words are put in it (an alert also when it appears, filled).
import type { Page } from '@playwright/test';

/** Who said it: Fluent's announcer, a status (or another polite live region), or an alert. */
export type SaidVia = 'announcer' | 'status' | 'alert';

export interface Said {
  /** How many things said match the pattern (said by `via` only, when given). */
  times(pattern: RegExp, via?: SaidVia): Promise<number>;
  /** Everything said, a line each. */
  all(): Promise<string>;
}

interface Heard {
  via: SaidVia;
  text: string;
}

export async function listenToWhatIsSaid(page: Page, { liveRegions = false }: { liveRegions?: boolean } = {}): Promise<Said> {
  await page.addInitScript((watchRegions: boolean) => {
    const said: Heard[] = [];
    (window as unknown as { said: Heard[] }).said = said;
    // Not in TypeScript's DOM types yet.
    const proto = Document.prototype as unknown as { ariaNotify?: (message: string, options?: unknown) => void };
    const notify = proto.ariaNotify;
    proto.ariaNotify = function (this: Document, message: string, options?: unknown) {
      said.push({ via: 'announcer', text: message });
      notify?.call(this, message, options);
    };
    if (!watchRegions) return;
    const live = '[role="status"], [role="alert"], [aria-live="polite"], [aria-live="assertive"]';
    new MutationObserver((records) => {
      const changed = new Set<Element>();
      for (const record of records) {
        if (record.type === 'childList' && record.addedNodes.length === 0) continue;
        const at = record.target instanceof Element ? record.target : record.target.parentElement;
        const region = at?.closest(live);
        if (region) changed.add(region);
        // An alert is said when it appears, filled; a status that appears filled often is not.
        for (const node of record.addedNodes)
          if (node instanceof Element)
            for (const alert of [node, ...node.querySelectorAll('[role="alert"]')]) if (alert.matches('[role="alert"]')) changed.add(alert);
      }
      for (const region of changed)
        if (region.textContent)
          said.push({ via: region.matches('[role="alert"], [aria-live="assertive"]') ? 'alert' : 'status', text: region.textContent });
    }).observe(document, { subtree: true, childList: true, characterData: true });
  }, liveRegions);
  const list = (via?: SaidVia) =>
    page.evaluate((only) => (window as unknown as { said: Heard[] }).said.filter((h) => !only || h.via === only).map((h) => h.text), via);
  return {
    times: async (pattern, via) => (await list(via)).filter((m) => pattern.test(m)).length,
    all: async () => (await list()).join('\n'),
  };
}
