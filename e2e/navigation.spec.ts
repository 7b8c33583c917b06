// The main navigation is links: a section opens in a new tab like any link (its address kept through
// signing in there) and its title names the section, and the keyboard moves through it with the arrow keys, one Tab stop for all.
import { expect, test } from './support/fixtures';
import { SignInPage } from './pages/sign-in-page';
import { section } from './support/navigation';

test.beforeEach(async ({ page, signInPage, policiesPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await expect(policiesPage.rows).toHaveCount(35);
});

test('a section opens in a new tab with Ctrl+click, and a plain click stays in the tab', async ({ page, context }) => {
  await expect(section(page, 'Policies')).toHaveAttribute('aria-current', 'page');
  await expect(page).toHaveTitle('Policies · Gatehouse');
  await expect(section(page, 'Backup')).toHaveAttribute('href', '/backup');

  const opened = context.waitForEvent('page');
  await section(page, 'Backup').click({ modifiers: ['ControlOrMeta'] });
  const other = await opened;
  await expect(other).toHaveURL(/\/backup$/);
  // The demo's sign-in is for the browser tab, as MSAL's is: the new tab asks, then shows the section.
  await new SignInPage(other).signInToDemoAs('Ada Lindqvist');
  await expect(section(other, 'Backup')).toHaveAttribute('aria-current', 'page');
  await expect(other.getByRole('heading', { level: 1, name: 'Backup' })).toBeVisible();
  // Tabs of the console are told apart by their titles.
  await expect(other).toHaveTitle('Backup · Gatehouse');
  await other.close();

  await expect(page).toHaveURL(/\/policies/);
  await section(page, 'Deleted policies').click();
  await expect(page).toHaveURL(/\/deleted$/);
  await expect(section(page, 'Deleted policies')).toHaveAttribute('aria-current', 'page');
  await expect(page).toHaveTitle('Deleted policies · Gatehouse');
  expect(context.pages()).toHaveLength(1);
});

test('the keyboard reaches every section with the arrow keys and leaves the navigation with one Tab', async ({ page }) => {
  await section(page, 'Policies').focus();
  await page.keyboard.press('ArrowDown');
  await expect(section(page, 'Lint')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(section(page, 'Settings')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/settings$/);
  await expect(section(page, 'Settings')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

  // From the middle of the list, Tab leaves it (plain links would take it to the next section).
  await section(page, 'Backup').focus();
  await page.keyboard.press('Tab');
  const focusedInMain = await page.evaluate(() => document.getElementById('main')?.contains(document.activeElement) ?? false);
  expect(focusedInMain).toBe(true);
});
