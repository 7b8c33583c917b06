// Compare and Backup by keys, as heard by a screen reader: the Back up button keeps the focus while it
// reads and after Try again (it went to the page's start); each file chosen is said, another one or the
// same again (a second wrong file's error, a second backup's notes or counts were left standing unread);
// Swap stays in the Tab order and says why it cannot act; the flows run by Tab, Enter, Space and arrows.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { emulator, expect, signInToLocalTenant, test } from './support/fixtures';
import { section } from './support/navigation';
import { listenToWhatIsSaid } from './support/said';
import { fileChooserByEnter } from './support/file-chooser';

interface FileToChoose {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** Enter on a focused button that opens the browser's file picker, and the file chosen there. */
async function chooseFileByKeys(page: Page, button: Locator, file: FileToChoose) {
  await button.focus();
  const chooser = await fileChooserByEnter(page);
  await chooser.setFiles(file);
}

/** Enter on a focused download button, and the file the browser saved. */
async function downloadByKeys(page: Page, button: Locator): Promise<FileToChoose> {
  await button.focus();
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const name = download.suggestedFilename();
  return { name, mimeType: name.endsWith('.zip') ? 'application/zip' : 'application/json', buffer: readFileSync(await download.path()) };
}

const picture = {
  name: 'shot.png',
  mimeType: 'image/png',
  buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
};
const broken = { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{ "displayName": "CA006", ') };

test('Back up by keys: the button keeps the focus while it reads and after, and the downloads follow it by Tab', async ({
  page,
  signInPage,
}) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await expect(page.getByRole('grid')).toBeVisible();
  await section(page, 'Backup').click();

  const backUp = page.getByRole('button', { name: 'Back up this tenant' });
  await backUp.focus();
  // Each time the focus leaves for nowhere (the page's start), as a screen reader hears it.
  await backUp.evaluate((button) => {
    const counted = window as unknown as { lost: number };
    counted.lost = 0;
    button.addEventListener('focusout', (event) => void (!(event as FocusEvent).relatedTarget && counted.lost++));
  });
  const lost = () => page.evaluate(() => (window as unknown as { lost: number }).lost);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: 'Backup ready' })).toBeVisible();
  const again = page.getByRole('button', { name: 'Back up again' });
  await expect(again).toBeFocused();
  // It was disabled while reading, which dropped the focus to the page's start for that time.
  expect(await lost()).toBe(0);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: 'Backup ready' })).toBeVisible();
  await expect(again).toBeFocused();
  expect(await lost()).toBe(0);

  // Tab goes on to what the backup offers, in the order it is shown.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Choose policies…' })).toBeFocused();
  const json = await downloadByKeys(page, page.getByRole('button', { name: 'Download as one file (.json)' }));
  expect(json.name).toMatch(/^gatehouse-backup-contoso-.*\.json$/);
  await expect(page.getByRole('button', { name: 'Download as one file (.json)' })).toBeFocused();
});

