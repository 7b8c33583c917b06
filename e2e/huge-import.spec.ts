// An export of far more policies than a tenant can hold (a tool's dump, a wrong folder): the page says
// so as soon as the file is read, stays answering, and draws the plan's rows a hundred at a time,
// every row reachable by "Show more" and the keyboard, the counts kept whole; "Choose policies…" finds the few wanted.
import { expect, test } from './support/fixtures';
import { importPoliciesFile } from './support/import-flow';

const POLICIES = 1500;

test('a file of 1,500 policies is named too many at once, and its plan shows in pages the keyboard can reach', async ({
  page,
  signInPage,
}) => {
  const policy = (i: number) => ({
    displayName: `Huge ${String(i).padStart(4, '0')}`,
    state: 'disabled',
    conditions: { users: { includeUsers: ['All'] }, applications: { includeApplications: ['All'] }, clientAppTypes: ['all'] },
    grantControls: { operator: 'OR', builtInControls: ['mfa'] },
    description: 'x'.repeat(400),
  });
  await importPoliciesFile(
    page,
    signInPage,
    'huge.json',
    Array.from({ length: POLICIES }, (_, i) => policy(i)),
  );

  // Said plainly, with the numbers and what to do.
  const warning = page.getByRole('group', { name: 'More policies than a tenant can hold' });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('This file holds 1,500 policies; a tenant holds at most 195, so they cannot all be written.');
  await expect(warning).toContainText('Choose a smaller file, or leave most of them out');

  // The plan counts every row, and draws the first hundred.
  await expect(page.getByRole('heading', { name: /^The plan for / })).toBeVisible();
  await expect(page.getByText(/1,500 to create/)).toBeVisible();
  await expect(page.getByText(/would hold \d+ policies; the service allows 195/).first()).toBeVisible();
  const rows = page.getByRole('table', { name: 'What the plan writes, in order' }).getByRole('row');
  await expect(rows).toHaveCount(101);
  await expect(page.getByText('Showing rows 1–100 of 1,500.')).toBeVisible();

  // "Show more" adds the next hundred and puts the keyboard on the first of them; Tab goes on into its choices.
  await page.getByRole('button', { name: 'Show 100 more' }).click();
  await expect(rows).toHaveCount(201);
  const row101 = rows.filter({ hasText: 'Huge 0100' });
  await expect(row101).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('combobox', { name: 'Action for Huge 0100' })).toBeFocused();
  await expect(page.getByText('Showing rows 1–200 of 1,500.')).toBeVisible();

  // The page answers a choice: states as in the import, made again, every row still counted.
  await page.getByRole('radio', { name: 'As in the import' }).check();
  await expect(page.getByRole('radio', { name: 'As in the import' })).toBeChecked();
  await expect(page.getByRole('combobox', { name: 'State for Huge 0000' })).toHaveText(/As in the import/);
  await expect(page.getByText('Showing rows 1–200 of 1,500.')).toBeVisible();

  // The admin picks the few wanted: the list draws a hundred, a filter finds each, the plan holds only those.
  await page.getByRole('button', { name: 'Choose policies…' }).click();
  const list = page.getByRole('group', { name: 'Policies to bring in' });
  await expect(list.getByRole('checkbox')).toHaveCount(100);
  await expect(page.getByText('Showing 100 of 1,500 policies.')).toBeVisible();
  await page.getByRole('button', { name: 'None', exact: true }).click();
  await expect(page.getByText('None of the 1,500 policies is chosen.')).toBeVisible();
  const filter = page.getByRole('searchbox', { name: 'Filter the policies' });
  await filter.fill('Huge 0042');
  await expect(list.getByRole('checkbox')).toHaveCount(1);
  await list.getByRole('checkbox', { name: 'Huge 0042' }).check();
  await filter.fill('Huge 1499');
  await list.getByRole('checkbox', { name: 'Huge 1499' }).check();
  await expect(page.getByText('2 of 1,500 policies are chosen.')).toBeVisible();
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: 'Huge 0042' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'Huge 1499' })).toHaveCount(1);
  await expect(page.getByText(/^Showing rows/)).toHaveCount(0);
});
