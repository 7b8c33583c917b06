// Comparing two policies: differences in words with names, a diff, and a URL that reproduces it.
import { expect, test } from './support/fixtures';

test('compares two policies in words and line by line, from a shareable URL', async ({ page, signInPage, policiesPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await policiesPage.open(/^CA006/);
  await page.getByRole('button', { name: 'Compare…' }).click();
  await page.getByRole('combobox', { name: 'Policy B (right)' }).click();
  await page.getByRole('option', { name: 'CA002: Block legacy authentication' }).click();

  const differences = page.getByRole('list', { name: 'Differences' });
  await expect(differences).toContainText('displayName: CA006: Block access from outside allowed countries → CA002: Block legacy authentication');
  await expect(differences).toContainText('conditions.clientAppTypes: added exchangeActiveSync, other; removed all');
  await expect(differences).toContainText('conditions.locations');
  await expect(page.getByTestId('diff-viewer')).toBeVisible();

  // The comparison is in the URL: opened fresh, it shows the same.
  const url = page.url();
  expect(url).toMatch(/\/compare\?a=[0-9a-f-]{36}&b=[0-9a-f-]{36}/);
  await page.goto(url);
  await expect(page.getByRole('list', { name: 'Differences' })).toContainText('conditions.clientAppTypes: added exchangeActiveSync, other; removed all');

  await page.getByRole('switch', { name: 'Inline' }).click();
  await expect(page.getByRole('switch', { name: 'Inline' })).toBeChecked();
  await expect(page).toHaveURL(/view=inline/);
  await page.getByRole('button', { name: 'Swap A and B' }).click();
  await expect(page.getByRole('list', { name: 'Differences' })).toContainText('conditions.clientAppTypes: added all; removed exchangeActiveSync, other');
});
