// The plan run's panel as a screen reader hears it (the same panel runs imports, templates, restores
// and bulk operations): why a write failed is said, once, not only shown in the table; the end of the
// run is said once, though the focused heading changes in place; and the count of differences in a
// dialog is a heading below the dialog's title, not a second title beside it.
import type { Page } from '@playwright/test';
import { emulator, expect, signInToLocalTenant, test } from './support/fixtures';
import { section } from './support/navigation';
import { listenToWhatIsSaid } from './support/said';

const templateRow = (page: Page, name: string) => page.getByRole('table', { name: 'Templates' }).getByRole('row', { name, exact: true });

test('a write Graph refuses: its reason is said once, and so is the end of the run', async ({
  page,
  signInPage,
  consoleGuard,
  policiesPage,
}) => {
  consoleGuard.allowFailedResponse(400, '/beta/identity/conditionalAccess/policies');
  const { times, all } = await listenToWhatIsSaid(page, { liveRegions: true });
  await signInToLocalTenant(page, signInPage, policiesPage);
  await section(page, 'Templates').click();
  await templateRow(page, 'No persistent browser session').getByRole('checkbox').check();
  await templateRow(page, 'Block all agent identities from accessing resources').getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Plan these 2 templates' }).click();
  // The first create is refused, the second written: the run goes on after the failure.
  await emulator.setFaults(await emulator.tenantId('Contoso'), {
    rules: [{ match: 'POST /beta/identity/conditionalAccess/policies', fault: 400, times: 1 }],
  });
  await page.getByRole('button', { name: /^Apply: 2 changes to Contoso/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Write to Contoso' }).click();
  // Every write was tried: the run went to its end with one failure, it did not stop before it.
  await expect(page.getByRole('heading', { name: '1 of 2 written to Contoso, 1 failed' })).toBeVisible();
  await expect(page.getByText('1 of 2 written, 1 failed.')).toBeVisible();

  // The reason shown in the table is said, with the write it belongs to, once: not again with the next step.
  const reason = (await page
    .getByRole('table', { name: 'What was written' })
    .getByText(/^Failed: /)
    .textContent())!.replace(/^Failed: /, '');
  const escaped = reason.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await expect.poll(() => times(new RegExp(`^‘[^’]+’ failed: ${escaped}`))).toBe(1);
  // The count, said at each step, does not carry it.
  expect(await times(/written.*failed: /)).toBe(0);
  // The heading changed in place; the end is said once, in other words than the heading's (read just before it).
  await expect.poll(() => times(/^Run ended: every write was tried\. Resume tries the failed one again\.$/)).toBe(1);
  expect(await times(/^1 of 2 written to Contoso, 1 failed/)).toBe(0);
  expect(await all()).not.toMatch(/^Writing to Contoso/m);
});

test('a run that writes all: its end is said once, and the focused heading is not left unsaid', async ({ page, signInPage }) => {
  const { times } = await listenToWhatIsSaid(page, { liveRegions: true });
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await section(page, 'Templates').click();
  await templateRow(page, 'No persistent browser session').getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Plan this template' }).click();
  await page.getByRole('button', { name: /^Apply: 1 change to Contoso/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Write to Contoso' }).click();
  await expect(page.getByRole('heading', { name: 'Applied to Contoso' })).toBeFocused();
  await expect.poll(() => times(/^Run finished: 1 of 1 written, nothing left to write\.$/)).toBe(1);
  expect(await times(/^Applied to Contoso/)).toBe(0);
  // Nothing failed: no reason said.
  expect(await times(/’ failed: /)).toBe(0);
});

test('a write Graph asks to wait (429 with Retry-After): its row counts the wait down, said once, then it is written', async ({
  page,
  signInPage,
  consoleGuard,
  policiesPage,
}) => {
  consoleGuard.allowFailedResponse(429, '/beta/identity/conditionalAccess/policies');
  const { times } = await listenToWhatIsSaid(page, { liveRegions: true });
  await signInToLocalTenant(page, signInPage, policiesPage);
  await section(page, 'Templates').click();
  await templateRow(page, 'No persistent browser session').getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Plan this template' }).click();
  await emulator.setFaults(await emulator.tenantId('Contoso'), {
    rules: [{ match: 'POST /beta/identity/conditionalAccess/policies', fault: 429, times: 1, retryAfter: 4 }],
  });
  await page.getByRole('button', { name: /^Apply: 1 change to Contoso/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Write to Contoso' }).click();
  const slowDown = 'Microsoft Graph asked to slow down \\(too many requests\\)';
  await expect(page.getByRole('table', { name: 'What was written' }).getByText(new RegExp(`^Waiting [1-4] s: ${slowDown}$`))).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Applied to Contoso' })).toBeVisible({ timeout: 15_000 });
  // Said when the wait begins, not at each second of it.
  await expect.poll(() => times(new RegExp(`^Waiting 4 s before ‘[^’]+’ is sent again: ${slowDown}\\.$`))).toBe(1);
  expect(await times(/^Waiting [0-3] s/)).toBe(0);
});

test('the count of differences in a template’s difference is a heading below the dialog’s title', async ({ page, signInPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await section(page, 'Templates').click();
  await templateRow(page, 'Securing security info registration')
    .getByRole('button', { name: /^Difference between CA004/ })
    .click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { level: 2, name: /compared with the template/ })).toBeVisible();
  await expect(dialog.getByRole('heading', { level: 3, name: /^(\d+ differences|1 difference)$/ })).toBeVisible();
  await expect(dialog.getByRole('heading', { level: 2 })).toHaveCount(1);
});

test('on the compare page, the same count is a heading below the page’s h1', async ({ page, signInPage, policiesPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await policiesPage.open(/^CA006/);
  await page.getByRole('button', { name: 'Compare…' }).click();
  await page.getByRole('combobox', { name: 'Policy B (right)' }).click();
  await page.getByRole('option', { name: 'CA002: Block legacy authentication' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 2, name: /^\d+ differences$/ })).toBeVisible();
});
