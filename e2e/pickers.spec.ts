// The editor's pickers as an admin types: one choice after another without losing a keystroke, and
// people found by their sign-in name or mail as well as by name.
import { PolicyEditorPage } from './pages/policy-editor-page';
import { expect, test } from './support/fixtures';

test.beforeEach(async ({ page, signInPage, policiesPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await policiesPage.open(/^CA007/);
  await new PolicyEditorPage(page).open(new URL(page.url()).pathname);
});

test('after a choice, the next name typed arrives whole and is found', async ({ page }) => {
  const picker = page.getByRole('combobox', { name: 'Exclude users' });
  const excluded = page.getByRole('toolbar', { name: 'Exclude users' });
  await picker.click();
  await picker.pressSequentially('grace');
  await page.getByRole('option', { name: /^Grace Kim/ }).click();
  await expect(excluded).toContainText('Grace Kim');

  // Typed key by key straight after the choice: the first letter used to vanish ("ugo…").
  await picker.pressSequentially('Hugo Lefevre');
  await expect(picker).toHaveValue('Hugo Lefevre');
  await expect(page.getByRole('option', { name: /^Hugo Lefevre/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(excluded).toContainText('Hugo Lefevre');
  await expect(picker).toHaveValue('');
});

test('finds a user by sign-in name and a guest by mail', async ({ page }) => {
  const picker = page.getByRole('combobox', { name: 'Exclude users' });
  const excluded = page.getByRole('toolbar', { name: 'Exclude users' });
  await picker.click();
  await picker.pressSequentially('hugo.lefevre@contoso.example');
  await page.getByRole('option', { name: 'Hugo Lefevre · hugo.lefevre@contoso.example' }).click();
  await expect(excluded).toContainText('Hugo Lefevre');

  // A guest's mail is at home; the sign-in name is in this tenant.
  await picker.pressSequentially('sam.carter@fabrikam.example');
  await page.getByRole('option', { name: /^Sam Carter \(fabrikam\.example\)/ }).click();
  await expect(excluded).toContainText('Sam Carter (fabrikam.example)');
});
