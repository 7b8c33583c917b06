// Writes whose answer is lost, against the emulator server with real sign-in: the server applies
// the write and then cuts the connection (Chromium may resend the request on its own). What the
// admin sees afterwards must be true, and one click must leave one policy.
import { PolicyEditorPage } from './pages/policy-editor-page';
import { emulator, expect, signInToLocalTenant, test } from './support/fixtures';
import { section } from './support/navigation';

const POLICIES = '/beta/identity/conditionalAccess/policies';

test.beforeEach(async ({ page, signInPage, policiesPage }) => {
  await signInToLocalTenant(page, signInPage, policiesPage);
});

test('a create whose answer is lost leaves one policy', async ({ page, policiesPage, consoleGuard }) => {
  consoleGuard.allowFailedResponse('ERR_', POLICIES);
  const tenant = await emulator.tenantId('Contoso');
  await page.getByRole('button', { name: 'New policy' }).click();
  await page.getByRole('button', { name: 'Require multifactor authentication for admins' }).click();
  await expect(page.getByRole('button', { name: 'Review and create…' })).toBeEnabled();
  await emulator.setFaults(tenant, { rules: [{ match: `POST ${POLICIES}`, fault: 'drop-after', times: 1 }] });
  await page.getByRole('button', { name: 'Review and create…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Create in tenant' }).click();

  // Either the console found the policy the service made, or the browser's own resend made a
  // second one, which is reported with its deletion one click away.
  const created = page.getByText(/^Created\. This is the policy as the tenant now holds it\./);
  const duplicate = page.getByRole('button', { name: 'Delete the duplicate' });
  await expect(created.or(duplicate)).toBeVisible();
  if (await duplicate.isVisible()) {
    await expect(page.getByRole('list', { name: 'Policies created' }).getByRole('listitem')).toHaveCount(2);
    await duplicate.click();
    await expect(created).toBeVisible();
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Require multifactor authentication for admins' })).toBeVisible();
  await page.getByRole('button', { name: 'Policies', exact: true }).click();
  await expect(policiesPage.rows).toHaveCount(36);
  await expect(policiesPage.row('Require multifactor authentication for admins')).toHaveCount(1);
});

test('a create the browser sent twice is reported, and the copy deleted in one click', async ({ page, policiesPage }) => {
  // Stands in for Chromium resending a POST on a reset connection: the service sees two creates.
  await page.route(`**${POLICIES}`, async (route) => {
    if (route.request().method() !== 'POST') return route.fallback();
    await route.fetch();
    await route.fulfill({ response: await route.fetch() });
  });
  await page.getByRole('button', { name: 'New policy' }).click();
  await page.getByRole('button', { name: 'Require multifactor authentication for admins' }).click();
  await page.getByRole('button', { name: 'Review and create…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Create in tenant' }).click();

  await expect(page.getByText('“Require multifactor authentication for admins” was created, and so was an identical copy')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Policies created' }).getByRole('listitem')).toHaveCount(2);
  await page.getByRole('button', { name: 'Delete the duplicate' }).click();
  await expect(page.getByText(/^Created\. This is the policy as the tenant now holds it\./)).toBeVisible();
  await page.getByRole('button', { name: 'Policies', exact: true }).click();
  await expect(policiesPage.rows).toHaveCount(36);
  await expect(policiesPage.row('Require multifactor authentication for admins')).toHaveCount(1);
});

test('restore in report-only whose answer is lost still ends in report-only, and the list says so at once', async ({
  page,
  policiesPage,
  consoleGuard,
}) => {
  // The cut connection, and a 404 to the restore Chromium resent after the first one succeeded.
  consoleGuard.allowFailedResponse('ERR_', '/beta/identity/conditionalAccess/deletedItems/');
  consoleGuard.allowFailedResponse(404, '/beta/identity/conditionalAccess/deletedItems/');
  const tenant = await emulator.tenantId('Contoso');
  await section(page, 'Deleted policies').click();
  const row = page.getByRole('table', { name: 'Deleted policies' }).getByRole('row').filter({ hasText: 'CA090' });
  await row.getByRole('button', { name: 'Restore…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('radio', { name: /report-only/ })).toBeChecked();
  await emulator.setFaults(tenant, { rules: [{ match: '/restore', fault: 'drop-after', times: 1 }] });
  await dialog.getByRole('button', { name: 'Restore' }).click();

  await expect(page.getByText(/^Restored\. This is the policy as the tenant now holds it\./)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'CA090: Block sign-ins from the old VPN' })).toBeVisible();
  await expect(page.getByText('Report-only', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('On', { exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Policies', exact: true }).click();
  await expect(policiesPage.row(/^CA090/)).toContainText('Report-only');
});

test('a save whose answer is lost is called saved, not "someone changed this policy"', async ({ page, policiesPage, consoleGuard }) => {
  consoleGuard.allowFailedResponse('ERR_', `${POLICIES}/`);
  const tenant = await emulator.tenantId('Contoso');
  await policiesPage.open(/^CA007/);
  await expect(page.getByRole('heading', { level: 1, name: /^CA007/ })).toBeVisible();
  const editor = new PolicyEditorPage(page);
  await editor.open(new URL(page.url()).pathname);
  await editor.setState('Off');
  await emulator.setFaults(tenant, { rules: [{ match: `PATCH ${POLICIES}/`, fault: 'drop-after', times: 1 }] });
  await editor.reviewButton.click();
  await editor.dialog.getByRole('button', { name: 'Save to tenant' }).click();

  await expect(page.getByText('Saved. This is the policy as the tenant now holds it.')).toBeVisible();
  await expect(page.getByText(/changed this policy/)).toHaveCount(0);
  await page.getByRole('button', { name: 'Policies', exact: true }).click();
  await expect(policiesPage.row(/^CA007/)).toContainText('Off');
});
