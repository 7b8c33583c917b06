// The JSON editor keeps Tab for indenting, so the keyboard needs a way past it and a way out of it:
// a skip link before it, and Ctrl+M then Tab, said on screen and in the editor's name. The review,
// whose button is before the JSON, opens with Ctrl+S from the JSON or the side panel.
import { PolicyEditorPage } from './pages/policy-editor-page';
import { expect, test } from './support/fixtures';

let policyUrl: string;

test.beforeEach(async ({ page, signInPage, policiesPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await policiesPage.open(/^CA007/);
  await expect(page.getByRole('heading', { level: 1, name: /^CA007/ })).toBeVisible();
  policyUrl = new URL(page.url()).pathname;
});

test('Tab from the buttons meets the skip link before the JSON, and Enter takes the keyboard to the side panel', async ({ page }) => {
  const editor = new PolicyEditorPage(page);
  await editor.open(policyUrl);
  const panel = page.getByRole('complementary', { name: 'Policy settings and checks' });
  await page.getByRole('button', { name: 'Close', exact: true }).focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Skip the JSON, to the state, lists and checks' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(panel).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(panel.getByRole('radio', { name: 'Report-only', exact: true })).toBeFocused();
});

test('in the JSON, Tab indents, the editor’s name says the way out, and Ctrl+M then Tab reach the state switch', async ({ page }) => {
  const editor = new PolicyEditorPage(page);
  await editor.open(policyUrl);
  await editor.editor.locator('.view-lines').click();
  const json = page.getByRole('textbox', { name: /^JSON of CA007/ });
  await expect(json).toBeFocused();
  // What a screen reader says on entering it.
  await expect(json).toHaveAccessibleName(
    /\. In the JSON, Tab indents\. To leave it with Tab, press Ctrl\+M first \(again to indent\)\. Ctrl\+S opens the review\.$/,
  );
  await page.keyboard.press('Tab');
  await expect(json).toBeFocused();
  await page.keyboard.press('Control+m');
  await page.keyboard.press('Tab');
  const panel = page.getByRole('complementary', { name: 'Policy settings and checks' });
  await expect(panel.getByRole('radio', { name: 'Report-only', exact: true })).toBeFocused();
});

test('Ctrl+S opens the review from the side panel and from inside the JSON, not the browser’s Save page', async ({ page }) => {
  const editor = new PolicyEditorPage(page);
  await editor.open(policyUrl);
  const panel = page.getByRole('complementary', { name: 'Policy settings and checks' });
  await page.getByRole('button', { name: 'Skip the JSON, to the state, lists and checks' }).click();
  await page.keyboard.press('Tab');
  // Nothing changed yet: the shortcut takes the keyboard to the button, which says why it waits.
  await page.keyboard.press('Control+s');
  await expect(editor.reviewButton).toBeFocused();
  await expect(page.getByRole('tooltip')).toHaveText('Nothing has changed yet.');

  await panel.getByRole('radio', { name: 'Off', exact: true }).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Control+s');
  await expect(editor.dialog).toBeVisible();
  await expect(editor.dialog.getByRole('button', { name: 'Back to editing' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(editor.dialog).toBeHidden();

  await editor.editor.locator('.view-lines').click();
  const json = page.getByRole('textbox', { name: /^JSON of CA007/ });
  await expect(json).toBeFocused();
  // Seen before the page's own handlers: whether the browser was told not to save the page.
  await page.evaluate(() =>
    window.addEventListener(
      'keydown',
      (event) => {
        if (event.key === 's') setTimeout(() => ((window as unknown as { savePrevented: boolean }).savePrevented = event.defaultPrevented));
      },
      true,
    ),
  );
  await page.keyboard.press('Control+s');
  await expect(editor.dialog).toBeVisible();
  await expect.poll(() => page.evaluate(() => (window as unknown as { savePrevented?: boolean }).savePrevented)).toBe(true);
});

test('at 360 px the review shows the difference in one column', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const editor = new PolicyEditorPage(page);
  await editor.open(policyUrl);
  await editor.setState('Off');
  await editor.reviewButton.click();
  const diff = editor.dialog.getByTestId('diff-viewer');
  await expect(diff.locator('.editor.modified')).toContainText('"state"');
  // One column, the removed line above the added one: the changed side takes most of the diff's width
  // (beside the line numbers and the overview); side by side, each side had less than half.
  const whole = (await diff.boundingBox())!;
  const modified = (await diff.locator('.editor.modified').boundingBox())!;
  expect(modified.width).toBeGreaterThan(whole.width * 0.6);
  // Diff first: the sign-in impact's words and table come after it, so the diff is in view without scrolling
  // (below them, only a few of its lines showed above Save).
  await expect(diff).toBeInViewport({ ratio: 0.75 });
  const impact = editor.dialog.getByRole('region', { name: /^Impact on the last 7 days of sign-ins/ });
  expect((await impact.boundingBox())!.y).toBeGreaterThanOrEqual(whole.y + whole.height);
});
