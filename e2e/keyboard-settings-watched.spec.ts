// Where the keyboard's focus goes when a button takes its own place away, in the browser: Settings'
// Clear emergency access (to its Undo, and back), the last account's Remove (to the box that adds one),
// and the watched policies' Mark as seen (to the page's heading once none is left; the changes'
// dialog gives the focus back to Show changes).
import { changeAsColleague } from './support/colleague';
import { expect, test } from './support/fixtures';
import { section } from './support/navigation';
import { watchInDemo } from './support/watch';

test('Settings: Clear emergency access leaves the focus on its Undo, Undo on Clear, and the last Remove in the box that adds one', async ({
  page,
  signInPage,
}) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await section(page, 'Settings').click();
  const users = page.getByRole('combobox', { name: 'Users' });
  const accounts = page.getByRole('toolbar', { name: 'Emergency-access accounts' });
  await users.fill('Break');
  await page.getByRole('option', { name: /^Break Glass 01/ }).click();
  await expect(accounts).toContainText('Break Glass 01');

  await page.getByRole('button', { name: 'Clear emergency access' }).click();
  await expect(accounts).toHaveCount(0);
  const undo = page.getByRole('button', { name: 'Undo' });
  await expect(undo).toBeFocused();
  await expect(undo).toHaveAccessibleDescription('Cleared 1 account: Break Glass 01.');
  await page.keyboard.press('Enter');
  await expect(accounts).toContainText('Break Glass 01');
  await expect(page.getByRole('button', { name: 'Clear emergency access' })).toBeFocused();

  await page.getByRole('button', { name: 'Remove Break Glass 01' }).click();
  await expect(accounts).toHaveCount(0);
  await expect(users).toBeFocused();
});

test('Watched policies: the dialog gives the focus back to Show changes, and Mark as seen leaves it on the heading once none is left', async ({
  page,
  signInPage,
  policiesPage,
}) => {
  const id = await watchInDemo(page, signInPage, policiesPage, /^CA007/);
  expect(await changeAsColleague(page, id, { state: 'disabled' })).toBe(204);
  await section(page, 'Policies').click();
  await page.reload();

  const notice = page.getByRole('list', { name: 'Watched policies that changed' });
  const show = notice.getByRole('button', { name: 'Show changes' });
  await show.click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(show).toBeFocused();

  await notice.getByRole('button', { name: 'Mark as seen' }).click();
  await expect(notice).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Policies' })).toBeFocused();
  await expect(
    page.getByRole('status').filter({ hasText: /^Marked CA007: .* as seen\. Nothing else you watch has changed\.$/ }),
  ).toHaveCount(1);
});
