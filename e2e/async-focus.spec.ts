// While a save, a restore or a plan's reading takes its time, the keyboard's focus stays where the admin
// was (a dialog still open keeps it), the wait is said, and a plan that appears below takes focus.
// Graph is slowed here (the local emulator, answered after a pause) so the wait can be watched.
import type { Page } from '@playwright/test';
import { PolicyEditorPage } from './pages/policy-editor-page';
import { expect, signInToLocalTenant, test } from './support/fixtures';
import { section } from './support/navigation';
import { nameEmergencyGroup } from './support/emergency-group';

const PAUSE_MS = 1_500;

/** Answers the matching Graph requests after a pause, and counts them. */
async function slowDown(page: Page, method: string, url: string | RegExp) {
  const sent = { count: 0 };
  await page.route(url, async (route) => {
    if (route.request().method() !== method) return route.fallback();
    sent.count += 1;
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    await route.fallback();
  });
  return sent;
}

/**
 * Where the keyboard's focus is, noted every 50 ms while a dialog is open (or, without a dialog, until
 * `stop` is called): "in dialog", or the tag and text of what has it (BODY when it was lost).
 */
async function watchFocus(page: Page, whileDialog: boolean) {
  await page.evaluate((dialogOnly) => {
    const seen: string[] = [];
    (window as unknown as { focusSeen: string[] }).focusSeen = seen;
    const timer = setInterval(() => {
      const dialog = document.querySelector('[role="dialog"]');
      if (dialogOnly && !dialog) return clearInterval(timer);
      const active = document.activeElement;
      seen.push(
        dialog && dialog.contains(active) ? 'in dialog' : `${active?.tagName ?? 'nothing'} ${active?.textContent?.slice(0, 40) ?? ''}`,
      );
    }, 50);
    (window as unknown as { stopWatching: () => void }).stopWatching = () => clearInterval(timer);
  }, whileDialog);
  return async () => {
    await page.evaluate(() => (window as unknown as { stopWatching: () => void }).stopWatching());
    return page.evaluate(() => (window as unknown as { focusSeen: string[] }).focusSeen);
  };
}

test.beforeEach(async ({ page, signInPage, policiesPage }) => {
  await signInToLocalTenant(page, signInPage, policiesPage);
});

test('Enter on Save to tenant keeps focus in the review while saving, says Saving…, and a second Enter saves nothing more', async ({
  page,
  policiesPage,
}) => {
  await policiesPage.open(/^CA007/);
  await expect(page.getByRole('heading', { level: 1, name: /^CA007/ })).toBeVisible();
  const editor = new PolicyEditorPage(page);
  await editor.open(new URL(page.url()).pathname);
  await editor.setState('Off');
  await editor.reviewButton.click();
  const save = editor.dialog.getByRole('button', { name: 'Save to tenant' });
  // Save does not wait for the review's reading of the last week's sign-ins.
  await expect(save).toBeEnabled();
  await save.focus();
  const patches = await slowDown(page, 'PATCH', '**/beta/identity/conditionalAccess/policies/*');
  const seen = await watchFocus(page, true);
  await page.keyboard.press('Enter');
  const busy = editor.dialog.getByRole('button', { name: 'Saving…' });
  await expect(busy).toBeFocused();
  await expect(busy).toHaveAttribute('aria-disabled', 'true');
  await expect(editor.dialog.getByRole('status').filter({ hasText: /^Saving…$/ })).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Saved. This is the policy as the tenant now holds it.')).toBeVisible();
  const noted = await seen();
  expect(noted.length).toBeGreaterThan(10);
  expect(noted.filter((where) => where !== 'in dialog')).toEqual([]);
  expect(patches.count).toBe(1);
});

test('Restore keeps focus in its dialog while restoring, and says Restoring…', async ({ page }) => {
  await section(page, 'Deleted policies').click();
  const row = page.getByRole('table', { name: 'Deleted policies' }).getByRole('row').filter({ hasText: 'CA092' });
  await row.getByRole('button', { name: 'Restore…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('radio', { name: /^Restore as it was/ }).check();
  const restore = dialog.getByRole('button', { name: /^Restore/ });
  await expect(restore).toBeEnabled();
  await restore.focus();
  const restores = await slowDown(page, 'POST', '**/restore');
  const seen = await watchFocus(page, true);
  await page.keyboard.press('Enter');
  const busy = dialog.getByRole('button', { name: 'Restoring…' });
  await expect(busy).toBeFocused();
  await expect(dialog.getByRole('status').filter({ hasText: /^Restoring/ })).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page.getByText(/^Restored\. This is the policy as the tenant now holds it\./)).toBeVisible();
  const noted = await seen();
  expect(noted.length).toBeGreaterThan(10);
  expect(noted.filter((where) => where !== 'in dialog')).toEqual([]);
  expect(restores.count).toBe(1);
});

test('Review the fix keeps focus on the button while the policies are read, then on the plan', async ({ page }) => {
  await nameEmergencyGroup(page);
  await section(page, 'Emergency access').click();
  await expect(page.getByText('2 of 35 policies affect an emergency account: 0 critical, 1 high, 1 low.')).toBeVisible();
  await page.getByRole('button', { name: 'Choose every finding' }).click();
  const review = page.getByRole('button', { name: 'Review the fix for 2 policies' });
  await review.focus();
  await slowDown(page, 'GET', /\/beta\/identity\/conditionalAccess\/policies(\?|$)/);
  const seen = await watchFocus(page, false);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Reading the policies fresh…' })).toBeVisible();
  await expect(review).toBeFocused();
  const plan = page.getByRole('heading', { level: 2, name: 'The plan for Contoso' });
  await expect(plan).toBeFocused({ timeout: 15_000 });
  // Right after the Fix section, not after the emergency group's table, and in view.
  await expect(plan).toBeInViewport();
  const hygiene = page.getByRole('heading', { level: 2, name: 'Emergency group and accounts' });
  expect(
    await plan.evaluate(
      (el, other) => !!(el.compareDocumentPosition(other!) & Node.DOCUMENT_POSITION_FOLLOWING),
      await hygiene.elementHandle(),
    ),
  ).toBe(true);
  const noted = await seen();
  expect(noted.filter((where) => where.startsWith('BODY'))).toEqual([]);
});
