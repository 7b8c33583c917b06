// The policies list's count is one status, in the page from the list's arrival: a search that finds
// nothing, and one that finds policies again, change its words in place, so a screen reader says each.
import { expect, test } from './support/fixtures';

test('a search with no result, and typing back, change the words of the one status in place', async ({
  page,
  signInPage,
  policiesPage,
}) => {
  await page.goto('/');
  await expect(page.getByText('Try the demo tenant')).toBeVisible();
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await expect(policiesPage.rows).toHaveCount(35);

  const status = page.getByRole('status').filter({ hasText: /^Showing all 35 policies/ });
  await expect(status).toHaveCount(1);
  // Marked, so the same element can be found again after the search changes its words.
  await status.evaluate((element) => element.setAttribute('data-test-status', 'count'));
  const same = page.locator('[data-test-status="count"]');

  await policiesPage.search('zzzz no such policy');
  await expect(policiesPage.rows).toHaveCount(0);
  await expect(same).toHaveText('No policies match. Try other words, or clear the filters.');
  await expect(same).toHaveRole('status');
  // No second status appears already filled with the same news.
  await expect(page.getByRole('status').filter({ hasText: 'No policies match' })).toHaveCount(1);

  await policiesPage.search('payroll');
  await expect(policiesPage.rows).toHaveCount(1);
  await expect(same).toHaveText('Showing 1 of 35 policies');
});
