// A phone (390 x 844): a policy page with a long name does not scroll sideways (the breadcrumb cuts
// the name rather than widen the page), and arrowing right in the policies grid keeps the focused
// cell in sight (the grid's box scrolls sideways with the focus); the templates stack, each one's
// needs and Difference button on the screen.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

test.use({ viewport: { width: 390, height: 844 } });

const pageWidth = (page: Page) => page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);

test('a policy page with a long name fits the phone', async ({ page, signInPage, policiesPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await policiesPage.open(/^CA007/);
  const heading = page.getByRole('heading', { level: 1, name: /^CA007/ });
  await expect(heading).toBeVisible();
  const name = (await heading.textContent())!.trim();
  const [scrollWidth, innerWidth] = await pageWidth(page);
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth!);
  // The whole name is still the breadcrumb step's accessible name and title.
  const step = page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('button', { name });
  await expect(step).toHaveAttribute('title', name);
  for (const tab of ['History', 'JSON']) {
    await page.getByRole('tab', { name: tab }).click();
    const [width, inner] = await pageWidth(page);
    expect(width, tab).toBeLessThanOrEqual(inner!);
  }
});

test('arrowing right in the grid keeps the focused cell on the screen', async ({ page, signInPage, policiesPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  const first = policiesPage.rowAt(1).getByRole('link');
  await first.focus();
  for (let col = 1; col < 8; col++) {
    await page.keyboard.press('ArrowRight');
    const cell = policiesPage.rowAt(1).locator(`[data-col="${col}"]`);
    await expect(cell).toBeFocused();
    await expect(cell, `column ${col}`).toBeInViewport({ ratio: 0.9 });
  }
  // And back to the name.
  for (let col = 0; col < 7; col++) await page.keyboard.press('ArrowLeft');
  await expect(first).toBeFocused();
  await expect(first).toBeInViewport();
});

test('each template shows its needs and its Difference button on the phone', async ({ page, signInPage, policiesPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await expect(policiesPage.rows.first()).toBeVisible();
  await page.goto('/templates');
  const table = page.getByRole('table', { name: 'Templates' });
  const risky = table.getByRole('row', { name: 'Require multifactor authentication for risky sign-ins' });
  await risky.scrollIntoViewIfNeeded();
  await expect(risky.getByText('Entra ID P2', { exact: true })).toBeInViewport();
  await expect(risky.getByRole('button', { name: 'What Require multifactor authentication for risky sign-ins needs' })).toBeInViewport();
  // No box to scroll sideways: every row's Difference button is within the window.
  await expect(page.getByRole('region', { name: 'Templates (scrolls sideways)' })).toHaveCount(0);
  const differences = table.getByRole('button', { name: /^Difference between/ });
  expect(await differences.count()).toBeGreaterThan(0);
  for (const button of await differences.all()) {
    const box = (await button.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  }
});