test('Back up by keys from a slow tenant that refuses once: the focus stays on Back up while it reads, and after Try again', async ({
  page,
  signInPage,
  consoleGuard,
  policiesPage,
}) => {
  consoleGuard.allowFailedResponse(400, '/beta/identity/conditionalAccess/policies');
  await signInToLocalTenant(page, signInPage, policiesPage);
  await section(page, 'Backup').click();
  await emulator.setFaults(await emulator.tenantId('Contoso'), {
    latencyMs: 1000,
    rules: [{ match: 'GET /beta/identity/conditionalAccess/policies', fault: 400, times: 1 }],
  });

  const backUp = page.getByRole('button', { name: 'Back up this tenant' });
  await backUp.focus();
  await page.keyboard.press('Enter');
  // While it reads, the button says it is busy and keeps the focus (disabled, it dropped it to the page's start),
  // and that the backup began is said (the spinner was only shown).
  await expect(page.getByRole('progressbar')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Backing up this tenant…' })).toBeAttached();
  await expect(backUp).toBeFocused();
  await expect(backUp).toHaveAttribute('aria-disabled', 'true');
  const retry = page.getByRole('button', { name: 'Try again' });
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(backUp).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Backing up this tenant…' })).toHaveCount(0);

  // Try again goes with the error it is part of: the focus moves to Back up, which reads again.
  await retry.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: 'Backup ready' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Back up again' })).toBeFocused();
});

test('Compare two policies by keys: a second wrong file is said, not left standing unread', async ({ page, signInPage, policiesPage }) => {
  const { times } = await listenToWhatIsSaid(page);
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await policiesPage.open(/^CA006/);
  await page.getByRole('button', { name: 'Compare…' }).click();

  // B chosen by keys: the diff opens and its count is said.
  const pickB = page.getByRole('combobox', { name: 'Policy B (right)' });
  await pickB.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.type('CA002');
  await page.keyboard.press('Enter');
  await expect(pickB).toHaveText(/^CA002/);
  await expect(page.getByRole('list', { name: 'Differences' })).toBeVisible();
  await expect(pickB).toBeFocused();

  const withFile = page.getByRole('button', { name: 'Compare with a file…' });
  await chooseFileByKeys(page, withFile, picture);
  await expect(page.getByText(/shot\.png/)).toBeVisible();
  await expect(withFile).toBeFocused();
  await expect.poll(() => times(/shot\.png/)).toBe(1);

  await chooseFileByKeys(page, withFile, broken);
  await expect(page.getByText(/broken\.json/)).toBeVisible();
  await expect(page.getByText(/shot\.png/)).toHaveCount(0);
  await expect(withFile).toBeFocused();
  // The notice stayed in place with new words: nothing was said.
  await expect.poll(() => times(/broken\.json/)).toBe(1);
  // The same wrong file again is said again: the admin pressed Enter and hears why nothing changed.
  await chooseFileByKeys(page, withFile, broken);
  await expect.poll(() => times(/broken\.json/)).toBe(2);
});

test('Compare with a backup by keys: each damaged backup chosen is said, and a policy opened from the table takes the focus', async ({
  page,
  signInPage,
}) => {
  const { times } = await listenToWhatIsSaid(page);
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await expect(page.getByRole('grid')).toBeVisible();
  await section(page, 'Backup').click();
  await page.getByRole('button', { name: 'Back up this tenant' }).focus();
  await page.keyboard.press('Enter');
  const file = await downloadByKeys(page, page.getByRole('button', { name: 'Download as one file (.json)' }));
  const backup = JSON.parse(file.buffer.toString('utf8')) as { policies: { displayName: string; state: string }[] };
  const damaged = (name: string, policy: RegExp) => ({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({
        ...backup,
        policies: backup.policies.map((p) =>
          policy.test(p.displayName) ? { ...p, state: p.state === 'disabled' ? 'enabled' : 'disabled' } : p,
        ),
      }),
    ),
  });

  await section(page, 'Compare').click();
  const tabs = page.getByRole('tablist', { name: 'What to compare' });
  await tabs.getByRole('tab', { name: 'Two policies' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(tabs.getByRole('tab', { name: 'Tenant with tenant or backup' })).toHaveAttribute('aria-selected', 'true');

  const withBackup = page.getByRole('button', { name: 'Compare with a backup file…' });
  await chooseFileByKeys(page, withBackup, damaged('monday.json', /^CA006/));
  await expect(page.getByRole('group', { name: 'monday.json was changed after it was taken' })).toBeVisible();
  await expect(withBackup).toBeFocused();
  await expect.poll(() => times(/monday\.json was changed/)).toBe(1);
  await chooseFileByKeys(page, withBackup, damaged('tuesday.json', /^CA001/));
  await expect(page.getByRole('group', { name: 'tuesday.json was changed after it was taken' })).toBeVisible();
  await expect.poll(() => times(/tuesday\.json was changed/)).toBe(1);

  // The group and the policy by keys: the opened diff takes the focus, and the views switch by Space.
  const groups = page.getByRole('tablist', { name: 'Which policies' });
  await expect(groups.getByRole('tab', { name: 'Changed (1)' })).toHaveAttribute('aria-selected', 'true');
  const table = page.getByRole('table', { name: 'Policies compared' });
  await table.getByRole('link', { name: /^CA001/ }).focus();
  await page.keyboard.press('Enter');
  const opened = page.getByRole('region', { name: /^CA001.*, here and there$/ });
  await expect(opened).toBeFocused();
  // The opened one is the current link, not a "selected" row of a table that offers no selection.
  await expect(table.getByRole('link', { name: /^CA001/ })).toHaveAttribute('aria-current', 'true');
  await expect(table.locator('tr[aria-selected]')).toHaveCount(0);
  await page.keyboard.press('Tab');
  const inline = opened.getByRole('switch', { name: 'Inline' });
  await expect(inline).toBeFocused();
  const wasInline = await inline.isChecked();
  await page.keyboard.press('Space');
  await expect(inline).toBeChecked({ checked: !wasInline });
  await expect(inline).toBeFocused();
});

test('Documentation from a backup file by keys: a second backup chosen is said, as the first was', async ({ page, signInPage }) => {
  const { times } = await listenToWhatIsSaid(page);
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await expect(page.getByRole('grid')).toBeVisible();
  await section(page, 'Backup').click();
  await page.getByRole('button', { name: 'Back up this tenant' }).focus();
  await page.keyboard.press('Enter');
  const json = await downloadByKeys(page, page.getByRole('button', { name: 'Download as one file (.json)' }));
  const zip = await downloadByKeys(page, page.getByRole('button', { name: 'Download as a folder (.zip)' }));

  const choose = page.getByRole('button', { name: 'Choose a file…' });
  await chooseFileByKeys(page, choose, json);
  await expect(page.getByRole('group', { name: json.name, exact: true })).toBeVisible();
  await expect(choose).toBeFocused();
  await expect.poll(() => times(/Backup of .+, taken/)).toBe(1);
  await chooseFileByKeys(page, choose, zip);
  await expect(page.getByRole('group', { name: zip.name, exact: true })).toBeVisible();
  await expect(choose).toBeFocused();
  await expect.poll(() => times(/Backup of .+, taken/)).toBe(2);
  await expect(page.getByRole('group', { name: `Documentation of ${zip.name}` }).getByRole('button', { name: 'Markdown' })).toBeVisible();
});

test('Two policies by keys: Swap is reached by Tab and says why it cannot act, and a file can be chosen again', async ({
  page,
  signInPage,
  policiesPage,
}) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await policiesPage.open(/^CA006/);
  await page.getByRole('button', { name: 'Compare…' }).click();
  const pickA = page.getByRole('combobox', { name: 'Policy A (left)' });
  const pickB = page.getByRole('combobox', { name: 'Policy B (right)' });
  const swap = page.getByRole('button', { name: 'Swap A and B' });
  await expect(pickA).toHaveText(/^CA006/);

  // A policy of the tenant on each side: Swap acts.
  await pickA.focus();
  await page.keyboard.press('Tab');
  await expect(swap).toBeFocused();
  await expect(swap).toHaveAccessibleDescription('');

  // B in a file: Swap is still in the Tab order (it was skipped, disabled without a word) and says why.
  const file = {
    name: 'one-policy.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({
        displayName: 'CA006 (exported)',
        state: 'disabled',
        conditions: { users: { includeUsers: ['All'] }, applications: { includeApplications: ['All'] } },
        grantControls: { operator: 'OR', builtInControls: ['block'] },
      }),
    ),
  };
  const withFile = page.getByRole('button', { name: 'Compare with a file…' });
  await chooseFileByKeys(page, withFile, file);
  await expect(pickB).toHaveText('CA006 (exported) in one-policy.json');
  await pickA.focus();
  await page.keyboard.press('Tab');
  await expect(swap).toBeFocused();
  await expect(swap).toHaveAttribute('aria-disabled', 'true');
  await expect(swap).toHaveAccessibleDescription('Policy B is in a file: only a policy of the tenant can be A.');
  await page.keyboard.press('Enter');
  await expect(pickB).toHaveText('CA006 (exported) in one-policy.json');
  await page.keyboard.press('Tab');
  await expect(pickB).toBeFocused();

  // The file input lets the choice go once read: the browser sends no change for the same file chosen
  // again (fixed on disk, or to hear again why it was refused), so it would be ignored.
  await expect(page.getByLabel('Policy file to compare with')).toHaveValue('');
  await page.getByRole('tab', { name: 'Tenant with tenant or backup' }).click();
  await chooseFileByKeys(page, page.getByRole('button', { name: 'Compare with a backup file…' }), broken);
  await expect(page.getByText(/broken\.json/)).toBeVisible();
  await expect(page.getByLabel('Backup file to compare with')).toHaveValue('');
});

