// New policy by keys, in a real browser (Fluent's dialogs and the JSON editor move the focus as jsdom
// does not): a chosen source puts the focus on the editor's heading; Back to editing gives it back to
// Review and create…; Start over asks first and, once the draft is discarded, leaves it on Start blank.
import { expect, test } from './support/fixtures';

test.beforeEach(async ({ page, signInPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await page.getByRole('button', { name: 'New policy' }).click();
});

test('the focus follows the admin through the new-policy steps instead of dropping to the page', async ({ page }) => {
  await page.getByRole('button', { name: 'Require multifactor authentication for admins' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Draft: Require multifactor authentication for admins' })).toBeFocused();

  const review = page.getByRole('button', { name: 'Review and create…' });
  await review.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Creates “Require multifactor authentication for admins” in Report-only');
  await dialog.getByRole('button', { name: 'Back to editing' }).click();
  await expect(review).toBeFocused();

  const startOver = page.getByRole('button', { name: 'Start over', exact: true });
  await startOver.focus();
  await page.keyboard.press('Enter');
  const question = page.getByRole('dialog', { name: 'Start over?' });
  await expect(question).toContainText('The new policy “Require multifactor authentication for admins” will be discarded');
  await page.keyboard.press('Escape');
  await expect(startOver).toBeFocused();

  await page.keyboard.press('Enter');
  await question.getByRole('button', { name: 'Discard and start over' }).click();
  await expect(page.getByRole('button', { name: 'Start blank' })).toBeFocused();
});
