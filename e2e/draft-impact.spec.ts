// A draft's impact over the last week's sign-ins, in the save review: a draft that would block
// everyone shows the people it would block, and the signed-in admin among them joins the lock-out
// guard, before anything is written.
import { PolicyEditorPage } from './pages/policy-editor-page';
import { expect, test } from './support/fixtures';

test('the review shows whom a draft would newly block, from the tenant’s own sign-ins', async ({ page, signInPage, policiesPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await policiesPage.open(/^CA001/);
  const editor = new PolicyEditorPage(page);
  await editor.open(page.url());
  // The grant controls are at the end of the JSON, below what Monaco draws at first.
  await editor.editor.locator('.view-lines').click();
  await page.keyboard.press('Control+End');
  await editor.replaceStringValue('mfa', 'block');
  await editor.reviewButton.click();

  const impact = page.getByRole('region', { name: /^Impact on the last 7 days of sign-ins/ });
  const blocked = impact.getByRole('row', { name: 'newly blocked' });
  await expect(blocked).toBeVisible();
  await blocked.getByRole('button', { name: 'Show sign-ins' }).click();
  await expect(impact.getByLabel('Who would be newly blocked')).toContainText('Grace Kim');
  await expect(impact.getByRole('list', { name: 'Sign-ins newly blocked' }).getByRole('listitem').first()).toContainText(
    / to .+: \d+ sign-ins?/,
  );
  await expect(impact.getByRole('status')).toContainText(/blocked/);
  // Ada, signed in, would be blocked herself: the lock-out guard names her and asks for an acknowledgement.
  await expect(impact.getByText('You are affected')).toBeVisible();
  const guard = page
    .getByRole('list', { name: 'Who could be locked out' })
    .getByRole('listitem')
    .filter({ hasText: 'Ada Lindqvist (you)' });
  await expect(guard).toHaveCount(1);
  await expect(guard).toContainText(/In the last 7 days, \d+ sign-ins? would have been newly blocked/);
  await expect(page.getByRole('dialog').getByRole('button', { name: 'Save to tenant' })).toBeDisabled();
  // Back to the draft: nothing was written.
  await page.getByRole('dialog').getByRole('button', { name: 'Back to editing' }).click();
});
