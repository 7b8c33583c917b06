// What the file results of an import say about a backup's parts that live on a device: contingency
// plans (and rollouts, lint suppressions) are named with the page that restores them, and a zipped
// folder's contingency-plans.json is part of the backup, not a file set aside. The Backup page says
// how a backup comes back.
import { readFileSync } from 'node:fs';
import { BackupPage } from './pages/backup-page';
import { expect, test } from './support/fixtures';

test('an imported backup names its contingency plans and where they are restored from, in both forms', async ({ page, signInPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await expect(page.getByRole('grid')).toBeVisible();
  const backup = new BackupPage(page);
  await backup.backUpTenant();
  // One line says how a backup is restored, with the way there.
  await expect(page.getByText(/^To restore a backup, bring its file to Import/)).toBeVisible();
  const counts = page.getByRole('table', { name: 'What the backup holds' });
  await expect(counts.getByRole('row', { name: /^Contingency plans/ })).toContainText('1');
  const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /one file/ }).click()]);
  const oneFile = { name: 'contoso-backup.json', mimeType: 'application/json', buffer: readFileSync(await jsonDownload.path()) };
  const folder = await backup.downloadFolder();

  await page
    .getByText(/^To restore a backup/)
    .getByRole('link', { name: 'Import' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible();

  // The one-file form: read in a line, and the plans it holds named with where they are restored.
  await page.getByLabel('Files to import').setInputFiles(oneFile);
  await expect(page.getByText(/^From contoso-backup\.json: 35 policies/)).toBeVisible();
  const elsewhere = page.getByRole('list', { name: 'Restored elsewhere' });
  await expect(elsewhere.getByRole('listitem')).toHaveText([
    'Contingency plans (1): restored from Contingency › Restore plans from a backup…',
  ]);

  // The folder form: contingency-plans.json is read with the backup and says what it is.
  await page.getByLabel('Files to import').setInputFiles(folder);
  await expect(page.getByText(new RegExp(`^From ${folder.name.replace(/\./g, '\\.')} \\(\\d+ files\\): 35 policies`))).toBeVisible();
  await page.getByRole('switch', { name: /^Show every file/ }).check();
  const results = page.getByRole('table', { name: 'What each file gave' });
  const plans = results.getByRole('row').filter({ hasText: 'contingency-plans.json' });
  await expect(plans).toContainText('Read');
  await expect(plans).toContainText('Contingency plans (1): restored from Contingency › Restore plans from a backup…, not by this import.');
  await expect(results.getByRole('row').filter({ hasText: 'Ignored' })).toHaveCount(0);
  await expect(results.getByRole('row', { name: /\/manifest\.json Read / })).toContainText('Every item is as the manifest says.');

  // The way there: Contingency offers the restore the result names.
  await elsewhere.getByRole('link', { name: 'Contingency' }).click();
  await expect(page.getByRole('button', { name: 'Restore plans from a backup…' })).toBeVisible();
});
