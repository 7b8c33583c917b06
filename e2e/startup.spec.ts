// Start-up: from the first paint, a loading screen in the theme the app will use (the system's, or
// the one the admin chose), never a blank white page, and the app in its place once it runs.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

const DARK = 'rgb(41, 41, 41)';
const LIGHT = 'rgb(255, 255, 255)';

/** Holds the app's scripts back, as a slow network would, until the returned function is called. */
async function holdAppScripts(page: Page) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/.*\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

const pageBackground = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

test('shows a dark loading screen from the first paint when the system is dark, then the app', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const release = await holdAppScripts(page);
  await page.goto('/', { waitUntil: 'commit' });
  const loading = page.getByRole('status').filter({ hasText: 'Starting Gatehouse' });
  await expect(loading).toBeVisible();
  expect(await pageBackground(page)).toBe(DARK);
  expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe(LIGHT);

  release();
  await expect(page.getByText('Try the demo tenant')).toBeVisible();
  await expect(loading).toHaveCount(0);
});

test('follows the theme chosen in Gatehouse over the system’s', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.addInitScript(() => localStorage.setItem('gatehouse.theme', 'light'));
  const release = await holdAppScripts(page);
  await page.goto('/', { waitUntil: 'commit' });
  await expect(page.getByRole('status').filter({ hasText: 'Starting Gatehouse' })).toBeVisible();
  expect(await pageBackground(page)).toBe(LIGHT);

  await page.emulateMedia({ colorScheme: 'light' });
  await page.addInitScript(() => localStorage.setItem('gatehouse.theme', 'dark'));
  await page.reload({ waitUntil: 'commit' });
  await expect(page.getByRole('status').filter({ hasText: 'Starting Gatehouse' })).toBeVisible();
  expect(await pageBackground(page)).toBe(DARK);
  release();
});
