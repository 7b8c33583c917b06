// Where the keyboard's focus goes when the control that had it leaves the page: a screen reader user
// whose focus falls to the page's start is thrown back to its top. Watched from the moment it is asked.
import type { Locator, Page } from '@playwright/test';

/**
 * Starts watching for the focus falling to the page's start and staying there (`settleMs` later: focus
 * moved on by code a moment after is not lost). Returns what had the focus each time it fell.
 */
export async function watchFocusLost(page: Page, settleMs = 50): Promise<() => Promise<string[]>> {
  await page.evaluate((settle) => {
    const watched = window as unknown as { focusLost: string[] };
    watched.focusLost = [];
    document.addEventListener('focusout', (event) => {
      if ((event as FocusEvent).relatedTarget) return;
      const left = (event.target as Element | null)?.textContent?.slice(0, 60) ?? '';
      setTimeout(() => {
        if (document.activeElement === document.body || document.activeElement === null) watched.focusLost.push(left);
      }, settle);
    });
  }, settleMs);
  return () => page.evaluate(() => (window as unknown as { focusLost: string[] }).focusLost);
}

/** Presses Tab (Shift+Tab with `back`) until the locator has the focus, at most `limit` times; fails if it never does. */
export async function tabTo(page: Page, target: Locator, { limit = 40, back = false } = {}) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${String(target)}`);
}
