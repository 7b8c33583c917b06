// What the change history shows while Graph takes its time (the local emulator, answered after a
// pause, so the wait can be watched). A revert reads the policy as it is now before the editor opens:
// the button says it is under way and takes no second press, and the editor says when the draft is
// ready. Names already read are shown at once, here and on a policy's page; others say they are on
// their way: a raw id that turns into a name a second later is never shown.
import type { Page } from '@playwright/test';
import { expect, signInToLocalTenant, test } from './support/fixtures';
import { section } from './support/navigation';

const PAUSE_MS = 1_500;
const ONE_POLICY = /\/beta\/identity\/conditionalAccess\/policies\/[^/?]+$/;
const NAME_LOOKUP = /\/v1\.0\/\$batch$/;
const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** Answers the matching Graph requests after a pause. */
async function slowDown(page: Page, method: string, url: RegExp) {
  await page.route(url, async (route) => {
    if (route.request().method() === method) await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    await route.fallback();
  });
}

test.beforeEach(async ({ page, signInPage, policiesPage }) => {
  await signInToLocalTenant(page, signInPage, policiesPage);
});

test('a revert from the change history is busy while the policy is read, then the editor says the draft is ready', async ({ page }) => {
  await section(page, 'Change history').click();
  const ca006 = page
    .getByRole('list', { name: 'Changes, newest first' })
    .getByRole('listitem')
    .filter({ hasText: 'CA006: Block access from outside allowed countries' })
    .first();
  await slowDown(page, 'GET', ONE_POLICY);

  const steps = await page.evaluate(() => history.length);
  await ca006.getByRole('button', { name: 'Revert to the version before this…' }).click();
  const busy = ca006.getByRole('button', { name: 'Reverting…' });
  await expect(busy).toHaveAttribute('aria-disabled', 'true');
  await expect(busy).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: /^Reverting CA006: Block access from outside allowed countries…$/ })).toHaveCount(
    1,
  );
  // A second press while it reads starts nothing more.
  await page.keyboard.press('Enter');
  await expect(
    page.getByText(/^Reverting CA006: .* to the version before “Update conditional access policy” of .*\. Review and save to apply it\./),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/edit$/);
  // One step into the editor, not two.
  expect(await page.evaluate(() => history.length)).toBe(steps + 1);
});

test('names already read show at once in the change history and on a policy’s page, others as on their way, never as raw ids', async ({
  page,
}) => {
  // The list's names are in; the lookups that follow are held back.
  await expect(page.getByRole('img', { name: 'Resolving names' })).toHaveCount(0);
  await slowDown(page, 'POST', NAME_LOOKUP);
  await section(page, 'Change history').click();
  const timeline = page.getByRole('list', { name: 'Changes, newest first' });
  const ca006 = timeline.getByRole('listitem').filter({ hasText: 'CA006: Block access from outside allowed countries' }).first();
  // The location is one the list named: at once, well before the lookup answers.
  await expect(ca006).toContainText("Excluded location 'Corporate network' added", { timeout: PAUSE_MS / 2 });
  expect(await timeline.innerText()).not.toMatch(GUID);

  await ca006.getByRole('link', { name: 'CA006: Block access from outside allowed countries' }).click();
  const network = page.getByRole('region', { name: 'Network', exact: true });
  await expect(network).toContainText('Corporate network', { timeout: PAUSE_MS / 2 });
  expect(await page.getByRole('region', { name: 'Users', exact: true }).innerText()).not.toMatch(GUID);
  expect(await network.innerText()).not.toMatch(GUID);

  // Opened afresh, nothing is known yet: each name says it is on its way, then the name comes.
  await page.reload();
  await expect(network.getByText('Resolving name…').first()).toBeVisible();
  expect(await network.innerText()).not.toMatch(GUID);
  await expect(network).toContainText('Corporate network');
  await expect(page.getByText('Resolving name…')).toHaveCount(0);
});
