// A policy's history: the audit log's changes in words, a comparison with now, and a revert that
// goes through the editor (diff first, the lock-out guard applied), after which the history grows.
import { expect, test } from './support/fixtures';

test('shows a change from the audit log in words and reverts it through the editor', async ({ page, signInPage, policiesPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await policiesPage.open(/^CA006/);
  await page.getByRole('tab', { name: 'History', exact: true }).click();
  const timeline = page.getByRole('list', { name: 'Changes, newest first' });
  const update = timeline.getByRole('listitem').filter({ hasText: 'Update conditional access policy' }).first();
  await expect(update).toContainText('ada.lindqvist@contoso.example, from the audit log');
  await expect(update).toContainText("Excluded location 'Corporate network' added");

  await update.getByRole('button', { name: 'Show diff' }).click();
  await expect(page.getByTestId('diff-viewer')).toBeVisible();

  await update.getByRole('button', { name: 'Revert to the version before this…' }).click();
  await expect(
    page.getByText(/Reverting to the version before “Update conditional access policy” of .*\. Review and save to apply it\./),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Review and save…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText("Excluded location 'Corporate network' removed");
  await dialog.getByRole('checkbox', { name: /I understand/ }).check();
  await dialog.getByRole('button', { name: 'Save to tenant' }).click();
  await expect(page.getByText(/^Saved\./)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Network', exact: true })).not.toContainText('Corporate network');

  await page.getByRole('tab', { name: 'History', exact: true }).click();
  await expect(timeline.getByRole('listitem').first()).toContainText("Excluded location 'Corporate network' removed");
  await expect(timeline).toContainText('Version kept on this device before save');
});
