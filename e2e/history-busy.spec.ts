// A revert from the timeline reads the policy as it is now before the editor opens. Graph is slowed
// here (the local emulator, answered after a pause) so that wait can be watched: the button says it
// is under way and takes no second press, and the editor says when the draft is ready.
import { emulator, expect, test, useLocalTenant, withholdScopes } from './support/fixtures';
import { section } from './support/navigation';

const PAUSE_MS = 1_500;
const ONE_POLICY = /\/beta\/identity\/conditionalAccess\/policies\/[^/?]+$/;

test.beforeEach(async ({ page, signInPage, policiesPage }) => {
  await emulator.reset();
  await withholdScopes([]);
  await useLocalTenant(page);
  await page.goto('/');
  await signInPage.signInWithMicrosoft();
  await expect(policiesPage.rows).toHaveCount(35);
});

test('a revert from the change history is busy while the policy is read, then the editor says the draft is ready', async ({ page }) => {
  await section(page, 'Change history').click();
  const ca006 = page
    .getByRole('list', { name: 'Changes, newest first' })
    .getByRole('listitem')
    .filter({ hasText: 'CA006: Block access from outside allowed countries' })
    .first();
  await page.route(ONE_POLICY, async (route) => {
    if (route.request().method() === 'GET') await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    await route.fallback();
  });

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