test('Compare with a backup by keys: another backup with the same counts is said, as the first was', async ({ page, signInPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await expect(page.getByRole('grid')).toBeVisible();
  await section(page, 'Backup').click();
  await page.getByRole('button', { name: 'Back up this tenant' }).focus();
  await page.keyboard.press('Enter');
  const backup = await downloadByKeys(page, page.getByRole('button', { name: 'Download as one file (.json)' }));

  await section(page, 'Compare').click();
  await page.getByRole('tab', { name: 'Tenant with tenant or backup' }).click();
  // Each time a status's words become the group's count, as a screen reader reads a live region that changes.
  await page.evaluate(() => {
    const counted = window as unknown as { groupSaid: number };
    counted.groupSaid = 0;
    const last = new Map<Element, string>();
    new MutationObserver(() => {
      for (const status of document.querySelectorAll('[role="status"]')) {
        const text = status.textContent ?? '';
        if (text !== last.get(status) && /^Changed \(0\)/.test(text)) counted.groupSaid++;
        last.set(status, text);
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const groupSaid = () => page.evaluate(() => (window as unknown as { groupSaid: number }).groupSaid);

  const withBackup = page.getByRole('button', { name: 'Compare with a backup file…' });
  await chooseFileByKeys(page, withBackup, { ...backup, name: 'monday.json' });
  await expect(page.getByText(/there is monday\.json/)).toBeVisible();
  await expect.poll(groupSaid).toBe(1);
  await chooseFileByKeys(page, withBackup, { ...backup, name: 'tuesday.json' });
  await expect(page.getByText(/there is tuesday\.json/)).toBeVisible();
  await expect(withBackup).toBeFocused();
  // The same counts: the status kept its words, and nothing told the admin the file was read.
  await expect.poll(groupSaid).toBe(2);
});
