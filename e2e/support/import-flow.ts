// Steps of the Import section that several specs take to reach the same plan.
import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { section } from './navigation';

/**
 * Signs in to Contoso and pre-production and copies Contoso's CA007 and CA031 into pre-production. Leaves the page on
 * the plan for Contoso pre-production with those two policies chosen; with `untilMappingShows`, also waits until the
 * mapping's table has Contractors' row. Returns that table, "How references map to this tenant".
 */
export async function copyTwoPolicies(
  page: Page,
  signInPage: { signInToDemoWithPreProduction(): Promise<void> },
  { untilMappingShows = false } = {},
) {
  await signInPage.signInToDemoWithPreProduction();
  await section(page, 'Import').click();
  await page.getByRole('combobox', { name: 'Or copy from another tenant you are signed in to' }).click();
  await page.getByRole('option', { name: /^Contoso ·/ }).click();
  await page.getByRole('button', { name: 'Read its policies' }).click();
  // Made by the admin's action: the plan's title has the focus.
  await expect(page.getByRole('heading', { name: 'The plan for Contoso pre-production' })).toBeFocused();
  await page.getByRole('button', { name: 'Choose policies…' }).click();
  await page.getByRole('button', { name: 'None', exact: true }).click();
  const choose = page.getByRole('group', { name: 'Policies to bring in' });
  await choose.getByRole('checkbox', { name: /^CA007/ }).check();
  await choose.getByRole('checkbox', { name: /^CA031/ }).check();
  const mapping = page.getByRole('table', { name: 'How references map to this tenant' });
  if (untilMappingShows) await expect(mapping.getByRole('row').filter({ hasText: 'Contractors' })).toHaveCount(1);
  return mapping;
}

/**
 * Signs in to Contoso and pre-production and copies Contoso's CA023 (which excludes Contoso's agent identity) into
 * pre-production. Returns the mapping's table, "How references map to this tenant".
 */
export async function copyAgentPolicy(page: Page, signInPage: { signInToDemoWithPreProduction(): Promise<void> }) {
  await signInPage.signInToDemoWithPreProduction();
  await section(page, 'Import').click();
  await page.getByRole('combobox', { name: 'Or copy from another tenant you are signed in to' }).click();
  await page.getByRole('option', { name: /^Contoso ·/ }).click();
  await page.getByRole('button', { name: 'Read its policies' }).click();
  await expect(page.getByRole('heading', { name: 'The plan for Contoso pre-production' })).toBeFocused();
  await page.getByRole('button', { name: 'Choose policies…' }).click();
  await page.getByRole('button', { name: 'None', exact: true }).click();
  await page
    .getByRole('group', { name: 'Policies to bring in' })
    .getByRole('checkbox', { name: /^CA023/ })
    .check();
  return page.getByRole('table', { name: 'How references map to this tenant' });
}

/**
 * Signs in to the demo as Ada Lindqvist and chooses, on Import, a file (named `name`) holding these policies as one
 * JSON array: given from memory, no file written.
 */
export async function importPoliciesFile(
  page: Page,
  signInPage: { signInToDemoAs(name: string): Promise<void> },
  name: string,
  policies: object[],
) {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await expect(page.getByRole('grid')).toBeVisible();
  await section(page, 'Import').click();
  await page
    .getByLabel('Files to import')
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(policies)) });
}
