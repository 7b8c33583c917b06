// Backing up the tenant: a bundle with a manifest, downloadable as one file or a zipped folder,
// that the console reads back: compared with the tenant it came from, every policy is identical.
import { readFileSync } from 'node:fs';
import { readBundle, readBundleFolder } from '../src/domain/bundle/read-bundle';
import { parsePolicyFile } from '../src/domain/policy-file';
import { readZip } from '../src/shared/zip';
import { expect, test } from './support/fixtures';
import { listenToWhatIsSaid } from './support/said';
import { section } from './support/navigation';
import { changeAsColleague } from './support/colleague';

test('backs up the tenant as one file and as a folder, and the backup compares identical to the tenant', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /^Sign in as Ben Okafor \(read-only\) · Contoso$/ }).click();
  await expect(page.getByRole('grid')).toBeVisible();

  // A read-only account may back up: it only reads.
  await section(page, 'Backup').click();
  await page.getByRole('button', { name: 'Back up this tenant' }).click();
  await expect(page.getByText('Backup ready')).toBeVisible();
  const counts = page.getByRole('table', { name: 'What the backup holds' });
  await expect(counts.getByRole('row', { name: /^Policies/ })).toContainText('35');
  // Objects the policies name that the tenant no longer holds are each named, with the policies naming them.
  const gone = page.getByRole('list', { name: 'Objects that no longer exist' }).getByRole('listitem');
  await expect(gone.first()).toBeVisible();
  for (const item of await gone.allInnerTexts())
    expect(item).toMatch(/^An? (user|group|role|application|workload identity) [0-9a-f-]{36}, named by CA\d{3}/);
  // A deleted object is named as what the policy used it as: CA027 includes a deleted group and excludes a deleted user.
  await expect(gone.filter({ hasText: /^A group [0-9a-f-]{36}, named by CA027/ })).toHaveCount(1);
  await expect(gone.filter({ hasText: /^A user [0-9a-f-]{36}, named by CA027/ })).toHaveCount(1);

  const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /one file/ }).click()]);
  expect(jsonDownload.suggestedFilename()).toMatch(/^gatehouse-backup-contoso-\d{4}-\d\d-\d\d-\d{4}Z\.json$/);
  const jsonPath = await jsonDownload.path();
  const fromFile = await readBundle(JSON.parse(readFileSync(jsonPath, 'utf8')));
  expect(fromFile.problems).toEqual([]);
  expect(fromFile.bundle.policies).toHaveLength(35);
  const ca027 = fromFile.bundle.policies.find((p) => String(p.displayName).startsWith('CA027')) as {
    conditions: { users: { includeGroups: string[] } };
  };
  expect(fromFile.bundle.references.find((r) => r.id === ca027.conditions.users.includeGroups[0])).toMatchObject({
    kind: 'group',
    exists: false,
  });
  expect(fromFile.bundle.manifest.items).toHaveLength(
    fromFile.bundle.policies.length +
      fromFile.bundle.namedLocations.length +
      fromFile.bundle.authenticationContexts.length +
      fromFile.bundle.authenticationStrengths.length +
      fromFile.bundle.termsOfUse.length,
  );

  const [zipDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /a folder/ }).click()]);
  const entries = await readZip(new Uint8Array(readFileSync(await zipDownload.path())));
  const fromFolder = await readBundleFolder(entries.map((e) => ({ path: e.path, text: new TextDecoder().decode(e.bytes) })));
  expect(fromFolder.problems).toEqual([]);
  expect(entries.some((e) => /\/policies\/CA001-[^/]+\.json$/.test(e.path))).toBe(true);

  // The console reads its own backup: compared with the tenant, nothing differs.
  await section(page, 'Compare').click();
  await page.getByRole('tab', { name: 'Tenant with tenant or backup' }).click();
  await page.getByLabel('Backup file to compare with').setInputFiles(jsonPath);
  const groups = page.getByRole('tablist', { name: 'Which policies' });
  await expect(groups.getByRole('tab', { name: 'Identical (35)' })).toBeVisible();
  await expect(groups.getByRole('tab', { name: 'Changed (0)' })).toBeVisible();
});

