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
