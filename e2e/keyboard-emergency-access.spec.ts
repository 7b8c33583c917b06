// Emergency access by keys, as heard by a screen reader: the check's outcome is said once it is read
// (its sentence appeared filled, and was not), and so is the health of the emergency group, as a count;
// the review of the fix is reached by Tab while no policy is chosen and says why it cannot be used
// (disabled, Tab skipped it); "Choose every finding" says what it did, each time it is pressed.
import { expect, test } from './support/fixtures';
import { tabTo } from './support/focus';
import { section } from './support/navigation';
import { listenToWhatIsSaid } from './support/said';

test('the check is said once read; the fix is chosen and reviewed by keys, its review saying why it waits', async ({
  page,
  signInPage,
}) => {
  const { times: said } = await listenToWhatIsSaid(page, { liveRegions: true });
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await section(page, 'Emergency access').click();
  const use = page
    .getByRole('list', { name: 'Candidates' })
    .getByRole('button', { name: 'Use CA - Emergency access accounts as emergency access' });
  await use.focus();
  await page.keyboard.press('Enter');

  // The check's outcome is said, not only shown.
  await expect(page.getByText('2 of 35 policies affect an emergency account: 0 critical, 1 high, 1 low.')).toBeVisible();
  await expect.poll(() => said(/^2 of 35 policies affect an emergency account: 0 critical, 1 high, 1 low\.$/)).toBe(1);
  // And so is the health of the emergency group and its accounts, read after it.
  await expect(page.getByRole('table', { name: 'Emergency access hygiene' })).toBeVisible();
  await expect.poll(() => said(/^8 checks: 8 pass, 0 fail, 0 not readable\.$/)).toBe(1);

  // Nothing chosen: the review is reached by Tab after "Choose every finding", and says why it waits.
  const chooseAll = page.getByRole('button', { name: 'Choose every finding' });
  const review = page.getByRole('button', { name: /^Review the fix for/ });
  await chooseAll.focus();
  await tabTo(page, review, { limit: 2 });
  await expect(review).toHaveAccessibleName('Review the fix for 0 policies');
  await expect(review).toBeDisabled();
  await expect(review).toHaveAccessibleDescription(/^No policy is chosen yet: choose them in the Fix column of the table/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'The plan for Contoso' })).toHaveCount(0);
  await expect(review).toBeFocused();

  // "Choose every finding" by keys: what it did is said, and the review can go on.
  await tabTo(page, chooseAll, { limit: 2, back: true });
  await page.keyboard.press('Enter');
  await expect.poll(() => said(/^All 2 findings are chosen for the fix\.$/)).toBe(1);
  await expect(chooseAll).toBeFocused();
  // Pressed again, it is said again: the same words were heard once.
  await page.keyboard.press('Enter');
  await expect.poll(() => said(/^All 2 findings are chosen for the fix\.$/)).toBe(2);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Review the fix for 2 policies' })).toBeFocused();
  await expect(review).toBeEnabled();
  await expect(review).not.toHaveAccessibleDescription(/./);

  // Each policy's box in the table names its policy; Space takes one out, and the review follows.
  const table = page.getByRole('table', { name: 'Emergency access by policy' });
  const box = table.getByRole('checkbox', { name: /^Fix CA032/ });
  await box.focus();
  await page.keyboard.press('Space');
  await expect(box).not.toBeChecked();
  await expect(page.getByRole('button', { name: 'Review the fix for 1 policy' })).toBeVisible();
});
