// Import: a backup restored into the tenant it came from, and policies copied into another tenant
// with their references mapped, each through one plan reviewed before anything is written.
import { readFileSync } from 'node:fs';
import { asColleague } from './support/colleague';
import { expect, test } from './support/fixtures';
import { section } from './support/navigation';

test('a backup restores what was deleted and changed since, after a review, and a second run has nothing to write', async ({
  page,
  signInPage,
  policiesPage,
  consoleGuard,
}) => {
  // The colleague's changes take the tenant's Conditional Access allowance for a moment: throttled requests are retried.
  consoleGuard.allowFailedResponse(429, '/beta/identity/conditionalAccess/');
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await expect(page.getByRole('grid')).toBeVisible();
  await section(page, 'Backup').click();
  await page.getByRole('button', { name: 'Back up this tenant' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /one file/ }).click()]);
  const backup = readFileSync(await download.path());
  const [zipDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /a folder/ }).click()]);
  const zipped = readFileSync(await zipDownload.path());

  // Since the backup: CA014 deleted, CA002 changed.
  const list = await asColleague(page, 'GET', '/beta/identity/conditionalAccess/policies');
  const id = (prefix: string) => list!.value!.find((p) => p.displayName.startsWith(prefix))!.id;
  await asColleague(page, 'DELETE', `/beta/identity/conditionalAccess/policies/${id('CA014')}`);
  await asColleague(page, 'PATCH', `/beta/identity/conditionalAccess/policies/${id('CA002')}`, {
    conditions: { clientAppTypes: ['other'] },
  });

  await section(page, 'Import').click();
  await page.getByLabel('Files to import').setInputFiles({ name: 'contoso-backup.json', mimeType: 'application/json', buffer: backup });
  await expect(page.getByText(/^From contoso-backup\.json: 35 policies/)).toBeVisible();
  await expect(
    page.getByText(/A restore into the tenant the import came from\. 0 to create, 1 to update, 1 to restore from deleted items/),
  ).toBeVisible();

  // CA014 is in Deleted policies: it comes back from there with its id, not as a second policy.
  const rows = page.getByRole('table', { name: 'What the plan writes, in order' });
  const restored = rows.getByRole('row').filter({ hasText: 'CA014' });
  await expect(restored.getByRole('combobox', { name: /^Action for CA014/ })).toHaveText('Restore from deleted');
  await expect(restored.getByRole('combobox', { name: /^State for CA014/ })).toHaveText('Report-only');
  await expect(restored).toContainText(/In Deleted policies \(deleted \d{4}-\d{2}-\d{2}\): restored with its id and history/);
  await expect(restored).toContainText(
    'It was On when deleted: restored, it enforces as it was until it is set to Report-only a moment later.',
  );
  await restored.getByRole('combobox', { name: /^State for CA014/ }).click();
  await expect(page.getByRole('option', { name: 'As when deleted' })).toBeVisible();
  await page.keyboard.press('Escape');
  // The update shows what it puts back before anything is written.
  const updated = rows.getByRole('row').filter({ hasText: 'CA002' });
  // Named for its row (the visible words are the same on every row).
  await updated.getByRole('button', { name: /^Show the difference for 'CA002/ }).click();
  await expect(page.getByRole('list', { name: 'Differences' })).toContainText('Client app Exchange ActiveSync clients added');

  // CA002 is on and blocks: the lock-out guard asks, as the editor does, before it is written.
  const blockers = page.getByRole('list', { name: 'What blocks applying' });
  await expect(blockers).toContainText('CA002: Block legacy authentication: Could lock out Ada Lindqvist (you)');
  const apply = page.getByRole('button', { name: /^Apply: 2 changes to Contoso/ });
  await expect(apply).toBeDisabled();
  // Blocked, Apply is still reached by Tab (next after the confirmation) and says why; Enter does nothing.
  const understand = page.getByRole('checkbox', { name: /^I understand the risk for 'CA002/ });
  await understand.focus();
  await page.keyboard.press('Tab');
  await expect(apply).toBeFocused();
  await expect(apply).toHaveAccessibleDescription(
    /^Not ready: one thing blocks applying\. CA002: Block legacy authentication: Could lock out/,
  );
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // Beside it, a way to the list of what blocks.
  await page.getByRole('button', { name: 'Go to what blocks applying' }).click();
  await expect(blockers).toBeFocused();
  await understand.check();
  await expect(blockers).toHaveCount(0);
  await expect(apply).toHaveAccessibleDescription('');
  await apply.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('0 to create, 1 to update, 1 to restore from deleted items');
  // Cancel gives the keyboard's focus back to the button that asked; Write, to the run that replaced it.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(apply).toBeFocused();
  await page.keyboard.press('Enter');
  await dialog.getByRole('button', { name: 'Write to Contoso' }).click();
  await expect(page.getByRole('heading', { name: /^(Writing|Applied) to Contoso$/ })).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Applied to Contoso' })).toBeVisible();
  const written = page.getByRole('table', { name: 'What was written' });
  await expect(written.getByText('As planned')).toHaveCount(2);
  const [summary] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the summary' }).click()]);
  expect(readFileSync(await summary.path(), 'utf8')).toContain(
    `Restore policy 'CA014: Require MFA for all guests' (${id('CA014')}): as planned`,
  );
  // Back under its own id, out of Deleted policies, and not enforced.
  const back = await asColleague(page, 'GET', `/beta/identity/conditionalAccess/policies/${id('CA014')}`);
  expect(back).toMatchObject({ state: 'enabledForReportingButNotEnforced' });
  const stillDeleted = await asColleague(page, 'GET', '/beta/identity/conditionalAccess/deletedItems/policies');
  expect(stillDeleted!.value!.map((p) => p.id)).not.toContain(id('CA014'));

  await page.getByRole('button', { name: 'Done' }).click();
  await section(page, 'Policies').click();
  await expect(policiesPage.row(/^CA014/)).toContainText('Report-only');

  // The same backup again, as its zipped folder: everything is already as planned.
  await section(page, 'Import').click();
  await page.getByLabel('Files to import').setInputFiles({ name: 'contoso-backup.zip', mimeType: 'application/zip', buffer: zipped });
  await expect(page.getByText(/^From contoso-backup\.zip \(\d+ files\): 35 policies/)).toBeVisible();
  await expect(page.getByText(/0 to create, 0 to update/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nothing to write' })).toBeDisabled();
});

test('a copy into another tenant maps references; a dropped exclusion blocks until confirmed; a group can be created', async ({
  page,
  signInPage,
}) => {
  await signInPage.signInToDemoWithPreProduction();

  await section(page, 'Import').click();
  await page.getByRole('combobox', { name: 'Or copy from another tenant you are signed in to' }).click();
  await page.getByRole('option', { name: /^Contoso ·/ }).click();
  await page.getByRole('button', { name: 'Read its policies' }).click();
  await expect(page.getByText(/A copy into another tenant/)).toBeVisible();

  // Two policies: one excludes the emergency group and Contractors, one excludes two break-glass accounts.
  await page.getByRole('button', { name: 'Choose policies…' }).click();
  await page.getByRole('button', { name: 'None', exact: true }).click();
  const choose = page.getByRole('group', { name: 'Policies to bring in' });
  await choose.getByRole('checkbox', { name: /^CA007/ }).check();
  await choose.getByRole('checkbox', { name: /^CA031/ }).check();
  await expect(page.getByText('2 of 35 policies are chosen.')).toBeVisible();

  const blockers = page.getByRole('list', { name: 'What blocks applying' });
  await expect(blockers).toContainText("Choose what the group 'Contractors' becomes in this tenant.");
  await expect(blockers).toContainText("Choose what the user 'Break Glass 01' becomes in this tenant.");
  const mapping = page.getByRole('table', { name: 'How references map to this tenant' });
  // The emergency group exists there by name: matched, not asked.
  await expect(mapping.getByRole('row').filter({ hasText: 'CA - Emergency access accounts' })).toHaveCount(0);

  // Sign-in names move to the pre-production domain: Break Glass 01 is found there; 02 is not.
  await page.getByLabel('Sign-in names ending in').fill('contoso.example');
  await page.getByLabel('are found in this tenant as').fill('preprod.contoso.example');
  await page.getByRole('button', { name: 'Find users again' }).click();
  await expect(blockers).not.toContainText('Break Glass 01');
  await expect(blockers).toContainText("Choose what the user 'Break Glass 02' becomes in this tenant.");

  // Leaving the second account out widens CA031: it blocks until confirmed, on its own row.
  const breakGlass02 = mapping.getByRole('combobox', { name: 'In this tenant, Break Glass 02 becomes' });
  await breakGlass02.click();
  await page.getByRole('option', { name: 'Leave it out' }).click();
  await expect(blockers).toContainText("Leaving out the user 'Break Glass 02' widens 'CA031");
  // The choice is described by the risk (said as it appears), and the confirmation names what it leaves out and where.
  await expect(breakGlass02).toHaveAttribute('aria-invalid', 'true');
  await expect(breakGlass02).toHaveAccessibleDescription(/Leaving out the user 'Break Glass 02' widens 'CA031/);
  await mapping.getByRole('checkbox', { name: /^I understand: leave it out \(the user 'Break Glass 02', which widens 'CA031/ }).check();
  await expect(blockers).not.toContainText('Break Glass 02');

  // Contractors does not exist there: created empty, and said so.
  await mapping.getByRole('combobox', { name: 'In this tenant, Contractors becomes' }).click();
  await page.getByRole('option', { name: 'Create an empty group of this name' }).click();
  await expect(mapping).toContainText(
    "The group 'Contractors' is created empty: an exclusion through it excludes nobody until members are added.",
  );
  // CA007 exists there, on: the update keeps its state, and the guard sees that it would lock the admin out.
  await expect(blockers).toContainText('CA007: Require compliant or hybrid joined device on desktops: Could lock out Ada Lindqvist (you)');
  const rows = page.getByRole('table', { name: 'What the plan writes, in order' });
  await rows.getByRole('combobox', { name: /^State for CA007/ }).click();
  await page.getByRole('option', { name: 'Report-only' }).click();
  await expect(blockers).toHaveCount(0);

  await expect(rows.getByRole('row').nth(1)).toContainText('Contractors');
  // The choices are saved for the next copy, and a saved file brings them back.
  const [saved] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save my choices (2)' }).click()]);
  const savedPath = await saved.path();
  const file = JSON.parse(readFileSync(savedPath, 'utf8')) as { choices: { sourceName: string; choice: { action: string } }[] };
  expect(file.choices.map((c) => [c.sourceName, c.choice.action]).sort()).toEqual([
    ['Break Glass 02', 'drop'],
    ['Contractors', 'create'],
  ]);
  await mapping.getByRole('combobox', { name: 'In this tenant, Contractors becomes' }).click();
  await page.getByRole('option', { name: 'Leave it out' }).click();
  await page.getByLabel('Saved mapping').setInputFiles(savedPath);
  await expect(page.getByRole('status').filter({ hasText: '2 saved choices applied.' })).toBeVisible();
  await expect(mapping.getByRole('combobox', { name: 'In this tenant, Contractors becomes' })).toHaveText(
    'Create an empty group of this name',
  );

  await page.getByRole('button', { name: /^Apply: 3 changes to Contoso pre-production/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Write to Contoso pre-production' }).click();
  await expect(page.getByRole('heading', { name: 'Applied to Contoso pre-production' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'What was written' }).getByText('As planned')).toHaveCount(3);

  // In pre-production, CA007 is report-only and excludes the group just created, by its name.
  await page.getByRole('button', { name: 'Done' }).click();
  await section(page, 'Policies').click();
  await page
    .getByRole('grid')
    .getByRole('link', { name: /^CA007/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: /^CA007/ })).toBeVisible();
  await expect(page.getByText('Contractors').first()).toBeVisible();
});

test('a plan shown when the admin switches accounts says it now writes to the other tenant, and is made again there', async ({
  page,
  signInPage,
}) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await expect(page.getByRole('grid')).toBeVisible();
  await section(page, 'Backup').click();
  await page.getByRole('button', { name: 'Back up this tenant' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /one file/ }).click()]);
  await section(page, 'Import').click();
  await page
    .getByLabel('Files to import')
    .setInputFiles({ name: 'contoso-backup.json', mimeType: 'application/json', buffer: readFileSync(await download.path()) });
  await expect(page.getByText(/A restore into the tenant the import came from\. 0 to create, 0 to update/)).toBeVisible();

  // Switched to an account added meanwhile: the same backup would now be copied into pre-production.
  const account = page.getByRole('button', { name: /^Ada Lindqvist \(demo administrator\)/ });
  await account.click();
  await page.getByRole('menuitem', { name: /^Add .*\(administrator\) · Contoso pre-production$/ }).click();
  await page.getByRole('button', { name: 'Switch', exact: true }).click();
  const notice = page.getByText('This plan now writes to Contoso pre-production');
  await expect(notice).toBeVisible();
  await expect(page.getByText(/It was made for Contoso; you switched accounts since/)).toBeVisible();
  await expect(page.getByText(/A copy into another tenant: references are mapped below/)).toBeVisible();
  await expect(page.getByRole('button', { name: /^Apply: \d+ changes? to Contoso pre-production/ })).toBeVisible();

  // Back on the tenant it was made for, the notice goes.
  await page.getByRole('button', { name: /^Ada Lindqvist/ }).click();
  await page.getByRole('menuitemradio', { name: /Ada Lindqvist \(demo administrator\) Contoso$/ }).click();
  await expect(notice).toHaveCount(0);
  await expect(page.getByText(/A restore into the tenant the import came from\. 0 to create, 0 to update/)).toBeVisible();
});
