// Finding one's way in the tenant comparison: the hint names the account menu's real item, and a
// policy opened from a long table brings its diff into view and takes the focus.
import { CONTOSO_TENANT_ID } from './support/test-accounts';
import { expect, test } from './support/fixtures';
import { section } from './support/navigation';

test.beforeEach(async ({ page, signInPage }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await expect(page.getByRole('grid')).toBeVisible();
  await section(page, 'Compare').click();
  await page.getByRole('tab', { name: 'Tenant with tenant or backup' }).click();
});

test('the hint names the menu item that adds an account, and it is there', async ({ page }) => {
  const hint = page.getByText(/^To compare two tenants, sign in to the other one too/);
  await expect(hint).toContainText(
    'open the account menu (your name, top right) and choose an account of the other tenant under “Add another account”.',
  );
  await page.getByRole('button', { name: /Ada Lindqvist/ }).click();
  const adding = page.getByRole('group', { name: 'Add another account' });
  await expect(adding.getByRole('menuitem', { name: /^Add .*\(administrator\) · Contoso pre-production$/ })).toBeVisible();
  await page.keyboard.press('Escape');
});

test('a policy opened from the table brings its diff into view and takes the focus', async ({ page }) => {
  // A backup of the tenant in which one policy was off.
  const token = `demo.${Buffer.from(
    JSON.stringify({ tid: CONTOSO_TENANT_ID, oid: 'x', upn: 'backup@contoso.example', name: 'Backup', scp: 'Policy.Read.All' }),
  )
    .toString('base64')
    .replace(/=+$/, '')}`;
  const policies = await page.evaluate(
    async (token) =>
      (
        (await (
          await fetch('https://graph.microsoft.com/v1.0/identity/conditionalAccess/policies', {
            headers: { Authorization: `Bearer ${token}` },
          })
        ).json()) as { value: Record<string, unknown>[] }
      ).value,
    token,
  );
  const backup = policies.map((p) => (String(p.displayName).startsWith('CA006') ? { ...p, state: 'disabled' } : p));
  await page
    .getByLabel('Backup file to compare with')
    .setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ value: backup })) });

  // Every policy listed: the table is far taller than the window.
  await page.getByRole('tablist', { name: 'Which policies' }).getByRole('tab', { name: /^All/ }).click();
  const table = page.getByRole('table', { name: 'Policies compared' });
  await expect(table.getByRole('row')).toHaveCount(policies.length + 1);
  const link = table.getByRole('link').first();
  const name = (await link.textContent())!;
  await expect(link).toBeInViewport();
  await link.click();

  const opened = page.getByRole('region', { name: `${name}, here and there` });
  await expect(opened).toBeFocused();
  await expect(opened.getByRole('heading', { name, exact: true })).toBeInViewport();
  await expect(link).not.toBeInViewport();
});
