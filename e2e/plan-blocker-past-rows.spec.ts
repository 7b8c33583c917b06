// What blocks applying leads the keyboard to the choice on a blocked row's row even when that row is past the
// hundred rows the plan draws at first: the link draws the rows up to it and lands on its choice, which says the
// problem again (it landed on the table's heading before, and nothing said why).
import { expect, test } from './support/fixtures';
import { importPoliciesFile } from './support/import-flow';

const POLICIES = 120;
const BLOCKED = 110;

test('a blocker on row 111 of 120, by keys: its link draws the rows up to it and puts the focus on its choice', async ({
  page,
  signInPage,
}) => {
  const policy = (i: number) => ({
    displayName: `Many ${String(i).padStart(4, '0')}`,
    state: 'disabled',
    conditions: {
      // One policy includes no users: Graph would refuse it, and only leaving it out (its action) lifts that.
      users: i === BLOCKED ? {} : { includeUsers: ['All'] },
      applications: { includeApplications: ['All'] },
      clientAppTypes: ['all'],
    },
    grantControls: { operator: 'OR', builtInControls: ['mfa'] },
  });
  await importPoliciesFile(
    page,
    signInPage,
    'many.json',
    Array.from({ length: POLICIES }, (_, i) => policy(i)),
  );

  await expect(page.getByRole('heading', { name: /^The plan for / })).toBeVisible();
  const rows = page.getByRole('table', { name: 'What the plan writes, in order' }).getByRole('row');
  await expect(rows).toHaveCount(101);
  await expect(page.getByText(`Showing rows 1–100 of ${POLICIES}.`)).toBeVisible();

  const link = page.getByRole('list', { name: 'What blocks applying' }).getByRole('link', { name: /^Many 0110: Graph would refuse it/ });
  await link.focus();
  await page.keyboard.press('Enter');

  const action = page.getByRole('combobox', { name: 'Action for Many 0110' });
  await expect(action).toBeFocused();
  await expect(action).toHaveAccessibleDescription(/Graph would refuse it/);
  await expect(rows).toHaveCount(POLICIES + 1);
  await expect(page.getByText(/^Showing rows/)).toHaveCount(0);
});
