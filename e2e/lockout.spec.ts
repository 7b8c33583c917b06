// The lock-out guard: with emergency-access accounts named in Settings, turning on a policy that
// blocks everyone stops for an acknowledgement that names who is affected, and one click excludes
// the emergency accounts without dropping any existing exclusion. A change to a policy that already
// had the risk (it only narrows it) says so, and saves without the acknowledgement.
import { PolicyEditorPage } from './pages/policy-editor-page';
import { expect, test } from './support/fixtures';
import { nameEmergencyGroup } from './support/emergency-group';
import { section } from './support/navigation';

test('stops a block on everyone, names who is affected, and excludes the emergency accounts', async ({ page, signInPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');

  await section(page, 'Settings').click();
  const users = page.getByRole('combobox', { name: 'Users' });
  await users.fill('Break');
  await page.getByRole('option', { name: /^Break Glass 01/ }).click();
  const groups = page.getByRole('combobox', { name: 'Groups' });
  await groups.fill('CA - Emer');
  await page.getByRole('option', { name: /^CA - Emergency access accounts/ }).click();
  await expect(page.getByRole('toolbar', { name: 'Emergency-access accounts' })).toContainText('Break Glass 01');
  await expect(page.getByRole('toolbar', { name: 'Emergency-access groups' })).toContainText('CA - Emergency access accounts');

  await section(page, 'Policies').click();
  await page.getByRole('button', { name: 'New policy' }).click();
  await page.getByRole('button', { name: 'Start blank' }).click();
  const editor = new PolicyEditorPage(page);
  await expect(editor.editor.locator('.view-lines')).toContainText('"New policy"');
  await editor.replaceStringValue('None', 'All');
  await editor.replaceStringValue('None', 'All');
  await editor.replaceStringValue('mfa', 'block');
  await editor.setState('On');
  // The Checks say it while editing, in the review's words.
  await expect(editor.checks).toContainText('This could lock people out — Ada Lindqvist (you): It applies to all users and blocks access.');

  await page.getByRole('button', { name: 'Review and create…' }).click();
  const risks = editor.dialog.getByRole('list', { name: 'Who could be locked out' });
  await expect(risks).toContainText('Ada Lindqvist (you)');
  await expect(risks).toContainText('Break Glass 01 (emergency access)');
  await expect(risks).toContainText('Members of CA - Emergency access accounts (emergency access)');
  const create = editor.dialog.getByRole('button', { name: 'Create in tenant' });
  await expect(create).toBeDisabled();

  await editor.dialog.getByRole('button', { name: 'Exclude emergency accounts' }).click();
  await expect(risks).not.toContainText('emergency access');
  await expect(risks).toContainText('Ada Lindqvist (you)');
  await expect(create).toBeDisabled();
  await editor.dialog.getByRole('checkbox', { name: /I understand/ }).check();
  await create.click();

  await expect(page.getByText(/^Created\./)).toBeVisible();
  const usersSection = page.getByRole('region', { name: 'Users', exact: true });
  await expect(usersSection).toContainText('Break Glass 01');
  await expect(usersSection).toContainText('CA - Emergency access accounts');
});

test('warns that a policy for 14 admin roles reaches the break-glass accounts through their Global Administrator role', async ({
  page,
  signInPage,
}) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');

  // Only the emergency group is named: the guard finds its accounts, and their roles, in the directory.
  await nameEmergencyGroup(page);

  await section(page, 'Policies').click();
  await page.getByRole('button', { name: 'New policy' }).click();
  // Microsoft's template: 14 admin roles, the current administrator excluded, MFA required.
  await page.getByRole('button', { name: 'Require multifactor authentication for admins' }).click();
  const editor = new PolicyEditorPage(page);
  await expect(editor.editor.locator('.view-lines')).toContainText('"Require multifactor authentication for admins"');
  await editor.setState('On');

  await page.getByRole('button', { name: 'Review and create…' }).click();
  const risks = editor.dialog.getByRole('list', { name: 'Who could be locked out' });
  for (const account of ['Break Glass 01', 'Break Glass 02']) {
    await expect(
      risks.getByRole('listitem').filter({ hasText: `${account} (emergency access, in CA - Emergency access accounts)` }),
    ).toContainText('It applies to the role Global Administrator, which this account holds, and requires multifactor authentication.');
  }
  // The template excludes the admin, who is not named.
  await expect(risks).not.toContainText('(you)');
  const create = editor.dialog.getByRole('button', { name: 'Create in tenant' });
  await expect(create).toBeDisabled();

  await editor.dialog.getByRole('button', { name: 'Exclude emergency accounts' }).click();
  await expect(risks).toHaveCount(0);
  await expect(create).toBeEnabled();
});

test('a policy that already blocks everyone outside its countries saves an added exclusion without the tick, saying the risk was already so', async ({
  page,
  signInPage,
  policiesPage,
}) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await policiesPage.open(/^CA006/);
  const editor = new PolicyEditorPage(page);
  await editor.open(new URL(page.url()).pathname);

  await editor.addToList('Exclude groups', 'Contractors');
  // The change adds no risk: the Checks have nothing to say.
  await expect(editor.checks).toContainText('No problems found.');

  await editor.reviewButton.click();
  const already = editor.dialog.getByRole('list', { name: 'Who could already be locked out' });
  await expect(already).toContainText('Ada Lindqvist (you): It applies to all users and blocks access, outside its excluded locations.');
  await expect(editor.dialog).toContainText('Already so before this change');
  await expect(editor.dialog.getByRole('list', { name: 'Who could be locked out' })).toHaveCount(0);
  await expect(editor.dialog.getByRole('checkbox', { name: /I understand/ })).toHaveCount(0);
  await editor.dialog.getByRole('button', { name: 'Save to tenant' }).click();
  await expect(page.getByText('Saved. This is the policy as the tenant now holds it.')).toBeVisible();
});

test('with no emergency-access accounts named, says the guard checked only the admin and warns when CA006 stops excluding the group most policies exclude', async ({
  page,
  signInPage,
  policiesPage,
}) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await policiesPage.open(/^CA006/);
  const editor = new PolicyEditorPage(page);
  await editor.open(new URL(page.url()).pathname);
  await expect(editor.checks).toContainText('No emergency-access accounts are named for this tenant: the lock-out guard checked only you.');
  await expect(editor.checks.getByRole('link', { name: 'Name them in Settings' })).toHaveAttribute('href', '/settings');

  await page
    .getByRole('toolbar', { name: 'Exclude groups' })
    .getByRole('button', { name: 'Remove CA - Emergency access accounts' })
    .click();
  await expect(editor.checks).toContainText(
    /This change stops excluding the group 'CA - Emergency access accounts', which \d+ of \d+ policies for all users exclude: if it holds your emergency-access accounts, keep it excluded\./,
  );
  await expect(editor.checks).not.toContainText('No problems found.');

  // The review says it too; a warning, not a block: Save asks for nothing more than the risk already there.
  await editor.reviewButton.click();
  await expect(editor.dialog.getByRole('list', { name: 'Not excluded' })).toContainText(
    "This change stops excluding the group 'CA - Emergency access accounts'",
  );
  await expect(editor.dialog).toContainText('No emergency-access accounts are named for this tenant: the lock-out guard checked only you.');
  await expect(editor.dialog.getByRole('checkbox', { name: /I understand/ })).toHaveCount(0);
  await expect(editor.dialog.getByRole('button', { name: 'Save to tenant' })).toBeEnabled();
});
