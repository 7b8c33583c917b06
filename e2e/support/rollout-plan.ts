// Steps of the Rollout section that several specs take to start planning a policy's rings.
import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { section } from './navigation';

/**
 * Opens Rollout, picks the policy and presses "Plan its rings…". A RegExp waits for the one option it matches (the list
 * is read from Graph) and picks it by its text; a string is the option's label, picked as it is. Leaves the page on the
 * rings editor of that policy, no ring added yet.
 */
export async function planRingsFor(page: Page, policy: RegExp | string) {
  await section(page, 'Rollout').click();
  const choice = page.getByRole('combobox', { name: 'Policy to roll out' });
  if (typeof policy === 'string') {
    await choice.selectOption({ label: policy });
  } else {
    await expect(choice.getByRole('option', { name: policy })).toHaveCount(1);
    await choice.selectOption({ label: (await choice.getByRole('option', { name: policy }).textContent())! });
  }
  await page.getByRole('button', { name: 'Plan its rings…' }).click();
}
