// The edit page by keys at 1280 px: Ctrl+S opens the review from the heading the page opens on; the
// header keeps each state's label with its badge; focus given back after Escape (the review, the question
// on leaving) lands on a button wholly in view; the review's diff opens on its changes, folded, at once.
import type { Page } from '@playwright/test';
import { PolicyEditorPage } from './pages/policy-editor-page';
import { expect, test } from './support/fixtures';

test.use({ viewport: { width: 1280, height: 800 } });

test.beforeEach(async ({ page, signInPage, policiesPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await policiesPage.open(/^CA007/);
  const url = new URL(page.url()).pathname;
  await new PolicyEditorPage(page).open(url);
});

/** Scrolls the page so that the button's top is one pixel above the window, and focuses it there without scrolling. */
async function scrollJustPast(page: Page, name: string) {
  await page.getByRole('button', { name, exact: true }).evaluate((button: HTMLElement) => {
    window.scrollBy(0, button.getBoundingClientRect().top + 1);
    button.focus({ preventScroll: true });
  });
}

async function wholeInView(page: Page, name: string) {
  const button = page.getByRole('button', { name, exact: true });
  await expect(button).toBeFocused();
  const box = await button.evaluate((b) => {
    const r = b.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, height: window.innerHeight };
  });
  expect(box.top).toBeGreaterThanOrEqual(2);
  expect(box.bottom).toBeLessThanOrEqual(box.height - 2);
}

test('the header keeps each state’s label on the line of its badge', async ({ page }) => {
  await new PolicyEditorPage(page).setState('On');
  const header = page.getByRole('heading', { level: 1 }).locator('..');
  for (const [label, badge] of [
    ['Saved:', 'Report-only'],
    ['This draft:', 'On'],
  ] as const) {
    const labelBox = await header.getByText(label).evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el.firstChild!);
      const r = range.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom };
    });
    const badgeBox = (await header.getByText(badge, { exact: true }).boundingBox())!;
    const middle = badgeBox.y + badgeBox.height / 2;
    expect(middle, `${label} beside its badge`).toBeGreaterThan(labelBox.top);
    expect(middle, `${label} beside its badge`).toBeLessThan(labelBox.bottom);
  }
});

test('Ctrl+S on the heading opens the review, whose diff shows first with the unchanged lines already folded away', async ({ page }) => {
  const editor = new PolicyEditorPage(page);
  await editor.setState('On');
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { diffFrames: string[] }).diffFrames = seen;
    const look = () => {
      const diff = document.querySelector<HTMLElement>('[data-testid="diff-viewer"]');
      const lines = diff?.querySelector('.view-lines');
      if (diff && lines?.textContent && getComputedStyle(diff).visibility !== 'hidden' && diff.getBoundingClientRect().height > 0) {
        seen.push(diff.textContent ?? '');
        return;
      }
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await page.getByRole('heading', { level: 1 }).focus();
  await page.keyboard.press('Control+s');
  await expect(editor.dialog).toBeVisible();
  await expect.poll(() => page.evaluate(() => (window as unknown as { diffFrames: string[] }).diffFrames.length)).toBe(1);
  const first = await page.evaluate(() => (window as unknown as { diffFrames: string[] }).diffFrames[0]!);
  expect(first).toMatch(/\d+ hidden lines/);
  expect(first).toContain('"state"');
});

test('Escape on the review, or on the question on leaving, gives the focus back to a button wholly in view', async ({ page }) => {
  const editor = new PolicyEditorPage(page);
  await editor.setState('On');
  // The review button a pixel above the window.
  await scrollJustPast(page, 'Review and save…');
  await page.keyboard.press('Enter');
  await expect(editor.dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(editor.dialog).toHaveCount(0);
  await wholeInView(page, 'Review and save…');

  // Close with changes asks first; Escape (stay) gives the focus back to Close.
  await scrollJustPast(page, 'Close');
  await page.keyboard.press('Enter');
  const question = page.getByRole('alertdialog').or(page.getByRole('dialog'));
  await expect(question).toContainText('Leave without saving?');
  await page.keyboard.press('Escape');
  await expect(question).toHaveCount(0);
  await wholeInView(page, 'Close');
});
