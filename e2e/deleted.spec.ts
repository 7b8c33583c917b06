// Deleted policies: listed with who deleted them and the days left; restored in report-only (with
// the second step failing once and retried), and deleted for good only after typing the name.
import { emulator, expect, test, useLocalTenant, withholdScopes } from './support/fixtures';

test.beforeEach(async ({ page, signInPage, policiesPage }) => {
  await emulator.reset();
  await withholdScopes([]);
  await useLocalTenant(page);
  await page.goto('/');
  await signInPage.signInWithMicrosoft();
  await expect(policiesPage.rows).toHaveCount(35);
  await page.getByRole('tab', { name: 'Deleted policies' }).click();
});

test('lists deleted policies with who deleted them, when, and the days left', async ({ page }) => {
  const table = page.getByRole('table', { name: 'Deleted policies' });
  await expect(table.getByRole('row')).toHaveCount(4);
  const vpn = table.getByRole('row').filter({ hasText: 'CA090: Block sign-ins from the old VPN' });
  await expect(vpn).toContainText('On');
  await expect(vpn).toContainText('ada.lindqvist@contoso.example');
  await expect(vpn).toContainText('25 days');
  await expect(table.getByRole('row').filter({ hasText: 'CA092' })).toContainText('3 days');
  await vpn.getByRole('button', { name: 'CA090: Block sign-ins from the old VPN' }).click();
  await expect(page.getByRole('region', { name: 'Grant', exact: true })).toContainText('Block access');
});

test('restores a policy that was On in report-only, retrying the second step when it fails', async ({ page }) => {
  const tenant = await emulator.tenantId('Contoso');
  await emulator.setFaults(tenant, { rules: [{ match: 'PATCH /beta/identity/conditionalAccess/policies', fault: 503, times: 1 }] });
  const row = page.getByRole('row').filter({ hasText: 'CA090' });
  await row.getByRole('button', { name: 'Restore…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('It was On when it was deleted. Restored as it was, it enforces again at once.');
  await expect(dialog.getByRole('radio', { name: /report-only/ })).toBeChecked();
  await dialog.getByRole('button', { name: 'Restore' }).click();

  await expect(page.getByText(/was restored, but setting it to report-only failed/)).toBeVisible();
  await page.getByRole('button', { name: 'Set report-only again' }).click();
  await expect(page.getByText(/^Restored\. This is the policy as the tenant now holds it\./)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'CA090: Block sign-ins from the old VPN' })).toBeVisible();
  await expect(page.getByText('Report-only', { exact: true }).first()).toBeVisible();
});

test('deletes permanently only after the name is typed', async ({ page }) => {
  const row = page.getByRole('row').filter({ hasText: 'CA091' });
  await row.getByRole('button', { name: 'Delete permanently…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('This is final');
  const confirm = dialog.getByRole('button', { name: 'Delete permanently' });
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('textbox').fill('CA091');
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('textbox').fill('CA091: Test - block everything for pilot');
  await confirm.click();
  await expect(page.getByRole('row').filter({ hasText: 'CA091' })).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Deleted policies' }).getByRole('row')).toHaveCount(3);
});
