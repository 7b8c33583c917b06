// A narrow window (800 px: a laptop's split screen): the navigation keeps only its icons, with their
// names for screen readers and as tooltips; no screen scrolls sideways; the JSON editor takes the width.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { section } from './support/navigation';

test.use({ viewport: { width: 800, height: 720 } });

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('the navigation shrinks to icons and the screens fit the width', async ({ page, signInPage, policiesPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await expect(policiesPage.rows).toHaveCount(35);

  const deleted = section(page, 'Deleted policies');
  expect((await deleted.boundingBox())!.width).toBeLessThan(56);
  await expect(deleted).toHaveAttribute('title', 'Deleted policies');
  await deleted.click();
  await expect(page.getByRole('table', { name: 'Deleted policies' }).getByRole('button', { name: 'Restore…' }).first()).toBeInViewport();
  expect(await sideways(page)).toBe(0);

  await section(page, 'Policies').click();
  await policiesPage
    .row(/^CA001/)
    .getByRole('link')
    .click();
  await page.getByRole('button', { name: /^Edit/ }).first().click();
  const editor = page.getByTestId('json-editor');
  await expect(editor.locator('.view-lines')).toContainText('"displayName"');
  // The pickers and checks go below the JSON rather than squeeze it.
  expect((await editor.boundingBox())!.width).toBeGreaterThan(600);
  expect(await sideways(page)).toBe(0);
});

// WCAG's reflow: a desktop zoomed to 400 % is 320 CSS pixels wide. Every screen fits it with no
// sideways scroll of the page; a table wider than that scrolls in its own box, which the keyboard
// can reach; the header keeps the account's avatar, its name said to screen readers.
test.describe('a small window (320 px)', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  const screens: [string, string | RegExp][] = [
    ['/policies', 'Policies'],
    ['/policies/new', 'New policy'],
    ['/deleted', 'Deleted policies'],
    ['/compare', 'Compare'],
    ['/history', 'Change history'],
    ['/backup', 'Backup'],
    ['/import', 'Import'],
    ['/templates', 'Templates'],
    ['/emergency-access', 'Emergency access'],
    ['/contingency', 'Contingency plans'],
    ['/what-if', 'What if'],
    ['/rollout', 'Staged rollout'],
    ['/lint', 'Lint'],
    ['/settings', 'Settings'],
  ];

  test('every screen reflows to the width', async ({ page, signInPage, policiesPage }) => {
    await page.goto('/');
    await signInPage.signInToDemoAs('Ada Lindqvist');
    await expect(policiesPage.rows.first()).toBeVisible();
    const account = page.getByRole('button', { name: /^Ada Lindqvist/ });
    await expect(account).toBeVisible();
    // Fluent's least button width (96 px), not the name's (over 200 px).
    expect((await account.boundingBox())!.width).toBeLessThanOrEqual(96);

    for (const [path, heading] of screens) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      expect(await sideways(page), path).toBe(0);
    }

    // A policy, and its editor.
    await page.goto('/policies');
    await policiesPage
      .row(/^CA001/)
      .getByRole('link')
      .click();
    await expect(page.getByRole('heading', { level: 1, name: /^CA001/ })).toBeVisible();
    expect(await sideways(page), 'policy').toBe(0);
    await page.getByRole('button', { name: /^Edit/ }).first().click();
    await expect(page.getByTestId('json-editor').locator('.view-lines')).toContainText('"displayName"');
    expect(await sideways(page), 'editor').toBe(0);
  });

  test('a wide table scrolls in its own box, reachable by keyboard', async ({ page, signInPage, policiesPage }) => {
    await page.goto('/');
    await signInPage.signInToDemoAs('Ada Lindqvist');
    await expect(policiesPage.rows.first()).toBeVisible();
    await page.goto('/deleted');
    const region = page.getByRole('region', { name: 'Deleted policies (scrolls sideways)' });
    await expect(region).toHaveAttribute('tabindex', '0');
    await region.focus();
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => region.evaluate((box) => box.scrollLeft)).toBeGreaterThan(0);
    await expect(region.getByRole('button', { name: 'Restore…' }).first()).toBeInViewport();
    // A state in a narrow column stays inside its badge, on one line.
    const badge = region.getByText('Report-only', { exact: true }).first();
    expect(await badge.evaluate((b) => b.scrollHeight <= b.clientHeight + 1 && b.scrollWidth <= b.clientWidth + 1)).toBe(true);
  });
});
