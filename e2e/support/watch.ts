// The step several specs of watched policies start from.
import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import type { PoliciesPage } from '../pages/policies-page';

/**
 * Signs in to the demo as Ada Lindqvist, opens the policy whose name matches and watches it, checking on the way that
 * what watching does is said on focus (to a screen reader too, not only in a hover title). Returns the policy's id.
 */
export async function watchInDemo(
  page: Page,
  signInPage: { signInToDemoAs(name: string): Promise<void> },
  policiesPage: PoliciesPage,
  policy: RegExp,
) {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await policiesPage.open(policy);
  const watch = page.getByRole('button', { name: 'Watch' });
  await watch.focus();
  await expect(watch).toHaveAccessibleDescription(/^The policies page says when a watched policy changes/);
  await watch.click();
  await expect(page.getByRole('button', { name: 'Watching' })).toHaveAttribute('aria-pressed', 'true');
  return page.url().split('/').pop()!;
}
