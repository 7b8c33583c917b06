// The main navigation is links: a section opens in a new tab like any link (its address kept through
// signing in there) and its title names the section (a policy's page and its editor, the policy), and the keyboard moves through it with the arrow keys, one Tab stop for all.
// A section opened takes focus to its title, so a screen reader says it; "Skip to main content" is the first Tab stop.
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

test('each page has a title of its own: a policy and its editor by the policy’s name, a new policy, a section by its name', async ({
  page,
  policiesPage,
}) => {
  await policiesPage.open('CA001: Require MFA for all users');
  await expect(page.getByRole('heading', { level: 1, name: 'CA001: Require MFA for all users' })).toBeVisible();
  await expect(page).toHaveTitle('CA001: Require MFA for all users · Policy · Gatehouse');
  await page.getByRole('button', { name: 'Edit' }).click();
  await expect(page).toHaveURL(/\/edit$/);
  await expect(page).toHaveTitle('Edit CA001: Require MFA for all users · Gatehouse');
  // Opened fresh, the editor's tab is named as well (the name comes with the policy).
  await page.reload();
  await expect(page).toHaveTitle('Edit CA001: Require MFA for all users · Gatehouse');

  await section(page, 'Policies').click();
  await expect(page).toHaveTitle('Policies · Gatehouse');
  await page.getByRole('button', { name: 'New policy' }).click();
  await expect(page).toHaveURL(/\/policies\/new/);
  await expect(page).toHaveTitle('New policy · Gatehouse');
  await section(page, 'Change history').click();
  await expect(page).toHaveTitle('Change history · Gatehouse');
});

test('a very long policy name shortens in the breadcrumb, wraps in the heading, and does not widen the page', async ({
  page,
  policiesPage,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await policiesPage.open(/^CA007/);
  // A copy under a 320-character name, much of it one word.
  const long = `CA007 copy ${'without-a-break-'.repeat(19)}${'x'.repeat(5)}`;
  expect(long).toHaveLength(320);
  await page.getByRole('button', { name: 'Duplicate', exact: true }).click();
  await page.getByRole('textbox', { name: 'Name of the copy' }).fill(long);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Review and create…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Create in tenant' }).click();

  await expect(page.getByRole('heading', { level: 1, name: long })).toBeVisible();
  // The whole name is the breadcrumb step's accessible name and title; it is shown cut, with an ellipsis.
  const step = page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('button', { name: long });
  await expect(step).toHaveAttribute('title', long);
  expect((await step.boundingBox())!.width).toBeLessThan(700);
  const label = step.locator('span').first();
  expect(await label.evaluate((span) => getComputedStyle(span).textOverflow === 'ellipsis' && span.scrollWidth > span.clientWidth)).toBe(
    true,
  );
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1440);
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
  // The new screen's title has focus: a screen reader announces where the admin now is.
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeFocused();

  // From the middle of the list, Tab leaves it (plain links would take it to the next section).
  await section(page, 'Backup').focus();
  await page.keyboard.press('Tab');
  const focusedInMain = await page.evaluate(() => document.getElementById('main')?.contains(document.activeElement) ?? false);
  expect(focusedInMain).toBe(true);
});

test('Tab from the top reaches "Skip to main content" first, and Enter puts focus in the main area', async ({ page, policiesPage }) => {
  // A first load leaves focus at the page's start: no title takes it.
  await page.reload();
  await expect(policiesPage.rows).toHaveCount(35);
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).not.toBeInViewport();
  await page.keyboard.press('Tab');
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  await expect(skip).not.toBeInViewport();
  await expect(page).toHaveURL(/\/policies$/);
  // The next Tab is in the screen, past the header and the navigation.
  await page.keyboard.press('Tab');
  const focusedInMain = await page.evaluate(() => document.getElementById('main')?.contains(document.activeElement) ?? false);
  expect(focusedInMain).toBe(true);
});

test('a section clicked in the navigation takes focus to its title; a search written to the address leaves it in the box', async ({
  page,
  policiesPage,
}) => {
  await section(page, 'Backup').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Backup' })).toBeFocused();
  await section(page, 'Lint').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lint' })).toBeFocused();
  // The title is no Tab stop of its own: Tab goes on into the screen.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('heading', { level: 1, name: 'Lint' })).not.toBeFocused();

  await section(page, 'Policies').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Policies' })).toBeFocused();
  const search = page.getByRole('searchbox', { name: /Search policies/ });
  await search.click();
  await page.keyboard.type('CA007');
  await expect(page).toHaveURL(/[?&]q=CA007/);
  await expect(policiesPage.rows).toHaveCount(1);
  await expect(search).toBeFocused();
});
