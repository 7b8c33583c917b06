// Settings: each change is confirmed, and the page says where it is kept (this browser on this
// device, not the tenant), which a reload proves.
import { expect, test } from './support/fixtures';
import { section } from './support/navigation';

test('confirms a saved emergency account and says it is kept on this device only', async ({ page, signInPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await section(page, 'Settings').click();
  await expect(page.getByText(/Kept in this browser on this device only, for Contoso/)).toBeVisible();
  const status = page.getByRole('status').filter({ hasText: 'Saved' });
  await expect(status).toHaveCount(0);

  await page.getByRole('combobox', { name: 'Users' }).fill('Break');
  await page.getByRole('option', { name: /^Break Glass 01/ }).click();
  await expect(status).toContainText('Saved in this browser on this device');
  await expect(page.getByRole('toolbar', { name: 'Emergency-access accounts' })).toContainText('Break Glass 01');

  await page.reload();
  await expect(page.getByRole('toolbar', { name: 'Emergency-access accounts' })).toContainText('Break Glass 01');
  await page.getByRole('button', { name: 'Remove Break Glass 01' }).click();
  await expect(status).toContainText('Saved in this browser on this device');
  await expect(page.getByRole('toolbar', { name: 'Emergency-access accounts' })).toHaveCount(0);
});

test('a trusted IP range that covers almost every address is kept, with a warning first', async ({ page, signInPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await section(page, 'Settings').click();
  const ranges = page.getByRole('textbox', { name: 'Ranges (CIDR, one a line)' });
  await ranges.fill('203.0.113.0/24');
  await expect(page.getByText(/large part of the internet/)).toHaveCount(0);
  await ranges.fill('203.0.113.0/24\n0.0.0.0/0');
  await expect(page.getByText(/'0\.0\.0\.0\/0' covers a large part of the internet/)).toBeVisible();
  // A warning, not a refusal: the admin's service settings may say so.
  await page.getByRole('button', { name: 'Save these ranges' }).click();
  await expect(page.getByText('2 ranges: 203.0.113.0/24, 0.0.0.0/0.')).toBeVisible();
});

test('Forget takes the trusted IP ranges away at once, and Undo puts back exactly what was there', async ({ page, signInPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await section(page, 'Settings').click();
  const ranges = page.getByRole('textbox', { name: 'Ranges (CIDR, one a line)' });
  await ranges.fill('203.0.113.0/24\n198.51.100.0/24');
  await page.getByRole('button', { name: 'Save these ranges' }).click();
  const kept = page.getByText('2 ranges: 203.0.113.0/24, 198.51.100.0/24.');
  await expect(kept).toBeVisible();

  await page.getByRole('button', { name: 'Forget' }).click();
  await expect(page.getByText(/^Not said yet/)).toBeVisible();
  await expect(ranges).toHaveValue('');
  await expect(page.getByText('Forgot 2 ranges: 203.0.113.0/24, 198.51.100.0/24.')).toBeVisible();
  // Forgetting is said by the card alone: not "Saved in this browser… name them again on any other device".
  await expect(page.getByText(/^Saved in this browser/)).toHaveCount(0);
  // Focus goes to Undo, which took the place of the Forget button.
  const undo = page.getByRole('button', { name: 'Undo' });
  await expect(undo).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(kept).toBeVisible();
  await expect(ranges).toHaveValue('203.0.113.0/24\n198.51.100.0/24');
  await expect(undo).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Forget' })).toBeFocused();
  // Put back where it is kept, not only on the screen.
  await page.reload();
  await expect(kept).toBeVisible();

  // Undo is for the last Forget only: a later save ends it.
  await page.getByRole('button', { name: 'Forget' }).click();
  await page.getByRole('button', { name: 'None are configured' }).click();
  await expect(page.getByText('None are configured.')).toBeVisible();
  await expect(undo).toHaveCount(0);
});

test('trusted IP ranges typed but not saved: leaving asks first, as the editor does', async ({ page, signInPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await section(page, 'Settings').click();
  const ranges = page.getByRole('textbox', { name: 'Ranges (CIDR, one a line)' });
  await ranges.fill('203.0.113.0/24');

  await section(page, 'What if').click();
  const question = page.getByRole('dialog', { name: 'Leave without saving the ranges?' });
  await expect(question).toContainText('The ranges you typed are not saved');
  // Stay is first: the typed ranges are still there, on Settings.
  await expect(question.getByRole('button', { name: 'Stay' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(question).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(ranges).toHaveValue('203.0.113.0/24');

  // Saved: leaving no longer asks, and coming back shows them.
  await page.getByRole('button', { name: 'Save these ranges' }).click();
  await section(page, 'What if').click();
  await expect(page.getByRole('heading', { level: 1, name: 'What if' })).toBeVisible();
  await expect(question).toHaveCount(0);
  await section(page, 'Settings').click();
  await expect(ranges).toHaveValue('203.0.113.0/24');

  // Leave goes, and what was typed is dropped (the saved ranges stay).
  await ranges.fill('203.0.113.0/24\n198.51.100.0/24');
  await section(page, 'What if').click();
  await question.getByRole('button', { name: 'Leave' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'What if' })).toBeVisible();
  await section(page, 'Settings').click();
  await expect(page.getByText('1 range: 203.0.113.0/24.')).toBeVisible();
});
