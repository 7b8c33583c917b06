// The JSON editor keeps Tab for indenting, so the keyboard needs a way past it and a way out of it:
// a skip link before it, and Ctrl+M then Tab, said on screen and in the editor's name.
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
  await expect(json).toHaveAccessibleName(/\. In the JSON, Tab indents\. To leave it with Tab, press Ctrl\+M first \(again to indent\)\.$/);
  await page.keyboard.press('Tab');
  await expect(json).toBeFocused();
  await page.keyboard.press('Control+m');
  await page.keyboard.press('Tab');
  const panel = page.getByRole('complementary', { name: 'Policy settings and checks' });
  await expect(panel.getByRole('radio', { name: 'Report-only', exact: true })).toBeFocused();
});
