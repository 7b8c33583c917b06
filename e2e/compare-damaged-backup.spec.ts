// A backup changed after it was taken: Compare says what its reader found amiss above the comparison,
// so a policy lost from the file is not taken for one created since. A backup with no policy says so.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { section } from './support/navigation';

interface BackupJson {
  manifest: { counts: Record<string, number>; items: { section: string }[] };
  policies: { displayName: string; state: string }[];
}

/** The tenant's backup as one file, as the Backup page downloads it. */
async function downloadBackup(page: Page): Promise<BackupJson> {
  await section(page, 'Backup').click();
  await page.getByRole('button', { name: 'Back up this tenant' }).click();
  await expect(page.getByText('Backup ready')).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /one file/ }).click()]);
  return JSON.parse(readFileSync(await download.path(), 'utf8')) as BackupJson;
}

const asFile = (name: string, value: unknown) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(value)) });

test('a backup edited after it was taken: the notice names the lost policy and the edited one, and the lost one is only here', async ({
  page,
  signInPage,
}) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await expect(page.getByRole('grid')).toBeVisible();
  const backup = await downloadBackup(page);

  // CA002 taken out of the file (its manifest still lists it), CA006 turned off by hand.
  const lost = backup.policies.find((p) => p.displayName.startsWith('CA002'))!.displayName;
  const edited = backup.policies.find((p) => p.displayName.startsWith('CA006'))!;
  expect(lost).toBe('CA002: Block legacy authentication');
  expect(edited.state).toBe('enabled');
  backup.policies = backup.policies.filter((p) => p.displayName !== lost);
  edited.state = 'disabled';

  await section(page, 'Compare').click();
  await page.getByRole('tab', { name: 'Tenant with tenant or backup' }).click();
  await page.getByLabel('Backup file to compare with').setInputFiles(asFile('damaged-backup.json', backup));

  const notice = page.getByRole('group', { name: 'damaged-backup.json was changed after it was taken' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(`“${lost}” is listed in the manifest but missing.`);
  await expect(notice).toContainText(`“${edited.displayName}” was changed after the backup was taken.`);
  await expect(notice).toContainText('A policy missing from the file shows as only in this tenant, though the backup had it.');

  // The comparison goes on below the notice: the edit as a change, the lost policy as only in this tenant.
  const groups = page.getByRole('tablist', { name: 'Which policies' });
  await expect(groups.getByRole('tab', { name: 'Changed (1)' })).toBeVisible();
  await expect(groups.getByRole('tab', { name: 'Only here (1)' })).toBeVisible();
  await expect(groups.getByRole('tab', { name: 'Only there (0)' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Policies compared' });
  await expect(table.getByRole('row', { name: /^CA006/ })).toContainText('State: On → Off');
  await groups.getByRole('tab', { name: 'Only here (1)' }).click();
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('row').nth(1)).toContainText(lost);
  await expect(notice).toBeVisible();
});

test('a backup that holds no policy says so in Two policies, not that the file is not open here', async ({
  page,
  signInPage,
  policiesPage,
}) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await expect(page.getByRole('grid')).toBeVisible();
  const backup = await downloadBackup(page);
  // Whole by its manifest (nothing amiss to report): just no policy.
  backup.policies = [];
  backup.manifest.items = backup.manifest.items.filter((item) => item.section !== 'policies');
  backup.manifest.counts.policies = 0;

  await section(page, 'Policies').click();
  await policiesPage.open(/^CA006/);
  await page.getByRole('button', { name: 'Compare…' }).click();
  await page.getByLabel('Policy file to compare with').setInputFiles(asFile('empty-backup.json', backup));

  await expect(page.getByText('empty-backup.json holds no Conditional Access policy: choose another file.', { exact: true })).toBeVisible();
  await expect(page.getByText(/This comparison used a file that is not open here/)).toHaveCount(0);
  await expect(page.getByRole('group', { name: /was changed after it was taken/ })).toHaveCount(0);
  await expect(page.getByTestId('diff-viewer')).toHaveCount(0);
});
