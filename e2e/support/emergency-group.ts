// The step the lock-out guard's specs start from: the tenant's emergency-access group named in Settings.
import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { section } from './navigation';

/** Names "CA - Emergency access accounts" as the emergency-access group in Settings, picked from the directory. */
export async function nameEmergencyGroup(page: Page) {
  await section(page, 'Settings').click();
  await page.getByRole('combobox', { name: 'Groups' }).fill('CA - Emer');
  await page.getByRole('option', { name: /^CA - Emergency access accounts/ }).click();
  await expect(page.getByRole('toolbar', { name: 'Emergency-access groups' })).toContainText('CA - Emergency access accounts');
}
