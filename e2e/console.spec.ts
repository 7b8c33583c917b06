// A clean browser console through what used to log errors: a diff closed while Monaco's worker was
// still answering, a save that leaves the editor, the account menu. The console guard of the
// fixtures fails each test on any error or library warning.
import type { Page } from '@playwright/test';
import { PolicyEditorPage } from './pages/policy-editor-page';
import { expect, test } from './support/fixtures';

/** Makes Monaco's workers answer their liveness check late, as on a busy machine, once asked to. */
async function slowMonacoWorkers(page: Page) {
  await page.addInitScript(() => {
    const post = Worker.prototype.postMessage as (this: Worker, ...args: unknown[]) => void;
    Worker.prototype.postMessage = function (this: Worker, ...args: unknown[]) {
      const slow = (window as { slowMonaco?: boolean }).slowMonaco && (args[0] as { method?: string } | null)?.method === '$ping';
      if (slow) setTimeout(() => post.apply(this, args), 1500);
      else post.apply(this, args);
    } as Worker['postMessage'];
  });
}

test.beforeEach(async ({ page, signInPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
});

test('a review closed before its diff is computed logs nothing', async ({ page, policiesPage }) => {
  await slowMonacoWorkers(page);
  await policiesPage.open(/^CA007/);
  const editor = new PolicyEditorPage(page);
  await editor.open(new URL(page.url()).pathname);
  await editor.setState('Off');
  await page.evaluate(() => ((window as { slowMonaco?: boolean }).slowMonaco = true));
  await editor.reviewButton.click();
  await expect(editor.dialog.getByTestId('diff-viewer')).toBeVisible();
  await editor.dialog.getByRole('button', { name: 'Back to editing' }).click();
  await expect(editor.dialog).toHaveCount(0);
  // The worker's late answer arrives after the diff is gone: nothing may be thrown then.
  await page.waitForTimeout(2500);
  await expect(page.getByRole('heading', { level: 1, name: /^Edit CA007/ })).toBeVisible();
});

test('saving leaves the editor and its review without an error', async ({ page, policiesPage }) => {
  await policiesPage.open(/^CA007/);
  const editor = new PolicyEditorPage(page);
  await editor.open(new URL(page.url()).pathname);
  await editor.setState('Off');
  await editor.reviewButton.click();
  await expect(editor.dialog.getByTestId('diff-viewer')).toBeVisible();
  await editor.dialog.getByRole('button', { name: 'Save to tenant' }).click();
  await expect(page.getByText('Saved. This is the policy as the tenant now holds it.')).toBeVisible();
  await page.waitForTimeout(1000);
});

test('the account menu opens and switches theme without a warning', async ({ page }) => {
  const account = page.getByRole('button', { name: /Ada Lindqvist/ });
  for (const theme of ['Dark', 'Light'] as const) {
    await account.click();
    await page.getByRole('menuitemradio', { name: theme }).click();
  }
  await account.click();
  await expect(page.getByRole('menuitemradio', { name: 'Light' })).toBeChecked();
  await page.keyboard.press('Escape');
});
