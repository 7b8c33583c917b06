// Import of an export that carries bare ids (IntuneManagement's, from ../shared/corpus): Microsoft's
// built-in roles and apps are named and taken as the same id without asking, and the dozens of
// groups the tenant lacks are created in one action, each still a choice of its own row.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from './support/fixtures';
import { section } from './support/navigation';

const exported = resolve(process.cwd(), '../shared/corpus/j0eyv-baseline/Config');
const filesIn = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesIn(join(dir, entry.name)) : [join(dir, entry.name)],
  );
const AI_ADMINISTRATOR = 'd2562ede-74db-457e-a7b6-544e236ebb61';

test('an IntuneManagement export: built-in roles are named, and every missing group is created in one action', async ({
  page,
  signInPage,
}) => {
  test.skip(!existsSync(exported), 'needs ../shared/corpus (present in CI)');
  await page.goto('/');
  await signInPage.signInToDemoAs('Ada Lindqvist');
  await expect(page.getByRole('grid')).toBeVisible();
  await section(page, 'Import').click();
  await page.getByLabel('Files to import').setInputFiles(filesIn(exported));

  const blockers = page.getByRole('list', { name: 'What blocks applying' });
  await expect(blockers).toContainText("Choose what the group 'CA-BreakGlassAccounts - Exclude' becomes");
  // AI Administrator is not among the demo tenant's role templates: still the same role there, by name.
  await expect(blockers).not.toContainText(AI_ADMINISTRATOR);
  await expect(blockers).not.toContainText(/Choose what the (role|application) /);
  const mapping = page.getByRole('table', { name: 'How references map to this tenant' });
  await page.getByRole('switch', { name: /^Show all \d+ references/ }).check();
  const role = mapping.getByRole('row').filter({ hasText: AI_ADMINISTRATOR });
  await expect(role).toContainText('AI Administrator');
  await expect(role).toContainText('A built-in role: its template id is the same in every tenant.');
  await expect(role.getByRole('combobox', { name: 'In this tenant, AI Administrator becomes' })).toHaveText(
    'AI Administrator (the same id)',
  );

  const createAll = page.getByRole('button', { name: /^Create every missing group \(\d+\)$/ });
  const missing = Number(/\((\d+)\)/.exec((await createAll.textContent()) ?? '')![1]);
  expect(missing).toBeGreaterThan(30);
  await createAll.click();
  await expect(page.getByRole('status').filter({ hasText: `${missing} groups set to be created empty.` })).toBeVisible();
  await expect(page.getByText(/^Choose what the group /)).toHaveCount(0);
  await expect(createAll).toHaveText('Create every missing group (0)');
  const breakGlass = mapping.getByRole('combobox', { name: 'In this tenant, CA-BreakGlassAccounts - Exclude becomes' });
  await expect(breakGlass).toHaveText('Create an empty group of this name');
  const written = page.getByRole('table', { name: 'What the plan writes, in order' });
  await expect(written.getByRole('row').filter({ hasText: 'CA-BreakGlassAccounts - Exclude' })).toHaveCount(1);

  // Undone on its row like any choice: leaving the exclusion group out then asks to be confirmed.
  await breakGlass.click();
  await page.getByRole('option', { name: 'Leave it out' }).click();
  await expect(blockers).toContainText("Leaving out the group 'CA-BreakGlassAccounts - Exclude' widens");
  await expect(written.getByRole('row').filter({ hasText: 'CA-BreakGlassAccounts - Exclude' })).toHaveCount(0);
});
