// Actions that throw work away ask first and look like it; choosing a file looks like the rest of
// the console: "Undo all changes" confirms, the delete button is short and destructive, and the new
// policy's file is chosen with a button (keyboard too) or dropped, its name shown.
import { PolicyEditorPage } from './pages/policy-editor-page';
import { fileChooserByEnter } from './support/file-chooser';
import { expect, test } from './support/fixtures';

const policy = (displayName: string) => ({
  displayName,
  state: 'enabled',
  conditions: { users: { includeUsers: ['All'] }, applications: { includeApplications: ['All'] } },
  grantControls: { operator: 'OR', builtInControls: ['mfa'] },
});

test.beforeEach(async ({ page, signInPage, policiesPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await expect(policiesPage.rows).toHaveCount(35);
});

test('“Undo all changes” asks before discarding, and keeps them when told to', async ({ page, policiesPage }) => {
  await policiesPage.open(/^CA007/);
  const editor = new PolicyEditorPage(page);
  await editor.open(new URL(page.url()).pathname);
  await editor.setState('Off');
  const undo = page.getByRole('button', { name: 'Undo all changes…' });

  await undo.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Undo all your changes?');
  await expect(dialog).toContainText('Your change to CA007');
  await dialog.getByRole('button', { name: 'Keep my changes' }).click();
  await expect(page.getByRole('radio', { name: 'Off', exact: true })).toBeChecked();

  await undo.click();
  await dialog.getByRole('button', { name: 'Undo all changes', exact: true }).click();
  await expect(page.getByRole('radio', { name: 'Report-only', exact: true })).toBeChecked();
  await expect(undo).toBeDisabled();
  // The keyboard's focus comes back to the button, not to the page's start.
  await expect(undo).toBeFocused();
});

test('the delete button is short and destructive; the name is in the question', async ({ page, policiesPage }) => {
  await policiesPage.open(/^CA034/);
  await page.getByRole('button', { name: 'Delete…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading')).toHaveText('Delete “CA034: Pilot - require MFA for pilot users on personal devices”?');
  await expect(dialog).toContainText('“CA034: Pilot - require MFA for pilot users on personal devices” is Off.');
  // Focus starts on Cancel: Enter, pressed by habit, does not delete.
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  const remove = dialog.getByRole('button', { name: 'Delete policy', exact: true });
  // One line, in the danger colour: red well above green and blue.
  expect((await remove.boundingBox())!.height).toBeLessThan(40);
  const [red, green, blue] = (await remove.evaluate((button) => getComputedStyle(button).backgroundColor)).match(/\d+/g)!.map(Number);
  expect(red! - Math.max(green!, blue!)).toBeGreaterThan(100);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
});

test('a policy file is chosen with a button, from the keyboard, and its name is shown', async ({ page }) => {
  await page.getByRole('button', { name: 'New policy' }).click();
  const choose = page.getByRole('button', { name: 'Choose a file…' });
  await choose.focus();
  const chooser = await fileChooserByEnter(page);
  await chooser.setFiles({
    name: 'two-policies.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ value: [policy('First'), policy('Second')] })),
  });
  await expect(page.getByText('Chosen: two-policies.json')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Policies in the file' })).toContainText('This file holds 2 policies.');
});

test('a policy file can be dropped on the chooser', async ({ page }) => {
  await page.getByRole('button', { name: 'New policy' }).click();
  const zone = page.getByRole('button', { name: 'Choose a file…' }).locator('..');
  const dataTransfer = await page.evaluateHandle(
    (json) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([json], 'dropped.json', { type: 'application/json' }));
      return transfer;
    },
    JSON.stringify(policy('Dropped policy')),
  );
  await zone.dispatchEvent('dragover', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });
  await expect(new PolicyEditorPage(page).editor.locator('.view-lines')).toContainText('"Dropped policy"');
});
