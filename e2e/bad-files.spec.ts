// A wrong file, or an unusual name, brought to the console: each file place says what the file is
// and what to do, in the same words (a picture is named a picture, a file cut short says where it
// stops), nothing is called a success that added nothing, and a long name wraps instead of
// widening the page.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { asColleague } from './support/colleague';
import { expect, test } from './support/fixtures';
import { section } from './support/navigation';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const POLICY = JSON.stringify(
  {
    displayName: 'Saved as text: require MFA',
    state: 'enabled',
    conditions: { users: { includeUsers: ['All'] }, applications: { includeApplications: ['All'] }, clientAppTypes: ['all'] },
    grantControls: { operator: 'OR', builtInControls: ['mfa'] },
  },
  null,
  2,
);
const migrationTable = resolve(process.cwd(), '../shared/corpus/j0eyv-baseline/Config/MigrationTable.json');

test('Import says what one file holds and what to choose next, reads a policy saved as .txt, and names a false zip', async ({
  page,
  signInPage,
}) => {
  test.skip(!existsSync(migrationTable), 'needs ../shared/corpus (present in CI)');
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await section(page, 'Import').click();
  const files = page.getByLabel('Files to import');

  // A migration table alone: what its reader found, and that it serves the policies chosen with it.
  await files.setInputFiles({ name: 'MigrationTable.json', mimeType: 'application/json', buffer: readFileSync(migrationTable) });
  await expect(
    page.getByText(/^From MigrationTable\.json: a migration table of 34 directory objects \(names and ids\)\. Taken from tenant/),
  ).toBeVisible();
  await expect(
    page.getByText(/^Nothing to import on its own: an import writes policies, and reads groups, users and migration tables/),
  ).toBeVisible();

  // A policy saved as policy.txt is read for what it holds, and planned.
  await files.setInputFiles({ name: 'policy.txt', mimeType: 'text/plain', buffer: Buffer.from(POLICY) });
  await expect(page.getByText('From policy.txt: 1 policy. Named .txt, but holds JSON: read as JSON.')).toBeVisible();
  await expect(page.getByText(/^Nothing to import/)).toHaveCount(0);
  await expect(page.getByRole('heading', { name: /^The plan for / })).toBeVisible();

  // A .zip that is not one says so, as Compare and Backup do.
  await files.setInputFiles({ name: 'fake.zip', mimeType: 'application/zip', buffer: Buffer.from('PK not a zip') });
  await expect(page.getByText('fake.zip could not be opened as a zip: This is not a zip file, or it was cut short.')).toBeVisible();
});

test('What if names a wrong scenarios file as every file place does, and does not call adding none a success', async ({
  page,
  signInPage,
}) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await section(page, 'What if').click();
  const scenariosFile = page.getByLabel('Scenarios file');

  await scenariosFile.setInputFiles({ name: 'pic.png', mimeType: 'image/png', buffer: PNG });
  await expect(page.getByText('pic.png looks like an image (PNG), not a JSON export.')).toBeVisible();
  await scenariosFile.setInputFiles({
    name: 'trunc.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"gatehouse.what-if-scenarios",'),
  });
  await expect(page.getByText(/^trunc\.json ends before its JSON does \(cut short\?\): it stops at line 1, column 41/)).toBeVisible();
  await scenariosFile.setInputFiles({ name: 'policies.json', mimeType: 'application/json', buffer: Buffer.from(POLICY) });
  await expect(
    page.getByText('No scenario added from policies.json. This is not a file of what-if scenarios (Export on the What if page makes one).'),
  ).toBeVisible();
  await expect(page.getByText(/^\d+ scenarios? added from/)).toHaveCount(0);
});

test('Templates names a file it could not read once', async ({ page, signInPage }) => {
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await section(page, 'Templates').click();
  await page.getByLabel('Baseline files').setInputFiles({ name: 'zero.json', mimeType: 'application/json', buffer: Buffer.alloc(0) });
  await expect(page.getByRole('status').filter({ hasText: 'zero.json is empty. No template added.' })).toBeVisible();
});

test('a long name without spaces wraps in the change history, the page keeps its width', async ({ page, signInPage, consoleGuard }) => {
  consoleGuard.allowFailedResponse(429, '/beta/identity/conditionalAccess/');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  const longName = `Long-${'Abcdefghij'.repeat(24)}`;
  const { value } = await asColleague<{ value: { id: string; displayName: string }[] }>(
    page,
    'GET',
    '/beta/identity/conditionalAccess/policies',
  );
  await asColleague(page, 'PATCH', `/beta/identity/conditionalAccess/policies/${value[0]!.id}`, { displayName: longName });

  await section(page, 'Change history').click();
  const entry = page.getByRole('list', { name: 'Changes, newest first' }).getByRole('listitem').filter({ hasText: longName }).first();
  const link = entry.getByRole('link', { name: longName });
  await expect(link).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  const box = (await link.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(1280);
  await expect(entry.getByRole('button', { name: 'Show diff' })).toBeInViewport();
});
