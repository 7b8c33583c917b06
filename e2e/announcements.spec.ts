// What a screen reader hears: the console's messages (saved, restored, warnings) are said through the
// browser's aria-notify as they appear, not only drawn. The page's aria-notify is wrapped to record
// what is said, then passed on.
import { PolicyEditorPage } from './pages/policy-editor-page';
import { expect, test } from './support/fixtures';
import { section } from './support/navigation';
import { listenToWhatIsSaid, type Said } from './support/said';

let said: Said;

test.beforeEach(async ({ page, signInPage }) => {
  said = await listenToWhatIsSaid(page);
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
});

test('a save is said, not only shown', async ({ page, policiesPage }) => {
  await policiesPage.open(/^CA007/);
  const editor = new PolicyEditorPage(page);
  await editor.open(new URL(page.url()).pathname);
  await editor.setState('Off');
  await editor.reviewButton.click();
  await editor.dialog.getByRole('button', { name: 'Save to tenant' }).click();
  await expect(page.getByText('Saved. This is the policy as the tenant now holds it.')).toBeVisible();
  await expect.poll(() => said.all()).toContain('Saved. This is the policy as the tenant now holds it.');
});

test('a failed load is said once, by its alert, not a second time by the announcer', async ({ page, consoleGuard }) => {
  consoleGuard.allowFailedResponse(404, '/beta/identity/conditionalAccess/policies/00000000-0000-4000-8000-000000000000');
  await page.goto('/policies/00000000-0000-4000-8000-000000000000');
  await expect(page.getByRole('alert')).toBeVisible();
  const text = (await page.getByRole('alert').innerText()).split('\n')[0]!;
  expect(await said.all()).not.toContain(text);
});

// A live region that appears already filled is often not read; one whose words change is.
test('the words after Save as template go into a status line that was there before', async ({ page, policiesPage }) => {
  await policiesPage.open(/^CA007/);
  const statuses = page.getByRole('main').getByRole('status');
  await expect(page.getByRole('button', { name: 'Export' })).toBeEnabled();
  const before = await statuses.count();
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: 'Save as template' }).click();
  await expect(statuses.filter({ hasText: /^Saved “CA007/ })).toBeVisible();
  expect(await statuses.count()).toBe(before);
});

test('a message inside a status line that stays on the page is said by that line, not again by the announcer', async ({ page }) => {
  await section(page, 'Settings').click();
  await page.getByRole('combobox', { name: 'Users' }).fill('Break');
  await page.getByRole('option', { name: /^Break Glass 01/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toContainText('Saved in this browser on this device');
  expect(await said.all()).not.toContain('Saved in this browser on this device');
});
