// The tenant's change history: audit-log events and versions kept on this device in one timeline,
// filtered by date, each change in words with its diff, and a revert through the editor.
import { emulator, expect, test, useLocalTenant, withholdScopes } from './support/fixtures';
import { section } from './support/navigation';

test('shows who changed which policy and how, filters by date, and reverts from the timeline', async ({ page, signInPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await section(page, 'Change history').click();
  const timeline = page.getByRole('list', { name: 'Changes, newest first' });

  // The last 7 days by default: the seeded changes of 1, 2, 3 and 6 days ago, not the one of 20.
  const ca006 = timeline.getByRole('listitem').filter({ hasText: 'CA006: Block access from outside allowed countries' }).first();
  await expect(ca006).toContainText('ada.lindqvist@contoso.example');
  await expect(ca006).toContainText("Excluded location 'Corporate network' added");
  await expect(timeline.getByRole('listitem').filter({ hasText: 'CA028' }).first()).toContainText(
    "Grant: require MFA → require authentication strength 'Contractor MFA (FIDO2 or Authenticator)'",
  );
  await expect(timeline).toContainText('Contoso Automation');
  await expect(timeline).not.toContainText('CA003');

  await ca006.getByRole('button', { name: 'Show diff' }).click();
  await expect(ca006.getByTestId('diff-viewer')).toBeVisible();

  // A wider window brings older changes; an empty one says so.
  const today = new Date();
  const daysAgo = (n: number) => new Date(today.getTime() - n * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('From', { exact: true }).fill(daysAgo(25));
  await expect(timeline).toContainText('CA003');
  await expect(page).toHaveURL(/from=/);
  await page.getByLabel('From', { exact: true }).fill('2020-01-01');
  await page.getByLabel('To', { exact: true }).fill('2020-01-31');
  await expect(page.getByText('No changes in this window')).toBeVisible();
  // A window that ends before it starts is said once, at its field, not answered with "no changes".
  await page.getByLabel('From', { exact: true }).fill('2020-02-15');
  await expect(page.getByText('The window must start before it ends.')).toBeVisible();
  await expect(page.getByText('No changes in this window')).toHaveCount(0);
  // Back to the default window, within the app.
  await section(page, 'Policies').click();
  await section(page, 'Change history').click();

  await ca006.getByRole('button', { name: 'Revert to the version before this…' }).click();
  await expect(
    page.getByText(/Reverting CA006: Block access from outside allowed countries to the version before “Update conditional access policy”/),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Review and save…' }).click();
  await expect(page.getByRole('dialog')).toContainText("Excluded location 'Corporate network' removed");
});

test('without access to the audit log, says so and still shows the versions kept on this device', async ({
  page,
  signInPage,
  policiesPage,
  consoleGuard,
}) => {
  consoleGuard.allowFailedResponse(403, '/v1.0/auditLogs/directoryAudits');
  await emulator.reset();
  await withholdScopes(['AuditLog.Read.All']);
  await useLocalTenant(page);
  await page.goto('/');
  await signInPage.signInWithMicrosoft();
  await expect(policiesPage.rows).toHaveCount(35);
  await section(page, 'Change history').click();
  await expect(page.getByText(/The audit log could not be read/)).toBeVisible();
  await expect(page.getByText('No changes in this window')).toBeVisible();
  await withholdScopes([]);
});
