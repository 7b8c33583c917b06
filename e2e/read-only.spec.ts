// Knowing before the click: an account that cannot change policies sees every write action
// disabled, with the roles that can write, whether its sign-in said so (the demo reader's role
// claims) or Graph refused its first write (a token without role claims). An administrator's
// actions stay enabled.
import type { Locator, Page } from '@playwright/test';
import { expect, signInToLocalTenant, test, withholdScopes } from './support/fixtures';
import { section } from './support/navigation';

const ROLES = 'Conditional Access Administrator or Security Administrator role (or Global Administrator)';

/**
 * Hovering a disabled action shows the roles that can write. The pointer leaves and comes back if the
 * first hover opened nothing: on a busy machine a pointer that enters while the screen is still settling
 * (Monaco's chunk being evaluated) now and then opens no Fluent tooltip until it enters again (seen in CI
 * twice in a row, and locally now and then).
 */
async function expectRolesOnHover(page: Page, action: Locator) {
  await expect(async () => {
    await page.mouse.move(0, 0);
    await action.hover();
    await expect(page.getByRole('tooltip')).toContainText(ROLES, { timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
}

test('a reader sees write actions disabled with the roles that can write', async ({ page, policiesPage }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /^Sign in as Ben Okafor \(read-only\) · Contoso$/ }).click();
  await expect(policiesPage.rows).toHaveCount(35);
  await expect(page.getByText('Read-only', { exact: true })).toBeVisible();
  await expect(
    page
      .getByRole('main')
      .getByText(`This account can read but not change policies. Changing Conditional Access policies needs the ${ROLES}.`, {
        exact: false,
      })
      .filter({ visible: true }),
  ).toBeVisible();

  const newPolicy = page.getByRole('button', { name: 'New policy' });
  await expect(newPolicy).toBeDisabled();
  await expect(newPolicy).toHaveAccessibleDescription(
    /^This account can read but not change policies\. Changing Conditional Access policies needs/,
  );
  await expectRolesOnHover(page, newPolicy);
  await newPolicy.click({ force: true });
  await expect(page).toHaveURL(/\/policies$/);

  await policiesPage.open(/^CA001/);
  await expect(page.getByRole('heading', { level: 1, name: /^CA001/ })).toBeVisible();
  for (const name of ['Edit', 'Duplicate', 'Delete…']) await expect(page.getByRole('button', { name, exact: true })).toBeDisabled();
  // Reading stays open.
  await expect(page.getByRole('button', { name: 'Compare…' })).toBeEnabled();

  await section(page, 'Deleted policies').click();
  const deleted = page.getByRole('table', { name: 'Deleted policies' });
  await expect(deleted.getByRole('button', { name: 'Restore…' }).first()).toBeDisabled();
  await expect(deleted.getByRole('button', { name: 'Delete permanently…' }).first()).toBeDisabled();

  // Reached by its address, the editor lets a reader draft but not create.
  await page.goto('/policies/new');
  await page.getByRole('button', { name: 'Start blank' }).click();
  const create = page.getByRole('button', { name: 'Review and create…' });
  await expect(create).toBeDisabled();
  await expectRolesOnHover(page, create);
});

test('an administrator keeps every write action', async ({ page, signInPage, policiesPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await expect(policiesPage.rows).toHaveCount(35);
  await expect(page.getByRole('button', { name: 'New policy' })).toBeEnabled();
  await expect(page.getByText('Read-only', { exact: true })).toHaveCount(0);
});

test('an account whose token names no role learns from the first refused write', async ({
  page,
  signInPage,
  policiesPage,
  consoleGuard,
}) => {
  consoleGuard.allowFailedResponse(403, '/beta/identity/conditionalAccess/policies/');
  // Signed in for real, with no role claims and without the permission to write.
  await signInToLocalTenant(page, signInPage, policiesPage, ['Policy.ReadWrite.ConditionalAccess']);
  // Unknown is not "cannot": the actions stay enabled until Graph refuses one.
  await expect(page.getByRole('button', { name: 'New policy' })).toBeEnabled();

  await policiesPage.open(/^CA001/);
  await page.getByRole('button', { name: 'Delete…', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: /^Delete/ }).click();
  await expect(dialog.getByRole('alert')).toContainText('Permission needed');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Read-only', { exact: true })).toBeVisible();
  await expect(
    page
      .getByRole('main')
      .getByText(`Microsoft Graph refused a change for this account. Changing Conditional Access policies needs the ${ROLES}.`, {
        exact: false,
      })
      .filter({ visible: true }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Edit', exact: true })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Delete…', exact: true })).toBeDisabled();
  await withholdScopes([]);
});
