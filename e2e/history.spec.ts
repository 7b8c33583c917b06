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
  // The policy could lock the admin out before this revert too: noted, not asked again (only a risk a change adds asks).
  await expect(dialog).toContainText('Already so before this change');
  await expect(dialog.getByRole('checkbox', { name: /I understand/ })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Save to tenant' }).click();
  await expect(page.getByText(/^Saved\./)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Network', exact: true })).not.toContainText('Corporate network');

  await page.getByRole('tab', { name: 'History', exact: true }).click();
  await expect(timeline.getByRole('listitem').first()).toContainText("Excluded location 'Corporate network' removed");
  await expect(timeline).toContainText('Version kept on this device before save');
});

test('a revert never replaces changes not yet saved: it says so and leads back to them', async ({ page, signInPage, policiesPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await policiesPage.open(/^CA006/);
  const policyUrl = new URL(page.url()).pathname;
  await page.goto(`${policyUrl}/edit`);
  await page.getByRole('radio', { name: 'Off', exact: true }).check();
  // Kept on this device as typed: the page is left without saving (a reload asks nothing of the draft).
  await page.goto(policyUrl);
  await page.getByRole('tab', { name: 'History', exact: true }).click();
  const update = page
    .getByRole('list', { name: 'Changes, newest first' })
    .getByRole('listitem')
    .filter({ hasText: 'Update conditional access policy' });
  await update.first().getByRole('button', { name: 'Revert to the version before this…' }).click();
  await expect(page.getByText(/^Could not start the revert: “CA006[^”]*” has unsaved changes on this device\./)).toBeVisible();

  await page.getByRole('link', { name: 'Continue editing' }).click();
  await expect(page.getByText(/Your unsaved draft from .* was restored/)).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Off', exact: true })).toBeChecked();
  await expect(page.getByText(/^Reverting to the version before/)).toHaveCount(0);
});