test('downloads and copies one policy’s JSON as Graph returned it', async ({ page, context, signInPage, policiesPage }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await policiesPage.open(/^CA001/);
  const id = new URL(page.url()).pathname.split('/').pop()!;

  await page.getByRole('button', { name: 'Export' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Download JSON' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^CA001-[\w.-]+\.json$/);
  const downloaded = readFileSync(await download.path(), 'utf8');
  const policy = JSON.parse(downloaded) as { id: string; displayName: string; conditions: unknown };
  expect(policy.id).toBe(id);
  expect(policy.displayName).toMatch(/^CA001/);
  // It is a policy file: New policy and Compare read it.
  expect(parsePolicyFile(new TextEncoder().encode(downloaded), download.suggestedFilename())).toHaveLength(1);

  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: 'Copy JSON' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'JSON copied.' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(downloaded);
});

test('backs up some policies with what they use, under a manifest of their own', async ({ page, signInPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await expect(page.getByRole('grid')).toBeVisible();
  await section(page, 'Backup').click();
  await page.getByRole('button', { name: 'Back up this tenant' }).click();
  await page.getByRole('button', { name: 'Choose policies…' }).click();
  await page.getByRole('button', { name: 'None', exact: true }).click();
  await expect(page.getByRole('button', { name: /one file/ })).toBeDisabled();
  // Nothing chosen is nothing ready: the page says so rather than offering a backup of nothing.
  await expect(page.getByText('No policy chosen')).toBeVisible();
  await expect(page.getByText('Backup ready')).toBeHidden();
  const list = page.getByRole('group', { name: 'Policies in the backup' });
  await page.getByRole('searchbox', { name: 'Filter the policies' }).fill('countries');
  await list.getByRole('checkbox', { name: /^CA006/ }).check();
  await expect(page.getByText('1 of 35 policies is in the backup.')).toBeVisible();
  await expect(page.getByText('Backup ready')).toBeVisible();
  await expect(page.getByText('No policy chosen')).toBeHidden();
  const counts = page.getByRole('table', { name: 'What the backup holds' });
  await expect(counts.getByRole('row', { name: /^Policies/ })).toContainText('1');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /one file/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/-1-policy\.json$/);
  const read = await readBundle(JSON.parse(readFileSync(await download.path(), 'utf8')));
  expect(read.problems).toEqual([]);
  expect(read.bundle.policies.map((p) => String(p.displayName))).toEqual([expect.stringMatching(/^CA006/)]);
  // Its named locations come with it, and nothing it does not use.
  const used = JSON.stringify(read.bundle.policies[0]);
  expect(read.bundle.namedLocations.length).toBeGreaterThan(0);
  expect(read.bundle.namedLocations.every((l) => used.includes(String(l.id)))).toBe(true);
});

test('a duplicate is named first: "Copy of …" offered and selected, checked as creating checks names, then created under that name', async ({
  page,
  signInPage,
  policiesPage,
}) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await policiesPage.open(/^CA001/);
  const original = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
  await page.getByRole('button', { name: 'Duplicate', exact: true }).click();

  const name = page.getByRole('textbox', { name: 'Name of the copy' });
  await expect(name).toBeFocused();
  await expect(name).toHaveValue(`Copy of ${original}`);
  // Selected whole: what the admin types replaces it.
  expect(await name.evaluate((input: HTMLInputElement) => [input.selectionStart, input.selectionEnd])).toEqual([
    0,
    `Copy of ${original}`.length,
  ]);

  await page.keyboard.press('Backspace');
  await expect(page.getByText('Name cannot be empty.')).toBeVisible();
  await page.keyboard.type('   ');
  await expect(page.getByText('The name cannot be only spaces.')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(name).toBeVisible();

  await name.fill('CA001 pilot: admins on the new MFA method');
  await expect(page.getByText('The name cannot be only spaces.')).toBeHidden();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('radio', { name: 'Report-only', exact: true })).toBeChecked();
  await expect(page.getByTestId('json-editor')).toContainText('"CA001 pilot: admins on the new MFA method"');
  await expect(page.getByRole('button', { name: 'Review and create…' })).toBeEnabled();
  await page.getByRole('button', { name: 'Review and create…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Creates “CA001 pilot: admins on the new MFA method” in Report-only');
  await dialog.getByRole('button', { name: 'Create in tenant' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'CA001 pilot: admins on the new MFA method' })).toBeVisible();
});

// A policy's name may be one unbroken word of 200 characters: it wraps where it is named (the
// warning about objects that no longer exist) rather than widen the page.
test('a 200-character policy name does not push the Backup page sideways', async ({ page, signInPage, policiesPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await policiesPage.open(/^CA027/);
  const id = page.url().split('/').pop()!;
  const long = 'N'.repeat(200);
  expect(await changeAsColleague(page, id, { displayName: long })).toBe(204);
  await section(page, 'Backup').click();
  await page.getByRole('button', { name: 'Back up this tenant' }).click();
  await expect(page.getByRole('list', { name: 'Objects that no longer exist' })).toContainText(long);
  await page.getByRole('checkbox', { name: 'Mask names' }).check();
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), {
        message: `${width} px`,
      })
      .toBeLessThanOrEqual(0);
  }
});

// What a screen reader hears while policies are chosen: the warning about objects that no longer exist
// is said once, not again at each toggle, and "Backup ready" is not said again when All follows None.
test('choosing policies does not say the backup’s notes again', async ({ page, signInPage }) => {
  const { times } = await listenToWhatIsSaid(page);
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await expect(page.getByRole('grid')).toBeVisible();
  await section(page, 'Backup').click();
  await page.getByRole('button', { name: 'Back up this tenant' }).click();
  await expect(page.getByText('Backup ready')).toBeVisible();
  await expect.poll(() => times(/no longer exist/)).toBe(1);
  await expect.poll(() => times(/Backup ready/)).toBe(1);

  await page.getByRole('button', { name: 'Choose policies…' }).click();
  const list = page.getByRole('group', { name: 'Policies in the backup' });
  const ca006 = list.getByRole('checkbox', { name: /^CA006/ });
  await ca006.uncheck();
  await expect(page.getByText('34 of 35 policies are in the backup.')).toBeVisible();
  await ca006.check();
  await ca006.uncheck();
  await expect(page.getByText('34 of 35 policies are in the backup.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Objects that no longer exist' })).toBeVisible();
  await page.getByRole('button', { name: 'None', exact: true }).click();
  await expect(page.getByText('No policy chosen')).toBeVisible();
  await page.getByRole('button', { name: 'All', exact: true }).click();
  await expect(page.getByText('Backup ready')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Objects that no longer exist' })).toBeVisible();
  // Said again only when it came back after None, which took every object away.
  expect(await times(/no longer exist/)).toBe(2);
  expect(await times(/Backup ready/)).toBe(1);
});
