// A policy's history: the audit log's changes in words, a comparison with now, and a revert that
// goes through the editor (diff first, the lock-out guard applied), after which the history grows.
import { emulator, expect, test, useLocalTenant, withholdScopes } from './support/fixtures';
import { PolicyEditorPage } from './pages/policy-editor-page';

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
  // The revert takes an excluded location away: CA006 then blocks the admin in more places than it does now, so
  // the guard asks, though the policy could lock them out before too (only a change that adds nothing goes unasked).
  await expect(dialog.getByRole('list', { name: 'Who could be locked out' })).toContainText('Ada Lindqvist (you)');
  await expect(dialog).not.toContainText('Already so before this change');
  await dialog.getByRole('checkbox', { name: /^I understand/ }).check();
  await dialog.getByRole('button', { name: 'Save to tenant' }).click();
  await expect(page.getByText(/^Saved\./)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Network', exact: true })).not.toContainText('Corporate network');

  await page.getByRole('tab', { name: 'History', exact: true }).click();
  // One entry for the save: the audit log's, noting that the version it replaced is also kept on this device.
  const saved = timeline.getByRole('listitem').first();
  await expect(saved).toContainText("Excluded location 'Corporate network' removed");
  await expect(saved).toContainText('from the audit log; the version before is also kept on this device');
  await expect(timeline).not.toContainText('Version kept on this device before save');
});

test('a version kept on this device that the audit log does not show is restored as itself, in words that say so', async ({
  page,
  signInPage,
  policiesPage,
  consoleGuard,
}) => {
  // Without AuditLog.Read.All neither the audit log nor the sign-in log (the draft's impact) can be read.
  consoleGuard.allowFailedResponse(403, '/v1.0/auditLogs/directoryAudits');
  consoleGuard.allowFailedResponse(403, '/beta/auditLogs/signIns');
  await emulator.reset();
  await withholdScopes(['AuditLog.Read.All']);
  try {
    await useLocalTenant(page);
    await page.goto('/');
    await signInPage.signInWithMicrosoft();
    await policiesPage.open(/^CA001/);
    const policyUrl = new URL(page.url()).pathname;
    const editor = new PolicyEditorPage(page);
    await editor.open(policyUrl);
    await editor.setState('Off');
    await editor.reviewButton.click();
    await editor.dialog.getByRole('button', { name: 'Save to tenant' }).click();
    await expect(page.getByText(/^Saved\./)).toBeVisible();

    await page.getByRole('tab', { name: 'History', exact: true }).click();
    await expect(page.getByText(/The audit log could not be read/)).toBeVisible();
    const kept = page
      .getByRole('list', { name: 'Changes, newest first' })
      .getByRole('listitem')
      .filter({ hasText: 'Version kept on this device before save' });
    await expect(kept.getByRole('button', { name: 'Revert to the version before this…' })).toHaveCount(0);
    await kept.getByRole('button', { name: 'Restore this version…' }).click();

    await expect(
      page.getByText(/^Restoring to the version kept on this device before save of .*\. Review and save to apply it\./),
    ).toBeVisible();
    // The header tells the saved state from the draft's.
    const header = page.getByRole('heading', { level: 1 }).locator('..');
    await expect(header.getByText('Saved:')).toBeVisible();
    await expect(header.getByText('Off', { exact: true })).toBeVisible();
    await expect(header.getByText('This draft:')).toBeVisible();
    await expect(header.getByText('On', { exact: true })).toBeVisible();
    await expect(page.getByRole('radio', { name: 'On', exact: true })).toBeChecked();
    await editor.reviewButton.click();
    await expect(editor.dialog).toContainText('State: Off → On');
  } finally {
    await withholdScopes([]);
    await emulator.reset();
  }
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
